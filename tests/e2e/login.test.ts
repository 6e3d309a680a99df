import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chooseLanguage, DEMO, DEMO_PASSWORD, launchBrowser, newPage, passwordField } from "./browser.ts";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** What has keyboard focus: tag, type and accessible label of the active element. */
const focused = (page: import("playwright-core").Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return {
      tag: el?.tagName ?? "",
      type: el?.getAttribute("type") ?? "",
      text: el?.textContent?.trim() ?? "",
    };
  });

describe("login", () => {
  it("works with the keyboard alone: skip link first, then Tab, type and Enter", async () => {
    const { context, page } = await newPage(browser);
    try {
      await page.goto("/login");
      await page.getByRole("heading", { level: 1, name: "Anmelden" }).waitFor();

      await page.keyboard.press("Tab");
      expect(await focused(page)).toMatchObject({ tag: "A", text: "Zum Inhalt springen" });

      // Tab on until the e-mail field has focus; it must be reachable in a few steps.
      let steps = 0;
      while ((await focused(page)).type !== "email") {
        steps += 1;
        expect(steps, "e-mail field not reached by Tab").toBeLessThan(8);
        await page.keyboard.press("Tab");
      }
      await page.keyboard.type(DEMO.admin);
      await page.keyboard.press("Tab");
      expect((await focused(page)).type).toBe("password");
      await page.keyboard.type(DEMO_PASSWORD);
      await page.keyboard.press("Enter");

      await page.getByRole("navigation", { name: "Hauptnavigation" }).waitFor();
      await page.getByRole("heading", { level: 1, name: "Guten Tag, Amir Haddad" }).waitFor();
    } finally {
      await context.close();
    }
  });

  it("shows the translated error for a wrong password", async () => {
    const { context, page } = await newPage(browser);
    try {
      await page.goto("/login");
      await page.getByLabel("E-Mail-Adresse").fill(DEMO.trainer);
      await passwordField(page, "Passwort").fill("not-the-password");
      await page.getByRole("button", { name: "Anmelden" }).click();
      const alert = page.getByRole("alert");
      await alert.getByText("E-Mail-Adresse oder Passwort sind falsch.").waitFor();
      expect(new URL(page.url()).pathname).toBe("/login");

      await chooseLanguage(page, "English");
      await page.getByRole("button", { name: "Log in" }).click();
      await page.getByRole("alert").getByText("E-mail address or password is wrong.").waitFor();
    } finally {
      await context.close();
    }
  });

  it("answers a reset request the same way for any address", async () => {
    const { context, page } = await newPage(browser);
    try {
      await page.goto("/login");
      await page.getByRole("link", { name: "Passwort vergessen?" }).click();
      await page.getByRole("heading", { level: 1, name: "Passwort vergessen" }).waitFor();
      await page.getByLabel("E-Mail-Adresse").fill("niemand@lotse.example");
      await page.getByRole("button", { name: "Link anfordern" }).click();
      await page
        .getByRole("status")
        .getByText(/Wenn zu dieser Adresse ein Konto besteht/)
        .waitFor();
    } finally {
      await context.close();
    }
  });
});
