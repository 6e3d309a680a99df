import { execFile } from "node:child_process";
import { promisify } from "node:util";
import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  apiPost,
  chooseLanguage,
  DEMO,
  expectNoAxeViolations,
  launchBrowser,
  login,
  navLink,
  newPage,
  openNewCase,
} from "./browser.ts";

const run = promisify(execFile);

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const COMPANY = "Elbtal Maschinenbau GmbH (Demo)";

/** The client's consent to share the competence profile with the company, given through the API. */
async function giveSharingConsent(page: Page, clientId: string): Promise<string> {
  const orgs = await (
    await page.request.get(`/api/directory/organisations?q=${encodeURIComponent("Elbtal Maschinenbau")}`)
  ).json();
  const company = (orgs.items as { id: string; name: string }[]).find((o) => o.name === COMPANY);
  expect(company).toBeDefined();
  const consent = await apiPost<{ id: string }>(page, `/api/clients/${clientId}/consents`, {
    purpose: "competence_profile_sharing",
    recipientOrganisationId: company?.id,
    legalBasis: "art6_1a",
    dataCategories: ["identity", "competence_profile"],
    informedLanguage: "ar",
    form: "signed",
  });
  return consent.id;
}

/** Picks an ESCO skill in a competence card: types the German words, chooses the found label. */
async function codeSkill(page: Page, card: Locator, typed: string, found: RegExp) {
  const search = card.getByRole("combobox", { name: /^ESCO-Kompetenz suchen/ });
  await search.fill(typed);
  const option = page.getByRole("option", { name: found }).first();
  await option.waitFor();
  return option;
}

/** A tab of the profile page. */
const openTab = async (page: Page, name: string) => {
  await page.getByRole("tab", { name, exact: true }).click();
  await page.getByRole("tab", { name, exact: true, selected: true }).waitFor();
  // Checked once loaded: the spinner's own label is no part of the page being checked.
  await expect.poll(() => page.locator(".mantine-Loader-root").count()).toBe(0);
};

/** Saves the editor's changes and waits until the saved version is shown. */
async function save(page: Page) {
  await page.getByRole("button", { name: "Änderungen speichern" }).click();
  await page.getByText("Alles gespeichert.").waitFor();
}

