import type { Browser, Page } from "playwright-core";
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
} from "./browser.ts";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

type FinderItem = { id: string; name: string; organisation: string };

/** An Anerkennungsberatung of the given organisation, as the public finder lists it in lang. */
async function recognitionOfferOf(page: Page, organisation: string, lang = "de"): Promise<FinderItem> {
  for (let p = 1; p <= 10; p++) {
    const res = await page.request.get(`/api/finder/offers?type=anerkennungsberatung&page=${p}&lang=${lang}`);
    const data = (await res.json()) as { items: FinderItem[] };
    const found = data.items.find((o) => o.organisation === organisation);
    if (found) return found;
    if (data.items.length === 0) break;
  }
  throw new Error(`no Anerkennungsberatung of ${organisation} in the finder`);
}

/** The demo migrant organisation Magdeburg's generated counsellor, looked up by its admin. */
async function migrantOrganisationCounsellor(): Promise<string> {
  const admin = await newPage(browser);
  try {
    await login(admin.page, DEMO.admin);
    const session = await (await admin.page.request.get("/api/session")).json();
    const members = await admin.page.request.get(
      `/api/organisations/${session.active.organisationId}/members?q=.mo-md.2@&role=counsellor&status=active`,
    );
    const email: string = (await members.json()).items[0]?.email ?? "";
    expect(email).not.toBe("");
    return email;
  } finally {
    await admin.context.close();
  }
}

