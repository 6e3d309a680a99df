import fs from "node:fs/promises";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  apiPost,
  DEMO,
  expectNoAxeViolations,
  launchBrowser,
  login,
  newPage,
  openNewCase,
} from "./browser.ts";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** A minimal PDF: the server checks the first bytes, not the rest. */
const SMALL_PDF = Buffer.from(
  "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n",
  "latin1",
);

describe("consents", () => {
  it("lets a counsellor give, document and withdraw a referral consent and print the sheet", async () => {
    const { context, page } = await newPage(browser);
    const name = `Rana Haddad ${Date.now()}`;
    try {
      await login(page, DEMO.counsellor);
      await openNewCase(page, name, { typed: "Arab", option: "Arabisch (ar)" });
      await page.getByRole("tab", { name: "Einwilligungen" }).click();
      const panel = page.getByRole("region", { name: "Einwilligungen" });
      await panel.getByText("Für diese Person ist noch keine Einwilligung erfasst.").waitFor();
      await expectNoAxeViolations(page);

      await panel.getByRole("button", { name: "Einwilligung erfassen" }).click();
      const dialog = page.getByRole("dialog", { name: "Einwilligung erfassen" });
      await dialog.getByLabel(/^Zweck/).selectOption({ label: "Verweis an eine Organisation" });
      const recipient = dialog.getByRole("combobox", { name: /^Empfangende Organisation/ });
      await recipient.fill("Jobcenter Halle");
      await page.getByRole("option", { name: "Jobcenter Halle (Saale) (Demo)" }).click();
      await dialog.getByRole("checkbox", { name: "Identität (Name, Geburtsdatum)" }).check();
      await dialog.getByRole("checkbox", { name: "Qualifikationen" }).check();
      const basis = dialog.getByLabel(/^Rechtsgrundlage/);
      expect(await basis.inputValue()).toBe("art6_1a");
      // Special categories propose the explicit consent of Art. 9; taking them out goes back.
      const special = dialog.getByRole("checkbox", { name: /^Besondere Kategorien/ });
      await special.check();
      expect(await basis.inputValue()).toBe("art9_2a");
      await special.uncheck();
      expect(await basis.inputValue()).toBe("art6_1a");
      // Informed in the client's first preferred language unless the counsellor picks another.
      expect(await dialog.getByRole("combobox", { name: /^Informiert auf/ }).inputValue()).toBe(
        "Arabisch (ar)",
      );
      // An oral consent without a file note comes back with the server's message beside the field.
      await dialog.getByRole("radio", { name: "Mündlich (mit Aktenvermerk)" }).check();
      await dialog.getByRole("button", { name: "Einwilligung speichern" }).click();
      const note = dialog.getByLabel(/^Aktenvermerk/);
      await expect.poll(() => note.getAttribute("aria-invalid")).toBe("true");
      await dialog.getByText("Für eine mündliche Einwilligung ist ein Aktenvermerk nötig.").waitFor();
      await expectNoAxeViolations(page);
      await dialog.getByRole("radio", { name: "Unterschrieben" }).check();
      await dialog.getByRole("button", { name: "Einwilligung speichern" }).click();
      await dialog.waitFor({ state: "detached" });

      const row = panel.getByRole("row", { name: /Verweis an eine Organisation/ });
      await row.getByText("An: Jobcenter Halle (Saale) (Demo)").waitFor();
      await row.getByRole("cell", { name: "Aktiv", exact: true }).waitFor();
      await row.getByRole("cell", { name: "Kein Scan", exact: true }).waitFor();

      await row.getByRole("button", { name: /^Scan hochladen/ }).click();
      const upload = page.getByRole("dialog", { name: "Unterschriebenen Bogen hochladen" });
      await upload
        .locator('input[type="file"]')
        .setInputFiles({ name: "einwilligung-verweis.pdf", mimeType: "application/pdf", buffer: SMALL_PDF });
      await expectNoAxeViolations(page);
      await upload.getByRole("button", { name: "Hochladen" }).click();
      await upload.waitFor({ state: "detached" });
      const scan = row.getByRole("link", { name: /einwilligung-verweis\.pdf/ });
      await scan.waitFor();
      const file = await page.request.get((await scan.getAttribute("href")) ?? "");
      expect(file.headers()["content-type"]).toBe("application/pdf");
      expect((await file.body()).subarray(0, 5).toString("latin1")).toBe("%PDF-");

      // Withdrawing is as easy as giving: one button in the row, one confirmation.
      await row.getByRole("button", { name: /^Widerrufen/ }).focus();
      await page.keyboard.press("Enter");
      const confirm = page.getByRole("dialog", { name: "Einwilligung widerrufen" });
      await confirm.getByText(/Jobcenter Halle \(Saale\) \(Demo\)/).waitFor();
      await confirm.getByRole("button", { name: "Jetzt widerrufen" }).click();
      await confirm.waitFor({ state: "detached" });
      await row.getByRole("cell", { name: "Widerrufen", exact: true }).waitFor();
      expect(await row.getByRole("button", { name: /^Widerrufen/ }).count()).toBe(0);
      await expectNoAxeViolations(page);

      await panel.getByRole("button", { name: "Informations- und Einwilligungsbogen drucken" }).click();
      const sheet = page.getByRole("dialog", { name: "Informations- und Einwilligungsbogen" });
      expect(await sheet.getByLabel(/^Zweite Sprache/).inputValue()).toBe("ar");
      await sheet.getByRole("checkbox", { name: "Statistik für die Förderberichte" }).uncheck();
      await expectNoAxeViolations(page);
      const open = sheet.getByRole("link", { name: "PDF öffnen (neuer Tab)" });
      const href = new URL((await open.getAttribute("href")) ?? "", page.url());
      expect(href.searchParams.get("language")).toBe("ar");
      expect(href.searchParams.get("purposes")?.split(",")).not.toContain("statistics");
      const pdf = await page.request.get(href.pathname + href.search);
      expect(pdf.status()).toBe(200);
      expect(pdf.headers()["content-type"]).toBe("application/pdf");
      expect((await pdf.body()).subarray(0, 5).toString("latin1")).toBe("%PDF-");
    } finally {
      await context.close();
    }
  });

  it("shows a volunteer the register of an assigned case without the means to change it", async () => {
    // The volunteer's organisation needs a counsellor to open a case and assign it to her.
    const admin = await newPage(browser);
    let counsellorEmail = "";
    let volunteerId = "";
    try {
      await login(admin.page, DEMO.admin);
      const session = await (await admin.page.request.get("/api/session")).json();
      const members = await (
        await admin.page.request.get(`/api/organisations/${session.active.organisationId}/members?limit=100`)
      ).json();
      type M = { userId: string; email: string; role: string; status: string };
      const items = members.items as M[];
      counsellorEmail = items.find((m) => m.role === "counsellor" && m.status === "active")?.email ?? "";
      volunteerId = items.find((m) => m.email === DEMO.volunteer)?.userId ?? "";
      expect(counsellorEmail).not.toBe("");
      expect(volunteerId).not.toBe("");
    } finally {
      await admin.context.close();
    }

    const name = `Oksana Melnyk ${Date.now()}`;
    const counsellor = await newPage(browser);
    let caseId = "";
    try {
      await login(counsellor.page, counsellorEmail);
      const created = await apiPost<{ id: string; client: { id: string } }>(counsellor.page, "/api/cases", {
        client: { name, preferredLanguages: ["uk"] },
        assigneeUserId: volunteerId,
      });
      caseId = created.id;
      await apiPost(counsellor.page, `/api/clients/${created.client.id}/consents`, {
        purpose: "counselling_documentation",
        legalBasis: "art6_1a",
        dataCategories: ["identity", "contact"],
        informedLanguage: "uk",
        form: "oral",
        fileNote: "Am Telefon mit Sprachmittlerin erklärt.",
      });
    } finally {
      await counsellor.context.close();
    }

    const { context, page } = await newPage(browser);
    try {
      await login(page, DEMO.volunteer);
      await page.goto(`/cases/${caseId}?tab=consents`);
      const panel = page.getByRole("region", { name: "Einwilligungen" });
      const row = panel.getByRole("row", { name: /Beratungsdokumentation/ });
      await row.getByText("Aktenvermerk: Am Telefon mit Sprachmittlerin erklärt.").waitFor();
      await row.getByText("Informiert auf Ukrainisch").waitFor();
      await row.getByRole("cell", { name: "Aktiv", exact: true }).waitFor();
      expect(await panel.getByRole("button", { name: "Einwilligung erfassen" }).count()).toBe(0);
      expect(await panel.getByRole("button", { name: /^Widerrufen/ }).count()).toBe(0);
      expect(await panel.getByRole("button", { name: /^Scan hochladen/ }).count()).toBe(0);
      // Access and erasure are the counsellors' work: the volunteer has no data-protection tab.
      expect(await page.getByRole("tab", { name: "Datenschutz" }).count()).toBe(0);
      await expectNoAxeViolations(page);
    } finally {
      await context.close();
    }
  });
});

