import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import {
  auditLog,
  caseEvents,
  offers,
  qualifications,
  recognitionProcedures,
} from "../../src/server/db/schema.ts";
import { createTestApp } from "../helpers/app.ts";
import { buildCase, buildClient } from "../helpers/case-factories.ts";
import { buildOrganisation, buildUser } from "../helpers/factories.ts";

const t = await createTestApp();

/** An organisation with a counsellor, a volunteer, and a case assigned to the volunteer. */
async function team() {
  const org = await buildOrganisation(t.db);
  const counsellor = await buildUser(t.db, {
    organisationId: org.id,
    role: "counsellor",
    name: "Clara Berger",
  });
  const volunteer = await buildUser(t.db, { organisationId: org.id, role: "volunteer", name: "Olena Ko" });
  const client = await buildClient(t.db, { organisationId: org.id });
  const record = await buildCase(t.db, {
    organisationId: org.id,
    clientId: client.id,
    assigneeUserId: volunteer.id,
  });
  return {
    org,
    client,
    record,
    counsellor: { ...counsellor, agent: await t.loginAs(counsellor.email) },
    volunteer: { ...volunteer, agent: await t.loginAs(volunteer.email) },
  };
}

const contact = {
  date: "2026-03-02",
  mode: "in_person",
  durationMinutes: 45,
  counsellingType: "anerkennungsberatung",
  initiatedBy: "client",
  accessRoute: "jobcenter",
  summary: "Unterlagen gesichtet",
};

async function procedureOf(clientId: string, organisationId: string) {
  const [q] = await t.db
    .insert(qualifications)
    .values({ organisationId, clientId, originalTitle: "Bachelor of Nursing", country: "SY" })
    .returning();
  const [p] = await t.db
    .insert(recognitionProcedures)
    .values({
      organisationId,
      qualificationId: q?.id ?? "",
      referenceOccupationCode: "81302",
      referenceOccupationTitle: "Pflegefachfrau/-mann",
      regulated: true,
    })
    .returning();
  return p?.id ?? "";
}

describe("contacts", () => {
  it("are documented by the actor, listed newest first and audited", async () => {
    const { record, counsellor, volunteer } = await team();
    const first = await counsellor.agent.request("POST", `/api/cases/${record.id}/contacts`, {
      body: contact,
    });
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({
      ...contact,
      counsellor: { id: counsellor.id, name: "Clara Berger" },
    });
    const second = await volunteer.agent.request("POST", `/api/cases/${record.id}/contacts`, {
      body: { ...contact, date: "2026-03-09", mode: "phone", accessRoute: undefined, summary: undefined },
    });
    expect(second.statusCode).toBe(201);
    expect(second.json()).toMatchObject({
      accessRoute: null,
      summary: null,
      counsellor: { id: volunteer.id },
    });
    const listed = await counsellor.agent.request("GET", `/api/cases/${record.id}/contacts`);
    expect(listed.json().items.map((c: { date: string }) => c.date)).toEqual(["2026-03-09", "2026-03-02"]);
    const events = await t.db.select().from(caseEvents).where(eq(caseEvents.caseId, record.id));
    expect(events.map((e) => e.kind)).toEqual(["contact_added", "contact_added"]);
    const entries = await t.db.select().from(auditLog).where(eq(auditLog.entityId, first.json().id));
    expect(entries.map((e) => e.action)).toEqual(["case_contact.create"]);
    const reads = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "case_contact.list"), eq(auditLog.entityId, record.id)));
    expect(reads).toHaveLength(1);
    expect(JSON.stringify(entries)).not.toContain("Unterlagen");
  });
});

