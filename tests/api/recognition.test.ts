import { and, asc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import {
  auditLog,
  caseEvents,
  recognitionProcedures,
  recognitionStateChanges,
} from "../../src/server/db/schema.ts";
import { berlinDay } from "../../src/server/modules/interfaces/working-days.ts";
import { createTestApp } from "../helpers/app.ts";
import { buildCase, buildClient } from "../helpers/case-factories.ts";
import { buildOrganisation, buildUser } from "../helpers/factories.ts";

const t = await createTestApp();

/** An organisation with a counsellor, a client and a case of that client. */
async function counselling() {
  const org = await buildOrganisation(t.db);
  const counsellor = await buildUser(t.db, { organisationId: org.id, role: "counsellor" });
  const agent = await t.loginAs(counsellor.email);
  const client = await buildClient(t.db, { organisationId: org.id, districtAgs: "15003" });
  const kase = await buildCase(t.db, { organisationId: org.id, clientId: client.id });
  return { org, counsellor, agent, client, kase };
}

const qualificationBody = {
  originalTitle: "Медична сестра",
  germanTitle: "Krankenschwester",
  country: "UA",
  institution: "Medizinisches College Lwiw",
  year: 2015,
  dqrLevel: 4,
};

async function withProcedure(opts: { regulated?: boolean; authority?: string } = {}) {
  const base = await counselling();
  const q = await base.agent.request("POST", `/api/clients/${base.client.id}/qualifications`, {
    body: qualificationBody,
  });
  expect(q.statusCode).toBe(201);
  const p = await base.agent.request("POST", "/api/recognition-procedures", {
    body: {
      qualificationId: q.json().id,
      caseId: base.kase.id,
      referenceOccupationCode: "81302",
      regulated: opts.regulated ?? true,
      legalBasis: "federal_profession_law",
      authorityOrganisationId: opts.authority ?? null,
    },
  });
  expect(p.statusCode).toBe(201);
  return { ...base, qualification: q.json(), procedure: p.json(), etag: p.headers.etag as string };
}

/** Sends a change with the given version as If-Match. */
const patch = (
  agent: Awaited<ReturnType<typeof counselling>>["agent"],
  id: string,
  version: number,
  body: unknown,
) =>
  agent.request("PATCH", `/api/recognition-procedures/${id}`, {
    body,
    headers: { "if-match": `"${version}"` },
  });

/** Walks a procedure along the journey up to documents_complete; answers the last version. */
async function walkToDocumentsComplete(agent: Parameters<typeof patch>[0], id: string) {
  let version = 1;
  for (const state of ["counselled", "collecting_documents", "applied", "documents_complete"]) {
    const res = await patch(agent, id, version, { state });
    expect(res.statusCode, `${state}: ${res.body}`).toBe(200);
    version = res.json().version;
  }
  return version;
}

const eventsOf = (caseId: string) =>
  t.db.select().from(caseEvents).where(eq(caseEvents.caseId, caseId)).orderBy(asc(caseEvents.id));

describe("qualifications", () => {
  it("records a qualification, lists it with its procedures and tells the client's cases", async () => {
    const { agent, client, kase, org } = await counselling();
    const other = await buildCase(t.db, { organisationId: org.id, clientId: client.id });
    const created = await agent.request("POST", `/api/clients/${client.id}/qualifications`, {
      body: qualificationBody,
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      clientId: client.id,
      originalTitle: "Медична сестра",
      country: "UA",
      anabinStatus: "unknown",
      procedures: [],
      abilities: { update: true },
    });
    for (const caseId of [kase.id, other.id]) {
      const events = await eventsOf(caseId);
      expect(events.map((e) => [e.kind, e.subjectId])).toEqual([["qualification_added", created.json().id]]);
    }

    const list = await agent.request("GET", `/api/clients/${client.id}/qualifications`);
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((q: { id: string }) => q.id)).toEqual([created.json().id]);
    const reads = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "recognition.qualification.list"), eq(auditLog.entityId, client.id)));
    expect(reads).toHaveLength(1);
    expect(JSON.stringify(reads[0]?.details)).not.toContain("Krankenschwester");
  });

  it("edits a qualification and audits the changed fields only", async () => {
    const { agent, client } = await counselling();
    const created = await agent.request("POST", `/api/clients/${client.id}/qualifications`, {
      body: qualificationBody,
    });
    const res = await agent.request("PATCH", `/api/qualifications/${created.json().id}`, {
      body: { anabinStatus: "h_plus", year: 2015, germanTitle: "Gesundheits- und Krankenpflegerin" },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      anabinStatus: "h_plus",
      germanTitle: "Gesundheits- und Krankenpflegerin",
    });
    const [entry] = await t.db
      .select()
      .from(auditLog)
      .where(
        and(
          eq(auditLog.action, "recognition.qualification.update"),
          eq(auditLog.entityId, created.json().id),
        ),
      );
    expect(entry?.details).toMatchObject({ fields: ["anabinStatus", "germanTitle"] });
    const later = await agent.request("PATCH", `/api/qualifications/${created.json().id}`, {
      body: { institution: "Medizinische Fachschule Lwiw" },
    });
    expect(later.json()).toMatchObject({
      anabinStatus: "h_plus",
      institution: "Medizinische Fachschule Lwiw",
    });
  });

  it("refuses an unknown country and a DQR level out of range", async () => {
    const { agent, client } = await counselling();
    const res = await agent.request("POST", `/api/clients/${client.id}/qualifications`, {
      body: { ...qualificationBody, country: "XX", dqrLevel: 9 },
    });
    expect(res.statusCode).toBe(400);
    expect(
      res
        .json()
        .errors.map((e: { field: string }) => e.field)
        .sort(),
    ).toEqual(["body.country", "body.dqrLevel"]);
  });
});