describe("competence documentation", () => {
  it("builds a profile in the four KomBI steps, codes ESCO skills in German, prints it bilingually and shares two sections under consent", async () => {
    const { context, page } = await newPage(browser);
    const name = `Rana Haddad ${Date.now()}`;
    let consentId = "";
    try {
      await login(page, DEMO.counsellor);
      const caseId = await openNewCase(page, name, { typed: "Arab", option: "Arabisch (ar)" });
      const record = await (await page.request.get(`/api/cases/${caseId}`)).json();
      const clientId = record.client.id as string;
      consentId = await giveSharingConsent(page, clientId);

      // The case's overview leads to the competence documentation.
      await page.getByRole("link", { name: "Kompetenzdokumentation öffnen" }).click();
      await page.getByRole("heading", { level: 1, name: `Kompetenzdokumentation: ${name}` }).waitFor();
      await expectNoAxeViolations(page);
      await page.getByRole("button", { name: "Kompetenzprofil beginnen" }).click();

      // Step 1: life and work phases.
      await page.getByRole("button", { name: "Phase hinzufügen" }).click();
      const phase = page.getByRole("region", { name: "Phase 1" });
      await phase.getByLabel("Art der Phase").selectOption({ label: "Arbeit" });
      await phase.getByLabel(/^Von \(Monat\)/).fill("2012-03");
      // A reversed period comes back with the server's message beside the field, and nothing is saved.
      await phase.getByLabel(/^Bis \(Monat/).fill("2011-08");
      await phase.getByRole("textbox", { name: "Ort" }).fill("Aleppo");
      const country = phase.getByRole("combobox", { name: "Land" });
      await country.fill("Syr");
      await page.getByRole("option", { name: "Syrien" }).click();
      await phase.getByLabel(/^Bezeichnung/).fill("Lagerarbeit in Aleppo");
      await page.getByRole("button", { name: "Änderungen speichern" }).click();
      // The card is named by its title now.
      const named = page.getByRole("region", { name: "Lagerarbeit in Aleppo" });
      const namedUntil = named.getByLabel(/^Bis \(Monat/);
      await expect.poll(() => namedUntil.getAttribute("aria-invalid")).toBe("true");
      await named.getByText("Das Ende liegt vor dem Beginn.").waitFor();
      await expectNoAxeViolations(page);
      await namedUntil.fill("2015-08");
      await save(page);

      // Step 2: activities of the phase.
      await page.getByRole("button", { name: "Nächster Schritt" }).click();
      await page.getByRole("button", { name: "Tätigkeit hinzufügen: Lagerarbeit in Aleppo" }).click();
      await page
        .getByLabel(/^Tätigkeit 1 \(Lagerarbeit in Aleppo\)/)
        .fill("Waren mit dem Gabelstapler eingelagert und Kunden am Telefon beraten");
      await save(page);

      // Step 3: two competences coded to ESCO by German words, one of them with a typo.
      await page.getByRole("button", { name: "Nächster Schritt" }).click();
      await page.getByRole("button", { name: "Kompetenz hinzufügen" }).click();
      const first = page.getByRole("region", { name: "Kompetenz 1" });
      await (await codeSkill(page, first, "Gabelstapler", /^Gabelstapler bedienen/)).click();
      const forklift = page.getByRole("region", { name: "Gabelstapler bedienen" });
      await forklift.getByText("Gabelstapler bedienen / operate forklift").waitFor();
      await forklift.getByRole("checkbox", { name: "Arbeitsprobe" }).check();
      await forklift.getByLabel("Selbsteinschätzung").selectOption({ label: "3 – Fortgeschritten" });
      await forklift.getByLabel("Einschätzung Beratung").selectOption({ label: "3 – Fortgeschritten" });
      await page.getByRole("button", { name: "Kompetenz hinzufügen" }).click();
      const second = page.getByRole("region", { name: "Kompetenz 2" });
      // "Kundenberatng": the typo still finds the skill through its German alternative label.
      const typo = await codeSkill(page, second, "Kundenberatng", /Kundenbetreuung pflegen/);
      await expect.poll(() => typo.textContent()).toContain("gefunden über: Kundenberatung aufrechterhalten");
      await expect.poll(() => typo.textContent()).toContain("maintain customer service");
      await expectNoAxeViolations(page);
      await typo.click();
      const service = page.getByRole("region", { name: "Kundenbetreuung pflegen" });
      await service.getByLabel("Lernkontext").selectOption({ label: "Informell" });
      await service.getByRole("checkbox", { name: "In der Beratung beobachtet" }).check();
      await save(page);

      // Step 4: a goal, taken over into the case's next steps.
      await page.getByRole("button", { name: "Nächster Schritt" }).click();
      await page.getByRole("button", { name: "Ziel hinzufügen" }).click();
      await page
        .getByRole("region", { name: "Ziel 1" })
        .getByRole("textbox", { name: "Ziel" })
        .fill("Fachkraft für Lagerlogistik");
      await save(page);
      await page
        .getByRole("button", {
          name: "In die nächsten Schritte des Falls übernehmen: Fachkraft für Lagerlogistik",
        })
        .click();
      const takeOver = page.getByRole("dialog", { name: "In die nächsten Schritte des Falls übernehmen" });
      await expectNoAxeViolations(page);
      await takeOver.getByRole("button", { name: "Übernehmen" }).click();
      await takeOver.waitFor({ state: "detached" });
      await page.getByText("Nächste Schritte im Fall").waitFor();
      const steps = await (await page.request.get(`/api/cases/${caseId}/next-steps`)).json();
      expect(JSON.stringify(steps)).toContain("Fachkraft für Lagerlogistik");

      // The profile resumes at the step it was saved at.
      await page.reload();
      await page.getByRole("button", { name: "Ziel hinzufügen" }).waitFor();

      // Languages: mother tongue and the CEFR grid per skill, a certificate.
      await openTab(page, "Sprachen");
      const mother = page.getByRole("combobox", { name: "Muttersprachen" });
      await mother.fill("Arab");
      await page.getByRole("option", { name: "Arabisch" }).click();
      await mother.press("Escape");
      await page.getByRole("button", { name: "Sprache hinzufügen" }).click();
      const levels = {
        "Hören (Deutsch)": "B1",
        "Lesen (Deutsch)": "A2",
        "An Gesprächen teilnehmen (Deutsch)": "B1",
        "Zusammenhängendes Sprechen (Deutsch)": "A2",
        "Schreiben (Deutsch)": "A2",
      };
      for (const [label, level] of Object.entries(levels)) await page.getByLabel(label).selectOption(level);
      await page.getByRole("button", { name: "Zertifikat hinzufügen: Deutsch" }).click();
      await page.getByLabel("Prüfung", { exact: true }).selectOption({ label: "DTZ" });
      await page.getByLabel("Niveau", { exact: true }).selectOption("B1");
      await page.getByLabel("Datum", { exact: true }).fill("2017-06-30");
      await expectNoAxeViolations(page);
      await save(page);

      // Work experience: the ESCO occupation found by the everyday word proposes its KldB 2010 occupation.
      await openTab(page, "Berufserfahrung");
      await page.getByRole("button", { name: "Berufserfahrung hinzufügen" }).click();
      const job = page.getByRole("region", { name: "Tätigkeit 1" });
      await job.getByLabel(/^Von \(Monat\)/).fill("2012-03");
      await job.getByLabel(/^Bis \(Monat/).fill("2015-08");
      await job.getByRole("combobox", { name: /^ESCO-Beruf suchen/ }).fill("Lagerist");
      const occupation = page.getByRole("option", { name: /Warenlagerverwalter/ }).first();
      await expect.poll(() => occupation.textContent()).toContain("gefunden über: Lagerist");
      await occupation.click();
      const warehouse = page.getByRole("region", { name: /^Warenlagerverwalter/ });
      expect(await warehouse.getByRole("combobox", { name: /^KldB 2010/ }).inputValue()).toContain("51312");
      await expectNoAxeViolations(page);
      await save(page);
      const profile = await (await page.request.get(`/api/clients/${clientId}/competence-profile`)).json();
      expect(profile.content.work[0]).toMatchObject({ kldbCode: "51312", from: "2012-03", to: "2015-08" });
      expect(profile.content.work[0].escoOccupationUri).toMatch(
        /^http:\/\/data\.europa\.eu\/esco\/occupation\//,
      );
      expect(profile.content.languages.motherTongues).toEqual(["ar"]);
      expect(profile.content.languages.other[0]).toMatchObject({
        language: "de",
        listening: "B1",
        reading: "A2",
        spokenInteraction: "B1",
        spokenProduction: "A2",
        writing: "A2",
        certificates: [{ kind: "dtz", level: "B1", date: "2017-06-30" }],
      });
      expect(profile.content.competences.map((c: { escoUri: string | null }) => !!c.escoUri)).toEqual([
        true,
        true,
      ]);

      // Versions: the sittings with their sections.
      await openTab(page, "Versionen");
      await page.getByRole("heading", { name: "Versionen (Sitzungen)" }).waitFor();
      await page
        .getByRole("cell", { name: /Sprachen/ })
        .first()
        .waitFor();
      await expectNoAxeViolations(page);

      // The bilingual PDF: German and the client's language (Arabic) preselected.
      await openTab(page, "PDF und Europass");
      expect(await page.getByLabel("Zweite Sprache").inputValue()).toBe("ar");
      await expectNoAxeViolations(page);
      const link = page.getByRole("link", { name: "PDF herunterladen (Deutsch und Arabisch)" });
      const pdf = await page.request.get((await link.getAttribute("href")) ?? "");
      expect(pdf.status(), await pdf.text()).toBe(200);
      expect(pdf.headers()["content-type"]).toBe("application/pdf");
      const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
      const { stdout: text } = await run("pdftotext", ["-enc", "UTF-8", (await download.path()) ?? "", "-"]);
      expect(text).toContain("Gabelstapler bedienen");
      expect(text).toContain("Sprachen");
      expect(text).toContain("اللغات");

      // The Europass export, plain and signed.
      for (const name of [
        "Europass-Export herunterladen (JSON-LD)",
        "Signierten Europass-Export herunterladen (JWS)",
      ]) {
        const href = await page.getByRole("link", { name }).getAttribute("href");
        const res = await page.request.get(href ?? "");
        expect(res.status(), `${href}: ${await res.text()}`).toBe(200);
      }

      // Sharing: without a consent for the recipient the server refuses, and the dialog says why.
      await openTab(page, "Teilen");
      await page.getByRole("button", { name: "Profil teilen" }).click();
      const dialog = page.getByRole("dialog", { name: "Kompetenzprofil teilen" });
      await dialog.getByText(`zugestimmt: ${COMPANY}`).waitFor();
      const recipient = dialog.getByRole("combobox", { name: /^Empfangende Organisation/ });
      await recipient.fill("Saalekreis Logistik");
      await page.getByRole("option", { name: "Saalekreis Logistik AG (Demo)" }).click();
      await dialog.getByRole("checkbox", { name: "Sprachen" }).check();
      await dialog.getByRole("checkbox", { name: "Kompetenzen (ESCO, formal)" }).check();
      await dialog.getByRole("button", { name: "Teilen", exact: true }).click();
      await dialog.getByRole("alert").filter({ hasText: "Teilen nicht möglich" }).waitFor();
      await expectNoAxeViolations(page);
      await recipient.fill("Elbtal Maschinenbau");
      await page.getByRole("option", { name: COMPANY }).click();
      await dialog.getByRole("button", { name: "Teilen", exact: true }).click();
      await dialog.waitFor({ state: "detached" });
      const row = page.getByRole("row", { name: new RegExp(COMPANY.replace(/[()]/g, "\\$&")) });
      await row.getByText("Aktiv", { exact: true }).waitFor();
      await expectNoAxeViolations(page);

      // The list of profiles leads back to it.
      await navLink(page, "Kompetenzprofile").click();
      await page.getByRole("heading", { level: 1, name: "Kompetenzprofile" }).waitFor();
      await page.getByRole("link", { name }).waitFor();
      await expectNoAxeViolations(page);
    } finally {
      await context.close();
    }

    // The company contact sees exactly the two shared sections.
    const company = await newPage(browser);
    try {
      await login(company.page, DEMO.company);
      await navLink(company.page, "Mit mir geteilt").click();
      await company.page
        .getByRole("heading", { level: 1, name: "Mit mir geteilte Kompetenzprofile" })
        .waitFor();
      await expectNoAxeViolations(company.page);
      await company.page.getByRole("link", { name }).click();
      const shared = company.page;
      await shared.getByRole("heading", { level: 1, name: `Kompetenzdokumentation: ${name}` }).waitFor();
      const headings = await shared.getByRole("heading", { level: 3 }).allInnerTexts();
      expect(headings.sort()).toEqual(["Kompetenzen (ESCO, formal)", "Sprachen"]);
      await shared.getByText("Gabelstapler bedienen", { exact: true }).waitFor();
      await shared.getByRole("cell", { name: "B1" }).first().waitFor();
      expect(await shared.getByText("Lagerarbeit in Aleppo").count()).toBe(0);
      expect(await shared.getByText("Fachkraft für Lagerlogistik").count()).toBe(0);
      await expectNoAxeViolations(shared);
      await chooseLanguage(shared, "العربية");
      await shared.getByRole("heading", { level: 3, name: "اللغات" }).waitFor();
      await expectNoAxeViolations(shared);
      await chooseLanguage(shared, "Deutsch");
      const shareUrl = shared.url();

      // The client withdraws the consent: the company contact's access ends at once.
      const counsellor = await newPage(browser);
      try {
        await login(counsellor.page, DEMO.counsellor);
        await apiPost(counsellor.page, `/api/consents/${consentId}/withdraw`, {});
      } finally {
        await counsellor.context.close();
      }
      await shared.goto(shareUrl);
      await shared.getByRole("heading", { level: 1, name: "Nicht mehr verfügbar" }).waitFor();
      const shareId = new URL(shareUrl).pathname.split("/").pop();
      expect((await shared.request.get(`/api/competence-shares/${shareId}`)).status()).toBe(404);
      await expectNoAxeViolations(shared);
    } finally {
      await company.context.close();
    }
  });

  it("works right to left in Arabic, by keyboard alone, and offers to reload when someone else saved meanwhile", async () => {
    const { context, page } = await newPage(browser);
    const other = await newPage(browser);
    try {
      await login(page, DEMO.counsellor);
      const created = await apiPost<{ id: string; client: { id: string } }>(page, "/api/cases", {
        client: { name: `Omar Khalil ${Date.now()}`, preferredLanguages: ["ar"] },
      });
      await apiPost(page, `/api/clients/${created.client.id}/competence-profile`, { caseId: created.id });
      const url = `/clients/${created.client.id}/competences?case=${created.id}`;

      // Arabic: every tab of the profile, with an item in each editing tab, passes axe right to left.
      await page.goto(url);
      await page.getByRole("button", { name: "Phase hinzufügen" }).waitFor();
      await chooseLanguage(page, "العربية");
      expect(await page.locator("html").getAttribute("dir")).toBe("rtl");
      const tabs: [string, string | null][] = [
        ["خطوات KomBI", "إضافة مرحلة"],
        ["التعليم", "إضافة تعليم"],
        ["الخبرة المهنية", "إضافة خبرة مهنية"],
        ["اللغات", "إضافة لغة"],
        ["الاهتمامات", "إضافة اهتمام"],
        ["تأسيس مشروع", "تسجيل فكرة مشروع"],
        ["الإصدارات", null],
        ["PDF ويوروباس", null],
        ["المشاركة", null],
      ];
      for (const [tab, add] of tabs) {
        await openTab(page, tab);
        if (add) await page.getByRole("button", { name: add }).click();
        await expectNoAxeViolations(page);
      }
      await page.getByRole("button", { name: "مشاركة الملف" }).click();
      await page.getByRole("dialog", { name: "مشاركة ملف الكفاءات" }).waitFor();
      await expectNoAxeViolations(page);
      await page.keyboard.press("Escape");
      await chooseLanguage(page, "Deutsch");

      // A second window opens the same profile before the first one saves.
      await login(other.page, DEMO.counsellor);
      await other.page.goto(url);
      await other.page.getByRole("button", { name: "Phase hinzufügen" }).waitFor();

      // Keyboard alone: to the interests tab with the arrow keys, add an interest, type it, save.
      await page.goto(url);
      const kombi = page.getByRole("tab", { name: "KomBI-Schritte", selected: true });
      await kombi.focus();
      for (let i = 0; i < 4; i++) await page.keyboard.press("ArrowRight");
      await page.getByRole("tab", { name: "Interessen", selected: true }).waitFor();
      await page.keyboard.press("Tab");
      await expect
        .poll(() => page.evaluate(() => document.activeElement?.textContent))
        .toBe("Interesse hinzufügen");
      await page.keyboard.press("Enter");
      await page.keyboard.press("Shift+Tab");
      await page.keyboard.press("Shift+Tab");
      await page.keyboard.type("Fußball im Verein");
      const patch = page.waitForRequest((r) => r.method() === "PATCH");
      await page.keyboard.press("Enter");
      // Only the changed part goes to the server, based on the loaded version.
      const sent = await patch;
      expect(Object.keys(sent.postDataJSON())).toEqual(["interests"]);
      expect(sent.headers()["if-match"]).toBe('"1"');
      await page.getByText("Alles gespeichert.").waitFor();
      const saved = await (
        await page.request.get(`/api/clients/${created.client.id}/competence-profile`)
      ).json();
      expect(saved.content.interests.map((i: { text: string }) => i.text)).toEqual(["Fußball im Verein"]);

      // The second window's save is based on the old version: 412, and a reload keeps what was typed.
      await openTab(other.page, "Interessen");
      await other.page.getByRole("button", { name: "Interesse hinzufügen" }).click();
      await other.page.getByRole("textbox", { name: "Interesse" }).fill("Kochen für viele");
      await other.page.getByRole("button", { name: "Änderungen speichern" }).click();
      const stale = other.page
        .getByRole("alert")
        .filter({ hasText: "Inzwischen von jemand anderem geändert" });
      await stale.getByText("Kochen für viele").waitFor();
      await expectNoAxeViolations(other.page);
      await stale.getByRole("button", { name: "Neu laden" }).click();
      await other.page.getByText("Ihre vorherigen Eingaben").waitFor();
      await other.page.getByRole("region", { name: "Fußball im Verein" }).waitFor();
    } finally {
      await context.close();
      await other.context.close();
    }
  });

  it("shows a volunteer the profile of an assigned case read only, without special-category entries", async () => {
    // The volunteer's organisation needs a counsellor to open the case and assign it to her.
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
    } finally {
      await admin.context.close();
    }
    const name = `Leyla Aziz ${Date.now()}`;
    const counsellor = await newPage(browser);
    let clientId = "";
    try {
      await login(counsellor.page, counsellorEmail);
      const created = await apiPost<{ id: string; client: { id: string } }>(counsellor.page, "/api/cases", {
        client: { name, preferredLanguages: ["fa"] },
        assigneeUserId: volunteerId,
      });
      clientId = created.client.id;
      const profile = await apiPost<{ id: string; version: number }>(
        counsellor.page,
        `/api/clients/${clientId}/competence-profile`,
        { caseId: created.id },
      );
      const session = await (await counsellor.page.request.get("/api/session")).json();
      const res = await counsellor.page.request.patch(`/api/competence-profiles/${profile.id}`, {
        data: {
          interests: [
            { id: crypto.randomUUID(), text: "Nähen und Schneidern", special: false },
            { id: crypto.randomUUID(), text: "Gemeindearbeit in der Moschee", special: true },
          ],
        },
        headers: { "X-CSRF-Token": session.csrfToken, "If-Match": `"${profile.version}"` },
      });
      expect(res.status(), await res.text()).toBe(200);
    } finally {
      await counsellor.context.close();
    }

    const { context, page } = await newPage(browser);
    try {
      await login(page, DEMO.volunteer);
      await page.goto(`/clients/${clientId}/competences`);
      await page.getByRole("heading", { level: 1, name: `Kompetenzdokumentation: ${name}` }).waitFor();
      await page.getByText("Nicht alle Angaben sichtbar").waitFor();
      await page.getByText("Nähen und Schneidern").waitFor();
      expect(await page.getByText("Gemeindearbeit in der Moschee").count()).toBe(0);
      expect(await page.getByRole("button", { name: "Änderungen speichern" }).count()).toBe(0);
      expect(await page.getByRole("button", { name: /hinzufügen/ }).count()).toBe(0);
      expect(await page.getByRole("tab", { name: "Teilen" }).count()).toBe(0);
      await expectNoAxeViolations(page);
      await chooseLanguage(page, "العربية");
      await page.getByText("ليست كل البيانات ظاهرة").waitFor();
      await expectNoAxeViolations(page);
      await chooseLanguage(page, "Deutsch");
    } finally {
      await context.close();
    }
  });

  it("suggests the directory's start-up offers for a self-employment goal and records a business idea with EntreComp levels", async () => {
    const { context, page } = await newPage(browser);
    try {
      await login(page, DEMO.counsellor);
      const created = await apiPost<{ id: string; client: { id: string } }>(page, "/api/cases", {
        client: { name: `Samir Nasser ${Date.now()}`, preferredLanguages: ["ar"] },
      });
      const profile = await apiPost<{ id: string; version: number }>(
        page,
        `/api/clients/${created.client.id}/competence-profile`,
        { caseId: created.id },
      );
      const session = await (await page.request.get("/api/session")).json();
      const res = await page.request.patch(`/api/competence-profiles/${profile.id}`, {
        data: {
          step: "goals",
          goals: [{ id: crypto.randomUUID(), text: "Eigener Imbiss in Magdeburg", selfEmployment: true }],
        },
        headers: { "X-CSRF-Token": session.csrfToken, "If-Match": `"${profile.version}"` },
      });
      expect(res.status(), await res.text()).toBe(200);

      // The profile resumes at the goals step; the goal is self-employment, so start-up offers show.
      await page.goto(`/clients/${created.client.id}/competences?case=${created.id}`);
      const offers = page.getByRole("region", { name: "Gründungsangebote (Phase 4)" });
      const offer = "Beratung zum Gründungszuschuss Magdeburg";
      await offers.getByRole("link", { name: offer, exact: true }).waitFor();
      const refer = offers.getByRole("link", { name: `Verweisen an: ${offer}` });
      expect(await refer.getAttribute("href")).toMatch(
        new RegExp(`^/cases/${created.id}\\?tab=referrals&refer=[0-9a-f-]{36}$`),
      );
      await expectNoAxeViolations(page);
      await offers.getByRole("button", { name: `Als nächsten Schritt übernehmen: ${offer}` }).click();
      const dialog = page.getByRole("dialog", { name: "In die nächsten Schritte des Falls übernehmen" });
      expect(await dialog.getByLabel(/^Nächster Schritt/).inputValue()).toBe(
        `${offer}: Eigener Imbiss in Magdeburg`,
      );
      await dialog.getByLabel("Fällig am").fill("2027-01-15");
      await dialog.getByRole("button", { name: "Übernehmen" }).click();
      await dialog.waitFor({ state: "detached" });
      await page.getByText(`${offer}: Eigener Imbiss in Magdeburg`).waitFor();
      const steps = await (await page.request.get(`/api/cases/${created.id}/next-steps`)).json();
      expect(JSON.stringify(steps)).toContain(`${offer}: Eigener Imbiss in Magdeburg`);

      // Entrepreneurship: the business idea and two EntreComp competences with their level.
      await openTab(page, "Gründung");
      await page.getByRole("button", { name: "Geschäftsidee erfassen" }).click();
      await page.getByLabel(/^Branche/).fill("Gastronomie");
      await page.getByLabel("Stand").selectOption({ label: "Planung" });
      await page.getByLabel("Niveau: 1.1 Chancen erkennen").selectOption({ label: "3 · Mittelstufe" });
      await page.getByLabel("Niveau: 3.2 Planung und Management").selectOption({ label: "2 · Grundlagen" });
      await expectNoAxeViolations(page);
      await save(page);
      const saved = await (await page.request.get(`/api/competence-profiles/${profile.id}`)).json();
      expect(saved.content.entrepreneurship).toMatchObject({
        businessIdea: { field: "Gastronomie", stage: "planning" },
        entreComp: [
          { competence: "spotting_opportunities", level: 3 },
          { competence: "planning_management", level: 2 },
        ],
      });

      // "Verweisen an" opens the case's referral wizard with the offer chosen, at the data to send.
      await openTab(page, "KomBI-Schritte");
      await page.getByRole("link", { name: `Verweisen an: ${offer}` }).click();
      const wizard = page.getByRole("dialog", { name: "Verweisen" });
      const startup = await (
        await page.request.get(`/api/competence-profiles/${profile.id}/startup-offers`)
      ).json();
      const receiver = startup.items.find((o: { name: string }) => o.name === offer).organisationName;
      // The search is skipped: the data step names the offer's organisation (no consent yet).
      await wizard.getByText(receiver).first().waitFor();
      await wizard.getByRole("button", { name: "Vorheriger Schritt" }).waitFor();
      await expectNoAxeViolations(page);
      await page.keyboard.press("Escape");
      await wizard.waitFor({ state: "detached" });
      expect(new URL(page.url()).searchParams.has("refer")).toBe(false);
    } finally {
      await context.close();
    }
  });

  it("lists the sittings of a demo profile and compares the first with the last", async () => {
    const { context, page } = await newPage(browser);
    try {
      await login(page, DEMO.counsellor);
      const list = await (await page.request.get("/api/competence-profiles?limit=50")).json();
      type Summary = { id: string; clientId: string; clientName: string };
      let chosen: { profile: Summary; versions: { version: number }[] } | null = null;
      for (const profile of list.items as Summary[]) {
        const versions = (
          await (await page.request.get(`/api/competence-profiles/${profile.id}/versions`)).json()
        ).items as { version: number }[];
        if (versions.length >= 2) {
          chosen = { profile, versions };
          break;
        }
      }
      expect(chosen, "a demo profile built over several sittings").not.toBeNull();
      if (!chosen) return;
      await page.goto(`/clients/${chosen.profile.clientId}/competences?tab=versions`);
      await page.getByRole("heading", { name: "Versionen (Sitzungen)" }).waitFor();
      // The heading stands before the list has loaded: wait for the rows, header row included.
      const rows = chosen.versions.length + 1;
      await expect.poll(() => page.getByRole("row").count()).toBe(rows);
      await page.getByRole("button", { name: "Versionen vergleichen" }).click();
      const first = chosen.versions.at(-1)?.version;
      const last = chosen.versions[0]?.version;
      await page
        .getByRole("heading", { name: `Änderungen von Version ${first} zu Version ${last}` })
        .waitFor();
      await page
        .getByText(/^(Neu|Entfernt|Geändert):/)
        .first()
        .waitFor();
      await expectNoAxeViolations(page);
      await chooseLanguage(page, "العربية");
      await page.getByRole("heading", { name: "الإصدارات (الجلسات)" }).waitFor();
      await expectNoAxeViolations(page);
      await chooseLanguage(page, "Deutsch");
    } finally {
      await context.close();
    }
  });
});
