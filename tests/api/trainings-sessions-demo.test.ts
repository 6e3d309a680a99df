import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { trainingAttendance, trainingCohorts, trainingSessions } from "../../src/server/db/schema.ts";
import { DEMO_SESSION_COHORTS, seedDemoTrainingsSessions } from "../../src/server/demo/trainings-sessions.ts";
import { attendanceTotals } from "../../src/server/modules/trainings/totals.ts";
import { createTestApp } from "../helpers/app.ts";
import { day, trainingWorld } from "./trainings-setup.ts";

const t = await createTestApp();

describe("demo sessions and attendance", () => {
  it("does nothing without the demo cohorts", async () => {
    const before = await t.db.select().from(trainingSessions);
    await t.db.transaction((tx) => seedDemoTrainingsSessions(tx, new Map()));
    expect(await t.db.select().from(trainingSessions)).toHaveLength(before.length);
  });

  it("fills the completed and the running cohort, once", async () => {
    const done = await trainingWorld(t, { participants: 14, orgs: 8, sessions: 1 });
    const running = await trainingWorld(t, { participants: 12, orgs: 5, sessions: 1 });
    // The demo cohorts as the core part makes them: looked up by title.
    for (const [w, title, from, to] of [
      [done, DEMO_SESSION_COHORTS.completed, day(-150), day(-60)],
      [running, DEMO_SESSION_COHORTS.running, day(-42), day(28)],
    ] as const) {
      await t.db.delete(trainingSessions).where(eq(trainingSessions.cohortId, w.cohort.id));
      await t.db
        .update(trainingCohorts)
        .set({
          title,
          startsOn: from,
          endsOn: to,
          status: title === DEMO_SESSION_COHORTS.completed ? "completed" : "running",
        })
        .where(eq(trainingCohorts.id, w.cohort.id));
    }
    await t.db.transaction((tx) => seedDemoTrainingsSessions(tx, new Map()));
    await t.db.transaction((tx) => seedDemoTrainingsSessions(tx, new Map()));

    const doneSessions = await t.db
      .select()
      .from(trainingSessions)
      .where(eq(trainingSessions.cohortId, done.cohort.id));
    expect(doneSessions).toHaveLength(7);
    expect(doneSessions.every((s) => s.status === "held")).toBe(true);
    const totals = [...(await attendanceTotals(t.db, done.cohort.id)).values()];
    expect(totals).toHaveLength(14);
    expect(totals.every((x) => x.unrecorded === 0 && x.sessionsHeld === 7)).toBe(true);
    const below = totals.filter((x) => x.percent < 75).length;
    expect(below).toBeGreaterThan(0);
    expect(below).toBeLessThan(5);

    const runSessions = await t.db
      .select()
      .from(trainingSessions)
      .where(eq(trainingSessions.cohortId, running.cohort.id));
    expect(runSessions).toHaveLength(7);
    expect(runSessions.some((s) => s.status === "cancelled" && s.sequence === 1)).toBe(true);
    expect(runSessions.some((s) => s.status === "planned" && s.sequence === 1)).toBe(true);
    for (const s of runSessions) {
      expect(
        s.startsAt.toISOString().slice(0, 10) >= day(-42) && s.startsAt.toISOString().slice(0, 10) <= day(28),
      ).toBe(true);
    }
    const held = runSessions.filter((s) => s.status === "held").sort((a, b) => +a.startsAt - +b.startsAt);
    const latest = held[held.length - 1];
    expect(
      latest &&
        (await t.db.select().from(trainingAttendance).where(eq(trainingAttendance.sessionId, latest.id))),
    ).toEqual([]);
    const first = held[0];
    expect(
      first &&
        (await t.db.select().from(trainingAttendance).where(eq(trainingAttendance.sessionId, first.id))),
    ).toHaveLength(12);
  });
});