describe("opening a procedure", () => {
  it("stores the occupation's title, the authority and the first state, and tells the case", async () => {
    const authority = await buildOrganisation(t.db, {
      name: "Landesverwaltungsamt Sachsen-Anhalt",
      type: "other",
    });
    const { procedure, kase, etag } = await withProcedure({ authority: authority.id });
    expect(procedure).toMatchObject({
      referenceOccupation: {
        code: "81302",
        field: "81",
        title:
          "Berufe in der Gesundheits- und Krankenpflege (ohne Spezialisierung) – fachlich ausgerichtete Tätigkeiten",
      },
      authority: { id: authority.id, name: "Landesverwaltungsamt Sachsen-Anhalt" },
      state: "enquiry",
      nextStates: ["counselled"],
      decisionDueAt: null,
      version: 1,
      history: [{ fromState: null, toState: "enquiry" }],
    });
    expect(etag).toBe('"1"');
    const events = await eventsOf(kase.id);
    expect(events.map((e) => e.kind)).toEqual(["qualification_added", "procedure_opened"]);
  });

  it("refuses an occupation that is not a KldB level-5 code and an unknown authority", async () => {
    const { agent, client } = await counselling();
    const q = await agent.request("POST", `/api/clients/${client.id}/qualifications`, {
      body: qualificationBody,
    });
    const body = { qualificationId: q.json().id, referenceOccupationCode: "99999", regulated: true };
    const unknown = await agent.request("POST", "/api/recognition-procedures", { body });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json()).toMatchObject({
      code: "recognition.occupation_unknown",
      errors: [{ field: "body.referenceOccupationCode" }],
    });
    const noAuthority = await agent.request("POST", "/api/recognition-procedures", {
      body: { ...body, referenceOccupationCode: "25212", authorityOrganisationId: crypto.randomUUID() },
    });
    expect(noAuthority.statusCode).toBe(422);
    expect(noAuthority.json().code).toBe("recognition.authority_unknown");
  });

  it("refuses a case of another client", async () => {
    const { agent, client, org } = await counselling();
    const strangersCase = await buildCase(t.db, { organisationId: org.id });
    const q = await agent.request("POST", `/api/clients/${client.id}/qualifications`, {
      body: qualificationBody,
    });
    const res = await agent.request("POST", "/api/recognition-procedures", {
      body: {
        qualificationId: q.json().id,
        caseId: strangersCase.id,
        referenceOccupationCode: "25212",
        regulated: false,
      },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({
      code: "recognition.case_unknown",
      errors: [{ field: "body.caseId" }],
    });
  });
});

describe("moving a procedure along the journey", () => {
  it("allows only the moves of the journey and names the state field otherwise", async () => {
    const { agent, procedure } = await withProcedure();
    const jump = await patch(agent, procedure.id, 1, { state: "decided" });
    expect(jump.statusCode).toBe(422);
    expect(jump.json()).toMatchObject({
      code: "recognition.transition_not_allowed",
      errors: [{ field: "body.state" }],
    });
    const [row] = await t.db
      .select()
      .from(recognitionProcedures)
      .where(eq(recognitionProcedures.id, procedure.id));
    expect(row).toMatchObject({ state: "enquiry", version: 1 });
  });

  it("dates the application and the complete documents and derives the authority's deadline", async () => {
    const { agent, procedure, kase } = await withProcedure();
    let version = 1;
    for (const state of ["counselled", "collecting_documents"]) {
      version = (await patch(agent, procedure.id, version, { state })).json().version;
    }
    const applied = await patch(agent, procedure.id, version, { state: "applied" });
    expect(applied.json()).toMatchObject({ state: "applied", appliedAt: berlinDay() });
    const complete = await patch(agent, procedure.id, applied.json().version, {
      state: "documents_complete",
      documentsCompleteAt: "2025-11-30",
    });
    expect(complete.statusCode).toBe(200);
    expect(complete.headers.etag).toBe(`"${complete.json().version}"`);
    expect(complete.json()).toMatchObject({
      documentsCompleteAt: "2025-11-30",
      decisionDueAt: "2026-02-28",
      nextStates: ["decided"],
    });
    expect(complete.json().history.map((h: { toState: string }) => h.toState)).toEqual([
      "enquiry",
      "counselled",
      "collecting_documents",
      "applied",
      "documents_complete",
    ]);
    const changes = await t.db
      .select()
      .from(recognitionStateChanges)
      .where(eq(recognitionStateChanges.procedureId, procedure.id));
    expect(changes).toHaveLength(5);
    const events = (await eventsOf(kase.id)).filter((e) => e.kind === "procedure_state_changed");
    expect(events.map((e) => e.details)).toEqual([
      { from: "enquiry", to: "counselled" },
      { from: "counselled", to: "collecting_documents" },
      { from: "collecting_documents", to: "applied" },
      { from: "applied", to: "documents_complete" },
    ]);
    // The dates the moves set belong to the moves: no separate "updated" entries for them.
    expect((await eventsOf(kase.id)).filter((e) => e.kind === "procedure_updated")).toEqual([]);
  });

  it("needs a decision that fits a regulated profession, with differences and a measure", async () => {
    const { agent, procedure } = await withProcedure({ regulated: true });
    const version = await walkToDocumentsComplete(agent, procedure.id);
    const none = await patch(agent, procedure.id, version, { state: "decided" });
    expect(none.json()).toMatchObject({
      code: "recognition.decision_required",
      errors: [{ field: "body.decision" }],
    });
    const partial = await patch(agent, procedure.id, version, { state: "decided", decision: "partial" });
    expect(partial.json()).toMatchObject({
      code: "recognition.decision_not_allowed",
      errors: [{ field: "body.decision" }],
    });
    const noDifferences = await patch(agent, procedure.id, version, {
      state: "decided",
      decision: "compensation_required",
      compensationMeasure: "kenntnispruefung",
    });
    expect(noDifferences.json()).toMatchObject({
      code: "recognition.differences_required",
      errors: [{ field: "body.differences" }],
    });
    const differences = [{ kind: "practical_skills", description: "Praxis in der Intensivpflege" }];
    const noMeasure = await patch(agent, procedure.id, version, {
      state: "decided",
      decision: "compensation_required",
      differences,
    });
    expect(noMeasure.json()).toMatchObject({
      code: "recognition.compensation_measure_required",
      errors: [{ field: "body.compensationMeasure" }],
    });
    const decided = await patch(agent, procedure.id, version, {
      state: "decided",
      decision: "compensation_required",
      compensationMeasure: "kenntnispruefung",
      differences,
    });
    expect(decided.statusCode).toBe(200);
    expect(decided.json()).toMatchObject({
      state: "decided",
      decision: "compensation_required",
      decidedAt: berlinDay(),
      nextStates: ["appeal", "measure_planned", "full_recognition", "job_search"],
      differences: [{ kind: "practical_skills", description: "Praxis in der Intensivpflege" }],
    });
    expect(decided.json().differences[0].id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("accepts a partial decision for a non-regulated profession and keeps the ids of edited differences", async () => {
    const { agent, procedure, kase } = await withProcedure({ regulated: false });
    const version = await walkToDocumentsComplete(agent, procedure.id);
    const decided = await patch(agent, procedure.id, version, {
      state: "decided",
      decision: "partial",
      differences: [
        { kind: "theoretical_knowledge", description: "Pharmakologie" },
        { kind: "language", description: "Fachsprache" },
      ],
    });
    expect(decided.statusCode).toBe(200);
    const [first, second] = decided.json().differences;
    const edited = await patch(agent, procedure.id, decided.json().version, {
      differences: [
        { id: first.id, kind: "theoretical_knowledge", description: "Pharmakologie und Hygiene" },
        { kind: "legal_knowledge", description: "Berufsrecht" },
      ],
    });
    expect(edited.statusCode).toBe(200);
    const ids = edited.json().differences.map((d: { id: string }) => d.id);
    expect(ids[0]).toBe(first.id);
    expect(ids[1]).not.toBe(second.id);
    const updates = (await eventsOf(kase.id)).filter((e) => e.kind === "procedure_updated");
    expect(updates.at(-1)?.details).toEqual({ fields: ["differences"] });
  });

  it("refuses a stale version with 412 and a missing one with 428", async () => {
    const { agent, procedure } = await withProcedure();
    const first = await patch(agent, procedure.id, 1, { state: "counselled" });
    expect(first.statusCode).toBe(200);
    const stale = await patch(agent, procedure.id, 1, { permit16dUntil: "2027-01-31" });
    expect(stale.statusCode).toBe(412);
    expect(stale.json().code).toBe("precondition_failed");
    const missing = await agent.request("PATCH", `/api/recognition-procedures/${procedure.id}`, {
      body: { permit16dUntil: "2027-01-31" },
    });
    expect(missing.statusCode).toBe(428);
  });

  it("lets exactly one of two concurrent saves with the same version win", async () => {
    const { agent, procedure } = await withProcedure();
    const results = await Promise.all([
      patch(agent, procedure.id, 1, { state: "counselled" }),
      patch(agent, procedure.id, 1, { permit16dUntil: "2027-01-31" }),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 412]);
    const [row] = await t.db
      .select()
      .from(recognitionProcedures)
      .where(eq(recognitionProcedures.id, procedure.id));
    expect(row?.version).toBe(2);
  });

  it("answers the procedure with its version as ETag and audits the read", async () => {
    const { agent, procedure } = await withProcedure();
    const res = await agent.request("GET", `/api/recognition-procedures/${procedure.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers.etag).toBe('"1"');
    const reads = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "recognition.procedure.read"), eq(auditLog.entityId, procedure.id)));
    expect(reads).toHaveLength(1);
  });
});
