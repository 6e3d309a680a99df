import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  chooseLanguage,
  DEMO,
  DEMO_PASSWORD,
  launchBrowser,
  login,
  newPage,
  passwordField,
} from "./browser.ts";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const htmlAttributes = (page: import("playwright-core").Page) =>
  page.evaluate(() => ({ lang: document.documentElement.lang, dir: document.documentElement.dir }));

describe("interface language", () => {
  it("starts in German with a left-to-right page", async () => {
    const { context, page } = await newPage(browser);
    try {
      await page.goto("/login");
      await page.getByRole("heading", { level: 1, name: "Anmelden" }).waitFor();
      expect(await htmlAttributes(page)).toEqual({ lang: "de", dir: "ltr" });
    } finally {
      await context.close();
    }
  });

  it("switches to Arabic right to left, keeps it on reload and as the account's preference", async () => {
    const first = await newPage(browser);
    try {
      await login(first.page, DEMO.trainer);
      await chooseLanguage(first.page, "العربية");
      expect(await htmlAttributes(first.page)).toEqual({ lang: "ar", dir: "rtl" });
      await first.page
        .getByRole("navigation", { name: "التنقل الرئيسي" })
        .getByRole("link", { name: "البداية" })
        .waitFor();
      await first.page.getByRole("heading", { level: 1, name: "مرحبًا، Thomas Richter" }).waitFor();
      expect(await first.page.evaluate(() => localStorage.getItem("lotse.lang"))).toBe("ar");

      await first.page.reload();
      await first.page.getByRole("heading", { level: 1, name: "مرحبًا، Thomas Richter" }).waitFor();
      expect(await htmlAttributes(first.page)).toEqual({ lang: "ar", dir: "rtl" });
    } finally {
      await first.context.close();
    }

    // A new browser without local storage takes the language from the account at login.
    const second = await newPage(browser);
    try {
      await second.page.goto("/login");
      await second.page.getByLabel("E-Mail-Adresse").fill(DEMO.trainer);
      await passwordField(second.page, "Passwort").fill(DEMO_PASSWORD);
      await second.page.getByRole("button", { name: "Anmelden" }).click();
      await second.page.getByRole("navigation", { name: "التنقل الرئيسي" }).waitFor();
      expect(await htmlAttributes(second.page)).toEqual({ lang: "ar", dir: "rtl" });

      // Back to German, so that the account leaves this test as it came.
      await chooseLanguage(second.page, "Deutsch");
      await second.page.getByRole("navigation", { name: "Hauptnavigation" }).waitFor();
      expect(await htmlAttributes(second.page)).toEqual({ lang: "de", dir: "ltr" });
      // The preference is saved in the background: wait for it rather than race it.
      await expect
        .poll(async () => (await (await second.page.request.get("/api/session")).json()).user.locale)
        .toBe("de");
    } finally {
      await second.context.close();
    }
  });

  it("makes a language chosen before login the account's new preference", async () => {
    const { context, page } = await newPage(browser);
    try {
      await page.goto("/login");
      await chooseLanguage(page, "English");
      await page.getByLabel("E-mail address").fill(DEMO.company);
      await passwordField(page, "Password").fill(DEMO_PASSWORD);
      await page.getByRole("button", { name: "Log in" }).click();
      await page.getByRole("navigation", { name: "Main navigation" }).waitFor();
      await page.getByRole("heading", { level: 1, name: "Hello, Ute Neumann" }).waitFor();
      await expect
        .poll(async () => (await (await page.request.get("/api/session")).json()).user.locale)
        .toBe("en");

      await chooseLanguage(page, "Deutsch");
      await page.getByRole("navigation", { name: "Hauptnavigation" }).waitFor();
      await expect
        .poll(async () => (await (await page.request.get("/api/session")).json()).user.locale)
        .toBe("de");
    } finally {
      await context.close();
    }
  });
});
