import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { trainingAttendance, trainingParticipants, trainingSessions } from "../../src/server/db/schema.ts";
import { attendanceTotals } from "../../src/server/modules/trainings/totals.ts";
import { createTestApp } from "../helpers/app.ts";
import { day, trainingWorld } from "./trainings-setup.ts";

const t = await createTestApp();

describe("attendanceTotals", () => {
  it("counts begun, not cancelled sessions; present and late attend; hours by the sessions' length", async () => {
    // Sessions at day -10, -3 (held, 3 h each), +4, +11 (coming: do not count yet).
    const w = await trainingWorld(t, { participants: 4, orgs: 2, sessions: 4 });
    const [s1, s2, s3] = w.sessions;
    const [a, b, c, d] = w.people.map((p) => p.participant.id);
    if (!s1 || !s2 || !s3 || !a || !b || !c || !d) throw new Error("world too small");
    // A cancelled past session of 2 hours counts for nothing, even with entries.
    const [cancelled] = await t.db
      .insert(trainingSessions)
      .values({
        cohortId: w.cohort.id,
        startsAt: new Date(`${day(-5)}T09:00:00Z`),
        endsAt: new Date(`${day(-5)}T11:00:00Z`),
        topic: "Ausgefallen",
        status: "cancelled",
      })
      .returning();
    if (!cancelled) throw new Error("no session");
    // A withdrawn participant gets no total.
    const [gone] = await t.db
      .insert(trainingParticipants)
      .values({
        cohortId: w.cohort.id,
        name: "Zurückgezogen",
        email: `gone-${w.tag}@example.org`,
        organisationName: "X",
        organisationType: "company",
        role: "staff",
        status: "withdrawn",
      })
      .returning();
    await t.db.insert(trainingAttendance).values([
      { sessionId: s1.id, participantId: a, status: "present" },
      { sessionId: s2.id, participantId: a, status: "present" },
      { sessionId: s1.id, participantId: b, status: "late" },
      { sessionId: s2.id, participantId: b, status: "absent" },
      { sessionId: s1.id, participantId: c, status: "excused" },
      { sessionId: cancelled.id, participantId: c, status: "present" },
      { sessionId: s3.id, participantId: d, status: "present" },
    ]);

    const totals = await attendanceTotals(t.db, w.cohort.id);
    expect(totals.size).toBe(4);
    expect(gone && totals.has(gone.id)).toBe(false);
    expect(totals.get(a)).toMatchObject({
      sessionsHeld: 2,
      hoursHeld: 6,
      sessionsAttended: 2,
      hoursAttended: 6,
      late: 0,
      absent: 0,
      unrecorded: 0,
      percent: 100,
    });
    expect(totals.get(b)).toMatchObject({
      sessionsAttended: 1,
      hoursAttended: 3,
      late: 1,
      absent: 1,
      percent: 50,
    });
    expect(totals.get(c)).toMatchObject({ sessionsAttended: 0, excused: 1, unrecorded: 1, percent: 0 });
    // An entry for a session not yet begun does not count.
    expect(totals.get(d)).toMatchObject({ sessionsHeld: 2, sessionsAttended: 0, unrecorded: 2, percent: 0 });

    const some = await attendanceTotals(t.db, w.cohort.id, [b]);
    expect([...some.keys()]).toEqual([b]);
    expect((await attendanceTotals(t.db, w.cohort.id, [])).size).toBe(0);
    // Another cohort's participant is never counted here.
    expect((await attendanceTotals(t.db, w.cohort.id, [w.otherParticipant?.id ?? ""])).size).toBe(0);
  });

  it("gives 0 % when no session counts yet, and rounds to one decimal", async () => {
    const w = await trainingWorld(t, { participants: 1, orgs: 1, sessions: 1 });
    const [p] = w.people;
    if (!p) throw new Error("no person");
    // The world's one session, cancelled: none counts.
    await t.db
      .update(trainingSessions)
      .set({ status: "cancelled" })
      .where(eq(trainingSessions.cohortId, w.cohort.id));
    expect((await attendanceTotals(t.db, w.cohort.id)).get(p.participant.id)).toMatchObject({
      sessionsHeld: 0,
      percent: 0,
    });
    const sessions = await t.db
      .insert(trainingSessions)
      .values(
        [-9, -8, -7].map((offset) => ({
          cohortId: w.cohort.id,
          startsAt: new Date(`${day(offset)}T09:00:00Z`),
          endsAt: new Date(`${day(offset)}T10:30:00Z`),
          topic: `T ${offset}`,
          status: "held" as const,
        })),
      )
      .returning();
    await t.db
      .insert(trainingAttendance)
      .values({ sessionId: sessions[0]?.id ?? "", participantId: p.participant.id, status: "present" });
    expect((await attendanceTotals(t.db, w.cohort.id)).get(p.participant.id)).toMatchObject({
      sessionsHeld: 3,
      hoursHeld: 4.5,
      hoursAttended: 1.5,
      percent: 33.3,
    });
  });
});