describe("data protection", () => {
  it("exports a person's data and erases the person after the pseudonym is typed", async () => {
    const { context, page } = await newPage(browser);
    const name = `Yusuf Demir ${Date.now()}`;
    try {
      await login(page, DEMO.counsellor);
      const caseId = await openNewCase(page, name, { typed: "Türk", option: "Türkisch (tr)" });
      const caseUrl = new URL(page.url()).pathname;
      const record = await (await page.request.get(`/api/cases/${caseId}`)).json();
      const pseudonym = record.client.pseudonym as string;

      await page.getByRole("tab", { name: "Datenschutz" }).click();
      await page.getByRole("region", { name: /^Auskunft/ }).waitFor();
      await expectNoAxeViolations(page);

      const [download] = await Promise.all([
        page.waitForEvent("download"),
        page.getByRole("link", { name: "Auskunft: alle Daten exportieren (JSON)" }).click(),
      ]);
      const exported = JSON.parse(await fs.readFile((await download.path()) ?? "", "utf8"));
      expect(JSON.stringify(exported)).toContain(name);
      const pdfLink = page.getByRole("link", { name: "Auskunft als lesbares PDF" });
      const pdf = await page.request.get((await pdfLink.getAttribute("href")) ?? "");
      expect(pdf.headers()["content-type"]).toBe("application/pdf");

      await page.getByRole("button", { name: "Person vollständig löschen", exact: true }).click();
      const dialog = page.getByRole("dialog", { name: "Person endgültig löschen?" });
      const erase = dialog.getByRole("button", { name: "Endgültig löschen" });
      const typed = dialog.getByLabel(`Zur Bestätigung das Pseudonym der Person eingeben: ${pseudonym}`);
      await typed.fill("falsch");
      expect(await erase.isDisabled()).toBe(true);
      await expectNoAxeViolations(page);
      await typed.fill(pseudonym);
      await erase.click();
      await page.waitForURL((url) => url.pathname === "/cases");
      await page.getByText(`Die Person ${pseudonym} ist gelöscht.`).waitFor();

      await page.goto(caseUrl);
      await page.getByRole("alert").getByText("Nicht gefunden.").waitFor();
      expect((await page.request.get(`/api/cases/${caseId}`)).status()).toBe(404);
    } finally {
      await context.close();
    }
  });
});
