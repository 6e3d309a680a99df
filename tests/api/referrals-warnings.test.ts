import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, caseEvents, organisations, referrals } from "../../src/server/db/schema.ts";
import { createTestApp } from "../helpers/app.ts";
import { giveReferralConsent, referralScene, type Scene, send } from "./referrals-setup.ts";

const t = await createTestApp();

const rowsOf = (s: Scene) => t.db.select().from(referrals).where(eq(referrals.caseId, s.caseRecord.id));

async function auditOf(action: string, referralId: string) {
  const [entry] = await t.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, action), eq(auditLog.entityId, referralId)));
  return entry;
}

describe("preselection", () => {
  it("preselects exactly the items the consent to the receiving organisation covers", async () => {
    const s = await referralScene(t);
    const url = `/api/cases/${s.caseRecord.id}/referral-preview?offerId=${s.offer.id}`;
    const before = (await s.counsellor.request("GET", url)).json();
    expect(before.preselected).toEqual([]);

    await giveReferralConsent(s, ["identity", "qualifications"]);
    const preview = (await s.counsellor.request("GET", url)).json();
    const covered = preview.items
      .filter((i: { covered: boolean }) => i.covered)
      .map((i: { item: string }) => i.item);
    expect(preview.preselected).toEqual(["name", "date_of_birth", "languages", "qualifications"]);
    expect(preview.preselected).toEqual(covered);
    // What the wizard's note check needs: the client's identifying data and the sides' own contacts.
    expect(preview.noteCheck.subject).toEqual({
      name: "Amina Haddad",
      email: "amina@example.org",
      phone: "+49 391 555 01",
      dateOfBirth: "1990-04-02",
    });
    expect(preview.noteCheck.ownContacts).toContain(s.counsellorUser.email);
    const [read] = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "referral.preview"), eq(auditLog.entityId, s.caseRecord.id)));
    expect(read?.details).toMatchObject({
      clientId: s.client.id,
      fields: ["name", "email", "phone", "dateOfBirth"],
    });
  });
});

describe("an empty selection", () => {
  it("is refused with a translated 422 until it is acknowledged, then sent and recorded", async () => {
    const s = await referralScene(t);
    await giveReferralConsent(s);
    const refused = await send(s, { items: [] });
    expect(refused.statusCode).toBe(422);
    expect(refused.headers["content-type"]).toContain("application/problem+json");
    expect(refused.json()).toMatchObject({
      code: "referral.empty_selection",
      errors: [{ field: "body.items", code: "referral.empty_selection" }],
    });
    expect(refused.json().title).toContain("keine Daten");
    const english = await s.counsellor.request("POST", `/api/cases/${s.caseRecord.id}/referrals`, {
      body: { offerId: s.offer.id, items: [] },
      headers: { "accept-language": "en" },
    });
    expect(english.json().title).toContain("No data goes with this referral");
    expect(await rowsOf(s)).toEqual([]);

    const sent = await send(s, { items: [], acknowledged: ["empty_selection"] });
    expect(sent.statusCode, sent.body).toBe(201);
    expect(sent.json().sharedItems).toEqual([]);
    const created = await auditOf("referral.create", sent.json().id);
    expect(created?.details).toMatchObject({ acknowledged: ["empty_selection"], noteFindings: [] });
    const [timeline] = await t.db
      .select()
      .from(caseEvents)
      .where(and(eq(caseEvents.caseId, s.caseRecord.id), eq(caseEvents.kind, "referral_sent")));
    expect(timeline?.details).toMatchObject({ acknowledged: ["empty_selection"] });
  });

  it("is not asked again of a counsellor who sends without consent with a stated reason", async () => {
    const s = await referralScene(t);
    const res = await send(s, { items: [], consentOverrideReason: "Frist der Kammer läuft am Freitag ab." });
    expect(res.statusCode, res.body).toBe(201);
  });

  it("refuses an unknown or repeated acknowledgement as bad input", async () => {
    const s = await referralScene(t);
    await giveReferralConsent(s);
    expect((await send(s, { acknowledged: ["everything"] })).statusCode).toBe(400);
    expect((await send(s, { acknowledged: ["empty_selection", "empty_selection"] })).statusCode).toBe(400);
  });
});

