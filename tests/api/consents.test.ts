import { and, eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, caseEvents, consents } from "../../src/server/db/schema.ts";
import { activeConsent, assertConsent, onConsentWithdrawn } from "../../src/server/modules/consents/check.ts";
import { AppError } from "../../src/server/platform/errors.ts";
import { CONSENT_DOCUMENT_MAX_BYTES } from "../../src/shared/cases.ts";
import { createTestApp } from "../helpers/app.ts";
import { buildCase, buildClient } from "../helpers/case-factories.ts";
import { buildCoordinator, buildOrganisation, buildUser } from "../helpers/factories.ts";

const t = await createTestApp();

/** An organisation with a counsellor, a volunteer, an admin, and a client with two cases (one assigned to the volunteer). */
async function setting() {
  const org = await buildOrganisation(t.db);
  const counsellor = await buildUser(t.db, { organisationId: org.id, role: "counsellor" });
  const volunteer = await buildUser(t.db, { organisationId: org.id, role: "volunteer" });
  const admin = await buildUser(t.db, { organisationId: org.id, role: "org_admin" });
  const client = await buildClient(t.db, { organisationId: org.id, preferredLanguages: ["ar", "de"] });
  const first = await buildCase(t.db, {
    organisationId: org.id,
    clientId: client.id,
    assigneeUserId: volunteer.id,
  });
  const second = await buildCase(t.db, { organisationId: org.id, clientId: client.id });
  const recipient = await buildOrganisation(t.db, { name: "Bildungswerk Magdeburg" });
  return {
    org,
    client,
    cases: [first, second],
    recipient,
    counsellor: await t.loginAs(counsellor.email),
    counsellorId: counsellor.id,
    volunteer: await t.loginAs(volunteer.email),
    admin: await t.loginAs(admin.email),
  };
}

const statistics = {
  purpose: "statistics",
  legalBasis: "art6_1a",
  dataCategories: ["identity"],
  informedLanguage: "ar",
  form: "signed",
};
const referral = (recipientOrganisationId: string) => ({
  purpose: "referral",
  recipientOrganisationId,
  legalBasis: "art6_1a",
  dataCategories: ["identity", "contact", "qualifications"],
  recipients: "Bildungswerk Magdeburg",
  informedLanguage: "ar",
  form: "oral",
  fileNote: "Mündlich am Telefon erklärt, Dolmetscherin anwesend.",
});
const pdfBytes = Buffer.concat([Buffer.from("%PDF-1.7\n"), Buffer.alloc(200, 0x20), Buffer.from("%%EOF\n")]);
const pngBytes = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.alloc(64, 1),
]);