describe("notes", () => {
  it("keep special-category notes from volunteers, in the list and on the timeline", async () => {
    const { record, counsellor, volunteer } = await team();
    const special = await counsellor.agent.request("POST", `/api/cases/${record.id}/notes`, {
      body: { body: "Diabetes, braucht Pausen", special: true },
    });
    expect(special.statusCode).toBe(201);
    expect(special.json()).toMatchObject({ special: true, author: { name: "Clara Berger" } });
    const plain = await volunteer.agent.request("POST", `/api/cases/${record.id}/notes`, {
      body: { body: "Termin beim Jobcenter begleitet" },
    });
    expect(plain.statusCode).toBe(201);
    expect(plain.json().special).toBe(false);

    const all = await counsellor.agent.request("GET", `/api/cases/${record.id}/notes`);
    expect(all.json().items.map((n: { special: boolean }) => n.special)).toEqual([false, true]);
    const visible = await volunteer.agent.request("GET", `/api/cases/${record.id}/notes`);
    expect(visible.json().items).toHaveLength(1);
    expect(visible.body).not.toContain("Diabetes");

    const counsellorTimeline = await counsellor.agent.request("GET", `/api/cases/${record.id}/timeline`);
    expect(counsellorTimeline.json().items.map((e: { kind: string }) => e.kind)).toEqual([
      "note_added",
      "note_added",
    ]);
    const volunteerTimeline = await volunteer.agent.request("GET", `/api/cases/${record.id}/timeline`);
    expect(volunteerTimeline.json().items).toMatchObject([
      { kind: "note_added", subjectId: plain.json().id, actor: { id: volunteer.id, name: "Olena Ko" } },
    ]);
    expect(volunteerTimeline.body).not.toContain(special.json().id);
  });

  it("refuses a special-category note by a volunteer", async () => {
    const { record, volunteer } = await team();
    const res = await volunteer.agent.request("POST", `/api/cases/${record.id}/notes`, {
      body: { body: "Religion: …", special: true },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors[0]).toMatchObject({
      field: "body.special",
      code: "case.special_note_forbidden",
    });
    expect(await t.db.select().from(caseEvents).where(eq(caseEvents.caseId, record.id))).toEqual([]);
  });

  it("are not added to a closed case", async () => {
    const { org, counsellor } = await team();
    const closed = await buildCase(t.db, {
      organisationId: org.id,
      status: "closed",
      outcome: "goal_reached",
    });
    for (const [path, body] of [
      ["notes", { body: "Nachtrag" }],
      ["contacts", contact],
      ["next-steps", { title: "Nachfassen" }],
    ] as const) {
      const res = await counsellor.agent.request("POST", `/api/cases/${closed.id}/${path}`, { body });
      expect(res.statusCode, path).toBe(422);
      expect(res.json().code).toBe("case.closed");
    }
  });
});

describe("next steps", () => {
  it("lead to an offer of any organisation and are ticked off and reopened", async () => {
    const { record, volunteer, counsellor } = await team();
    const provider = await buildOrganisation(t.db, { name: "Bildungswerk Test" });
    const [offer] = await t.db
      .insert(offers)
      .values({ organisationId: provider.id, name: "Berufssprachkurs B2 Pflege" })
      .returning();
    const created = await volunteer.agent.request("POST", `/api/cases/${record.id}/next-steps`, {
      body: { title: "Zum Sprachkurs anmelden", dueDate: "2026-04-01", offerId: offer?.id },
    });
    expect(created.statusCode).toBe(201);
    const step = created.json();
    expect(step).toMatchObject({
      title: "Zum Sprachkurs anmelden",
      dueDate: "2026-04-01",
      offer: { id: offer?.id, name: "Berufssprachkurs B2 Pflege", organisationName: "Bildungswerk Test" },
      procedureId: null,
      doneAt: null,
    });
    const url = `/api/cases/${record.id}/next-steps/${step.id}`;
    const done = await volunteer.agent.request("PATCH", url, { body: { done: true } });
    expect(done.json().doneAt).not.toBeNull();
    const reopened = await counsellor.agent.request("PATCH", url, {
      body: { done: false, dueDate: "2026-04-15" },
    });
    expect(reopened.json()).toMatchObject({ doneAt: null, dueDate: "2026-04-15" });
    const events = await t.db
      .select()
      .from(caseEvents)
      .where(eq(caseEvents.caseId, record.id))
      .orderBy(caseEvents.id);
    expect(events.map((e) => e.kind)).toEqual(["next_step_added", "next_step_done", "next_step_reopened"]);
    const updates = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "case_next_step.update"), eq(auditLog.entityId, step.id)))
      .orderBy(auditLog.id);
    expect(updates.map((u) => u.details)).toEqual([
      { caseId: record.id, fields: ["done"] },
      { caseId: record.id, fields: ["dueDate", "done"] },
    ]);
  });

  it("lists open steps first, the earliest due first", async () => {
    const { record, counsellor } = await team();
    const add = async (title: string, dueDate?: string) =>
      (
        await counsellor.agent.request("POST", `/api/cases/${record.id}/next-steps`, {
          body: { title, dueDate },
        })
      ).json();
    const finished = await add("Erledigt", "2026-01-01");
    await counsellor.agent.request("PATCH", `/api/cases/${record.id}/next-steps/${finished.id}`, {
      body: { done: true },
    });
    await add("Ohne Datum");
    await add("Später", "2026-06-01");
    await add("Bald", "2026-05-01");
    const res = await counsellor.agent.request("GET", `/api/cases/${record.id}/next-steps`);
    expect(res.json().items.map((s: { title: string }) => s.title)).toEqual([
      "Bald",
      "Später",
      "Ohne Datum",
      "Erledigt",
    ]);
  });

  it("refuses an unknown offer and a procedure of another client", async () => {
    const { org, record, client, counsellor } = await team();
    const unknownOffer = await counsellor.agent.request("POST", `/api/cases/${record.id}/next-steps`, {
      body: { title: "x", offerId: "00000000-0000-4000-8000-000000000000" },
    });
    expect(unknownOffer.json().errors[0]).toMatchObject({
      field: "body.offerId",
      code: "case.offer_unknown",
    });
    const other = await buildClient(t.db, { organisationId: org.id });
    const foreignProcedure = await procedureOf(other.id, org.id);
    const wrong = await counsellor.agent.request("POST", `/api/cases/${record.id}/next-steps`, {
      body: { title: "x", procedureId: foreignProcedure },
    });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().errors[0]).toMatchObject({
      field: "body.procedureId",
      code: "case.procedure_unknown",
    });
    const own = await procedureOf(client.id, org.id);
    const right = await counsellor.agent.request("POST", `/api/cases/${record.id}/next-steps`, {
      body: { title: "Anpassungslehrgang suchen", procedureId: own },
    });
    expect(right.statusCode).toBe(201);
    expect(right.json().procedureId).toBe(own);
  });

  it("answers 404 for a step of another case", async () => {
    const { org, record, counsellor } = await team();
    const step = (
      await counsellor.agent.request("POST", `/api/cases/${record.id}/next-steps`, { body: { title: "x" } })
    ).json();
    const otherCase = await buildCase(t.db, { organisationId: org.id });
    const res = await counsellor.agent.request("PATCH", `/api/cases/${otherCase.id}/next-steps/${step.id}`, {
      body: { done: true },
    });
    expect(res.statusCode).toBe(404);
  });
});

describe("the timeline", () => {
  it("has every event in order with the actor's name", async () => {
    const { record, counsellor } = await team();
    await counsellor.agent.request("PATCH", `/api/cases/${record.id}`, {
      body: { phase: 2 },
      headers: { "if-match": '"1"' },
    });
    await counsellor.agent.request("POST", `/api/cases/${record.id}/contacts`, { body: contact });
    await counsellor.agent.request("POST", `/api/cases/${record.id}/next-steps`, {
      body: { title: "Termin" },
    });
    const res = await counsellor.agent.request("GET", `/api/cases/${record.id}/timeline`);
    expect(res.json().items).toMatchObject([
      { kind: "phase_changed", details: { from: 1, to: 2 }, actor: { name: "Clara Berger" } },
      { kind: "contact_added" },
      { kind: "next_step_added" },
    ]);
    const reads = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "case_timeline.list"), eq(auditLog.entityId, record.id)));
    expect(reads).toHaveLength(1);
  });
});
