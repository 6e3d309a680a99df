import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, caseEvents, cases, clients, memberships } from "../../src/server/db/schema.ts";
import { createTestApp } from "../helpers/app.ts";
import { buildCase, buildClient } from "../helpers/case-factories.ts";
import { buildOrganisation, buildUser } from "../helpers/factories.ts";

const t = await createTestApp();

async function counsellorOrg() {
  const org = await buildOrganisation(t.db);
  const counsellor = await buildUser(t.db, {
    organisationId: org.id,
    role: "counsellor",
    name: "Clara Berger",
  });
  return { org, counsellor, agent: await t.loginAs(counsellor.email) };
}

const newClient = (overrides: Record<string, unknown> = {}) => ({
  name: "Yusuf Demir",
  dateOfBirth: "1992-03-05",
  countryOfOrigin: "TR",
  preferredLanguages: ["tr", "de"],
  districtAgs: "15003",
  ...overrides,
});

const eventsOf = (caseId: string) =>
  t.db.select().from(caseEvents).where(eq(caseEvents.caseId, caseId)).orderBy(caseEvents.id);

describe("opening a case", () => {
  it("creates a new client with the case, assigned to the creator, and records it", async () => {
    const { org, counsellor, agent } = await counsellorOrg();
    const res = await agent.request("POST", "/api/cases", {
      body: { client: newClient(), phase: 2, goals: "Anerkennung als Erzieher" },
    });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({
      organisationId: org.id,
      status: "open",
      outcome: null,
      phase: 2,
      goals: "Anerkennung als Erzieher",
      assignee: { id: counsellor.id, name: "Clara Berger" },
      client: { name: "Yusuf Demir", preferredLanguages: ["tr", "de"], districtAgs: "15003" },
      version: 1,
      abilities: { update: true, document: true, readSpecial: true },
    });
    expect(body.pseudonym).toMatch(/^F-[0-9A-Z]{8}$/);
    expect(body.client.pseudonym).toMatch(/^K-[0-9A-Z]{8}$/);
    expect(res.headers.etag).toBe('"1"');
    expect(await eventsOf(body.id)).toMatchObject([{ kind: "case_opened", actorUserId: counsellor.id }]);
    const entries = await t.db.select().from(auditLog).where(eq(auditLog.organisationId, org.id));
    expect(
      entries
        .map((e) => e.action)
        .filter((a) => a !== "auth.login")
        .sort(),
    ).toEqual(["case.create", "client.create"]);
    expect(JSON.stringify(entries)).not.toContain("Demir");
  });

  it("opens a further case for an existing client of the organisation", async () => {
    const { org, agent } = await counsellorOrg();
    const client = await buildClient(t.db, { organisationId: org.id });
    const res = await agent.request("POST", "/api/cases", { body: { clientId: client.id } });
    expect(res.statusCode).toBe(201);
    expect(res.json().client.id).toBe(client.id);
    expect(res.json().phase).toBe(1);
  });

  it("does not open a case for a client of another organisation", async () => {
    const { agent } = await counsellorOrg();
    const foreign = await buildClient(t.db, { organisationId: (await buildOrganisation(t.db)).id });
    const res = await agent.request("POST", "/api/cases", { body: { clientId: foreign.id } });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors[0]).toMatchObject({ field: "body.clientId", code: "case.client_unknown" });
  });

  it("stops at a possible duplicate until the counsellor confirms it is someone else", async () => {
    const { org, agent } = await counsellorOrg();
    await buildClient(t.db, { organisationId: org.id, name: "Demir, Yusuf", dateOfBirth: "1992-03-05" });
    const res = await agent.request("POST", "/api/cases", {
      body: { client: newClient() },
      headers: { "accept-language": "en" },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({
      code: "client.possible_duplicate",
      title: expect.stringContaining("similar"),
    });
    expect(await t.db.select().from(clients).where(eq(clients.organisationId, org.id))).toHaveLength(1);
    const confirmed = await agent.request("POST", "/api/cases", {
      body: { client: { ...newClient(), confirmNotDuplicate: true } },
    });
    expect(confirmed.statusCode).toBe(201);
    expect(await t.db.select().from(clients).where(eq(clients.organisationId, org.id))).toHaveLength(2);
  });

  it("assigns to an active counsellor or volunteer of the organisation only", async () => {
    const { org, agent } = await counsellorOrg();
    const volunteer = await buildUser(t.db, { organisationId: org.id, role: "volunteer" });
    const admin = await buildUser(t.db, { organisationId: org.id, role: "org_admin" });
    const outsider = await buildUser(t.db, {
      organisationId: (await buildOrganisation(t.db)).id,
      role: "counsellor",
    });
    const gone = await buildUser(t.db, { organisationId: org.id, role: "counsellor" });
    await t.db.update(memberships).set({ status: "deactivated" }).where(eq(memberships.userId, gone.id));
    const open = (assigneeUserId: string | null) =>
      agent.request("POST", "/api/cases", {
        body: {
          client: { ...newClient({ name: `Person ${Math.random()}` }), confirmNotDuplicate: true },
          assigneeUserId,
        },
      });
    expect((await open(volunteer.id)).json().assignee.id).toBe(volunteer.id);
    expect((await open(null)).json().assignee).toBeNull();
    for (const id of [admin.id, outsider.id, gone.id]) {
      const res = await open(id);
      expect(res.statusCode).toBe(422);
      expect(res.json().errors[0]).toMatchObject({
        field: "body.assigneeUserId",
        code: "case.assignee_invalid",
      });
    }
  });

  it("needs exactly one of clientId and client", async () => {
    const { org, agent } = await counsellorOrg();
    const client = await buildClient(t.db, { organisationId: org.id });
    expect((await agent.request("POST", "/api/cases", { body: {} })).statusCode).toBe(400);
    const both = await agent.request("POST", "/api/cases", {
      body: { clientId: client.id, client: newClient() },
    });
    expect(both.statusCode).toBe(400);
  });
});

describe("reading a case", () => {
  it("audits every read", async () => {
    const { org, agent } = await counsellorOrg();
    const record = await buildCase(t.db, { organisationId: org.id });
    for (let i = 0; i < 3; i++) {
      const res = await agent.request("GET", `/api/cases/${record.id}`);
      expect(res.statusCode).toBe(200);
      expect(res.headers.etag).toBe('"1"');
    }
    const reads = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "case.read"), eq(auditLog.entityId, record.id)));
    expect(reads).toHaveLength(3);
  });
});

