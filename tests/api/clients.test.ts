import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, caseEvents, clients } from "../../src/server/db/schema.ts";
import { newPseudonym, withNewPseudonym } from "../../src/server/modules/cases/pseudonym.ts";
import { createTestApp } from "../helpers/app.ts";
import { buildCase, buildClient } from "../helpers/case-factories.ts";
import { buildOrganisation, buildUser } from "../helpers/factories.ts";

const t = await createTestApp();

async function counsellorOrg() {
  const org = await buildOrganisation(t.db);
  const counsellor = await buildUser(t.db, { organisationId: org.id, role: "counsellor" });
  return { org, counsellor, agent: await t.loginAs(counsellor.email) };
}

describe("the duplicate check", () => {
  it("flags the same person written differently when the date of birth matches", async () => {
    const { org, agent } = await counsellorOrg();
    const existing = await buildClient(t.db, {
      organisationId: org.id,
      name: "Müller, Ahmad",
      dateOfBirth: "1990-04-12",
    });
    for (const name of ["Ahmad Müller", "Ahmed Muller", "ahmad mueller"]) {
      const res = await agent.request("POST", "/api/clients/duplicate-check", {
        body: { name, dateOfBirth: "1990-04-12" },
      });
      expect(res.statusCode).toBe(200);
      expect(
        res.json().candidates.map((c: { id: string }) => c.id),
        name,
      ).toEqual([existing.id]);
    }
  });

  it("does not flag the same name with a different date of birth", async () => {
    const { org, agent } = await counsellorOrg();
    await buildClient(t.db, { organisationId: org.id, name: "Müller, Ahmad", dateOfBirth: "1990-04-12" });
    for (const name of ["Ahmad Müller", "Ahmed Muller", "Müller, Ahmad"]) {
      const res = await agent.request("POST", "/api/clients/duplicate-check", {
        body: { name, dateOfBirth: "1991-04-12" },
      });
      expect(res.json().candidates, name).toEqual([]);
    }
  });

  it("does not flag another first name with the same surname and date of birth", async () => {
    const { org, agent } = await counsellorOrg();
    await buildClient(t.db, { organisationId: org.id, name: "Müller, Ahmad", dateOfBirth: "1990-04-12" });
    const res = await agent.request("POST", "/api/clients/duplicate-check", {
      body: { name: "Anna Müller", dateOfBirth: "1990-04-12" },
    });
    expect(res.json().candidates).toEqual([]);
  });

  it("asks for a much closer name when a date of birth is missing on either side", async () => {
    const { org, agent } = await counsellorOrg();
    const withoutBirth = await buildClient(t.db, { organisationId: org.id, name: "Müller, Ahmad" });
    const check = async (name: string, dateOfBirth?: string) =>
      (await agent.request("POST", "/api/clients/duplicate-check", { body: { name, dateOfBirth } }))
        .json()
        .candidates.map((c: { id: string }) => c.id);
    expect(await check("Ahmad Müller", "1990-04-12")).toEqual([withoutBirth.id]);
    expect(await check("Ahmad Müller")).toEqual([withoutBirth.id]);
    // Close enough with a matching date of birth, not without one.
    expect(await check("Ahmed Muller", "1990-04-12")).toEqual([]);
    expect(await check("Ahmed Muller")).toEqual([]);
  });

  it("answers the open cases of a candidate and only looks inside the own organisation", async () => {
    const { org, agent } = await counsellorOrg();
    const other = await buildOrganisation(t.db);
    await buildClient(t.db, { organisationId: other.id, name: "Karimi, Reza", dateOfBirth: "1985-01-01" });
    const own = await buildClient(t.db, {
      organisationId: org.id,
      name: "Reza Karimi",
      dateOfBirth: "1985-01-01",
    });
    const open = await buildCase(t.db, { organisationId: org.id, clientId: own.id });
    await buildCase(t.db, {
      organisationId: org.id,
      clientId: own.id,
      status: "closed",
      outcome: "employed",
    });
    const res = await agent.request("POST", "/api/clients/duplicate-check", {
      body: { name: "Karimi, Reza", dateOfBirth: "1985-01-01" },
    });
    expect(res.json().candidates).toEqual([
      {
        id: own.id,
        pseudonym: own.pseudonym,
        name: "Reza Karimi",
        dateOfBirth: "1985-01-01",
        openCaseIds: [open.id],
      },
    ]);
    const [entry] = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "client.duplicate_check"), eq(auditLog.organisationId, org.id)));
    expect(entry?.details).toEqual({ candidateIds: [own.id] });
    expect(JSON.stringify(entry)).not.toContain("Karimi");
  });

  it("is for counsellors only", async () => {
    const org = await buildOrganisation(t.db);
    const volunteer = await buildUser(t.db, { organisationId: org.id, role: "volunteer" });
    const res = await (await t.loginAs(volunteer.email)).request("POST", "/api/clients/duplicate-check", {
      body: { name: "Ahmad Müller" },
    });
    expect(res.statusCode).toBe(403);
  });
});