describe("referrals", () => {
  it("closes the loop: a migrant organisation refers, the Anerkennungsberatung accepts and completes, the sender sees the outcome", async () => {
    const senderEmail = await migrantOrganisationCounsellor();
    const receiver = await newPage(browser);
    const sender = await newPage(browser);
    const name = `Samira Nouri ${Date.now()}`;
    try {
      // The receiving counsellor acts for the first of her two organisations.
      await login(receiver.page, DEMO.counsellor);
      const receiving = (await (await receiver.page.request.get("/api/session")).json()).active as {
        organisationId: string;
        organisationName: string;
      };
      const offer = await recognitionOfferOf(receiver.page, receiving.organisationName);

      // The sender opens a case through the form and records the client's referral consent.
      const { page } = sender;
      await login(page, senderEmail);
      await page.goto("/cases/new");
      await page.getByLabel(/^Name( \*)?$/).fill(name);
      await page.getByRole("button", { name: "Fall anlegen" }).click();
      await page.getByRole("heading", { level: 1, name }).waitFor();
      const caseId = new URL(page.url()).pathname.split("/").pop() ?? "";
      const record = await (await page.request.get(`/api/cases/${caseId}`)).json();
      await apiPost(page, `/api/clients/${record.client.id}/consents`, {
        purpose: "referral",
        recipientOrganisationId: receiving.organisationId,
        legalBasis: "art6_1a",
        dataCategories: ["identity", "contact"],
        informedLanguage: "de",
        form: "signed",
      });

      await page.getByRole("tab", { name: "Verweise" }).click();
      const panel = page.getByRole("region", { name: "Verweise" });
      await panel.getByText("Für diesen Fall gibt es noch keine Verweise.").waitFor();
      await expectNoAxeViolations(page);

      // Step 1: find the offer like the public finder does.
      await panel.getByRole("button", { name: "Verweisen" }).click();
      const wizard = page.getByRole("dialog", { name: "Verweisen" });
      await wizard.getByLabel("Angebotsart").selectOption({ label: "Anerkennungsberatung" });
      await wizard.getByLabel("Suchbegriff").fill(offer.name);
      const card = wizard.getByRole("radio", { name: new RegExp(literal(offer.name)) }).filter({
        hasText: receiving.organisationName,
      });
      await card.first().click();
      await expectNoAxeViolations(page);
      await wizard.getByRole("button", { name: "Nächster Schritt" }).click();

      // Step 2: only what the consent covers can be chosen, and it comes preselected; the
      // counsellor takes out what the receiver does not need.
      await wizard.getByText("Einwilligung liegt vor").waitFor();
      const origin = wizard.getByRole("checkbox", { name: "Herkunft" });
      expect(await origin.isDisabled()).toBe(true);
      await expect.poll(() => wizard.getByRole("checkbox", { name: "Kontaktdaten" }).isChecked()).toBe(true);
      expect(await wizard.getByRole("checkbox", { name: "Name" }).isChecked()).toBe(true);
      expect(await origin.isChecked()).toBe(false);
      await wizard.getByRole("checkbox", { name: "Kontaktdaten" }).uncheck();
      await wizard.getByRole("checkbox", { name: "Geburtsdatum" }).uncheck();
      await wizard.getByRole("checkbox", { name: "Sprachen" }).check();
      await expectNoAxeViolations(page);
      await wizard.getByRole("button", { name: "Nächster Schritt" }).click();

      // Step 3: summary and note; a double click still sends one referral (Idempotency-Key).
      await wizard.getByText(receiving.organisationName).first().waitFor();
      await wizard.getByText("Name, Sprachen").waitFor();
      await wizard
        .getByLabel("Notiz an die empfangende Organisation")
        .fill("Bitte um einen Termin mit Dolmetscherin.");
      await expectNoAxeViolations(page);
      await wizard.getByRole("button", { name: "Verweis senden" }).dblclick();
      await wizard.waitFor({ state: "detached" });
      const row = panel.getByRole("row", { name: new RegExp(literal(offer.name)) });
      await row.getByText("Gesendet", { exact: true }).waitFor();
      const sent = await (await page.request.get(`/api/cases/${caseId}/referrals`)).json();
      expect(sent.total).toBe(1);
      const referralId: string = sent.items[0].id;

      // The receiver finds it in the inbox, accepts it and completes it as successful.
      const r = receiver.page;
      await navLink(r, "Verweise").click();
      await r.getByRole("heading", { level: 1, name: "Verweise" }).waitFor();
      await r.getByRole("tab", { name: /^Neu \(\d+\)$/, selected: true }).waitFor();
      const inboxRow = r.getByRole("row").filter({ hasText: record.pseudonym });
      await inboxRow.getByRole("link", { name: offer.name }).waitFor();
      await expectNoAxeViolations(r);
      await inboxRow.getByRole("link", { name: offer.name }).click();
      await r.waitForURL((url) => url.pathname === `/referrals/${referralId}`);
      await r.getByRole("heading", { level: 1, name: offer.name }).waitFor();
      const shared = r.getByRole("region", { name: "Geteilte Daten" });
      await shared.getByText(name).waitFor();
      await r.getByText("Bitte um einen Termin mit Dolmetscherin.").waitFor();
      await expectNoAxeViolations(r);

      await r.getByRole("button", { name: "Annehmen" }).click();
      const overview = r.getByRole("region", { name: "Stand des Verweises" });
      await overview.getByText("Angenommen", { exact: true }).first().waitFor();
      await r.getByRole("button", { name: "Abschließen" }).click();
      const complete = r.getByRole("dialog", { name: "Verweis abschließen" });
      // The outcome is required: without it the dialog says so and sends nothing.
      await complete.getByRole("button", { name: "Abschließen" }).click();
      await complete.getByText("Bitte auswählen.").waitFor();
      await complete.getByRole("radio", { name: "Erfolgreich", exact: true }).check();
      await expectNoAxeViolations(r);
      await complete.getByRole("button", { name: "Abschließen" }).click();
      await complete.waitFor({ state: "detached" });
      await overview.getByText("Abgeschlossen", { exact: true }).first().waitFor();

      // The event log holds every move.
      const history = r.getByRole("region", { name: "Verlauf" });
      await history.getByRole("cell", { name: "Angenommen → Abgeschlossen" }).waitFor();
      const changes = await history.locator("tbody tr td:first-child").allInnerTexts();
      expect(changes).toEqual(["Gesendet", "Gesendet → Angenommen", "Angenommen → Abgeschlossen"]);
      await expectNoAxeViolations(r);

      // Back at the sender: the outcome is on the case.
      await page.reload();
      const closed = page.getByRole("region", { name: "Verweise" }).getByRole("row", {
        name: new RegExp(literal(offer.name)),
      });
      await closed.getByText("Abgeschlossen", { exact: true }).waitFor();
      await closed.getByRole("cell", { name: "Erfolgreich", exact: true }).waitFor();
    } finally {
      await receiver.context.close();
      await sender.context.close();
    }
  });

  it("tells a volunteer that without consent only a staff counsellor may refer, and offers no override", async () => {
    const { context, page } = await newPage(browser);
    try {
      await login(page, DEMO.volunteer);
      const cases = (await (await page.request.get("/api/cases?limit=1")).json()) as {
        items: { id: string }[];
      };
      expect(cases.items, "the demo volunteer has an assigned case").not.toEqual([]);
      const record = (await (await page.request.get(`/api/cases/${cases.items[0]?.id}`)).json()) as {
        id: string;
        client: { id: string };
      };
      const consents = (await (
        await page.request.get(`/api/clients/${record.client.id}/consents`)
      ).json()) as {
        items: { purpose: string; recipientOrganisation: { name: string } | null }[];
      };
      const covered = new Set(
        consents.items.filter((c) => c.purpose === "referral").map((c) => c.recipientOrganisation?.name),
      );
      const offer = await recognitionOfferOf(page, "IQ Anerkennungsberatung Halle (Demo)");
      expect(covered.has(offer.organisation)).toBe(false);
      await page.goto(`/cases/${record.id}?tab=referrals`);
      await page.getByRole("region", { name: "Verweise" }).getByRole("button", { name: "Verweisen" }).click();
      const wizard = page.getByRole("dialog", { name: "Verweisen" });
      await wizard.getByLabel("Suchbegriff").fill(offer.name);
      await wizard
        .getByRole("radio", { name: new RegExp(literal(offer.name)) })
        .filter({ hasText: offer.organisation })
        .first()
        .click();
      await wizard.getByRole("button", { name: "Nächster Schritt" }).click();
      await wizard.getByText("Keine Einwilligung für diesen Verweis").waitFor();
      await wizard.getByText(/als Ehrenamtliche\*r nicht verweisen/).waitFor();
      expect(await wizard.getByLabel("Trotzdem verweisen: Begründung").count()).toBe(0);
      expect(await wizard.getByRole("button", { name: "Nächster Schritt" }).isDisabled()).toBe(true);
      await expectNoAxeViolations(page);
    } finally {
      await context.close();
    }
  });

  it("sends without consent only with a reason, and lets the sender write and withdraw by keyboard", async () => {
    const senderEmail = await migrantOrganisationCounsellor();
    const { context, page } = await newPage(browser);
    const name = `Dawit Tesfaye ${Date.now()}`;
    try {
      await login(page, senderEmail);
      const offer = await recognitionOfferOf(page, "IQ Anerkennungsberatung Halle (Demo)");
      const created = await apiPost<{ id: string }>(page, "/api/cases", {
        client: { name, preferredLanguages: ["ti"] },
      });
      await page.goto(`/cases/${created.id}?tab=referrals`);
      const panel = page.getByRole("region", { name: "Verweise" });
      await panel.getByRole("button", { name: "Verweisen" }).click();
      const wizard = page.getByRole("dialog", { name: "Verweisen" });
      await wizard.getByLabel("Suchbegriff").fill(offer.name);
      const card = wizard
        .getByRole("radio", { name: new RegExp(literal(offer.name)) })
        .filter({ hasText: offer.organisation })
        .first();
      await card.focus();
      await page.keyboard.press("Space");
      await wizard.getByRole("button", { name: "Nächster Schritt" }).click();

      // No consent: nothing can be shared, and going on needs a reason of ten characters or more.
      await wizard.getByText("Keine Einwilligung für diesen Verweis").waitFor();
      await wizard.getByRole("link", { name: "Einwilligung im Reiter Einwilligungen erfassen" }).waitFor();
      expect(await wizard.getByRole("checkbox", { name: "Name" }).isDisabled()).toBe(true);
      const reason = wizard.getByLabel("Trotzdem verweisen: Begründung");
      await reason.fill("Eilig");
      await wizard.getByRole("button", { name: "Nächster Schritt" }).click();
      await wizard.getByText(/^Bitte begründen Sie mit mindestens 10 Zeichen/).waitFor();
      await expectNoAxeViolations(page);
      await reason.fill("Frist der Kammer läuft am Freitag ab, Person telefonisch zugestimmt.");
      await wizard.getByRole("button", { name: "Nächster Schritt" }).click();
      await wizard.getByText("Keine Daten").waitFor();
      await wizard.getByRole("button", { name: "Verweis senden" }).focus();
      await page.keyboard.press("Enter");
      await wizard.waitFor({ state: "detached" });

      await panel.getByRole("link", { name: offer.name }).click();
      await page.getByRole("heading", { level: 1, name: offer.name }).waitFor();
      await page.getByText("Ohne Einwilligung gesendet (begründet)").waitFor();
      await page.getByText("Mit diesem Verweis wurden keine Daten geteilt.").waitFor();

      const thread = page.getByRole("region", { name: "Nachrichten" });
      await thread.getByLabel("Neue Nachricht").fill("Die Person bringt ihre Zeugnisse mit.");
      await thread.getByRole("button", { name: "Nachricht senden" }).click();
      await thread
        .getByRole("listitem")
        .filter({ hasText: "Die Person bringt ihre Zeugnisse mit." })
        .waitFor();
      await expectNoAxeViolations(page);

      await page.getByRole("button", { name: "Zurückziehen" }).focus();
      await page.keyboard.press("Enter");
      const dialog = page.getByRole("dialog", { name: "Verweis zurückziehen" });
      await dialog.getByRole("button", { name: "Zurückziehen" }).click();
      await dialog.waitFor({ state: "detached" });
      const overview = page.getByRole("region", { name: "Stand des Verweises" });
      await overview.getByText("Zurückgezogen", { exact: true }).first().waitFor();
      expect(await page.getByRole("button", { name: "Zurückziehen" }).count()).toBe(0);
      await page
        .getByRole("region", { name: "Verlauf" })
        .getByRole("cell", { name: "Gesendet → Zurückgezogen" })
        .waitFor();
    } finally {
      await context.close();
    }
  });

  it("preselects what the consent covers, warns of an empty selection and of the client's name in the note, and lists the referral as outgoing", async () => {
    const senderEmail = await migrantOrganisationCounsellor();
    const { context, page } = await newPage(browser);
    const stamp = Date.now();
    const name = `Leyla Nouri ${stamp}`;
    try {
      await login(page, senderEmail);
      const offer = await recognitionOfferOf(page, "IQ Anerkennungsberatung Halle (Demo)");
      const created = await apiPost<{ id: string; pseudonym: string; client: { id: string } }>(
        page,
        "/api/cases",
        {
          client: { name, email: `leyla.${stamp}@example.org`, preferredLanguages: ["fa", "de"] },
        },
      );
      const receiver = (await (
        await page.request.get(`/api/cases/${created.id}/referral-preview?offerId=${offer.id}`)
      ).json()) as { offer: { organisation: { id: string } } };
      // The consent covers contact data and qualifications, not the person's identity (the name).
      await apiPost(page, `/api/clients/${created.client.id}/consents`, {
        purpose: "referral",
        recipientOrganisationId: receiver.offer.organisation.id,
        legalBasis: "art6_1a",
        dataCategories: ["contact", "qualifications"],
        informedLanguage: "fa",
        form: "signed",
      });
      await page.goto(`/cases/${created.id}?tab=referrals`);
      await page.getByRole("region", { name: "Verweise" }).getByRole("button", { name: "Verweisen" }).click();
      const wizard = page.getByRole("dialog", { name: "Verweisen" });
      await wizard.getByLabel("Suchbegriff").fill(offer.name);
      await wizard
        .getByRole("radio", { name: new RegExp(literal(offer.name)) })
        .filter({ hasText: offer.organisation })
        .first()
        .click();
      await wizard.getByRole("button", { name: "Nächster Schritt" }).click();

      // Preselected: exactly what the consent covers.
      const contact = wizard.getByRole("checkbox", { name: "Kontaktdaten" });
      const qualifications = wizard.getByRole("checkbox", { name: "Qualifikationen" });
      await expect.poll(() => contact.isChecked()).toBe(true);
      expect(await qualifications.isChecked()).toBe(true);
      expect(await wizard.getByRole("checkbox", { name: "Name" }).isDisabled()).toBe(true);
      expect(await wizard.getByRole("checkbox", { name: "Sprachen" }).isChecked()).toBe(false);

      // Taking everything out: step 3 warns, and sending asks for an explicit confirmation.
      await contact.uncheck();
      await qualifications.uncheck();
      await wizard.getByRole("button", { name: "Nächster Schritt" }).click();
      await wizard.getByText("Mit diesem Verweis gehen keine Daten mit").waitFor();
      await wizard.getByRole("button", { name: "Verweis senden" }).click();
      await wizard.getByText("Bitte bestätigen Sie das oder ändern Sie den Verweis.").waitFor();
      await expectNoAxeViolations(page);
      expect((await (await page.request.get(`/api/cases/${created.id}/referrals`)).json()).total).toBe(0);

      // Back to the data by keyboard, the preselection again.
      await wizard.getByRole("button", { name: "Daten auswählen" }).focus();
      await page.keyboard.press("Enter");
      await contact.check();
      await qualifications.check();
      await wizard.getByRole("button", { name: "Nächster Schritt" }).click();
      await wizard.getByLabel("Notiz an die empfangende Organisation").waitFor();
      expect(await wizard.getByText("Mit diesem Verweis gehen keine Daten mit").count()).toBe(0);

      // The client's name in the note (in other case, without its accent), outside the consent.
      const note = wizard.getByLabel("Notiz an die empfangende Organisation");
      await note.fill("Frau NOURÍ bittet um einen Termin zur Anerkennung.");
      const warning = wizard.getByText("Die Notiz enthält personenbezogene Daten");
      await warning.waitFor();
      await wizard.getByText("Name (nicht von der Einwilligung gedeckt):").waitFor();
      await wizard.getByText("NOURÍ", { exact: true }).waitFor();
      await expectNoAxeViolations(page);
      await wizard.getByRole("button", { name: "Aus der Notiz entfernen" }).click();
      await expect.poll(() => note.inputValue()).toBe("Frau […] bittet um einen Termin zur Anerkennung.");
      expect(await warning.count()).toBe(0);

      await wizard.getByRole("button", { name: "Verweis senden" }).focus();
      await page.keyboard.press("Enter");
      await wizard.waitFor({ state: "detached" });
      const sent = (await (await page.request.get(`/api/cases/${created.id}/referrals`)).json()) as {
        items: { id: string; sharedItems: string[]; note: string }[];
      };
      expect(sent.items.map((r) => [r.sharedItems, r.note])).toEqual([
        [["contact", "qualifications"], "Frau […] bittet um einen Termin zur Anerkennung."],
      ]);

      // The outgoing list, beside the inbox, reached by keyboard.
      await navLink(page, "Verweise").click();
      await page.getByRole("heading", { level: 1, name: "Verweise" }).waitFor();
      const views = page.getByRole("navigation", { name: "Verweise: Ansicht" });
      await views.getByRole("link", { name: "Eingang" }).waitFor();
      await views.getByRole("link", { name: /^Ausgang/ }).focus();
      await page.keyboard.press("Enter");
      await page.waitForURL((url) => url.pathname === "/referrals/outgoing");
      const row = page.getByRole("row").filter({ hasText: created.pseudonym });
      await row.getByRole("link", { name: offer.name }).waitFor();
      await row.getByText("Gesendet", { exact: true }).waitFor();
      await row.getByText("Antwort", { exact: true }).waitFor();
      expect(await row.textContent()).not.toContain("Leyla");
      await expectNoAxeViolations(page);

      // Filters live in the address: only overdue ones leaves this fresh referral out.
      await page.getByLabel("Frist").selectOption({ label: "Nur überfällige" });
      await page.waitForURL((url) => url.searchParams.get("overdue") === "true");
      await page.getByRole("row").filter({ hasText: created.pseudonym }).waitFor({ state: "detached" });
      await page.getByLabel("Frist").selectOption({ label: "Alle" });
      await row.waitFor();
      await row.getByRole("link", { name: offer.name }).click();
      await page.waitForURL((url) => url.pathname === `/referrals/${sent.items[0]?.id}`);
    } finally {
      await context.close();
    }
  });

  it("shows the warnings and the outgoing list without violations in Arabic", async () => {
    const senderEmail = await migrantOrganisationCounsellor();
    const { context, page } = await newPage(browser);
    try {
      await login(page, senderEmail);
      await chooseLanguage(page, "العربية");
      await page.goto("/referrals/outgoing?sender=organisation");
      await page.getByRole("heading", { level: 1, name: "الإحالات" }).waitFor();
      await page.getByRole("navigation", { name: "الإحالات: العرض" }).waitFor();
      await page.getByRole("table").waitFor();
      await expectNoAxeViolations(page);
      await page
        .getByRole("navigation", { name: "الإحالات: العرض" })
        .getByRole("link", { name: "الوارد" })
        .click();
      await page.getByRole("tab", { selected: true }).waitFor();
      await expectNoAxeViolations(page);

      // A new case without consent: the override path, with personal data in the note.
      const created = await apiPost<{ id: string }>(page, "/api/cases", {
        client: { name: `Dawit Haile ${Date.now()}`, preferredLanguages: ["ti"] },
      });
      // The wizard names offers in the interface's language, as the finder does.
      const offer = await recognitionOfferOf(page, "IQ Anerkennungsberatung Halle (Demo)", "ar");
      await page.goto(`/cases/${created.id}?tab=referrals`);
      await page.getByRole("region", { name: "الإحالات" }).getByRole("button", { name: "إحالة" }).click();
      const wizard = page.getByRole("dialog", { name: "إحالة" });
      await wizard.getByLabel("كلمات البحث").fill(offer.name);
      await wizard
        .getByRole("radio", { name: new RegExp(literal(offer.name)) })
        .first()
        .click();
      await wizard.getByRole("button", { name: "الخطوة التالية" }).click();
      await wizard
        .getByLabel("الإحالة رغم ذلك: المبرر")
        .fill("موعد الغرفة ينتهي يوم الجمعة، وافق الشخص هاتفيًا.");
      await wizard.getByRole("button", { name: "الخطوة التالية" }).click();
      await wizard.getByLabel("ملاحظة إلى المنظمة المستقبِلة").fill("يمكن الاتصال بـ Dawit على 0391 555 01");
      await wizard.getByText("تحتوي الملاحظة على بيانات شخصية").waitFor();
      await expectNoAxeViolations(page);
    } finally {
      // The language is remembered for the account, which later tests log in with: reset it even
      // when a dialog holds the header inert.
      const session = await (await page.request.get("/api/session")).json();
      await page.request.put("/api/session/locale", {
        data: { locale: "de" },
        headers: { "X-CSRF-Token": session.csrfToken },
      });
      await context.close();
    }
  });

  it("takes a volunteer from the referrals entry to the outgoing list of the assigned cases, overdue marked", async () => {
    const { context, page } = await newPage(browser);
    try {
      await login(page, DEMO.volunteer);
      await navLink(page, "Verweise").click();
      await page.waitForURL((url) => url.pathname === "/referrals/outgoing");
      await page.getByRole("heading", { level: 1, name: "Verweise" }).waitFor();
      expect(await page.getByRole("navigation", { name: "Verweise: Ansicht" }).count()).toBe(0);
      const overdue = page.getByRole("row").filter({ hasText: "überfällig" });
      await overdue.first().waitFor();
      await expectNoAxeViolations(page);
    } finally {
      await context.close();
    }
  });
});

function literal(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
