import type { Browser, Locator, Page } from "playwright-core";
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

/** Opens a case for a new client through the form at /cases/new and returns the case's path. */
async function openNewCase(page: Page, name: string): Promise<string> {
  await page.goto("/cases/new");
  await page.getByLabel(/^Name( \*)?$/).fill(name);
  await page.getByRole("button", { name: "Fall anlegen" }).click();
  await page.getByRole("heading", { level: 1, name }).waitFor();
  return new URL(page.url()).pathname;
}

/** A calendar date `days` before today, YYYY-MM-DD (the browser and the test share the clock). */
function daysAgo(days: number): string {
  const d = new Date();
  d.setDate(d.getDate() - days);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** A write through the API with the page's session, for data a test needs but does not test. */
async function apiSend<T>(
  page: Page,
  method: "POST" | "PATCH",
  path: string,
  data: unknown,
  version?: number,
) {
  const session = await (await page.request.get("/api/session")).json();
  const res = await page.request.fetch(path, {
    method,
    data,
    headers: {
      "X-CSRF-Token": session.csrfToken,
      ...(version === undefined ? {} : { "If-Match": `"${version}"` }),
    },
  });
  expect(res.status(), `${path}: ${await res.text()}`).toBeLessThan(300);
  return (await res.json()) as T;
}

/** The stage the journey picture marks as the current step, by its name. */
function currentStage(procedure: Locator): Locator {
  return procedure.getByRole("list", { name: "Stationen des Verfahrens" }).locator('[aria-current="step"]');
}

/** The accessible name of the element that has the keyboard focus. */
function focusedText(page: Page): Promise<string> {
  return page.evaluate(() => (document.activeElement as HTMLElement | null)?.textContent?.trim() ?? "");
}

/** Adds a qualification through the dialog of the recognition tab. */
async function addQualification(page: Page, panel: Locator) {
  await panel.getByRole("button", { name: "Abschluss hinzufügen" }).click();
  const dialog = page.getByRole("dialog", { name: "Ausländischen Abschluss hinzufügen" });
  await dialog.getByLabel(/^Bezeichnung in der Originalsprache/).fill("دبلوم تقني في ميكانيك السيارات");
  await dialog.getByLabel("Deutsche Bezeichnung").fill("Techniker für Kfz-Mechanik");
  const country = dialog.getByRole("combobox", { name: /^Land des Abschlusses/ });
  await country.fill("Syr");
  await page.getByRole("option", { name: "Syrien" }).click();
  await dialog.getByLabel("Bildungseinrichtung").fill("Technisches Institut Damaskus");
  await dialog.getByLabel("Jahr des Abschlusses").fill("2015");
  await dialog.getByLabel("DQR-/EQR-Niveau").selectOption({ label: "Stufe 4" });
  await dialog
    .getByLabel("anabin-Status der Einrichtung")
    .selectOption({ label: "H+ (Einrichtung anerkannt)" });
  await expectNoAxeViolations(page);
  await dialog.getByRole("button", { name: "Speichern" }).click();
  await dialog.waitFor({ state: "detached" });
}

/** Starts a procedure against an occupation found by typing part of its title. */
async function startProcedure(page: Page, panel: Locator, search: string, option: RegExp) {
  await panel.getByRole("button", { name: "Anerkennungsverfahren beginnen" }).click();
  const dialog = page.getByRole("dialog", { name: "Anerkennungsverfahren beginnen" });
  const occupation = dialog.getByRole("combobox", { name: /^Referenzberuf/ });
  await occupation.fill(search);
  // Options show the title that matched, the KldB title and code, and whether it is regulated.
  await page.getByRole("option", { name: option }).click();
  await dialog.getByRole("radio", { name: "Nein" }).check();
  await dialog
    .getByLabel("Rechtsgrundlage")
    .selectOption({ label: "Berufsqualifikationsfeststellungsgesetz (BQFG)" });
  const authority = dialog.getByRole("combobox", { name: /^Zuständige Stelle/ });
  await authority.fill("Handwerkskammer");
  await page.getByRole("option", { name: "Handwerkskammer Halle (Saale) (Demo)" }).click();
  await expectNoAxeViolations(page);
  await dialog.getByRole("button", { name: "Anerkennungsverfahren beginnen" }).click();
  await dialog.waitFor({ state: "detached" });
}

describe("recognition", () => {
  it("walks a case from first contact to a partial decision, takes a suggested Nachqualifizierung and sees its deadline on the start page", async () => {
    const { context, page } = await newPage(browser);
    const name = `Samira Al-Khatib ${Date.now()}`;
    try {
      await login(page, DEMO.counsellor);
      const casePath = await openNewCase(page, name);

      // The first contact: recognition counselling.
      await page.getByRole("tab", { name: "Kontakte", exact: true }).click();
      const contacts = page.getByRole("tabpanel", { name: "Kontakte", exact: true });
      await contacts.getByLabel(/^Beratungsart/).selectOption({ label: "Anerkennungsberatung" });
      await contacts
        .getByLabel(/^Inhalt/)
        .fill("Erstberatung: Abschluss als Kfz-Techniker, Anerkennung besprochen.");
      await contacts.getByRole("button", { name: "Kontakt speichern" }).click();
      await contacts.getByRole("row", { name: /Anerkennungsberatung/ }).waitFor();

      await page.getByRole("tab", { name: "Anerkennung" }).click();
      const panel = page.getByRole("region", { name: "Anerkennung ausländischer Abschlüsse" });
      await panel.getByText("Für die Person sind noch keine ausländischen Abschlüsse erfasst.").waitFor();

      await addQualification(page, panel);
      const qualification = panel.getByRole("region", { name: "دبلوم تقني في ميكانيك السيارات" });
      await qualification
        .getByText("Syrien · Technisches Institut Damaskus · 2015 · DQR 4 · H+ (Einrichtung anerkannt)")
        .waitFor();

      // Partial decisions exist for professions that are not regulated, e.g. the skilled trades.
      await startProcedure(
        page,
        qualification,
        "Kraftfahrzeug",
        /Berufe in der Kraftfahrzeugtechnik – fachlich ausgerichtete Tätigkeiten.*KldB 25212/,
      );
      const procedure = qualification.getByRole("region", { name: /Kraftfahrzeugtechnik/ });
      await procedure.getByText("KldB 25212 · nicht reglementierter Beruf").waitFor();
      await expect.poll(() => currentStage(procedure).textContent()).toMatch(/Anfrage\s*Aktueller Schritt/);
      await expectNoAxeViolations(page);

      // Moving the journey by keyboard: the pressed button goes away, focus lands on the procedure.
      const heading = procedure.getByRole("heading", { level: 4 });
      await procedure.getByRole("button", { name: "Weiter zu: Beraten" }).focus();
      await page.keyboard.press("Enter");
      await expect
        .poll(() => currentStage(procedure).textContent())
        .toMatch(/Beraten\s*Aktueller Schritt seit/);
      await expect.poll(() => focusedText(page)).toBe(await heading.textContent());
      await page.keyboard.press("Tab");
      expect(await focusedText(page)).toBe("Angaben bearbeiten");
      await page.keyboard.press("Tab");
      expect(await focusedText(page)).toBe("Weiter zu: Unterlagen sammeln");
      await page.keyboard.press("Enter");
      await expect
        .poll(() => currentStage(procedure).textContent())
        .toMatch(/Unterlagen sammeln\s*Aktueller Schritt/);
      const done = procedure.getByRole("list", { name: "Stationen des Verfahrens" }).getByRole("listitem");
      await expect
        .poll(() => done.filter({ hasText: "Anfrage" }).first().textContent())
        .toMatch(/Erledigt am/);

      // The application date defaults to today; the dialog works by keyboard too.
      await procedure.getByRole("button", { name: "Weiter zu: Antrag gestellt" }).press("Enter");
      const applied = page.getByRole("dialog", { name: "Weiter zu: Antrag gestellt" });
      expect(await applied.getByLabel(/^Antrag gestellt am/).inputValue()).toBe(daysAgo(0));
      await applied.getByRole("button", { name: "Übernehmen" }).press("Enter");
      await applied.waitFor({ state: "detached" });

      // Documents complete four months ago: the authority's three months have run out.
      await procedure.getByRole("button", { name: "Weiter zu: Unterlagen vollständig" }).click();
      const complete = page.getByRole("dialog", { name: "Weiter zu: Unterlagen vollständig" });
      await complete.getByLabel(/^Unterlagen vollständig am/).fill(daysAgo(122));
      await complete.getByRole("button", { name: "Übernehmen" }).click();
      await complete.waitFor({ state: "detached" });
      await procedure.getByText("überfällig", { exact: true }).waitFor();
      await procedure.getByText(/^Steht noch aus – Entscheidung fällig bis/).waitFor();

      await procedure.getByRole("button", { name: "Weiter zu: Bescheid erhalten" }).click();
      const decided = page.getByRole("dialog", { name: "Weiter zu: Bescheid erhalten" });
      const decision = decided.getByLabel(/^Bescheid/);
      // A profession that is not regulated knows no compensation measures.
      expect(await decision.locator("option").allInnerTexts()).toEqual([
        "Bitte wählen",
        "Volle Anerkennung",
        "Teilweise Gleichwertigkeit",
        "Keine Gleichwertigkeit (Negativbescheid)",
      ]);
      await decision.selectOption({ label: "Teilweise Gleichwertigkeit" });
      // Without a difference the server refuses a partial decision and names the field.
      await decided.getByRole("button", { name: "Übernehmen" }).click();
      await decided.getByRole("alert").first().waitFor();
      await decided.getByRole("button", { name: "Unterschied hinzufügen" }).click();
      const difference = decided.getByRole("group", { name: "Unterschied 1" });
      await difference.getByLabel(/^Art des Unterschieds/).selectOption({ label: "Theoretische Kenntnisse" });
      await difference
        .getByLabel(/^Beschreibung laut Bescheid/)
        .fill("Fahrzeugelektronik und Hochvolttechnik fehlen.");
      await expectNoAxeViolations(page);
      await decided.getByRole("button", { name: "Übernehmen" }).click();
      await decided.waitFor({ state: "detached" });

      await expect
        .poll(() => currentStage(procedure).textContent())
        .toMatch(/Bescheid erhalten\s*Aktueller Schritt/);
      await procedure.getByText(/^Teilweise Gleichwertigkeit vom /).waitFor();
      expect(await procedure.getByText("überfällig", { exact: true }).count()).toBe(0);
      const suggestions = procedure.getByRole("region", {
        name: "Angebote, die die Unterschiede schließen können",
      });
      // The theoretical difference is closed by a Nachqualifizierung: pick the first one suggested.
      const firstOffer = suggestions
        .getByRole("listitem")
        .filter({ hasText: "Nachqualifizierung ·" })
        .first();
      await firstOffer.waitFor();
      const offerName = (await firstOffer.getByRole("link").textContent()) ?? "";
      expect(await firstOffer.getByRole("link").getAttribute("href")).toMatch(/^\/offers\/[0-9a-f-]{36}$/);
      await firstOffer.getByText(/passt zum Berufsfeld|für alle Berufsfelder/).waitFor();
      await expectNoAxeViolations(page);

      await firstOffer.getByRole("button", { name: `Als nächsten Schritt übernehmen: ${offerName}` }).click();
      const take = page.getByRole("dialog", { name: "Als nächsten Schritt übernehmen" });
      expect(await take.getByLabel(/^Nächster Schritt/).inputValue()).toBe(`${offerName} anfragen`);
      expect(await take.getByLabel("Fällig am").inputValue()).toBe(daysAgo(-14));
      await take.getByRole("button", { name: "Als nächsten Schritt übernehmen" }).click();
      await take.waitFor({ state: "detached" });
      await page.getByText(`Der nächste Schritt „${offerName} anfragen“ steht jetzt im Fall.`).waitFor();

      await page.getByRole("tab", { name: "Nächste Schritte" }).click();
      await page
        .getByRole("row")
        .filter({ hasText: `${offerName} anfragen` })
        .waitFor();
      expect(new URL(page.url()).pathname).toBe(casePath);

      // The start page shows the step's deadline and leads back to the case.
      await navLink(page, "Start").click();
      const deadlines = page.getByRole("region", { name: "Fristen" });
      const row = deadlines.getByRole("row", { name: new RegExp(`${offerName} anfragen`) });
      const due = new Intl.DateTimeFormat("de", { dateStyle: "medium" }).format(
        new Date(`${daysAgo(-14)}T12:00`),
      );
      await row.getByText(due, { exact: false }).waitFor();
      await row.getByRole("link", { name }).click();
      await page.getByRole("heading", { level: 1, name }).waitFor();
      expect(new URL(page.url()).pathname).toBe(casePath);
    } finally {
      await context.close();
    }
  });

  it("passes axe on the recognition tab with a journey under way in Arabic, right to left", async () => {
    const { context, page } = await newPage(browser);
    try {
      await login(page, DEMO.counsellor);
      const casePath = await openNewCase(page, `Omar Haddad ${Date.now()}`);
      const caseId = casePath.split("/").pop() ?? "";
      const c = await (await page.request.get(`/api/cases/${caseId}`)).json();
      const q = await apiSend<{ id: string }>(page, "POST", `/api/clients/${c.client.id}/qualifications`, {
        originalTitle: "Інженер-механік",
        country: "UA",
      });
      let p = await apiSend<{ id: string; version: number }>(page, "POST", "/api/recognition-procedures", {
        qualificationId: q.id,
        caseId,
        referenceOccupationCode: "25102",
        regulated: false,
      });
      for (const state of ["counselled", "collecting_documents"]) {
        p = await apiSend(page, "PATCH", `/api/recognition-procedures/${p.id}`, { state }, p.version);
      }
      await chooseLanguage(page, "العربية");
      try {
        await page.goto(`${casePath}?tab=recognition`);
        const panel = page.getByRole("region", { name: "الاعتراف بالمؤهلات الأجنبية" });
        const journey = panel.getByRole("list", { name: "مراحل الإجراء" });
        await journey.locator('[aria-current="step"]').getByText("جمع المستندات").waitFor();
        await panel.getByRole("button", { name: "الانتقال إلى: تم تقديم الطلب" }).waitFor();
        // The path runs from the right: the first stage stands to the right of the second.
        const stages = journey.locator(":scope > li");
        const [first, second] = [await stages.nth(0).boundingBox(), await stages.nth(1).boundingBox()];
        expect(first?.x).toBeGreaterThan(second?.x ?? Number.POSITIVE_INFINITY);
        await expectNoAxeViolations(page);
      } finally {
        // The language is the account's preference: the next tests expect German.
        await chooseLanguage(page, "Deutsch");
      }
    } finally {
      await context.close();
    }
  });
  it("keeps a counsellor's change in view when someone else saved the procedure meanwhile", async () => {
    const { context, page } = await newPage(browser);
    try {
      await login(page, DEMO.counsellor);
      const casePath = await openNewCase(page, `Lina Petrenko ${Date.now()}`);
      const caseId = casePath.split("/").pop() ?? "";
      const c = await (await page.request.get(`/api/cases/${caseId}`)).json();
      const q = await apiSend<{ id: string }>(page, "POST", `/api/clients/${c.client.id}/qualifications`, {
        originalTitle: "Медична сестра",
        country: "UA",
      });
      const p = await apiSend<{ id: string; version: number }>(page, "POST", "/api/recognition-procedures", {
        qualificationId: q.id,
        caseId,
        referenceOccupationCode: "81302",
        regulated: true,
      });
      await page.goto(`${casePath}?tab=recognition`);
      await page.getByRole("button", { name: "Angaben bearbeiten" }).click();
      const dialog = page.getByRole("dialog", { name: "Anerkennungsverfahren bearbeiten" });
      const permit = dialog.getByLabel("Erlaubnis nach § 16d AufenthG bis");
      await permit.fill(daysAgo(-30));

      // A colleague records the legal basis in the meantime.
      await apiSend(page, "PATCH", `/api/recognition-procedures/${p.id}`, { legalBasis: "bqfg" }, p.version);
      await dialog.getByRole("button", { name: "Speichern" }).click();
      const stale = dialog.getByRole("alert").filter({ hasText: "Inzwischen von jemand anderem geändert" });
      await stale.getByText("Erlaubnis nach § 16d AufenthG bis:").waitFor();
      await expectNoAxeViolations(page);
      await stale.getByRole("button", { name: "Neu laden" }).click();

      // The form shows the colleague's change and what this counsellor had entered.
      await expect.poll(() => dialog.getByLabel("Rechtsgrundlage").inputValue()).toBe("bqfg");
      await dialog.getByText("Ihre vorherigen Eingaben").waitFor();
      expect(await permit.inputValue()).toBe("");
      await permit.fill(daysAgo(-30));
      await dialog.getByRole("button", { name: "Speichern" }).click();
      await dialog.waitFor({ state: "detached" });
      await page.getByText("läuft bald ab", { exact: true }).waitFor();
      await page.getByText("Berufsqualifikationsfeststellungsgesetz (BQFG)", { exact: true }).waitFor();
    } finally {
      await context.close();
    }
  });
});