describe("reading a client", () => {
  it("answers the record with its version as ETag and audits the read", async () => {
    const { org, agent } = await counsellorOrg();
    const client = await buildClient(t.db, {
      organisationId: org.id,
      name: "Hanna Tesfaye",
      countryOfOrigin: "ER",
      healthNote: "Rückenleiden",
    });
    const res = await agent.request("GET", `/api/clients/${client.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers.etag).toBe('"1"');
    expect(res.json()).toMatchObject({
      name: "Hanna Tesfaye",
      countryOfOrigin: "ER",
      special: { healthNote: "Rückenleiden", residenceStatus: null },
      abilities: { update: true, readSpecial: true },
    });
    const entries = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "client.read"), eq(auditLog.entityId, client.id)));
    expect(entries).toHaveLength(1);
  });

  it("shows a volunteer the client of an assigned case without special categories", async () => {
    const org = await buildOrganisation(t.db);
    const volunteer = await buildUser(t.db, { organisationId: org.id, role: "volunteer" });
    const client = await buildClient(t.db, { organisationId: org.id, religion: "muslimisch" });
    await buildCase(t.db, { organisationId: org.id, clientId: client.id, assigneeUserId: volunteer.id });
    const unassigned = await buildClient(t.db, { organisationId: org.id });
    await buildCase(t.db, { organisationId: org.id, clientId: unassigned.id });
    const agent = await t.loginAs(volunteer.email);
    const res = await agent.request("GET", `/api/clients/${client.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.json().special).toBeNull();
    expect(res.json().abilities).toMatchObject({ update: false, readSpecial: false });
    expect(res.body).not.toContain("muslimisch");
    expect((await agent.request("GET", `/api/clients/${unassigned.id}`)).statusCode).toBe(404);
  });
});

describe("changing a client", () => {
  it("needs If-Match and refuses a stale version", async () => {
    const { org, agent } = await counsellorOrg();
    const client = await buildClient(t.db, { organisationId: org.id });
    const missing = await agent.request("PATCH", `/api/clients/${client.id}`, { body: { phone: "0391 1" } });
    expect(missing.statusCode).toBe(428);
    expect(missing.json().code).toBe("precondition_required");
    const ok = await agent.request("PATCH", `/api/clients/${client.id}`, {
      body: { phone: "0391 1" },
      headers: { "if-match": '"1"' },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.headers.etag).toBe('"2"');
    const stale = await agent.request("PATCH", `/api/clients/${client.id}`, {
      body: { phone: "0391 2" },
      headers: { "if-match": '"1"' },
    });
    expect(stale.statusCode).toBe(412);
    expect(stale.json().code).toBe("precondition_failed");
    const [row] = await t.db.select().from(clients).where(eq(clients.id, client.id));
    expect(row).toMatchObject({ phone: "0391 1", version: 2 });
  });

  it("keeps fields that the change leaves out", async () => {
    const { org, agent } = await counsellorOrg();
    const client = await buildClient(t.db, {
      organisationId: org.id,
      preferredLanguages: ["ar", "de"],
      isPseudonym: true,
    });
    const res = await agent.request("PATCH", `/api/clients/${client.id}`, {
      body: { entryYear: 2016 },
      headers: { "if-match": '"1"' },
    });
    expect(res.json()).toMatchObject({
      entryYear: 2016,
      preferredLanguages: ["ar", "de"],
      isPseudonym: true,
    });
  });

  it("audits only the names of changed fields and tells every case of the client", async () => {
    const { org, agent } = await counsellorOrg();
    const client = await buildClient(t.db, {
      organisationId: org.id,
      name: "Samir Haddad",
      phone: "1",
      specialPurpose: "Arbeitsplatz ohne Allergene",
      specialLegalBasis: "art9_2b",
    });
    const first = await buildCase(t.db, { organisationId: org.id, clientId: client.id });
    const second = await buildCase(t.db, { organisationId: org.id, clientId: client.id });
    const res = await agent.request("PATCH", `/api/clients/${client.id}`, {
      body: { phone: "1", email: "samir@example.org", special: { healthNote: "Allergie" } },
      headers: { "if-match": '"1"' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().special.healthNote).toBe("Allergie");
    const [entry] = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "client.update"), eq(auditLog.entityId, client.id)));
    expect(entry?.details).toEqual({ fields: ["email", "healthNote"] });
    expect(JSON.stringify(entry)).not.toMatch(/samir|Allergie|Haddad/i);
    for (const c of [first, second]) {
      const events = await t.db.select().from(caseEvents).where(eq(caseEvents.caseId, c.id));
      expect(events).toMatchObject([
        {
          kind: "client_updated",
          special: true,
          subjectId: client.id,
          details: { fields: ["email", "healthNote"] },
        },
      ]);
    }
    const plain = await agent.request("PATCH", `/api/clients/${client.id}`, {
      body: { districtAgs: "15003" },
      headers: { "if-match": '"2"' },
    });
    expect(plain.statusCode).toBe(200);
    const events = await t.db
      .select()
      .from(caseEvents)
      .where(and(eq(caseEvents.caseId, first.id), eq(caseEvents.special, false)));
    expect(events.map((e) => e.details)).toEqual([{ fields: ["districtAgs"] }]);
  });

  it("refuses volunteers, who may not change client records", async () => {
    const org = await buildOrganisation(t.db);
    const volunteer = await buildUser(t.db, { organisationId: org.id, role: "volunteer" });
    const client = await buildClient(t.db, { organisationId: org.id });
    await buildCase(t.db, { organisationId: org.id, clientId: client.id, assigneeUserId: volunteer.id });
    const res = await (await t.loginAs(volunteer.email)).request("PATCH", `/api/clients/${client.id}`, {
      body: { special: { religion: "x" } },
      headers: { "if-match": '"1"' },
    });
    expect(res.statusCode).toBe(403);
    const [row] = await t.db.select().from(clients).where(eq(clients.id, client.id));
    expect(row?.religion).toBeNull();
  });
});

describe("pseudonyms", () => {
  it("are random codes of an unambiguous alphabet", () => {
    const codes = new Set(Array.from({ length: 200 }, () => newPseudonym("K")));
    expect(codes.size).toBe(200);
    for (const code of codes) expect(code).toMatch(/^K-[0-9A-HJKMNP-TV-Z]{8}$/);
  });

  it("are drawn again when one is already taken", async () => {
    const org = await buildOrganisation(t.db);
    const taken = await buildClient(t.db, { organisationId: org.id });
    const offered = [taken.pseudonym, taken.pseudonym, "K-FRESH001"];
    const created = await t.db.transaction((tx) =>
      withNewPseudonym(
        tx,
        "K",
        "clients_pseudonym_unique",
        async (db, pseudonym) => {
          const [row] = await db
            .insert(clients)
            .values({ organisationId: org.id, name: "X", pseudonym })
            .returning();
          return row;
        },
        () => offered.shift() ?? "",
      ),
    );
    expect(created?.pseudonym).toBe("K-FRESH001");
    const [{ n } = { n: 0 }] = await t.db
      .select({ n: sql<number>`count(*)::int` })
      .from(clients)
      .where(eq(clients.organisationId, org.id));
    expect(n).toBe(2);
  });
});