describe("giving a consent", () => {
  it("records it for the counsellor, on every case's timeline and in the audit log", async () => {
    const s = await setting();
    const res = await s.counsellor.request("POST", `/api/clients/${s.client.id}/consents`, {
      body: referral(s.recipient.id),
    });
    expect(res.statusCode).toBe(201);
    const consent = res.json();
    expect(consent).toMatchObject({
      clientId: s.client.id,
      purpose: "referral",
      recipientOrganisation: { id: s.recipient.id, name: "Bildungswerk Magdeburg" },
      form: "oral",
      active: true,
      withdrawnAt: null,
      recordedBy: { id: s.counsellorId },
      document: null,
      abilities: { withdraw: true, uploadDocument: true },
    });
    expect(Date.now() - Date.parse(consent.givenAt)).toBeLessThan(60_000);
    const events = await t.db.select().from(caseEvents).where(eq(caseEvents.subjectId, consent.id));
    expect(events.map((e) => e.caseId).sort()).toEqual(s.cases.map((c) => c.id).sort());
    expect(events.every((e) => e.kind === "consent_given")).toBe(true);
    expect(events[0]?.details).toEqual({ purpose: "referral", recipientOrganisationId: s.recipient.id });
    const [entry] = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "consent.give"), eq(auditLog.entityId, consent.id)));
    expect(entry?.organisationId).toBe(s.org.id);
    expect(JSON.stringify(entry?.details)).not.toContain("Dolmetscherin");
  });

  it("keeps a given time in the past", async () => {
    const s = await setting();
    const givenAt = "2025-03-01T10:00:00.000Z";
    const res = await s.counsellor.request("POST", `/api/clients/${s.client.id}/consents`, {
      body: { ...statistics, givenAt },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().givenAt).toBe(givenAt);
  });

  it.each([
    [
      "a referral without recipient",
      { ...referral("x"), recipientOrganisationId: undefined },
      "body.recipientOrganisationId",
      "consent.recipient_required",
    ],
    [
      "statistics with a recipient",
      "recipient",
      "body.recipientOrganisationId",
      "consent.recipient_not_allowed",
    ],
    [
      "an unknown recipient",
      { ...referral("00000000-0000-4000-8000-000000000000") },
      "body.recipientOrganisationId",
      "consent.recipient_unknown",
    ],
    [
      "special categories under Art. 6",
      { ...statistics, dataCategories: ["identity", "special_categories"] },
      "body.legalBasis",
      "consent.special_needs_art9",
    ],
    [
      "a time in the future",
      { ...statistics, givenAt: new Date(Date.now() + 3_600_000).toISOString() },
      "body.givenAt",
      "consent.given_in_future",
    ],
  ])("refuses %s with 422 and a translated message", async (_name, body, field, code) => {
    const s = await setting();
    const payload = body === "recipient" ? { ...statistics, recipientOrganisationId: s.recipient.id } : body;
    const res = await s.counsellor.request("POST", `/api/clients/${s.client.id}/consents`, {
      body: payload,
      headers: { "accept-language": "en" },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors).toEqual([expect.objectContaining({ field, code })]);
    expect(res.json().errors[0].message).not.toContain("errors.");
    expect(await t.db.select().from(consents).where(eq(consents.clientId, s.client.id))).toEqual([]);
  });

  it("accepts special categories under Art. 9(2)(a)", async () => {
    const s = await setting();
    const body = {
      ...statistics,
      purpose: "counselling_documentation",
      legalBasis: "art9_2a",
      dataCategories: ["special_categories"],
    };
    const res = await s.counsellor.request("POST", `/api/clients/${s.client.id}/consents`, { body });
    expect(res.statusCode).toBe(201);
  });

  it("asks for a file note with an oral consent", async () => {
    const s = await setting();
    const res = await s.counsellor.request("POST", `/api/clients/${s.client.id}/consents`, {
      body: { ...statistics, form: "oral" },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([
      expect.objectContaining({
        field: "body.fileNote",
        code: "file_note_required",
        message: "Für eine mündliche Einwilligung ist ein Aktenvermerk nötig.",
      }),
    ]);
  });

  it("refuses a second active consent for the same purpose and recipient, but not for another recipient", async () => {
    const s = await setting();
    const url = `/api/clients/${s.client.id}/consents`;
    expect((await s.counsellor.request("POST", url, { body: referral(s.recipient.id) })).statusCode).toBe(
      201,
    );
    const again = await s.counsellor.request("POST", url, { body: referral(s.recipient.id) });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe("consent.already_active");
    const other = await buildOrganisation(t.db);
    expect((await s.counsellor.request("POST", url, { body: referral(other.id) })).statusCode).toBe(201);
    expect((await s.counsellor.request("POST", url, { body: statistics })).statusCode).toBe(201);
    expect((await s.counsellor.request("POST", url, { body: statistics })).statusCode).toBe(409);
  });
});

describe("withdrawing a consent", () => {
  it("takes effect at once, in one step, and can be given again afterwards", async () => {
    const s = await setting();
    const given = (
      await s.counsellor.request("POST", `/api/clients/${s.client.id}/consents`, {
        body: referral(s.recipient.id),
      })
    ).json();
    const need = {
      clientId: s.client.id,
      purpose: "referral" as const,
      recipientOrganisationId: s.recipient.id,
    };
    expect((await activeConsent(t.db, need))?.id).toBe(given.id);
    const res = await s.counsellor.request("POST", `/api/consents/${given.id}/withdraw`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      active: false,
      withdrawnBy: { id: s.counsellorId },
      abilities: { withdraw: false },
    });
    expect(Date.now() - Date.parse(res.json().withdrawnAt)).toBeLessThan(60_000);
    expect(await activeConsent(t.db, need)).toBeNull();
    const events = await t.db
      .select()
      .from(caseEvents)
      .where(and(eq(caseEvents.subjectId, given.id), eq(caseEvents.kind, "consent_withdrawn")));
    expect(events).toHaveLength(2);
    const again = await s.counsellor.request("POST", `/api/consents/${given.id}/withdraw`);
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe("consent.already_withdrawn");
    const audits = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "consent.withdraw"), eq(auditLog.entityId, given.id)));
    expect(audits).toHaveLength(1);
    const renewed = await s.counsellor.request("POST", `/api/clients/${s.client.id}/consents`, {
      body: referral(s.recipient.id),
    });
    expect(renewed.statusCode).toBe(201);
  });

  it("runs the withdrawal listeners inside its transaction: a failing listener undoes the withdrawal", async () => {
    const s = await setting();
    const given = (
      await s.counsellor.request("POST", `/api/clients/${s.client.id}/consents`, { body: statistics })
    ).json();
    const failing = onConsentWithdrawn(async () => {
      throw new Error("referral module unavailable");
    });
    const failed = await s.counsellor.request("POST", `/api/consents/${given.id}/withdraw`);
    failing();
    expect(failed.statusCode).toBe(500);
    const [still] = await t.db.select().from(consents).where(eq(consents.id, given.id));
    expect(still?.withdrawnAt).toBeNull();

    const seen: { id: string; withdrawnAt: Date | null; visibleInTx: boolean }[] = [];
    const remove = onConsentWithdrawn(async (tx, { consent }) => {
      const [row] = await tx.select().from(consents).where(eq(consents.id, consent.id));
      seen.push({ id: consent.id, withdrawnAt: consent.withdrawnAt, visibleInTx: row?.withdrawnAt !== null });
    });
    const res = await s.counsellor.request("POST", `/api/consents/${given.id}/withdraw`);
    remove();
    expect(res.statusCode).toBe(200);
    expect(seen).toEqual([{ id: given.id, withdrawnAt: expect.any(Date), visibleInTx: true }]);
  });
});

