import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectNoAxeViolations, launchBrowser, newPage, PHONE } from "./browser.ts";

// The distances themselves come from the server's search (near → FinderResults.near and
// distanceKm per offer): the last two tests need it and fail while the server answers near: null.

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function resultsSettled(page: Page) {
  await page.locator('section[aria-busy="false"]').waitFor();
}

/** "3,4 km entfernt" → 3.4 */
const kilometres = (text: string) => Number(text.match(/\d+(?:[.,]\d+)?/)?.[0].replace(",", "."));

describe("searching near a postcode or place", () => {
  it("puts the place into the address and the search, and keeps it across languages", async () => {
    const { context, page } = await newPage(browser, { viewport: PHONE });
    try {
      await page.goto("/finder?lang=de&type=anerkennungsberatung");
      await resultsSettled(page);
      const near = page.getByLabel("In der Nähe von: Postleitzahl oder Ort");
      await near.fill("39104");
      const request = page.waitForRequest(
        (r) => r.url().includes("/api/finder/offers?") && r.url().includes("near=39104"),
      );
      await near.press("Enter");
      await request;
      await page.waitForURL(/near=39104/);
      expect(page.url()).toContain("type=anerkennungsberatung");
      await page.getByRole("navigation", { name: "Sprache" }).getByRole("link", { name: "العربية" }).click();
      await page.getByRole("heading", { level: 1, name: "ابحث عن العروض" }).waitFor();
      expect(await page.getByLabel("بالقرب من: الرمز البريدي أو اسم المكان").inputValue()).toBe("39104");
      expect(page.url()).toContain("near=39104");
    } finally {
      await context.close();
    }
  });

  it("shows each result's distance, nearest first, and where it is measured from [needs the server's distances]", async () => {
    const { context, page } = await newPage(browser, { viewport: PHONE });
    try {
      await page.goto("/finder?lang=de&near=39104&type=anerkennungsberatung");
      await resultsSettled(page);
      await page
        .getByRole("status")
        .filter({ hasText: "Die nächsten Angebote zuerst, Entfernung ab" })
        .waitFor();
      await page.getByRole("status").filter({ hasText: "39104" }).waitFor();
      const distances = await page.locator(".offer-card__distance").allInnerTexts();
      expect(distances.length).toBeGreaterThan(1);
      expect(distances[0]).toMatch(/^\d+(,\d)? km entfernt$/);
      const km = distances.map(kilometres);
      expect(km).toEqual([...km].sort((a, b) => a - b));
      // In Arabic the distance reads right to left with the number as its own island.
      await page.goto("/finder?lang=ar&near=Halberstadt&type=anerkennungsberatung");
      await resultsSettled(page);
      const first = page.locator(".offer-card__distance").first();
      expect(await first.textContent()).toMatch(/^على بعد \d+(٫\d|\.\d)? كم$/);
      expect(await first.locator("bdi").count()).toBe(1);
      await expectNoAxeViolations(page);
    } finally {
      await context.close();
    }
  });

  it("says politely when it does not know the place [needs the server's distances]", async () => {
    const { context, page } = await newPage(browser);
    try {
      await page.goto("/finder?lang=de&near=Atlantis");
      await resultsSettled(page);
      await page
        .getByRole("status")
        .filter({ hasText: "Den Ort „Atlantis“ kennen wir in Sachsen-Anhalt nicht." })
        .waitFor();
      expect(await page.locator(".offer-card__distance").count()).toBe(0);
      await page.goto("/finder?lang=uk&near=Atlantis");
      await resultsSettled(page);
      await page
        .getByRole("status")
        .filter({ hasText: "Місце «Atlantis» у Саксонії-Ангальт нам невідоме." })
        .waitFor();
    } finally {
      await context.close();
    }
  });
});
