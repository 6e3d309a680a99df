import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  chooseLanguage,
  DEMO,
  expectNoAxeViolations,
  launchBrowser,
  login,
  navLink,
  newPage,
} from "./browser.ts";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** The sentences in the "what happened" column of the log. */
const sentences = (table: ReturnType<import("playwright-core").Page["getByRole"]>) =>
  table.locator("tbody tr td:nth-child(3) p:first-child").allTextContents();

describe("audit log", () => {
  it("reads in words: who, for which organisation, did what to which record", async () => {
    const { context, page } = await newPage(browser);
    try {
      await login(page, DEMO.admin);
      await navLink(page, "Audit-Protokoll").click();
      await page.getByRole("heading", { level: 1, name: "Audit-Protokoll" }).waitFor();
      const table = page.getByRole("table");
      // Other browser tests add entries of their own: each sentence is looked for in its area.
      await page.getByLabel("Bereich").selectOption({ label: "Verweise" });
      // The volunteer's referral of the demo: the case by its reference, the offer and the receiver by name.
      const referral = table
        .getByRole("row")
        .filter({ hasText: /^.*Olena Kovalenko hat den Fall F-DEM\d+ an „.+“ von .+ verwiesen\./ });
      await referral.first().waitFor();
      await referral.first().getByText("Netzwerk Migrantenorganisationen Magdeburg (Demo)").waitFor();
      // A consent recorded by a counsellor names the client by reference only (an admin may not see the case).
      await page.getByLabel("Bereich").selectOption({ label: "Einwilligungen" });
      await table
        .getByText(/hat eine Einwilligung von K-DEM\d+ erfasst: Verweis an eine Organisation\./)
        .first()
        .waitFor();
      const text = (await table.textContent()) ?? "";
      expect(text).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/);
      expect(text).not.toMatch(/\b[a-z_]+\.(create|read|list|update|login|transition)\b/);
      await expectNoAxeViolations(page);

      // Narrowed to sign-ins and sign-outs (other browser tests log out too), every sentence is one
      // of them; a day in the future has none.
      await page.getByLabel("Bereich").selectOption({ label: "Anmeldungen" });
      await expect
        .poll(
          async () =>
            new Set(
              (await sentences(table)).map((s) =>
                s.replace(/^.+ hat sich (angemeldet|abgemeldet)\.$/, "session"),
              ),
            ),
        )
        .toEqual(new Set(["session"]));
      const first = table.locator("tbody tr").first();
      expect(await first.locator("td").nth(2).textContent()).toBe("Amir Haddad hat sich angemeldet.");
      await page.getByLabel("Von (Datum)").fill("2099-01-01");
      await page.getByText("Keine Einträge für diese Filter.").waitFor();
    } finally {
      await context.close();
    }
  });

  it("lets the network coordinator narrow the log to one organisation", async () => {
    const { context, page } = await newPage(browser);
    try {
      await login(page, DEMO.coordinator);
      await navLink(page, "Audit-Protokoll").click();
      const organisation = page.getByLabel("Organisation", { exact: true });
      await organisation
        .locator("option", { hasText: "Netzwerk Migrantenorganisationen Magdeburg (Demo)" })
        .waitFor({ state: "attached" });
      await organisation.selectOption({ label: "Netzwerk Migrantenorganisationen Magdeburg (Demo)" });
      await page.getByLabel("Bereich").selectOption({ label: "Anmeldungen" });
      const table = page.getByRole("table");
      // The coordinator's own logins belong to another organisation and leave the list.
      await expect.poll(() => table.getByText("Katrin Vogel hat sich angemeldet.").count()).toBe(0);
      await table.getByText("Amir Haddad hat sich angemeldet.").first().waitFor();
      // Counselling records of another organisation are that organisation's business.
      await page.getByLabel("Bereich").selectOption({ label: "Verweise" });
      await page.getByText("Keine Einträge für diese Filter.").waitFor();
    } finally {
      await context.close();
    }
  });

  it("hides the log's own readers when only changes are asked for", async () => {
    const { context, page } = await newPage(browser);
    try {
      await login(page, DEMO.admin);
      await navLink(page, "Audit-Protokoll").click();
      const table = page.getByRole("table");
      // Opening the log is itself a read of personal data, so it appears in the log.
      await table.getByText("Amir Haddad hat das Audit-Protokoll angesehen.").first().waitFor();
      await page.getByLabel("Art des Zugriffs").selectOption({ label: "Nur Änderungen" });
      await expect
        .poll(() => table.getByText("Amir Haddad hat das Audit-Protokoll angesehen.").count())
        .toBe(0);
      await table.getByText("Amir Haddad hat sich angemeldet.").first().waitFor();
    } finally {
      await context.close();
    }
  });

  it("passes axe in Arabic, with the sentences right to left", async () => {
    const { context, page } = await newPage(browser);
    try {
      await login(page, DEMO.admin);
      await chooseLanguage(page, "العربية");
      await page.goto("/audit");
      await page.getByRole("heading", { level: 1, name: "سجل التدقيق" }).waitFor();
      await page
        .getByRole("table")
        .getByText(/سجّل Amir Haddad الدخول\./)
        .first()
        .waitFor();
      await expectNoAxeViolations(page);
    } finally {
      await chooseLanguage(page, "Deutsch").catch(() => undefined);
      await context.close();
    }
  });
});