describe("the check at the moment of use", () => {
  it("finds the active consent for the purpose and recipient, and refuses with consent.missing otherwise", async () => {
    const s = await setting();
    await s.counsellor.request("POST", `/api/clients/${s.client.id}/consents`, {
      body: referral(s.recipient.id),
    });
    const other = await buildOrganisation(t.db);
    const found = await assertConsent(t.db, {
      clientId: s.client.id,
      purpose: "referral",
      recipientOrganisationId: s.recipient.id,
    });
    expect(found.recipientOrganisationId).toBe(s.recipient.id);
    expect(
      await activeConsent(t.db, {
        clientId: s.client.id,
        purpose: "referral",
        recipientOrganisationId: other.id,
      }),
    ).toBeNull();
    expect(await activeConsent(t.db, { clientId: s.client.id, purpose: "statistics" })).toBeNull();
    const missing = await assertConsent(t.db, { clientId: s.client.id, purpose: "follow_up_contact" }).catch(
      (e) => e,
    );
    expect(missing).toBeInstanceOf(AppError);
    expect(missing).toMatchObject({ status: 422, code: "consent.missing" });
  });
});

describe("the consent register by role", () => {
  it("lists active consents first and audits the read", async () => {
    const s = await setting();
    const url = `/api/clients/${s.client.id}/consents`;
    const old = (await s.counsellor.request("POST", url, { body: statistics })).json();
    await s.counsellor.request("POST", `/api/consents/${old.id}/withdraw`);
    const current = (await s.counsellor.request("POST", url, { body: referral(s.recipient.id) })).json();
    const res = await s.counsellor.request("GET", url);
    expect(res.statusCode).toBe(200);
    expect(res.json().items.map((c: { id: string }) => c.id)).toEqual([current.id, old.id]);
    const reads = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "consent.read"), eq(auditLog.entityId, s.client.id)));
    expect(reads).toHaveLength(1);
    expect(reads[0]?.details).toEqual({ ids: [current.id, old.id] });
  });

  it("lets a volunteer read the register of an assigned client, but not give or withdraw", async () => {
    const s = await setting();
    const given = (
      await s.counsellor.request("POST", `/api/clients/${s.client.id}/consents`, { body: statistics })
    ).json();
    const list = await s.volunteer.request("GET", `/api/clients/${s.client.id}/consents`);
    expect(list.statusCode).toBe(200);
    expect(list.json().items).toEqual([
      expect.objectContaining({ id: given.id, abilities: { withdraw: false, uploadDocument: false } }),
    ]);
    expect(
      (await s.volunteer.request("POST", `/api/clients/${s.client.id}/consents`, { body: statistics }))
        .statusCode,
    ).toBe(403);
    expect((await s.volunteer.request("POST", `/api/consents/${given.id}/withdraw`)).statusCode).toBe(403);
  });

  it("hides the register of a client not assigned to the volunteer", async () => {
    const s = await setting();
    const unassigned = await buildClient(t.db, { organisationId: s.org.id });
    await buildCase(t.db, { organisationId: s.org.id, clientId: unassigned.id });
    expect((await s.volunteer.request("GET", `/api/clients/${unassigned.id}/consents`)).statusCode).toBe(404);
    expect((await s.volunteer.request("GET", `/api/clients/${unassigned.id}/consent-sheet`)).statusCode).toBe(
      404,
    );
  });

  it("answers 404 to a counsellor of another organisation", async () => {
    const s = await setting();
    const given = (
      await s.counsellor.request("POST", `/api/clients/${s.client.id}/consents`, { body: statistics })
    ).json();
    await s.counsellor.request("PUT", `/api/consents/${given.id}/document`, {
      body: pdfBytes,
      headers: { "content-type": "application/pdf" },
    });
    const foreignOrg = await buildOrganisation(t.db);
    const foreign = await t.loginAs(
      (await buildUser(t.db, { organisationId: foreignOrg.id, role: "counsellor" })).email,
    );
    expect((await foreign.request("GET", `/api/clients/${s.client.id}/consents`)).statusCode).toBe(404);
    expect(
      (await foreign.request("POST", `/api/clients/${s.client.id}/consents`, { body: statistics }))
        .statusCode,
    ).toBe(404);
    expect((await foreign.request("POST", `/api/consents/${given.id}/withdraw`)).statusCode).toBe(404);
    expect((await foreign.request("GET", `/api/consents/${given.id}/document`)).statusCode).toBe(404);
    const put = await foreign.request("PUT", `/api/consents/${given.id}/document`, {
      body: pdfBytes,
      headers: { "content-type": "application/pdf" },
    });
    expect(put.statusCode).toBe(404);
    expect((await foreign.request("GET", `/api/clients/${s.client.id}/consent-sheet`)).statusCode).toBe(404);
    const [still] = await t.db.select().from(consents).where(eq(consents.id, given.id));
    expect(still?.withdrawnAt).toBeNull();
  });

  it("refuses the organisation admin and the coordination with 403", async () => {
    const s = await setting();
    const given = (
      await s.counsellor.request("POST", `/api/clients/${s.client.id}/consents`, { body: statistics })
    ).json();
    const { coordinator } = await buildCoordinator(t.db);
    for (const agent of [s.admin, await t.loginAs(coordinator.email)]) {
      expect((await agent.request("GET", `/api/clients/${s.client.id}/consents`)).statusCode).toBe(403);
      expect(
        (await agent.request("POST", `/api/clients/${s.client.id}/consents`, { body: statistics }))
          .statusCode,
      ).toBe(403);
      expect((await agent.request("POST", `/api/consents/${given.id}/withdraw`)).statusCode).toBe(403);
      expect((await agent.request("GET", `/api/consents/${given.id}/document`)).statusCode).toBe(403);
      expect((await agent.request("GET", `/api/clients/${s.client.id}/consent-sheet`)).statusCode).toBe(403);
      const put = await agent.request("PUT", `/api/consents/${given.id}/document`, {
        body: pdfBytes,
        headers: { "content-type": "application/pdf" },
      });
      expect(put.statusCode).toBe(403);
    }
  });
});