describe("changing a case", () => {
  const patch = (
    agent: Awaited<ReturnType<typeof counsellorOrg>>["agent"],
    id: string,
    body: object,
    version = 1,
  ) => agent.request("PATCH", `/api/cases/${id}`, { body, headers: { "if-match": `"${version}"` } });

  it("needs an outcome to close, and reopening clears it", async () => {
    const { org, agent } = await counsellorOrg();
    const record = await buildCase(t.db, { organisationId: org.id });
    const noOutcome = await patch(agent, record.id, { status: "closed" });
    expect(noOutcome.statusCode).toBe(422);
    expect(noOutcome.json().errors[0]).toMatchObject({
      field: "body.outcome",
      code: "case.outcome_required",
    });
    const outcomeOpen = await patch(agent, record.id, { outcome: "employed" });
    expect(outcomeOpen.json().errors[0].code).toBe("case.outcome_only_when_closed");
    const closed = await patch(agent, record.id, { status: "closed", outcome: "employed" });
    expect(closed.statusCode).toBe(200);
    expect(closed.json()).toMatchObject({ status: "closed", outcome: "employed", version: 2 });
    expect(closed.json().closedAt).not.toBeNull();
    expect(closed.json().abilities.document).toBe(false);
    const reopened = await patch(agent, record.id, { status: "open" }, 2);
    expect(reopened.json()).toMatchObject({ status: "open", outcome: null, closedAt: null, version: 3 });
    const statusEvents = (await eventsOf(record.id)).filter((e) => e.kind === "status_changed");
    expect(statusEvents.map((e) => e.details)).toEqual([
      { from: "open", to: "closed", outcome: "employed" },
      { from: "closed", to: "open", outcome: null },
    ]);
  });

  it("records phase, assignment and goals on the timeline and audits the field names", async () => {
    const { org, counsellor, agent } = await counsellorOrg();
    const volunteer = await buildUser(t.db, { organisationId: org.id, role: "volunteer" });
    const record = await buildCase(t.db, { organisationId: org.id, assigneeUserId: counsellor.id });
    const res = await patch(agent, record.id, {
      phase: 3,
      assigneeUserId: volunteer.id,
      goals: "Job als Pflegefachfrau",
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers.etag).toBe('"2"');
    expect((await eventsOf(record.id)).map((e) => [e.kind, e.details])).toEqual([
      ["phase_changed", { from: 1, to: 3 }],
      ["assigned", { from: counsellor.id, to: volunteer.id }],
      ["goals_changed", {}],
    ]);
    const [entry] = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "case.update"), eq(auditLog.entityId, record.id)));
    expect(entry?.details).toEqual({ fields: ["phase", "goals", "assigneeUserId"] });
    expect(JSON.stringify(entry)).not.toContain("Pflegefachfrau");
  });

  it("answers 428 without If-Match", async () => {
    const { org, agent } = await counsellorOrg();
    const record = await buildCase(t.db, { organisationId: org.id });
    const res = await agent.request("PATCH", `/api/cases/${record.id}`, { body: { phase: 2 } });
    expect(res.statusCode).toBe(428);
  });

  it("lets exactly one of two simultaneous saves on the same version win", async () => {
    const { org, agent } = await counsellorOrg();
    const record = await buildCase(t.db, { organisationId: org.id });
    const results = await Promise.all([
      patch(agent, record.id, { phase: 2 }),
      patch(agent, record.id, { phase: 4 }),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 412]);
    const winner = results.find((r) => r.statusCode === 200)?.json();
    const [row] = await t.db.select().from(cases).where(eq(cases.id, record.id));
    expect(row).toMatchObject({ version: 2, phase: winner.phase });
    expect((await eventsOf(record.id)).filter((e) => e.kind === "phase_changed")).toHaveLength(1);
  });

  it("refuses a stale version and leaves the case as it is", async () => {
    const { org, agent } = await counsellorOrg();
    const record = await buildCase(t.db, { organisationId: org.id, version: 3 });
    const res = await patch(agent, record.id, { phase: 5 }, 2);
    expect(res.statusCode).toBe(412);
    const [row] = await t.db.select().from(cases).where(eq(cases.id, record.id));
    expect(row).toMatchObject({ version: 3, phase: 1 });
  });

  it("answers a weak tag or a version beyond the column with 412, never a 500", async () => {
    const { org, agent } = await counsellorOrg();
    const record = await buildCase(t.db, { organisationId: org.id, version: 3 });
    for (const tag of ['W/"3"', '"99999999999999999999"', '"2147483648"']) {
      const res = await agent.request("PATCH", `/api/cases/${record.id}`, {
        body: { phase: 5 },
        headers: { "if-match": tag },
      });
      expect(res.statusCode, tag).toBe(412);
    }
    const [row] = await t.db.select().from(cases).where(eq(cases.id, record.id));
    expect(row).toMatchObject({ version: 3, phase: 1 });
  });
});

describe("the assignees", () => {
  it("are the active counsellors and volunteers of the organisation", async () => {
    const { org, counsellor, agent } = await counsellorOrg();
    const volunteer = await buildUser(t.db, {
      organisationId: org.id,
      role: "volunteer",
      name: "Amal Nasser",
    });
    await buildUser(t.db, { organisationId: org.id, role: "org_admin" });
    await buildUser(t.db, { organisationId: (await buildOrganisation(t.db)).id, role: "counsellor" });
    const res = await agent.request("GET", "/api/cases/assignees");
    expect(res.json().items).toEqual([
      { id: volunteer.id, name: "Amal Nasser", role: "volunteer" },
      { id: counsellor.id, name: "Clara Berger", role: "counsellor" },
    ]);
  });
});
