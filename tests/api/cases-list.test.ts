import { and, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditLog, caseNextSteps, cases } from "../../src/server/db/schema.ts";
import { type Agent, createTestApp } from "../helpers/app.ts";
import { buildCase, buildClient } from "../helpers/case-factories.ts";
import { buildOrganisation, buildUser } from "../helpers/factories.ts";

const t = await createTestApp();

/** A day relative to today in the network's time zone, as the server counts it. */
async function day(offset: number): Promise<string> {
  const { rows } = await t.db.execute<{ d: string }>(
    sql`select ((now() at time zone 'Europe/Berlin')::date + ${offset}::int)::text as d`,
  );
  return rows[0]?.d ?? "";
}

type Setup = {
  agent: Agent;
  me: string;
  colleague: string;
  ids: Record<"overdue" | "soon" | "later" | "quiet" | "unassigned" | "closed", string>;
  orgId: string;
};

/** One organisation with six cases whose next steps fall in different windows. */
async function organisationWithCases(): Promise<Setup> {
  const org = await buildOrganisation(t.db);
  const me = await buildUser(t.db, { organisationId: org.id, role: "counsellor" });
  const colleague = await buildUser(t.db, { organisationId: org.id, role: "counsellor" });
  const make = async (name: string, opts: Partial<typeof cases.$inferInsert>, due: (number | "done")[]) => {
    const client = await buildClient(t.db, { organisationId: org.id, name });
    const record = await buildCase(t.db, { organisationId: org.id, clientId: client.id, ...opts });
    for (const d of due) {
      await t.db.insert(caseNextSteps).values({
        caseId: record.id,
        title: "Schritt",
        dueDate: await day(d === "done" ? -30 : d),
        doneAt: d === "done" ? new Date() : null,
      });
    }
    return record.id;
  };
  const ids = {
    overdue: await make("Lina Haddad", { assigneeUserId: me.id, phase: 2 }, [-3, 10, "done"]),
    soon: await make("Omar Haddad", { assigneeUserId: colleague.id, phase: 2 }, [3]),
    later: await make("Tran Van Minh", { assigneeUserId: me.id, phase: 3 }, [20]),
    quiet: await make("Aisha 100% Rahimi", { assigneeUserId: me.id, phase: 1 }, ["done"]),
    unassigned: await make("Mariam Tesfay", { assigneeUserId: null, phase: 1 }, []),
    closed: await make(
      "Oleksandr Bondar",
      { assigneeUserId: me.id, status: "closed", outcome: "employed" },
      [],
    ),
  };
  // The quiet case was worked on last: it leads the cases without a due date.
  await t.db
    .update(cases)
    .set({ updatedAt: sql`now() + interval '1 minute'` })
    .where(eq(cases.id, ids.quiet));
  return { agent: await t.loginAs(me.email), me: me.id, colleague: colleague.id, ids, orgId: org.id };
}

let s: Setup;
beforeAll(async () => {
  s = await organisationWithCases();
});

const list = async (query: Record<string, string> = {}) => {
  const res = await s.agent.request("GET", "/api/cases", { query });
  expect(res.statusCode).toBe(200);
  return res.json() as { items: { id: string; nextDue: string | null; clientName: string }[]; total: number };
};

describe("the case list", () => {
  it("puts the earliest open due date first, then the recently worked on", async () => {
    const body = await list();
    const { ids } = s;
    expect(body.items.map((i) => i.id)).toEqual([
      ids.overdue,
      ids.soon,
      ids.later,
      ids.quiet,
      ...body.items.slice(4).map((i) => i.id),
    ]);
    expect(
      body.items
        .slice(4)
        .map((i) => i.id)
        .sort(),
    ).toEqual([ids.unassigned, ids.closed].sort());
    expect(body.total).toBe(6);
    expect(body.items[0]).toMatchObject({
      clientName: "Lina Haddad",
      nextDue: await day(-3),
      phase: 2,
      status: "open",
    });
    expect(body.items.find((i) => i.id === ids.quiet)?.nextDue).toBeNull();
  });

  it("pages and still counts every match", async () => {
    const body = await list({ limit: "2", offset: "1" });
    expect(body.items.map((i) => i.id)).toEqual([s.ids.soon, s.ids.later]);
    expect(body.total).toBe(6);
  });

  it("finds cases by part of the client's name or by a pseudonym, taking the text literally", async () => {
    expect((await list({ q: "haddad" })).items.map((i) => i.id).sort()).toEqual(
      [s.ids.overdue, s.ids.soon].sort(),
    );
    const [row] = await t.db.select().from(cases).where(eq(cases.id, s.ids.later));
    expect((await list({ q: row?.pseudonym.slice(2, 7) ?? "" })).items.map((i) => i.id)).toEqual([
      s.ids.later,
    ]);
    expect((await list({ q: "100%" })).items.map((i) => i.id)).toEqual([s.ids.quiet]);
    expect((await list({ q: "%" })).total).toBe(1);
  });

  it("filters by phase, status and assignee", async () => {
    expect((await list({ phase: "2" })).total).toBe(2);
    expect((await list({ status: "closed" })).items.map((i) => i.id)).toEqual([s.ids.closed]);
    expect((await list({ assignee: "none" })).items.map((i) => i.id)).toEqual([s.ids.unassigned]);
    expect((await list({ assignee: s.colleague })).items.map((i) => i.id)).toEqual([s.ids.soon]);
    expect((await list({ assignee: "me" })).total).toBe(4);
  });

  it("filters by open next steps in a window", async () => {
    expect((await list({ due: "overdue" })).items.map((i) => i.id)).toEqual([s.ids.overdue]);
    expect((await list({ due: "next_7_days" })).items.map((i) => i.id)).toEqual([s.ids.soon]);
    expect((await list({ due: "any_open" })).items.map((i) => i.id)).toEqual([
      s.ids.overdue,
      s.ids.soon,
      s.ids.later,
    ]);
  });

  it("writes one audit entry per list read, with the cases shown and no search text", async () => {
    const before = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "case.list"), eq(auditLog.actorUserId, s.me)));
    await list({ q: "Haddad", limit: "1" });
    const after = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "case.list"), eq(auditLog.actorUserId, s.me)))
      .orderBy(auditLog.id);
    expect(after).toHaveLength(before.length + 1);
    const entry = after.at(-1);
    expect(entry?.organisationId).toBe(s.orgId);
    expect(entry?.details).toEqual({ caseIds: [s.ids.overdue], total: 2, filters: ["q"] });
    expect(JSON.stringify(entry)).not.toContain("Haddad");
  });

  it("rejects an unknown filter value", async () => {
    const res = await s.agent.request("GET", "/api/cases", { query: { assignee: "someone" } });
    expect(res.statusCode).toBe(400);
  });
});
