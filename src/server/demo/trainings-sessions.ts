import { and, asc, eq, inArray } from "drizzle-orm";
import type { Tx } from "#server/db/client.ts";
import {
  trainingAttendance,
  trainingCohorts,
  trainingCohortTrainers,
  trainingGoals,
  trainingParticipants,
  trainingProgrammes,
  trainingSessions,
} from "#server/modules/trainings/tables.ts";
import type { AttendanceStatus } from "#shared/trainings.ts";

/**
 * Sessions and attendance of the demo cohorts (made by the core part; looked up by title, nothing
 * happens without them): the completed Diversity cohort with every session held and recorded
 * (a few participants below the certificate rule), the running KomBI cohort with its past sessions
 * recorded except the latest (so the trainer's start page has work), one coming session moved and
 * one cancelled (so the feeds show SEQUENCE and STATUS:CANCELLED). Deterministic patterns.
 */

export const DEMO_SESSION_COHORTS = {
  completed: "Diversity-Beratung in eigener Organisation 2026/1",
  running: "KomBI-Laufbahnberatung Herbst 2026",
} as const;

const TOPICS = {
  completed: [
    "Auftakt: Diversität in der eigenen Organisation",
    "Rechtliche Grundlagen: AGG und Anerkennung",
    "Vielfaltsorientierte Personalgewinnung",
    "Interkulturelle Öffnung von Teams",
    "Beratungssituationen im Betrieb",
    "Diversity-Check der eigenen Organisation",
    "Transfer und Abschluss",
  ],
  running: [
    "Auftakt: die IQ-Prozesskette",
    "Angebote verzahnen: wer macht was?",
    "Verweisberatung koordinieren",
    "Schnittstellen zwischen Akteursgruppen",
    "Kompetenzen dokumentieren und nutzen",
    "Fallwerkstatt: Übergänge gestalten",
    "Abschluss und Netzwerkvereinbarungen",
  ],
};

const DAY = 86_400_000;

/** Attendance by a fixed pattern: a few late, excused or absent; some participants often missing. */
function statusOf(person: number, session: number): AttendanceStatus {
  if (person % 7 === 3 && session % 2 === 1) return "absent";
  if (person % 7 === 5 && session % 3 === 0) return "excused";
  if ((person + session) % 9 === 4) return "late";
  if ((person * 3 + session) % 17 === 8) return "absent";
  return "present";
}

async function seedCohort(tx: Tx, title: string, topics: string[], running: boolean) {
  const [found] = await tx
    .select({ cohort: trainingCohorts, programme: trainingProgrammes })
    .from(trainingCohorts)
    .innerJoin(trainingProgrammes, eq(trainingProgrammes.id, trainingCohorts.programmeId))
    .where(eq(trainingCohorts.title, title));
  if (!found) return;
  const { cohort, programme } = found;
  const existing = await tx
    .select({ id: trainingSessions.id })
    .from(trainingSessions)
    .where(eq(trainingSessions.cohortId, cohort.id))
    .limit(1);
  if (existing.length > 0) return;
  const [trainer] = await tx
    .select({ userId: trainingCohortTrainers.userId })
    .from(trainingCohortTrainers)
    .where(eq(trainingCohortTrainers.cohortId, cohort.id));
  const goals = await tx
    .select({ id: trainingGoals.id })
    .from(trainingGoals)
    .where(eq(trainingGoals.programmeId, programme.id))
    .orderBy(asc(trainingGoals.position));
  const count = topics.length;
  const hours = Math.max(2, Math.min(8, Math.round(programme.hours / count)));
  const first = Date.parse(`${cohort.startsOn}T08:00:00Z`);
  const last = Date.parse(`${cohort.endsOn}T08:00:00Z`);
  const step = count > 1 ? Math.floor((last - first) / DAY / (count - 1)) * DAY : 0;
  const now = Date.now();
  const rows = topics.map((topic, i) => {
    const startsAt = new Date(first + i * step);
    const past = startsAt.getTime() < now;
    return {
      cohortId: cohort.id,
      startsAt,
      endsAt: new Date(startsAt.getTime() + hours * 3_600_000),
      topic,
      goalIds:
        goals.length > 0 ? [goals[i % goals.length]?.id ?? "", goals[(i + 1) % goals.length]?.id ?? ""] : [],
      place: cohort.online ? null : cohort.location,
      status: past ? ("held" as const) : ("planned" as const),
    };
  });
  const sessions = await tx.insert(trainingSessions).values(rows).returning();
  sessions.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  const people = await tx
    .select({ id: trainingParticipants.id })
    .from(trainingParticipants)
    .where(and(eq(trainingParticipants.cohortId, cohort.id), eq(trainingParticipants.status, "enrolled")))
    .orderBy(asc(trainingParticipants.createdAt), asc(trainingParticipants.id));
  const held = sessions.filter((s) => s.status === "held");
  // The running cohort's latest held session waits for its attendance (the start page shows it).
  const recorded = running ? held.slice(0, -1) : held;
  const entries = recorded.flatMap((s, si) =>
    people.map((p, pi) => ({
      sessionId: s.id,
      participantId: p.id,
      status: statusOf(pi, si),
      recordedAt: new Date(s.endsAt.getTime()),
      recordedBy: trainer?.userId ?? null,
    })),
  );
  if (entries.length > 0) await tx.insert(trainingAttendance).values(entries);
  if (running) {
    const coming = sessions.filter((s) => s.status === "planned");
    const [moved, cancelled] = coming;
    // A coming session moved by a day (within the cohort), another cancelled: both stay in the feed.
    if (moved && moved.startsAt.getTime() + DAY <= Date.parse(`${cohort.endsOn}T23:00:00Z`)) {
      await tx
        .update(trainingSessions)
        .set({
          startsAt: new Date(moved.startsAt.getTime() + DAY),
          endsAt: new Date(moved.endsAt.getTime() + DAY),
          sequence: 1,
          version: 2,
        })
        .where(eq(trainingSessions.id, moved.id));
    }
    if (cancelled && coming.length > 2) {
      await tx
        .update(trainingSessions)
        .set({ status: "cancelled", sequence: 1, version: 2 })
        .where(inArray(trainingSessions.id, [cancelled.id]));
    }
  }
}

/** Sessions and attendance of the demo cohorts; does nothing if the core's demo cohorts are absent. */
export async function seedDemoTrainingsSessions(tx: Tx, _idOf: Map<string, string>): Promise<void> {
  await seedCohort(tx, DEMO_SESSION_COHORTS.completed, TOPICS.completed, false);
  await seedCohort(tx, DEMO_SESSION_COHORTS.running, TOPICS.running, true);
}
