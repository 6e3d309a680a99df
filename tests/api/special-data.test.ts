import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { cases, clients } from "../../src/server/db/schema.ts";
import { createTestApp } from "../helpers/app.ts";
import { buildCase, buildClient } from "../helpers/case-factories.ts";
import { buildOrganisation, buildUser } from "../helpers/factories.ts";

const t = await createTestApp();

/** An organisation with a counsellor and a volunteer, logged in. */
async function setting() {
  const org = await buildOrganisation(t.db);
  const counsellorUser = await buildUser(t.db, { organisationId: org.id, role: "counsellor" });
  const volunteerUser = await buildUser(t.db, { organisationId: org.id, role: "volunteer" });
  return {
    org,
    volunteerUser,
    counsellor: await t.loginAs(counsellorUser.email),
    volunteer: await t.loginAs(volunteerUser.email),
  };
}

const name = () => `Person ${randomBytes(4).toString("hex")}`;

describe("special categories at intake", () => {
  it("refuses health, religion or origin without a purpose, in the caller's language, and creates nothing", async () => {
    const s = await setting();
    const person = name();
    const res = await s.counsellor.request("POST", "/api/cases", {
      body: { client: { name: person, special: { healthNote: "Rückenleiden" } } },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: "special_data.purpose_required" });
    expect(res.json().errors).toEqual([
      expect.objectContaining({
        field: "body.client.special.purpose",
        message: expect.stringMatching(
          /^Gesundheit, Religion oder ethnische Herkunft erfassen Sie nur mit einem Zweck/,
        ),
      }),
    ]);
    const english = await s.counsellor.request("POST", "/api/cases", {
      body: { client: { name: person, special: { religion: "evangelisch", purpose: "Feiertage planen" } } },
      headers: { "accept-language": "en" },
    });
    expect(english.statusCode).toBe(422);
    expect(english.json().errors).toEqual([
      expect.objectContaining({
        field: "body.client.special.legalBasis",
        message: "Please give the legal basis for the special categories (Art. 9(2) GDPR).",
      }),
    ]);
    expect(await t.db.select().from(clients).where(eq(clients.name, person))).toEqual([]);
  });

  it("records them with purpose and legal basis; a basis other than consent covers the case", async () => {
    const s = await setting();
    const res = await s.counsellor.request("POST", "/api/cases", {
      body: {
        client: {
          name: name(),
          special: {
            residenceStatus: "residence_permit_16d",
            healthNote: "Keine schweren Lasten",
            purpose: "Die Umschulung muss zur Belastbarkeit passen.",
            legalBasis: "art9_2b",
          },
        },
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().specialData).toEqual({
      fields: ["healthNote"],
      specialNotes: 0,
      purposeRecorded: true,
      legalBasis: "art9_2b",
      documentationConsent: false,
      covered: true,
    });
    const client = await s.counsellor.request("GET", `/api/clients/${res.json().client.id}`);
    expect(client.json().special).toMatchObject({
      purpose: "Die Umschulung muss zur Belastbarkeit passen.",
      legalBasis: "art9_2b",
    });
  });

  it("does not ask for a purpose for the residence status, which is not an Art. 9 category", async () => {
    const s = await setting();
    const res = await s.counsellor.request("POST", "/api/cases", {
      body: { client: { name: name(), special: { residenceStatus: "settlement_permit" } } },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().specialData).toMatchObject({ fields: [], covered: true });
  });
});

describe("the warning on a case", () => {
  it("stays until the explicit consent named as the basis is in the consent register", async () => {
    const s = await setting();
    const created = await s.counsellor.request("POST", "/api/cases", {
      body: {
        client: {
          name: name(),
          special: { ethnicOrigin: "kurdisch", purpose: "Sprachwahl der Beratung", legalBasis: "art9_2a" },
        },
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json().specialData).toMatchObject({ covered: false, purposeRecorded: true });
    const consent = await s.counsellor.request("POST", `/api/clients/${created.json().client.id}/consents`, {
      body: {
        purpose: "counselling_documentation",
        legalBasis: "art9_2a",
        dataCategories: ["identity", "special_categories"],
        informedLanguage: "de",
        form: "signed",
      },
    });
    expect(consent.statusCode, consent.body).toBe(201);
    const after = await s.counsellor.request("GET", `/api/cases/${created.json().id}`);
    expect(after.json().specialData).toMatchObject({ covered: true, documentationConsent: true });
  });

  it("shows a special note without a basis, and keeps an older record editable but not its special fields", async () => {
    const s = await setting();
    const client = await buildClient(t.db, { organisationId: s.org.id, healthNote: "Asthma" });
    const record = await buildCase(t.db, { organisationId: s.org.id, clientId: client.id });
    const note = await s.counsellor.request("POST", `/api/cases/${record.id}/notes`, {
      body: { body: "Spricht über die Diagnose.", special: true },
    });
    expect(note.statusCode).toBe(201);
    const flagged = (await s.counsellor.request("GET", `/api/cases/${record.id}`)).json().specialData;
    expect(flagged).toEqual({
      fields: ["healthNote"],
      specialNotes: 1,
      purposeRecorded: false,
      legalBasis: null,
      documentationConsent: false,
      covered: false,
    });

    // Other fields can still be corrected; adding special data without a purpose cannot.
    const phone = await s.counsellor.request("PATCH", `/api/clients/${client.id}`, {
      body: { phone: "0391 123" },
      headers: { "if-match": '"1"' },
    });
    expect(phone.statusCode, phone.body).toBe(200);
    const religion = await s.counsellor.request("PATCH", `/api/clients/${client.id}`, {
      body: { special: { religion: "muslimisch" } },
      headers: { "if-match": '"2"' },
    });
    expect(religion.statusCode).toBe(422);
    expect(religion.json().errors.map((e: { field: string }) => e.field)).toEqual(["body.special.purpose"]);
    const [row] = await t.db.select().from(clients).where(eq(clients.id, client.id));
    expect(row).toMatchObject({ religion: null, version: 2 });

    // Stating purpose and basis clears the warning.
    const based = await s.counsellor.request("PATCH", `/api/clients/${client.id}`, {
      body: { special: { purpose: "Arbeitsplatz ohne Staub", legalBasis: "art9_2h" } },
      headers: { "if-match": '"2"' },
    });
    expect(based.statusCode, based.body).toBe(200);
    expect((await s.counsellor.request("GET", `/api/cases/${record.id}`)).json().specialData.covered).toBe(
      true,
    );

    // With data still there, the purpose cannot be taken away again.
    const cleared = await s.counsellor.request("PATCH", `/api/clients/${client.id}`, {
      body: { special: { purpose: null } },
      headers: { "if-match": '"3"' },
    });
    expect(cleared.statusCode).toBe(422);
  });

  it("goes away when the special data is removed", async () => {
    const s = await setting();
    const client = await buildClient(t.db, { organisationId: s.org.id, religion: "orthodox" });
    const record = await buildCase(t.db, { organisationId: s.org.id, clientId: client.id });
    expect((await s.counsellor.request("GET", `/api/cases/${record.id}`)).json().specialData.covered).toBe(
      false,
    );
    const removed = await s.counsellor.request("PATCH", `/api/clients/${client.id}`, {
      body: { special: { religion: null } },
      headers: { "if-match": '"1"' },
    });
    expect(removed.statusCode, removed.body).toBe(200);
    expect((await s.counsellor.request("GET", `/api/cases/${record.id}`)).json().specialData).toMatchObject({
      fields: [],
      covered: true,
    });
  });

  it("is not shown to a volunteer, who must not learn that special data exists", async () => {
    const s = await setting();
    const client = await buildClient(t.db, { organisationId: s.org.id, healthNote: "Epilepsie" });
    const record = await buildCase(t.db, {
      organisationId: s.org.id,
      clientId: client.id,
      assigneeUserId: s.volunteerUser.id,
    });
    const res = await s.volunteer.request("GET", `/api/cases/${record.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.json().specialData).toBeNull();
    const [row] = await t.db.select().from(cases).where(eq(cases.id, record.id));
    expect(row?.assigneeUserId).toBe(s.volunteerUser.id);
  });
});
