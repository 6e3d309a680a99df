import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chooseLanguage, DEMO, expectNoAxeViolations, launchBrowser, login, newPage } from "./browser.ts";

// The network effect panel on the demo's completed cohort (made by the trainings core's demo data),
// seen by its trainer: graphs before and after with their tables, the verdict, the window chosen by
// keyboard; axe-clean in German and in Arabic (right to left).
const COHORT = "Diversity-Beratung in eigener Organisation 2026/1";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function cohortId(page: Page): Promise<string> {
  const res = await page.request.get("/api/training-cohorts");
  expect(res.status(), await res.text()).toBe(200);
  const { items } = (await res.json()) as { items: { id: string; title: string }[] };
  const found = items.find((c) => c.title === COHORT);
  expect(found, `the demo cohort "${COHORT}"`).toBeDefined();
  return found?.id ?? "";
}

describe("the network effect panel", () => {
  it("shows the graphs before and after with tables, changes the window by keyboard, in German and Arabic", async () => {
    const { context, page } = await newPage(browser);
    try {
      await login(page, DEMO.trainer);
      const id = await cohortId(page);
      await page.goto(`/trainings/cohorts/${id}?tab=network`);
      await page.getByRole("heading", { name: "Netzwerkwirkung der Kohorte" }).waitFor();
      // Both graphs are images with a label that points to the table; the table holds the figures.
      await expect.poll(() => page.getByRole("img", { name: /^Verweisungsnetz/ }).count()).toBe(2);
      const comparison = page.getByRole("table", { name: /Kennzahlen je Gruppe/ });
      await comparison.waitFor();
      await expect.poll(() => comparison.getByRole("rowheader", { name: "Mögliche Paare" }).count()).toBe(1);
      await expect
        .poll(() =>
          page
            .getByText(
              /Eine Netzwerkwirkung zeigt sich|Keine Netzwerkwirkung nachweisbar|Noch kein Vergleich möglich/,
            )
            .count(),
        )
        .toBeGreaterThan(0);
      // No client appears anywhere: case pseudonyms look like F-XXXXXXXX.
      expect(await page.locator("main").textContent()).not.toMatch(/\bF-[A-Z0-9]{8}\b/);
      await expectNoAxeViolations(page);

      // Keyboard: Tab to the window, pick 365 days with the arrow keys; the windows move.
      const select = page.getByLabel("Zeitfenster vor Beginn und nach Ende");
      const windows = page.getByText(/^Vorher: /);
      const before = await windows.textContent();
      for (let i = 0; i < 40 && !(await select.evaluate((el) => el === document.activeElement)); i++)
        await page.keyboard.press("Tab");
      await expect.poll(() => select.evaluate((el) => el === document.activeElement)).toBe(true);
      await page.keyboard.press("ArrowDown");
      await expect.poll(() => select.inputValue()).toBe("365");
      await expect.poll(() => windows.textContent()).not.toBe(before);

      await chooseLanguage(page, "العربية");
      await page.getByRole("heading", { name: "أثر الدورة على الشبكة" }).waitFor();
      expect(await page.locator("html").getAttribute("dir")).toBe("rtl");
      await page.getByRole("table", { name: /الأرقام لكل مجموعة/ }).waitFor();
      await expectNoAxeViolations(page);
      await chooseLanguage(page, "Deutsch");
    } finally {
      await context.close();
    }
  });

  it("is not offered to a participant of the cohort", async () => {
    const { context, page } = await newPage(browser);
    try {
      await login(page, DEMO.company);
      const id = await cohortId(page);
      expect((await page.request.get(`/api/training-cohorts/${id}/network`)).status()).toBe(403);
      await page.goto(`/trainings/cohorts/${id}?tab=network`);
      await page.getByRole("tablist").waitFor();
      expect(await page.getByRole("tab", { name: "Netzwerkwirkung" }).count()).toBe(0);
    } finally {
      await context.close();
    }
  });
});
