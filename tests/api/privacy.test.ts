import { randomBytes } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, clients, scheduledJobs } from "../../src/server/db/schema.ts";
import { privacyJobs, VACUUM_JOB, vacuumClientTables } from "../../src/server/modules/privacy/erase.ts";
import { readableExport } from "../../src/server/modules/privacy/export-pdf.ts";
import { CLIENT_HOLDINGS, CLIENT_TABLES } from "../../src/server/modules/privacy/holdings.ts";
import { runJobSoon, startScheduler } from "../../src/server/platform/jobs.ts";
import { type Agent, createTestApp } from "../helpers/app.ts";
import { buildCoordinator, buildOrganisation, buildUser } from "../helpers/factories.ts";

const t = await createTestApp();
const silent = { error: () => {} };

async function setting() {
  const org = await buildOrganisation(t.db, { name: `Beratungsstelle ${randomBytes(3).toString("hex")}` });
  const counsellor = await buildUser(t.db, { organisationId: org.id, role: "counsellor" });
  const volunteer = await buildUser(t.db, { organisationId: org.id, role: "volunteer" });
  const admin = await buildUser(t.db, { organisationId: org.id, role: "org_admin" });
  return {
    org,
    counsellorUser: counsellor,
    volunteerId: volunteer.id,
    counsellor: await t.loginAs(counsellor.email),
    volunteer: await t.loginAs(volunteer.email),
    admin: await t.loginAs(admin.email),
  };
}

const ok = async (res: Promise<{ statusCode: number; body: string }>, status = 200) => {
  const r = await res;
  expect(r.statusCode, r.body).toBe(status);
  return JSON.parse(r.body || "null");
};

/**
 * A client with something in every part of the record, written through the API as a counsellor
 * works: the case with its client, contacts, notes (normal and special), a next step, consents with
 * a scanned sheet, a qualification and a recognition procedure that moved once.
 */
async function richClient(s: Awaited<ReturnType<typeof setting>>) {
  const tag = randomBytes(4).toString("hex");
  const texts = {
    name: `Zaynab Qaddoura ${tag}`,
    email: `zaynab.${tag}@mail.example`,
    health: `Rückenleiden ${tag}`,
    contact: `Beratung zur Anerkennung als Pflegefachkraft ${tag}`,
    note: `Bringt Zeugnisse beim nächsten Termin mit ${tag}`,
    specialNote: `Spricht über ihre Gesundheit ${tag}`,
    step: `Antrag beim Landesverwaltungsamt stellen ${tag}`,
    qualification: `Bachelor of Nursing ${tag}`,
  };
  const recipient = await buildOrganisation(t.db);
  const authority = await buildOrganisation(t.db, { type: "chamber" });
  const created = await ok(
    s.counsellor.request("POST", "/api/cases", {
      body: {
        client: {
          name: texts.name,
          email: texts.email,
          phone: "+49 345 000000",
          dateOfBirth: "1990-04-12",
          preferredLanguages: ["ar", "de"],
          countryOfOrigin: "SY",
          special: {
            residenceStatus: "residence_permit_16d",
            healthNote: texts.health,
            religion: "muslimisch",
            purpose: "Die Belastbarkeit entscheidet über die Wahl der Anpassungsqualifizierung.",
            legalBasis: "art9_2a",
          },
          confirmNotDuplicate: true,
        },
        goals: "Anerkennung und Arbeit in der Pflege",
        assigneeUserId: s.volunteerId,
      },
    }),
    201,
  );
  const caseId: string = created.id;
  const clientId: string = created.client.id;
  const base = `/api/cases/${caseId}`;
  await ok(
    s.counsellor.request("POST", `${base}/contacts`, {
      body: {
        date: "2025-05-02",
        mode: "in_person",
        durationMinutes: 60,
        counsellingType: "anerkennungsberatung",
        initiatedBy: "client",
        summary: texts.contact,
      },
    }),
    201,
  );
  await ok(s.counsellor.request("POST", `${base}/notes`, { body: { body: texts.note } }), 201);
  await ok(
    s.counsellor.request("POST", `${base}/notes`, { body: { body: texts.specialNote, special: true } }),
    201,
  );
  await ok(
    s.counsellor.request("POST", `${base}/next-steps`, {
      body: { title: texts.step, dueDate: "2025-06-30" },
    }),
    201,
  );
  const consent = await ok(
    s.counsellor.request("POST", `/api/clients/${clientId}/consents`, {
      body: {
        purpose: "referral",
        recipientOrganisationId: recipient.id,
        legalBasis: "art9_2a",
        dataCategories: ["identity", "special_categories"],
        informedLanguage: "ar",
        form: "signed",
      },
    }),
    201,
  );
  const sheet = Buffer.from(`%PDF-1.4\n${texts.name}\n%%EOF\n`);
  await ok(
    s.counsellor.request("PUT", `/api/consents/${consent.id}/document`, {
      body: sheet,
      headers: { "content-type": "application/pdf", "x-file-name": encodeURIComponent(`${texts.name}.pdf`) },
    }),
  );
  const qualification = await ok(
    s.counsellor.request("POST", `/api/clients/${clientId}/qualifications`, {
      body: { originalTitle: texts.qualification, country: "SY", year: 2014, dqrLevel: 6 },
    }),
    201,
  );
  const procedureRes = await s.counsellor.request("POST", "/api/recognition-procedures", {
    body: {
      qualificationId: qualification.id,
      caseId,
      referenceOccupationCode: "81302",
      regulated: true,
      authorityOrganisationId: authority.id,
    },
  });
  expect(procedureRes.statusCode, procedureRes.body).toBe(201);
  await ok(
    s.counsellor.request("PATCH", `/api/recognition-procedures/${procedureRes.json().id}`, {
      body: { state: "counselled" },
      headers: { "if-match": String(procedureRes.headers.etag) },
    }),
  );
  // Reads leave audit entries that the export lists as accesses.
  await ok(s.counsellor.request("GET", `/api/clients/${clientId}`));
  await ok(s.counsellor.request("GET", base));
  await ok(s.counsellor.request("GET", `${base}/notes`));
  await ok(s.volunteer.request("GET", `/api/clients/${clientId}/consents`));
  const [client] = await t.db.select().from(clients).where(eq(clients.id, clientId));
  if (!client) throw new Error("no client");
  return { client, caseId, consentId: consent.id as string, sheet, texts, recipient };
}

