import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditLog, caseNextSteps, caseNotes, cases } from "../../src/server/db/schema.ts";
import type { Role } from "../../src/shared/domain.ts";
import { createTestApp } from "../helpers/app.ts";
import { buildCase, buildClient } from "../helpers/case-factories.ts";
import { buildOrganisation, buildUser } from "../helpers/factories.ts";

const t = await createTestApp();

/**
 * Organisation A with a counsellor and a volunteer: one case assigned to the volunteer (with a
 * special note and special client fields), one not. Organisation B's counsellor probes from outside.
 */
async function world() {
  const org = await buildOrganisation(t.db);
  const counsellor = await buildUser(t.db, { organisationId: org.id, role: "counsellor" });
  const volunteer = await buildUser(t.db, { organisationId: org.id, role: "volunteer" });
  const client = await buildClient(t.db, {
    organisationId: org.id,
    name: "Zainab Qasemi",
    email: "zainab.qasemi@example.org",
    dateOfBirth: "1994-07-01",
    residenceStatus: "residence_permit_humanitarian",
  });
  const assigned = await buildCase(t.db, {
    organisationId: org.id,
    clientId: client.id,
    assigneeUserId: volunteer.id,
  });
  const unassignedClient = await buildClient(t.db, { organisationId: org.id, name: "Dawit Haile" });
  const unassigned = await buildCase(t.db, { organisationId: org.id, clientId: unassignedClient.id });
  const [note] = await t.db
    .insert(caseNotes)
    .values({ caseId: assigned.id, body: "Traumafolgen, Therapie läuft", special: true })
    .returning();
  const [step] = await t.db
    .insert(caseNextSteps)
    .values({ caseId: assigned.id, title: "Lebenslauf", dueDate: "2020-01-01" })
    .returning();
  const other = await buildOrganisation(t.db);
  const outsider = await buildUser(t.db, { organisationId: other.id, role: "counsellor" });
  return {
    org,
    client,
    unassignedClient,
    assigned,
    unassigned,
    noteId: note?.id ?? "",
    stepId: step?.id ?? "",
    counsellor: await t.loginAs(counsellor.email),
    volunteer: await t.loginAs(volunteer.email),
    volunteerId: volunteer.id,
    outsider: await t.loginAs(outsider.email),
  };
}

let w: Awaited<ReturnType<typeof world>>;
beforeAll(async () => {
  w = await world();
});

const readPaths = (caseId: string) => [
  `/api/cases/${caseId}`,
  `/api/cases/${caseId}/contacts`,
  `/api/cases/${caseId}/notes`,
  `/api/cases/${caseId}/next-steps`,
  `/api/cases/${caseId}/timeline`,
];

describe("a counsellor", () => {
  it("reads every case of the own organisation and its client, special fields included", async () => {
    for (const c of [w.assigned, w.unassigned]) {
      for (const path of readPaths(c.id))
        expect((await w.counsellor.request("GET", path)).statusCode, path).toBe(200);
    }
    const client = await w.counsellor.request("GET", `/api/clients/${w.client.id}`);
    expect(client.json().special.residenceStatus).toBe("residence_permit_humanitarian");
    const notes = await w.counsellor.request("GET", `/api/cases/${w.assigned.id}/notes`);
    expect(notes.json().items).toHaveLength(1);
    expect((await w.counsellor.request("GET", "/api/cases")).json().total).toBe(2);
  });
});

describe("a volunteer", () => {
  it("sees only the cases assigned to them", async () => {
    for (const path of readPaths(w.assigned.id))
      expect((await w.volunteer.request("GET", path)).statusCode, path).toBe(200);
    for (const path of readPaths(w.unassigned.id))
      expect((await w.volunteer.request("GET", path)).statusCode, path).toBe(404);
    expect((await w.volunteer.request("GET", `/api/clients/${w.unassignedClient.id}`)).statusCode).toBe(404);
    const list = await w.volunteer.request("GET", "/api/cases");
    expect(list.json().items.map((i: { id: string }) => i.id)).toEqual([w.assigned.id]);
    expect(list.json().total).toBe(1);
    expect((await w.volunteer.request("GET", "/api/cases", { query: { q: "Dawit" } })).json().total).toBe(0);
    const posted = await w.volunteer.request("POST", `/api/cases/${w.unassigned.id}/notes`, {
      body: { body: "x" },
    });
    expect(posted.statusCode).toBe(404);
  });

  it("never sees special categories", async () => {
    const client = await w.volunteer.request("GET", `/api/clients/${w.client.id}`);
    expect(client.json().special).toBeNull();
    expect(client.body).not.toContain("humanitarian");
    const notes = await w.volunteer.request("GET", `/api/cases/${w.assigned.id}/notes`);
    expect(notes.json().items).toEqual([]);
    const record = await w.volunteer.request("GET", `/api/cases/${w.assigned.id}`);
    expect(record.json().abilities).toMatchObject({ update: false, document: true, readSpecial: false });
  });

  it("documents on an assigned case but neither opens nor changes cases", async () => {
    expect(
      (
        await w.volunteer.request("POST", `/api/cases/${w.assigned.id}/notes`, {
          body: { body: "Begleitung" },
        })
      ).statusCode,
    ).toBe(201);
    const patch = await w.volunteer.request("PATCH", `/api/cases/${w.assigned.id}`, {
      body: { phase: 4 },
      headers: { "if-match": '"1"' },
    });
    expect(patch.statusCode).toBe(403);
    const create = await w.volunteer.request("POST", "/api/cases", { body: { clientId: w.client.id } });
    expect(create.statusCode).toBe(403);
    const assignees = await w.volunteer.request("GET", "/api/cases/assignees");
    expect(assignees.statusCode).toBe(200);
  });
});