describe("personal data in the note", () => {
  it("finds the client's name however it is written and refuses without acknowledgement, never echoing it", async () => {
    const s = await referralScene(t);
    await giveReferralConsent(s);
    for (const note of [
      "Frau HADDAD bittet um Rückruf.",
      "Amínas Zeugnisse liegen bei.",
      "Rückruf an amina",
    ]) {
      const res = await send(s, { items: ["contact"], note });
      expect(res.statusCode, note).toBe(422);
      expect(res.json()).toMatchObject({
        code: "referral.note_personal_data",
        errors: [{ field: "body.note", code: "referral.note_not_selected.name" }],
      });
      expect(res.json().errors[0].message).toContain("Namen");
      expect(res.body.toLowerCase()).not.toContain("haddad");
      expect(res.body.toLowerCase()).not.toContain("amín");
    }
    // Another word that merely contains the name is not the name; the name selected is no finding.
    expect((await send(s, { items: ["contact"], note: "Aminata aus dem Kurs kommt mit." })).statusCode).toBe(
      201,
    );
    expect((await send(s, { items: ["name"], note: "Frau Haddad bittet um Rückruf." })).statusCode).toBe(201);
    expect(await rowsOf(s)).toHaveLength(2);
  });

  it("sends once acknowledged and records the kinds found, not the text", async () => {
    const s = await referralScene(t);
    await giveReferralConsent(s);
    const note = "Frau Haddad ist unter 0391 555 01 erreichbar.";
    const refused = await send(s, { items: ["languages"], note });
    expect(refused.json().errors.map((e: { code: string }) => e.code)).toEqual([
      "referral.note_not_selected.name",
      "referral.note_not_selected.phone",
    ]);
    const res = await send(s, { items: ["languages"], note, acknowledged: ["note_personal_data"] });
    expect(res.statusCode, res.body).toBe(201);
    const created = await auditOf("referral.create", res.json().id);
    expect(created?.details).toMatchObject({
      acknowledged: ["note_personal_data"],
      noteFindings: [
        { kind: "name", scope: "not_selected" },
        { kind: "phone", scope: "not_selected" },
      ],
    });
    expect(JSON.stringify(created?.details)).not.toContain("Haddad");
    // The number as written (with its spaces: ids are hex and may hold "555" by chance).
    expect(JSON.stringify(created?.details)).not.toMatch(/0391 555 01|555 01/);
    // Within the consent: no data-protection override was needed.
    expect(await auditOf("referral.note_outside_consent", res.json().id)).toBeUndefined();
  });

  it("names every open warning at once", async () => {
    const s = await referralScene(t);
    await giveReferralConsent(s);
    const res = await send(s, { items: [], note: "geb. 02.04.1990, amina@example.org" });
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe("referral.confirmation_required");
    expect(res.json().errors.map((e: { field: string; code: string }) => [e.field, e.code])).toEqual([
      ["body.items", "referral.empty_selection"],
      ["body.note", "referral.note_not_selected.date_of_birth"],
      ["body.note", "referral.note_not_selected.email"],
    ]);
    const half = await send(s, { items: [], note: "geb. 02.04.1990", acknowledged: ["empty_selection"] });
    expect(half.json().code).toBe("referral.note_personal_data");
  });

  it("lets a staff counsellor acknowledge data outside the consent, and audits it as a judgement", async () => {
    const s = await referralScene(t);
    await giveReferralConsent(s, ["identity"]);
    const note = "Wohnt Breiter Weg 12, 39104 Magdeburg.";
    const refused = await send(s, { items: ["name"], note });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().errors.map((e: { code: string }) => e.code)).toEqual([
      "referral.note_outside_consent.address",
      "referral.note_outside_consent.postcode",
    ]);
    const res = await send(s, { items: ["name"], note, acknowledged: ["note_personal_data"] });
    expect(res.statusCode, res.body).toBe(201);
    const judgement = await auditOf("referral.note_outside_consent", res.json().id);
    expect(judgement).toMatchObject({ purpose: "referral", details: { kinds: ["address", "postcode"] } });
    expect(JSON.stringify(judgement?.details)).not.toContain("Breiter");
  });

  it("never lets a volunteer acknowledge data outside the consent; within it, they may", async () => {
    const s = await referralScene(t);
    await giveReferralConsent(s, ["identity"]);
    const outside = "Bitte Rückruf unter 0391 555 01.";
    const refused = await send(
      s,
      { items: ["name"], note: outside, acknowledged: ["note_personal_data"] },
      {
        agent: s.volunteer,
      },
    );
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({
      code: "referral.note_outside_consent_forbidden",
      errors: [{ field: "body.note", code: "referral.note_outside_consent.phone" }],
    });
    expect(refused.json().title).toContain("hauptamtlich");
    expect(await rowsOf(s)).toEqual([]);

    // The name is covered by the consent but left out of the selection: the volunteer may confirm it.
    const within = await send(
      s,
      { items: ["languages"], note: "Frau Haddad spricht Arabisch.", acknowledged: ["note_personal_data"] },
      { agent: s.volunteer },
    );
    expect(within.statusCode, within.body).toBe(201);
    // And an item outside the consent is refused to a volunteer as to anyone.
    const item = await send(s, { items: ["contact"], note: null }, { agent: s.volunteer });
    expect(item.json().code).toBe("referral.item_not_consented");
  });

  it("does not flag the sender's own contact data or the organisations' published ones", async () => {
    const s = await referralScene(t);
    await t.db
      .update(organisations)
      .set({ email: "team@beratung.example", phone: "+49 345 123 45 67" })
      .where(eq(organisations.id, s.sender.id));
    await giveReferralConsent(s);
    const note = `Rückfragen an ${s.counsellorUser.email}, team@beratung.example oder 0345 1234567.`;
    const res = await send(s, { items: ["name"], note });
    expect(res.statusCode, res.body).toBe(201);
  });
});
