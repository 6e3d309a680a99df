import { describe, expect, it } from "vitest";
import { trainingAttendance, trainingEvaluationResponses } from "../../src/server/db/schema.ts";
import type { Home, HomeSection } from "../../src/shared/contracts/home.ts";
import { createTestApp } from "../helpers/app.ts";
import { ok, trainingWorld } from "./trainings-setup.ts";

const t = await createTestApp();

const section = (home: Home, key: HomeSection["key"]) => {
  const s = home.sections.find((x) => x.key === key);
  if (!s) throw new Error(`no section ${key}`);
  return s;
};

describe("the trainer's start page", () => {
  it("shows own cohorts, next sessions, attendance still to enter and evaluations outstanding", async () => {
    // Sessions at day -10, -3 (begun), +4, +11 (coming).
    const w = await trainingWorld(t, { participants: 4, orgs: 2, sessions: 4 });
    const [s1, s2] = w.sessions;
    const [a, b, c, d] = w.people.map((p) => p.participant.id);
    if (!s1 || !s2 || !a || !b || !c || !d) throw new Error("world too small");
    // The first session complete, the second with one of four entries.
    await t.db.insert(trainingAttendance).values([
      ...[a, b, c, d].map((participantId) => ({
        sessionId: s1.id,
        participantId,
        status: "present" as const,
      })),
      { sessionId: s2.id, participantId: a, status: "late" },
    ]);
    // One pre answer of four: three outstanding (the cohort has not ended: no post yet).
    await t.db.insert(trainingEvaluationResponses).values({
      cohortId: w.cohort.id,
      participantId: a,
      phase: "pre",
      locale: "de",
      answers: [],
    });

    const home: Home = await ok((await t.loginAs(w.trainer.email)).request("GET", "/api/home"));
    const cohorts = section(home, "training_cohorts");
    expect(cohorts.count).toBe(1);
    expect(cohorts.items[0]).toMatchObject({ id: w.cohort.id, label: w.cohort.title, count: 4 });
    const next = section(home, "training_sessions_next");
    expect(next.count).toBe(2);
    expect(next.items.map((i) => i.id)).toEqual(w.sessions.slice(2).map((s) => s.id));
    const open = section(home, "training_attendance_open");
    expect(open).toMatchObject({ count: 1, tone: "attention", overdue: 0 });
    expect(open.items[0]).toMatchObject({
      id: s2.id,
      count: 3,
      to: `/trainings/cohorts/${w.cohort.id}?tab=attendance&session=${s2.id}`,
    });
    const evaluations = section(home, "training_evaluations_open");
    expect(evaluations.count).toBe(3);
    expect(evaluations.items[0]).toMatchObject({ id: w.cohort.id, count: 3 });
    // No participant is named on the start page.
    expect(JSON.stringify(home)).not.toContain(w.people[0]?.user.name);
    // The organisation's sections stay.
    section(home, "organisation_offers");

    // The other trainer sees only their own cohort.
    const other: Home = await ok((await t.loginAs(w.otherTrainer.email)).request("GET", "/api/home"));
    expect(section(other, "training_cohorts").items.map((i) => i.id)).toEqual([w.otherCohort.id]);
    expect(section(other, "training_attendance_open").count).toBe(0);
  });
});