describe("the scanned consent document", () => {
  async function withConsent() {
    const s = await setting();
    const consent = (
      await s.counsellor.request("POST", `/api/clients/${s.client.id}/consents`, { body: statistics })
    ).json();
    return { ...s, consent, url: `/api/consents/${consent.id}/document` };
  }

  it("stores an upload, answers it byte for byte as a download, and audits both", async () => {
    const s = await withConsent();
    const name = "Einwilligung Ḥaddād – وثيقة.pdf";
    const put = await s.counsellor.request("PUT", s.url, {
      body: pdfBytes,
      headers: { "content-type": "application/pdf", "x-file-name": encodeURIComponent(name) },
    });
    expect(put.statusCode).toBe(200);
    expect(put.json().document).toMatchObject({
      fileName: name,
      mediaType: "application/pdf",
      byteSize: pdfBytes.length,
    });
    const get = await s.counsellor.request("GET", s.url);
    expect(get.statusCode).toBe(200);
    expect(get.headers["content-type"]).toBe("application/pdf");
    expect(get.headers["content-disposition"]).toBe(
      `attachment; filename="Einwilligung Haddad _ _____.pdf"; filename*=UTF-8''${encodeURIComponent(name)}`,
    );
    expect(get.rawPayload.equals(pdfBytes)).toBe(true);
    const actions = await t.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(
        and(
          eq(auditLog.entityId, s.consent.id),
          inArray(auditLog.action, ["consent_document.upload", "consent_document.read"]),
        ),
      );
    expect(actions.map((a) => a.action).sort()).toEqual(["consent_document.read", "consent_document.upload"]);
  });

  it("replaces an earlier document and lets an assigned volunteer download it", async () => {
    const s = await withConsent();
    await s.counsellor.request("PUT", s.url, {
      body: pdfBytes,
      headers: { "content-type": "application/pdf" },
    });
    const put = await s.counsellor.request("PUT", s.url, {
      body: pngBytes,
      headers: { "content-type": "image/png" },
    });
    expect(put.json().document).toMatchObject({ fileName: "einwilligung.png", mediaType: "image/png" });
    const get = await s.volunteer.request("GET", s.url);
    expect(get.statusCode).toBe(200);
    expect(get.headers["content-type"]).toBe("image/png");
    expect(get.rawPayload.equals(pngBytes)).toBe(true);
    const volunteerPut = await s.volunteer.request("PUT", s.url, {
      body: pdfBytes,
      headers: { "content-type": "application/pdf" },
    });
    expect(volunteerPut.statusCode).toBe(403);
  });

  it("strips paths and control characters from the file name", async () => {
    const s = await withConsent();
    const put = await s.counsellor.request("PUT", s.url, {
      body: pdfBytes,
      headers: {
        "content-type": "application/pdf",
        "x-file-name": encodeURIComponent("../../etc/\u0000pass\u202Ewd.pdf"),
      },
    });
    expect(put.json().document.fileName).toBe("passwd.pdf");
  });

  it.each([
    ["bytes that are not what the type says", pngBytes, "application/pdf"],
    ["a type that is not accepted", Buffer.from("GIF89a........"), "image/gif"],
    ["JSON", Buffer.from(JSON.stringify({ a: 1 })), "application/json"],
    ["an empty body", Buffer.alloc(0), "application/pdf"],
  ])("refuses %s with a translated 415", async (_name, body, type) => {
    const s = await withConsent();
    const res = await s.counsellor.request("PUT", s.url, {
      body,
      headers: { "content-type": type, "accept-language": "en" },
    });
    expect(res.statusCode).toBe(415);
    expect(res.json()).toMatchObject({
      code: "consent.document_type",
      title: "Please upload a PDF, PNG or JPEG file.",
    });
    expect((await s.counsellor.request("GET", s.url)).statusCode).toBe(404);
  });

  it("refuses a file above the limit with a translated 413", async () => {
    const s = await withConsent();
    const big = Buffer.concat([Buffer.from("%PDF-"), Buffer.alloc(CONSENT_DOCUMENT_MAX_BYTES)]);
    const res = await s.counsellor.request("PUT", s.url, {
      body: big,
      headers: { "content-type": "application/pdf" },
    });
    expect(res.statusCode).toBe(413);
    expect(res.json()).toMatchObject({
      code: "consent.document_too_large",
      title: "Die Datei ist zu groß. Erlaubt sind höchstens 10 MB.",
    });
  });

  it("accepts a JPEG of almost the full size", async () => {
    const s = await withConsent();
    const jpeg = Buffer.concat([
      Buffer.from([0xff, 0xd8, 0xff, 0xe0]),
      Buffer.alloc(CONSENT_DOCUMENT_MAX_BYTES - 4, 7),
    ]);
    const res = await s.counsellor.request("PUT", s.url, {
      body: jpeg,
      headers: { "content-type": "image/jpeg" },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().document.byteSize).toBe(CONSENT_DOCUMENT_MAX_BYTES);
  });

  it("answers 401 without a session before reading the file", async () => {
    const s = await withConsent();
    const res = await t.app.inject({
      method: "PUT",
      url: s.url,
      payload: pdfBytes,
      headers: { "content-type": "application/pdf" },
    });
    expect(res.statusCode).toBe(401);
  });
});

describe("the information and consent sheet", () => {
  const fontNames = (pdf: Buffer) =>
    [...pdf.toString("latin1").matchAll(/\/FontName\s*\/[A-Z]{6}\+([\w-]+)/g)].map((m) => m[1]);

  it("prints German and the client's first language, right to left for Arabic, with the Arabic font", async () => {
    const s = await setting();
    const res = await s.counsellor.request("GET", `/api/clients/${s.client.id}/consent-sheet`);
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("application/pdf");
    expect(res.headers["content-language"]).toBe("de, ar");
    expect(res.headers["content-disposition"]).toContain(`einwilligung-${s.client.pseudonym}-ar.pdf`);
    expect(res.rawPayload.subarray(0, 5).toString()).toBe("%PDF-");
    expect(fontNames(res.rawPayload)).toEqual(
      expect.arrayContaining([
        "NotoSans-Regular",
        "NotoSans-Bold",
        "NotoNaskhArabic-Regular",
        "NotoNaskhArabic-Bold",
      ]),
    );
    const [entry] = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "consent_sheet.read"), eq(auditLog.entityId, s.client.id)));
    expect(entry?.details).toEqual({
      languages: ["de", "ar"],
      purposes: [
        "counselling_documentation",
        "statistics",
        "referral",
        "competence_profile_sharing",
        "follow_up_contact",
      ],
    });
  });

  it("takes the language and purposes asked for; a volunteer of the case may print it", async () => {
    const s = await setting();
    const res = await s.volunteer.request("GET", `/api/clients/${s.client.id}/consent-sheet`, {
      query: { language: "uk", purposes: "statistics,referral" },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-language"]).toBe("de, uk");
    expect(fontNames(res.rawPayload)).not.toContain("NotoNaskhArabic-Regular");
  });

  it.each([
    [["de", "ar"], undefined, "de, en"],
    [["fr"], undefined, "de, en"],
    [[], undefined, "de, en"],
    [["ar"], "fa", "de, fa"],
    [["ar"], "tr", "de, tr"],
    [["ar"], "ru", "de, ru"],
  ])("for a client speaking %j and asked for %s prints %s", async (preferred, language, expected) => {
    const s = await setting();
    const client = await buildClient(t.db, { organisationId: s.org.id, preferredLanguages: preferred });
    const res = await s.counsellor.request("GET", `/api/clients/${client.id}/consent-sheet`, {
      ...(language ? { query: { language } } : {}),
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-language"]).toBe(expected);
  });

  it("refuses an unknown purpose", async () => {
    const s = await setting();
    const res = await s.counsellor.request("GET", `/api/clients/${s.client.id}/consent-sheet`, {
      query: { purposes: "statistics,marketing" },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([expect.objectContaining({ field: "query.purposes" })]);
  });
});
