import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chooseLanguage, DEMO, expectNoAxeViolations, launchBrowser, login, newPage } from "./browser.ts";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** The accessible name and role of the focused element. */
const focused = (page: Page) =>
  page.evaluate(() => ({
    role: document.activeElement?.getAttribute("role") ?? "",
    text: document.activeElement?.textContent?.trim() ?? "",
  }));

/**
 * Opens a header menu by keyboard, checks that focus lands on its first item and that axe finds
 * nothing with the menu open, then closes it with Escape and checks that focus returns.
 */
async function checkMenu(page: Page, button: RegExp) {
  const target = page.getByRole("button", { name: button });
  await target.focus();
  await page.keyboard.press("Enter");
  const menu = page.getByRole("menu");
  await menu.waitFor();
  const first = ((await menu.getByRole("menuitem").first().textContent()) ?? "").trim();
  await expect.poll(() => focused(page)).toEqual({ role: "menuitem", text: first });
  await expectNoAxeViolations(page);
  await page.keyboard.press("Escape");
  await menu.waitFor({ state: "detached" });
  await expect
    .poll(() => page.evaluate(() => document.activeElement?.getAttribute("aria-haspopup")))
    .toBe("menu");
}

describe("header menus", () => {
  for (const language of ["Deutsch", "العربية"] as const) {
    it(`open by keyboard on their first item and pass axe (${language})`, async () => {
      const { context, page } = await newPage(browser);
      try {
        await login(page, DEMO.counsellor);
        if (language !== "Deutsch") await chooseLanguage(page, language);
        await checkMenu(page, /^(Organisation wechseln|تغيير المنظمة)/);
        await checkMenu(page, /^(Sprache|اللغة):/);
        await checkMenu(page, /^(Benutzermenü|قائمة المستخدم)/);
      } finally {
        await context.close();
      }
    });
  }
});
