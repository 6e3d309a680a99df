import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, it } from "vitest";
import { DEMO, expectNoAxeViolations, launchBrowser, login, navLink, newPage } from "./browser.ts";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe("HSDS import page", () => {
  it("lets the coordination check an HSDS file and then import it", async () => {
    const { context, page } = await newPage(browser);
    try {
      await login(page, DEMO.coordinator);
      await navLink(page, "HSDS-Import").click();
      await page.getByRole("heading", { level: 1, name: "Verzeichnis importieren (HSDS 3.0)" }).waitFor();
      await expectNoAxeViolations(page);

      const chooser = page.waitForEvent("filechooser");
      await page.getByRole("button", { name: "HSDS-Datei (JSON)" }).click();
      await (await chooser).setFiles(path.resolve("tests/fixtures/hsds-3.0/organization_full.json"));
      await page.getByRole("heading", { level: 2, name: "Ergebnis der Prüfung" }).waitFor();
      await page.getByRole("cell", { name: "Example Organization Inc." }).waitFor();
      await page.getByText("0 abgelehnt").waitFor();
      await expectNoAxeViolations(page);

      await page.getByRole("button", { name: "Importieren" }).click();
      await page.getByRole("heading", { level: 2, name: "Ergebnis des Imports" }).waitFor();
      await page.getByText(/Import abgeschlossen: \d+ neu, 0 geändert\./).waitFor();
    } finally {
      await context.close();
    }
  });
});