describe("roles without counselling", () => {
  for (const role of ["org_admin", "trainer", "company_contact", "network_coordinator"] as Role[]) {
    it(`refuses a ${role} every case route`, async () => {
      const user = await buildUser(t.db, { organisationId: w.org.id, role });
      const agent = await t.loginAs(user.email);
      for (const path of [
        "/api/cases",
        "/api/cases/assignees",
        "/api/deadlines",
        ...readPaths(w.assigned.id),
        `/api/clients/${w.client.id}`,
      ]) {
        const res = await agent.request("GET", path);
        expect(res.statusCode, path).toBe(403);
        expect(res.json().code).toBe("forbidden");
      }
      const created = await agent.request("POST", "/api/cases", { body: { clientId: w.client.id } });
      expect(created.statusCode).toBe(403);
      expect(
        (await agent.request("POST", "/api/clients/duplicate-check", { body: { name: "Zainab Qasemi" } }))
          .statusCode,
      ).toBe(403);
    });
  }
});

describe("a counsellor of another organisation", () => {
  it("finds neither the cases nor the client nor anything documented in them", async () => {
    for (const path of [...readPaths(w.assigned.id), `/api/clients/${w.client.id}`]) {
      const res = await w.outsider.request("GET", path);
      expect(res.statusCode, path).toBe(404);
      expect(res.body).not.toContain("Qasemi");
    }
    const writes = [
      w.outsider.request("PATCH", `/api/cases/${w.assigned.id}`, {
        body: { phase: 5 },
        headers: { "if-match": '"1"' },
      }),
      w.outsider.request("PATCH", `/api/clients/${w.client.id}`, {
        body: { name: "X" },
        headers: { "if-match": '"1"' },
      }),
      w.outsider.request("POST", `/api/cases/${w.assigned.id}/notes`, { body: { body: "x" } }),
      w.outsider.request("POST", `/api/cases/${w.assigned.id}/contacts`, {
        body: {
          date: "2026-01-01",
          mode: "phone",
          durationMinutes: 5,
          counsellingType: "other",
          initiatedBy: "client",
        },
      }),
      w.outsider.request("POST", `/api/cases/${w.assigned.id}/next-steps`, { body: { title: "x" } }),
      w.outsider.request("PATCH", `/api/cases/${w.assigned.id}/next-steps/${w.stepId}`, {
        body: { done: true },
      }),
    ];
    for (const res of await Promise.all(writes)) expect(res.statusCode, res.raw.req.url).toBe(404);
    const [row] = await t.db.select().from(cases).where(eq(cases.id, w.assigned.id));
    expect(row?.version).toBe(1);
  });

  it("never meets them in lists, searches, counts, duplicate checks or deadlines", async () => {
    const list = await w.outsider.request("GET", "/api/cases", { query: { q: "Qasemi" } });
    expect(list.json()).toEqual({ items: [], total: 0 });
    expect((await w.outsider.request("GET", "/api/cases")).json().total).toBe(0);
    const duplicates = await w.outsider.request("POST", "/api/clients/duplicate-check", {
      body: { name: "Zainab Qasemi", dateOfBirth: "1994-07-01" },
    });
    expect(duplicates.json().candidates).toEqual([]);
    const deadlines = await w.outsider.request("GET", "/api/deadlines", { query: { scope: "organisation" } });
    expect(deadlines.json().items).toEqual([]);
    const assignees = await w.outsider.request("GET", "/api/cases/assignees");
    expect(assignees.json().items.map((a: { id: string }) => a.id)).not.toContain(w.volunteerId);
  });
});

describe("the audit log", () => {
  it("has the reads and writes of the organisation's counselling data and no personal values", async () => {
    await w.counsellor.request("GET", `/api/cases/${w.assigned.id}`);
    await w.counsellor.request("POST", `/api/cases/${w.assigned.id}/notes`, {
      body: { body: "Zainab will Pflege" },
    });
    await w.counsellor.request("GET", "/api/cases", { query: { q: "Zainab" } });
    await w.counsellor.request("GET", `/api/deadlines`, { query: { scope: "organisation" } });
    const entries = await t.db.select().from(auditLog).where(eq(auditLog.organisationId, w.org.id));
    const actions = new Set(entries.map((e) => e.action));
    for (const action of [
      "case.read",
      "case.list",
      "client.read",
      "case_note.list",
      "case_note.create",
      "case_contact.list",
      "case_next_step.list",
      "case_timeline.list",
      "deadline.list",
    ]) {
      expect(actions, action).toContain(action);
    }
    const text = JSON.stringify(entries);
    for (const value of [
      "Zainab",
      "Qasemi",
      "zainab.qasemi",
      "Dawit",
      "Traumafolgen",
      "Pflege",
      "Lebenslauf",
      "1994-07-01",
    ]) {
      expect(text, value).not.toContain(value);
    }
  });
});