/** Every base table of the public schema with rows whose text form contains the value. */
async function tablesContaining(value: string): Promise<string[]> {
  const tables = await t.db.execute<{ table_name: string }>(
    sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`,
  );
  expect(tables.rows.length).toBeGreaterThan(20);
  const found: string[] = [];
  for (const { table_name } of tables.rows) {
    const hit = await t.db.execute(
      sql`select 1 from ${sql.identifier(table_name)} t where t::text ilike ${`%${value}%`} limit 1`,
    );
    if (hit.rows.length > 0) found.push(table_name);
  }
  return found;
}

describe("the Art. 15 export", () => {
  it("holds every part of the record, the scanned sheet and the accesses, and is audited", async () => {
    const s = await setting();
    const { client, consentId, sheet, texts } = await richClient(s);
    const res = await s.counsellor.request("GET", `/api/clients/${client.id}/export`);
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toContain("application/json");
    expect(res.headers["content-disposition"]).toMatch(
      new RegExp(`^attachment; filename="auskunft-${client.pseudonym}-\\d{4}-\\d{2}-\\d{2}\\.json"`),
    );
    const data = res.json();
    expect(data.format).toBe("lotse-client-export/1");
    expect(data.controller).toMatchObject({ id: s.org.id, name: s.org.name });
    expect(data.client).toMatchObject({
      name: texts.name,
      email: texts.email,
      healthNote: texts.health,
      religion: "muslimisch",
      residenceStatus: "residence_permit_16d",
    });
    const r = data.records;
    expect(Object.keys(r).sort()).toEqual(CLIENT_HOLDINGS.map((h) => h.key).sort());
    expect(r.cases).toHaveLength(1);
    expect(r.caseContacts.map((c: { summary: string }) => c.summary)).toEqual([texts.contact]);
    expect(r.caseNotes.map((n: { body: string }) => n.body).sort()).toEqual(
      [texts.note, texts.specialNote].sort(),
    );
    expect(r.caseNextSteps.map((n: { title: string }) => n.title)).toEqual([texts.step]);
    expect(r.caseEvents.map((e: { kind: string }) => e.kind)).toEqual(
      expect.arrayContaining([
        "case_opened",
        "contact_added",
        "note_added",
        "next_step_added",
        "consent_given",
      ]),
    );
    expect(r.consents).toEqual([expect.objectContaining({ id: consentId, purpose: "referral" })]);
    expect(r.consentDocuments).toEqual([
      expect.objectContaining({ consentId, mediaType: "application/pdf", fileName: `${texts.name}.pdf` }),
    ]);
    expect(Buffer.from(r.consentDocuments[0].contentBase64, "base64").equals(sheet)).toBe(true);
    expect(r.qualifications.map((q: { originalTitle: string }) => q.originalTitle)).toEqual([
      texts.qualification,
    ]);
    expect(r.recognitionProcedures).toEqual([expect.objectContaining({ state: "counselled" })]);
    expect(r.recognitionStateChanges.map((c: { toState: string }) => c.toState)).toContain("counselled");
    const actions = data.accesses.map((a: { action: string }) => a.action);
    expect(actions).toEqual(
      expect.arrayContaining(["client.read", "consent.read", "consent.give", "consent_document.upload"]),
    );
    expect(
      data.accesses.every((a: { organisation: { name: string } }) => a.organisation.name === s.org.name),
    ).toBe(true);
    // Staff are named by their organisation only.
    expect(res.body).not.toContain(s.counsellorUser.name);
    const [entry] = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "client.export"), eq(auditLog.entityId, client.id)));
    expect(entry).toMatchObject({ organisationId: s.org.id, purpose: "art15" });
    expect(entry?.details).toMatchObject({
      format: "json",
      counts: { cases: 1, caseNotes: 2, consentDocuments: 1 },
    });
    expect(JSON.stringify(entry?.details)).not.toContain(texts.name);
  });

  it("renders the same as a readable PDF", async () => {
    const s = await setting();
    const { client, texts, recipient } = await richClient(s);
    const res = await s.counsellor.request("GET", `/api/clients/${client.id}/export.pdf`);
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("application/pdf");
    expect(res.headers["content-disposition"]).toContain(`auskunft-${client.pseudonym}-`);
    expect(res.rawPayload.subarray(0, 5).toString()).toBe("%PDF-");
    expect(res.rawPayload.toString("latin1")).toMatch(/\/FontName \/[A-Z]{6}\+NotoSans-Regular/);
    const [entry] = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "client.export"), eq(auditLog.entityId, client.id)));
    expect(entry?.details).toMatchObject({ format: "pdf" });

    // What the document prints: words instead of codes, names instead of ids.
    const data = (await s.counsellor.request("GET", `/api/clients/${client.id}/export`)).json();
    const printed = JSON.stringify(await readableExport(t.db, data));
    for (const value of [
      texts.name,
      texts.health,
      texts.specialNote,
      texts.qualification,
      recipient.name,
      "Syrien",
      "Arabisch",
    ]) {
      expect(printed).toContain(value);
    }
    expect(printed).toContain("Weiterleitung an eine andere Organisation");
    expect(printed).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/);
  });
});

describe("the readable Art. 15 document", () => {
  it("prints a referral's state, outcome, reasons and shared items in words, also in the timeline", async () => {
    const data = {
      exportedAt: "2026-11-25T10:00:00.000Z",
      controller: {
        name: "Beratungsstelle",
        street: null,
        postcode: null,
        city: null,
        email: null,
        phone: null,
      },
      client: { pseudonym: "K-TEST0001", name: "Test Person" },
      accesses: [],
      records: {
        referrals: [
          {
            state: "completed",
            outcome: "not_successful",
            outcomeReason: "client_unreachable",
            sharedItems: ["name", "contact"],
          },
          { state: "declined", declineReason: "no_capacity", sharedItems: [] },
        ],
        caseEvents: [
          {
            at: "2026-11-20T09:00:00.000Z",
            kind: "referral_changed",
            details: { from: "sent", to: "accepted" },
          },
        ],
      },
    } as unknown as Parameters<typeof readableExport>[1];
    const printed = JSON.stringify(await readableExport(t.db, data));
    for (const words of [
      "Abgeschlossen",
      "Nicht erfolgreich",
      "Person nicht erreichbar",
      "Name, Kontaktdaten",
      "Abgelehnt",
      "Keine Kapazität",
      "Gesendet",
      "Angenommen",
    ]) {
      expect(printed).toContain(words);
    }
    for (const code of ["not_successful", "client_unreachable", "no_capacity", '"completed"', "declined"]) {
      expect(printed).not.toContain(code);
    }
  });
});

describe("the Art. 17 erasure", () => {
  it("leaves nothing of the person in any table; the audit log keeps the pseudonym", async () => {
    const s = await setting();
    const { client, texts } = await richClient(s);
    for (const value of Object.values(texts)) expect(await tablesContaining(value)).not.toEqual([]);

    const res = await s.counsellor.request("DELETE", `/api/clients/${client.id}`);
    expect(res.statusCode).toBe(204);

    for (const value of Object.values(texts)) expect(await tablesContaining(value), value).toEqual([]);
    expect(await tablesContaining(client.pseudonym)).toEqual(["audit_log"]);
    const [entry] = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "client.erase"), eq(auditLog.entityId, client.pseudonym)));
    expect(entry).toMatchObject({ organisationId: s.org.id, entity: "client", purpose: "art17" });
    expect(entry?.details).toEqual({
      counts: {
        cases: 1,
        caseContacts: 1,
        caseNotes: 2,
        caseNextSteps: 1,
        caseEvents: expect.any(Number),
        consents: 1,
        consentDocuments: 1,
        qualifications: 1,
        recognitionProcedures: 1,
        recognitionStateChanges: expect.any(Number),
        referrals: 0,
        referralMessages: 0,
        notifications: 0,
        notificationReads: 0,
        competenceProfiles: 0,
        competenceProfileVersions: 0,
        competenceShares: 0,
      },
    });
    expect((await s.counsellor.request("GET", `/api/clients/${client.id}`)).statusCode).toBe(404);
    expect((await s.counsellor.request("DELETE", `/api/clients/${client.id}`)).statusCode).toBe(404);
  });

  it("has the vacuum run soon after, through the scheduler", async () => {
    const s = await setting();
    const { client } = await richClient(s);
    await t.db
      .update(scheduledJobs)
      .set({ nextRunAt: sql`now() + interval '1 day'` })
      .where(eq(scheduledJobs.name, VACUUM_JOB));
    expect((await s.counsellor.request("DELETE", `/api/clients/${client.id}`)).statusCode).toBe(204);
    const [due] = await t.db.select().from(scheduledJobs).where(eq(scheduledJobs.name, VACUUM_JOB));
    expect(due?.nextRunAt.getTime()).toBeLessThanOrEqual(Date.now());
    const scheduler = startScheduler(t.db, privacyJobs(t.db), silent, 20);
    let ran: typeof due;
    for (let i = 0; i < 100 && !ran?.lastRunAt; i++) {
      await new Promise((r) => setTimeout(r, 50));
      [ran] = await t.db.select().from(scheduledJobs).where(eq(scheduledJobs.name, VACUUM_JOB));
    }
    await scheduler.stop();
    expect(ran?.lastRunAt).not.toBeNull();
    expect(ran?.lastError).toBeNull();
    expect(ran?.nextRunAt.getTime()).toBeGreaterThan(Date.now() + 3600_000);
  });

  it("keeps a request to run soon that arrives while the job runs", async () => {
    let runs = 0;
    const job = {
      name: "test.requested-during-run",
      everySeconds: 3600,
      run: async () => {
        runs++;
        if (runs === 1) await runJobSoon(t.db, "test.requested-during-run");
      },
    };
    const scheduler = startScheduler(t.db, [job], silent, 20);
    await new Promise((r) => setTimeout(r, 400));
    await scheduler.stop();
    expect(runs).toBe(2);
    await vacuumClientTables(t.db);
  });

  it("lists every table that hangs on a client, so export and erasure miss none", async () => {
    const references = await t.db.execute<{ child: string; parent: string }>(sql`
      select distinct child.relname as child, parent.relname as parent
      from pg_constraint c
      join pg_class child on child.oid = c.conrelid
      join pg_class parent on parent.oid = c.confrelid
      where c.contype = 'f'`);
    const below = references.rows.filter((r) => CLIENT_TABLES.includes(r.parent)).map((r) => r.child);
    expect(below.filter((table) => !CLIENT_TABLES.includes(table))).toEqual([]);
    expect(below.length).toBeGreaterThanOrEqual(CLIENT_HOLDINGS.length);
  });
});

describe("who may export and erase", () => {
  async function refused(agent: Agent, clientId: string, status: number) {
    expect((await agent.request("GET", `/api/clients/${clientId}/export`)).statusCode).toBe(status);
    expect((await agent.request("GET", `/api/clients/${clientId}/export.pdf`)).statusCode).toBe(status);
    expect((await agent.request("DELETE", `/api/clients/${clientId}`)).statusCode).toBe(status);
  }

  it("refuses the volunteer of the case, the admin and the coordination (403) and hides the client from another organisation (404)", async () => {
    const s = await setting();
    const { client } = await richClient(s);
    await refused(s.volunteer, client.id, 403);
    await refused(s.admin, client.id, 403);
    const { coordinator } = await buildCoordinator(t.db);
    await refused(await t.loginAs(coordinator.email), client.id, 403);
    const other = await buildOrganisation(t.db);
    const foreign = await t.loginAs(
      (await buildUser(t.db, { organisationId: other.id, role: "counsellor" })).email,
    );
    await refused(foreign, client.id, 404);
    const [still] = await t.db.select().from(clients).where(eq(clients.id, client.id));
    expect(still?.name).toBe(client.name);
    const exports = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "client.export"), eq(auditLog.entityId, client.id)));
    expect(exports).toEqual([]);
  });
});
