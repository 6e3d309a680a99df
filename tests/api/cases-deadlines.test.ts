import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { caseNextSteps, qualifications, recognitionProcedures } from "../../src/server/db/schema.ts";
import { createTestApp } from "../helpers/app.ts";
import { buildCase, buildClient } from "../helpers/case-factories.ts";
import { buildOrganisation, buildUser } from "../helpers/factories.ts";

const t = await createTestApp();

/** A date computed by the database relative to today in the network's time zone. */
async function date(expression: string): Promise<string> {
  const today = "(now() at time zone 'Europe/Berlin')::date";
  const { rows } = await t.db.execute<{ d: string }>(
    sql.raw(`select (${expression.replaceAll("today", today)})::date::text as d`),
  );
  return rows[0]?.d ?? "";
}

type Item = {
  kind: string;
  dueDate: string;
  overdue: boolean;
  subjectId: string;
  caseId: string | null;
  title: string;
};

async function setup() {
  const org = await buildOrganisation(t.db);
  const me = await buildUser(t.db, { organisationId: org.id, role: "counsellor" });
  const colleague = await buildUser(t.db, { organisationId: org.id, role: "counsellor" });
  const volunteer = await buildUser(t.db, { organisationId: org.id, role: "volunteer" });
  const client = await buildClient(t.db, { organisationId: org.id, name: "Nadia Rahimi" });
  const mine = await buildCase(t.db, { organisationId: org.id, clientId: client.id, assigneeUserId: me.id });
  const theirs = await buildCase(t.db, { organisationId: org.id, assigneeUserId: colleague.id });
  const closed = await buildCase(t.db, {
    organisationId: org.id,
    assigneeUserId: me.id,
    status: "closed",
    outcome: "other",
  });
  const volunteers = await buildCase(t.db, { organisationId: org.id, assigneeUserId: volunteer.id });
  const step = async (caseId: string, title: string, due: string | null, done = false) => {
    const [row] = await t.db
      .insert(caseNextSteps)
      .values({ caseId, title, dueDate: due ? await date(due) : null, doneAt: done ? new Date() : null })
      .returning();
    return row?.id ?? "";
  };
  const [q] = await t.db
    .insert(qualifications)
    .values({ organisationId: org.id, clientId: client.id, originalTitle: "Diplom", country: "AF" })
    .returning();
  const procedure = async (values: Partial<typeof recognitionProcedures.$inferInsert>) => {
    const [row] = await t.db
      .insert(recognitionProcedures)
      .values({
        organisationId: org.id,
        qualificationId: q?.id ?? "",
        referenceOccupationCode: "81302",
        referenceOccupationTitle: "Pflegefachfrau",
        regulated: true,
        ...values,
      })
      .returning();
    return row?.id ?? "";
  };
  const ids = {
    overdueStep: await step(mine.id, "Zeugnisse übersetzen", "today - 5"),
    soonStep: await step(mine.id, "Termin Kammer", "today + 10"),
    farStep: await step(mine.id, "Später", "today + 60"),
    doneStep: await step(mine.id, "Erledigt", "today - 2", true),
    undatedStep: await step(mine.id, "Ohne Datum", null),
    colleagueStep: await step(theirs.id, "Kollegin", "today + 3"),
    closedStep: await step(closed.id, "Abgeschlossen", "today - 1"),
    volunteerStep: await step(volunteers.id, "Begleitung", "today + 1"),
    decisionSoon: await procedure({
      caseId: mine.id,
      state: "documents_complete",
      documentsCompleteAt: await date("(today - interval '3 months')::date + 20"),
    }),
    decisionOverdue: await procedure({
      caseId: theirs.id,
      state: "documents_complete",
      documentsCompleteAt: await date("today - interval '4 months'"),
    }),
    decisionFar: await procedure({
      caseId: mine.id,
      state: "documents_complete",
      documentsCompleteAt: await date("today - interval '1 month'"),
    }),
    decisionDone: await procedure({
      caseId: mine.id,
      state: "decided",
      documentsCompleteAt: await date("today - interval '4 months'"),
    }),
    permitSoon: await procedure({
      caseId: mine.id,
      state: "measure_in_progress",
      permit16dUntil: await date("today + 30"),
    }),
    permitFinal: await procedure({
      caseId: mine.id,
      state: "employed_at_level",
      permit16dUntil: await date("today + 5"),
    }),
    permitNoCase: await procedure({
      caseId: null,
      state: "applied",
      permit16dUntil: await date("today - 2"),
    }),
  };
  return {
    ids,
    mineId: mine.id,
    me: await t.loginAs(me.email),
    volunteer: await t.loginAs(volunteer.email),
  };
}

let s: Awaited<ReturnType<typeof setup>>;
beforeAll(async () => {
  s = await setup();
});

const deadlines = async (agent: typeof s.me, scope?: string) => {
  const res = await agent.request("GET", "/api/deadlines", { query: scope ? { scope } : {} });
  expect(res.statusCode).toBe(200);
  return res.json().items as Item[];
};

describe("the deadlines", () => {
  it("of my cases: open next steps, decisions due and permits ending, by due date", async () => {
    const items = await deadlines(s.me);
    expect(items.map((i) => [i.kind, i.subjectId])).toEqual([
      ["next_step", s.ids.overdueStep],
      ["next_step", s.ids.soonStep],
      ["authority_decision", s.ids.decisionSoon],
      ["permit_16d", s.ids.permitSoon],
    ]);
    expect(items[0]).toMatchObject({
      overdue: true,
      dueDate: await date("today - 5"),
      caseId: s.mineId,
      title: "Zeugnisse übersetzen",
    });
    expect(items[1]?.overdue).toBe(false);
    expect(items[2]).toMatchObject({
      dueDate: await date("(today - interval '3 months')::date + 20 + interval '3 months'"),
      title: "Pflegefachfrau",
      overdue: false,
    });
    expect(items[3]?.dueDate).toBe(await date("today + 30"));
  });

  it("of the organisation: every case, and procedures without a case", async () => {
    const items = await deadlines(s.me, "organisation");
    expect(items.map((i) => i.subjectId).sort()).toEqual(
      [
        s.ids.overdueStep,
        s.ids.soonStep,
        s.ids.colleagueStep,
        s.ids.volunteerStep,
        s.ids.decisionSoon,
        s.ids.decisionOverdue,
        s.ids.permitSoon,
        s.ids.permitNoCase,
      ].sort(),
    );
    const dates = items.map((i) => i.dueDate);
    expect(dates).toEqual([...dates].sort());
    const overdueDecision = items.find((i) => i.subjectId === s.ids.decisionOverdue);
    expect(overdueDecision).toMatchObject({ kind: "authority_decision", overdue: true });
    expect(items.find((i) => i.subjectId === s.ids.permitNoCase)).toMatchObject({
      caseId: null,
      overdue: true,
    });
  });

  it("of a volunteer: only the cases assigned to them, whatever the scope", async () => {
    for (const scope of ["mine", "organisation"]) {
      expect((await deadlines(s.volunteer, scope)).map((i) => i.subjectId)).toEqual([s.ids.volunteerStep]);
    }
  });
});
