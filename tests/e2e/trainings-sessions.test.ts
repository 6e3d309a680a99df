import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chooseLanguage, DEMO, expectNoAxeViolations, launchBrowser, login, newPage } from "./browser.ts";

// The demo cohorts come from the core part; the sessions and attendance from
// src/server/demo/trainings-sessions.ts (the running KomBI cohort's latest held session is open).
const RUNNING = "KomBI-Laufbahnberatung Herbst 2026";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe("sessions and attendance in the browser", () => {
  it("the trainer goes from the start page to the open session and records it by keyboard alone", async () => {
    const { context, page } = await newPage(browser, { viewport: { width: 1024, height: 768 } });
    try {
      await login(page, DEMO.trainer);
      const open = page.getByRole("region", { name: "Anwesenheit noch zu erfassen", exact: true });
      await open.getByRole("link").first().click();
      await page.getByRole("heading", { level: 1, name: RUNNING }).waitFor();
      const groups = page.getByRole("radiogroup");
      await groups.first().waitFor();
      const count = await groups.count();
      expect(count).toBe(12);
      await expectNoAxeViolations(page);

      // One tab stop: the first radio of the grid; P/L/E/A set a status and go on to the next person.
      const first = groups.first().getByRole("radio", { name: "anwesend" });
      await first.focus();
      await page.keyboard.press("p");
      await page.keyboard.press("l");
      await page.keyboard.press("e");
      for (let i = 3; i < count; i++) await page.keyboard.press("p");
      // Back up to the fourth person with the arrow keys and mark them absent.
      for (let i = count - 1; i > 3; i--) await page.keyboard.press("ArrowUp");
      await page.keyboard.press("a");
      await expect
        .poll(() => groups.nth(1).getByRole("radio", { name: "verspätet" }).getAttribute("aria-checked"))
        .toBe("true");
      expect(await groups.nth(3).getByRole("radio", { name: "abwesend" }).getAttribute("aria-checked")).toBe(
        "true",
      );
      expect(await page.getByRole("radio", { checked: true }).count()).toBe(count);
      await expect
        .poll(() => page.getByRole("status").filter({ hasText: "Nicht gespeichert: 12" }).count())
        .toBe(1);
      await page.keyboard.press("Control+Enter");
      await page.getByText("Anwesenheit gespeichert (12 Personen).").waitFor();
      await expect.poll(() => page.getByText(/Nicht gespeichert/).count()).toBe(0);

      // The totals and the sessions tab, checked by axe in German and in Arabic.
      await page.getByRole("region", { name: "Summen je Person" }).waitFor();
      await page.getByRole("tab", { name: "Termine" }).click();
      await page.getByRole("button", { name: "Termin hinzufügen" }).waitFor();
      await expectNoAxeViolations(page);

      // A calendar address for the cohort: shown once, and it answers with the sessions.
      await page.getByRole("button", { name: "Adresse erstellen" }).click();
      const address = await page.getByRole("textbox", { name: "Kalenderadresse" }).inputValue();
      const ics = await page.request.get(address);
      expect(ics.status()).toBe(200);
      expect((await ics.text()).match(/BEGIN:VEVENT/g)).toHaveLength(7);
      expect(await ics.text()).toContain("STATUS:CANCELLED");

      await chooseLanguage(page, "العربية");
      await page.getByRole("button", { name: "إضافة موعد" }).waitFor();
      await expectNoAxeViolations(page);
      await page.getByRole("tab", { name: "الحضور", exact: true }).click();
      await page.getByRole("radiogroup").first().waitFor();
      await expectNoAxeViolations(page);
      await chooseLanguage(page, "Deutsch");
    } finally {
      await context.close();
    }
  });

  it("the trainer's start page names own cohorts and next sessions", async () => {
    const { context, page } = await newPage(browser);
    try {
      await login(page, DEMO.trainer);
      const cohorts = page.getByRole("region", { name: "Ihre Kohorten", exact: true });
      await cohorts.getByRole("link", { name: RUNNING }).waitFor();
      await page
        .getByRole("region", { name: "Nächste Termine", exact: true })
        .getByRole("link")
        .first()
        .waitFor();
      await expectNoAxeViolations(page);
    } finally {
      await context.close();
    }
  });

  it("a participant sees their own trainings and only their own attendance", async () => {
    const { context, page } = await newPage(browser);
    try {
      await login(page, DEMO.volunteer);
      await page.goto("/trainings/mine");
      await page.getByRole("heading", { level: 1, name: "Meine Weiterbildungen" }).waitFor();
      await page.getByRole("heading", { level: 2, name: RUNNING }).waitFor();
      await page
        .getByText(/von \d+ Terminen besucht/)
        .first()
        .waitFor();
      await expectNoAxeViolations(page);
      await page.getByRole("link", { name: "Zur Kohorte" }).first().click();
      await page.getByRole("tab", { name: "Anwesenheit", exact: true }).click();
      const totals = page.getByRole("region", { name: "Summen je Person" });
      await totals.getByRole("table").waitFor();
      expect(await totals.getByRole("row").count()).toBe(2);
      expect(await page.getByRole("radiogroup").count()).toBe(0);
      await chooseLanguage(page, "العربية");
      await page.getByRole("region", { name: "المجاميع لكل شخص" }).getByRole("table").waitFor();
      await expectNoAxeViolations(page);
      await chooseLanguage(page, "Deutsch");
    } finally {
      await context.close();
    }
  });
});
