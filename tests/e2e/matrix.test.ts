import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO, expectNoAxeViolations, launchBrowser, login, navLink, newPage } from "./browser.ts";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe("directory matrix", () => {
  it("shows the coordinator phases × districts with gaps marked in words, the offers of a cell and a CSV", async () => {
    const { context, page } = await newPage(browser);
    try {
      await login(page, DEMO.coordinator);
      await navLink(page, "Angebotsmatrix").click();
      await page.getByRole("heading", { level: 1, name: "Angebotsmatrix" }).waitFor();
      const table = page.getByRole("table", { name: "Aktive Angebote je Phase und Landkreis" });
      await table.waitFor();
      await expectNoAxeViolations(page);
      expect(await table.getByRole("rowheader").allInnerTexts()).toEqual([
        "1. Zugang, Ansprache und Information",
        "2. Berufliche Orientierung und Planung",
        "3. Umsetzung und Qualifizierung",
        "4. Einstieg in Arbeit",
        "5. Stabilisierung und Weiterentwicklung",
        "Gesamt",
      ]);

      const cell = table.getByRole("button", {
        name: /^2\. Berufliche Orientierung und Planung in Magdeburg: \d+ Angebote$/,
      });
      await cell.click();
      const dialog = page.getByRole("dialog", { name: "2. Berufliche Orientierung und Planung – Magdeburg" });
      await dialog.getByRole("link").first().waitFor();
      await expectNoAxeViolations(page);
      await page.keyboard.press("Escape");
      await dialog.waitFor({ state: "detached" });

      const csv = page.getByRole("link", { name: "Als CSV herunterladen" });
      expect(await csv.getAttribute("href")).toBe("/api/directory/matrix.csv?by=phase");
      const res = await page.request.get("/api/directory/matrix.csv?by=phase");
      expect(res.status()).toBe(200);
      expect((await res.text()).split("\r\n")[0]).toMatch(/^\uFEFFPhase;Dessau-Roßlau;/);

      await page.getByText("Angebotsarten").click();
      await page.getByRole("table", { name: "Aktive Angebote je Angebotsart und Landkreis" }).waitFor();
      // Gaps carry a word, so they do not depend on colour.
      expect(await page.getByRole("button", { name: /: Lücke, kein Angebot$/ }).count()).toBeGreaterThan(0);
      await expectNoAxeViolations(page);
    } finally {
      await context.close();
    }
  });
});
