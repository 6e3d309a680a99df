import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Tx } from "#server/db/client.ts";
import {
  type CohortRelation,
  cohortRelation,
  participantScope,
  teachingCohort,
} from "#server/modules/trainings/access.ts";
import {
  trainingAttendance,
  type trainingCohorts,
  trainingGoals,
  trainingParticipants,
  trainingSessions,
} from "#server/modules/trainings/tables.ts";
import { audit } from "#server/platform/audit.ts";
import type { Ctx } from "#server/platform/context.ts";
import { AppError, invalidField, notFound } from "#server/platform/errors.ts";
import { translator } from "#server/platform/i18n.ts";
import { enqueueMail, type Mailer } from "#server/platform/mail.ts";
import { users } from "#server/platform/tables.ts";
import { staleVersion } from "#server/platform/versioning.ts";
import type { SessionCreate, SessionUpdate, TrainingSession } from "#shared/contracts/trainings-sessions.ts";
import type { Locale } from "#shared/domain.ts";

/**
 * Sessions of a cohort: those who teach add, change and cancel them. A session never leaves the
 * cohort's dates, covers only goals of the cohort's programme, and is never deleted: a cancelled
 * one stays, so that the iCal feeds can say so. Moving or cancelling one mails the participants.
 */

type SessionRow = typeof trainingSessions.$inferSelect;
type CohortRow = typeof trainingCohorts.$inferSelect;

/** The calendar day of a moment in the network's time zone. */
export const berlinDay = (d: Date) => d.toLocaleDateString("sv-SE", { timeZone: "Europe/Berlin" });
const berlinTime = (d: Date) =>
  d.toLocaleTimeString("de-DE", { timeZone: "Europe/Berlin", hour: "2-digit", minute: "2-digit" });

export function present(s: SessionRow, recorded = 0): TrainingSession {
  return {
    id: s.id,
    cohortId: s.cohortId,
    startsAt: s.startsAt.toISOString(),
    endsAt: s.endsAt.toISOString(),
    topic: s.topic,
    goalIds: s.goalIds,
    place: s.place,
    status: s.status,
    sequence: s.sequence,
    recorded,
    version: s.version,
  };
}

/** How many attendance entries per session the caller sees. */
async function recordedCounts(ctx: Ctx, relation: CohortRelation, sessionIds: string[]) {
  if (sessionIds.length === 0) return new Map<string, number>();
  const rows = await ctx.db
    .select({ sessionId: trainingAttendance.sessionId, n: sql<number>`count(*)::int` })
    .from(trainingAttendance)
    .innerJoin(trainingParticipants, eq(trainingParticipants.id, trainingAttendance.participantId))
    .where(
      and(
        inArray(trainingAttendance.sessionId, sessionIds),
        eq(trainingParticipants.status, "enrolled"),
        participantScope(ctx, relation),
      ),
    )
    .groupBy(trainingAttendance.sessionId);
  return new Map(rows.map((r) => [r.sessionId, r.n]));
}

/** The cohort's sessions in order (every relation to the cohort sees them). */
export async function listSessions(ctx: Ctx & { cohortId: string }) {
  const { relation } = await cohortRelation(ctx, ctx.cohortId);
  const rows = await ctx.db
    .select()
    .from(trainingSessions)
    .where(eq(trainingSessions.cohortId, ctx.cohortId))
    .orderBy(asc(trainingSessions.startsAt));
  const counts = await recordedCounts(
    ctx,
    relation,
    rows.map((r) => r.id),
  );
  return { items: rows.map((r) => present(r, counts.get(r.id) ?? 0)) };
}

/** A session and the caller's relation to its cohort; 404 without relation. */
export async function sessionWithRelation(ctx: Ctx, sessionId: string) {
  const [session] = await ctx.db.select().from(trainingSessions).where(eq(trainingSessions.id, sessionId));
  if (!session) throw notFound();
  const found = await cohortRelation(ctx, session.cohortId);
  return { session, ...found };
}

/** A session of a cohort the caller runs; 404 without relation, 403 for other relations. */
export async function teachingSession(ctx: Ctx, sessionId: string) {
  const [session] = await ctx.db.select().from(trainingSessions).where(eq(trainingSessions.id, sessionId));
  if (!session) throw notFound();
  const found = await teachingCohort(ctx, session.cohortId);
  return { session, ...found };
}

function assertInside(cohort: CohortRow, startsAt: Date, endsAt: Date) {
  if (berlinDay(startsAt) < cohort.startsOn || berlinDay(startsAt) > cohort.endsOn) {
    throw invalidField("startsAt", "trainings.sessions.outside_cohort");
  }
  if (berlinDay(endsAt) > cohort.endsOn) throw invalidField("endsAt", "trainings.sessions.outside_cohort");
  if (endsAt.getTime() - startsAt.getTime() > 24 * 3_600_000) {
    throw invalidField("endsAt", "trainings.sessions.too_long");
  }
}

async function assertGoals(db: Tx, cohort: CohortRow, goalIds: string[]) {
  if (goalIds.length === 0) return;
  if (new Set(goalIds).size !== goalIds.length)
    throw invalidField("goalIds", "trainings.sessions.goal_foreign");
  const found = await db
    .select({ id: trainingGoals.id })
    .from(trainingGoals)
    .where(and(eq(trainingGoals.programmeId, cohort.programmeId), inArray(trainingGoals.id, goalIds)));
  if (found.length !== goalIds.length) throw invalidField("goalIds", "trainings.sessions.goal_foreign");
}

export async function createSession(ctx: Ctx & { cohortId: string; input: SessionCreate }) {
  const { cohort } = await teachingCohort(ctx, ctx.cohortId);
  const startsAt = new Date(ctx.input.startsAt);
  const endsAt = new Date(ctx.input.endsAt);
  assertInside(cohort, startsAt, endsAt);
  if (cohort.status === "cancelled") throw new AppError(422, "trainings.sessions.cohort_cancelled");
  return ctx.db.transaction(async (tx) => {
    await assertGoals(tx, cohort, ctx.input.goalIds);
    const [row] = await tx
      .insert(trainingSessions)
      .values({
        cohortId: cohort.id,
        startsAt,
        endsAt,
        topic: ctx.input.topic,
        goalIds: ctx.input.goalIds,
        place: ctx.input.place || null,
      })
      .returning();
    if (!row) throw new Error("insert returned nothing");
    await audit(tx, ctx, {
      action: "training_session.create",
      entity: "training_session",
      entityId: row.id,
      organisationId: cohort.organisationId,
      details: { cohortId: cohort.id },
    });
    return present(row);
  });
}

/** Mails the enrolled participants (and waitlisted ones) that a session was moved or cancelled. */
async function mailParticipants(
  tx: Tx,
  p: { mailer: Pick<Mailer, "delivers">; publicUrl: string },
  cohort: CohortRow,
  before: SessionRow,
  after: SessionRow,
  note: string | undefined,
) {
  const people = await tx
    .select({ email: trainingParticipants.email, locale: users.locale })
    .from(trainingParticipants)
    .leftJoin(users, eq(users.id, trainingParticipants.userId))
    .where(
      and(
        eq(trainingParticipants.cohortId, cohort.id),
        inArray(trainingParticipants.status, ["enrolled", "waitlisted"]),
      ),
    );
  const when = (s: SessionRow) =>
    `${berlinDay(s.startsAt)} ${berlinTime(s.startsAt)}–${berlinTime(s.endsAt)}${s.place ? `, ${s.place}` : ""}`;
  for (const person of people) {
    const t = translator((person.locale as Locale | null) ?? "de");
    const cancelled = after.status === "cancelled";
    await enqueueMail(tx, p.mailer, {
      to: person.email,
      template: "training_session_changed",
      organisationId: cohort.organisationId,
      subject: t(
        cancelled ? "trainings.sessions.mail.cancelledSubject" : "trainings.sessions.mail.movedSubject",
        { cohort: cohort.title, topic: after.topic },
      ),
      body: t(cancelled ? "trainings.sessions.mail.cancelledBody" : "trainings.sessions.mail.movedBody", {
        cohort: cohort.title,
        topic: after.topic,
        before: when(before),
        after: when(after),
        note: note ? `\n\n${note}` : "",
        link: `${p.publicUrl}/trainings/mine`,
      }),
    });
  }
  return people.length;
}

export async function updateSession(
  ctx: Ctx & {
    sessionId: string;
    version: number;
    input: SessionUpdate;
    mailer: Pick<Mailer, "delivers">;
    publicUrl: string;
  },
) {
  const { session, cohort } = await teachingSession(ctx, ctx.sessionId);
  if (session.status === "cancelled") throw new AppError(422, "trainings.sessions.cancelled");
  // Compared here too: an If-Match beyond an integer must not reach the database (a 500).
  if (session.version !== ctx.version) throw staleVersion();
  const { input } = ctx;
  const startsAt = input.startsAt ? new Date(input.startsAt) : session.startsAt;
  const endsAt = input.endsAt ? new Date(input.endsAt) : session.endsAt;
  if (endsAt <= startsAt) throw invalidField("endsAt", "trainings.sessions.ends_before_start");
  assertInside(cohort, startsAt, endsAt);
  const place = input.place === undefined ? session.place : input.place || null;
  const moved =
    startsAt.getTime() !== session.startsAt.getTime() ||
    endsAt.getTime() !== session.endsAt.getTime() ||
    place !== session.place;
  const changed: string[] = [];
  if (moved) changed.push("times_or_place");
  if (input.topic !== undefined && input.topic !== session.topic) changed.push("topic");
  if (input.goalIds !== undefined && input.goalIds.join() !== session.goalIds.join()) changed.push("goalIds");
  return ctx.db.transaction(async (tx) => {
    if (input.goalIds) await assertGoals(tx, cohort, input.goalIds);
    const [row] = await tx
      .update(trainingSessions)
      .set({
        startsAt,
        endsAt,
        place,
        topic: input.topic ?? session.topic,
        goalIds: input.goalIds ?? session.goalIds,
        // Every change a calendar shows (times, place, topic) is a new iCal revision.
        sequence: moved || changed.includes("topic") ? session.sequence + 1 : session.sequence,
        // A session moved into the future is planned again.
        status: moved && startsAt > new Date() ? "planned" : session.status,
        version: session.version + 1,
        updatedAt: sql`now()`,
      })
      .where(and(eq(trainingSessions.id, session.id), eq(trainingSessions.version, ctx.version)))
      .returning();
    if (!row) throw staleVersion();
    const mailed = moved ? await mailParticipants(tx, ctx, cohort, session, row, undefined) : 0;
    await audit(tx, ctx, {
      action: "training_session.update",
      entity: "training_session",
      entityId: row.id,
      organisationId: cohort.organisationId,
      details: { cohortId: cohort.id, changed, mailed },
    });
    return present(row);
  });
}

export async function cancelSession(
  ctx: Ctx & {
    sessionId: string;
    version: number;
    note: string | undefined;
    mailer: Pick<Mailer, "delivers">;
    publicUrl: string;
  },
) {
  const { session, cohort } = await teachingSession(ctx, ctx.sessionId);
  if (session.status === "cancelled") throw new AppError(422, "trainings.sessions.cancelled");
  // Compared here too: an If-Match beyond an integer must not reach the database (a 500).
  if (session.version !== ctx.version) throw staleVersion();
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .update(trainingSessions)
      .set({
        status: "cancelled",
        sequence: session.sequence + 1,
        version: session.version + 1,
        updatedAt: sql`now()`,
      })
      .where(and(eq(trainingSessions.id, session.id), eq(trainingSessions.version, ctx.version)))
      .returning();
    if (!row) throw staleVersion();
    // Attendance of a cancelled session counts for nothing; it is kept, but no longer entered.
    const mailed = await mailParticipants(tx, ctx, cohort, session, row, ctx.note);
    await audit(tx, ctx, {
      action: "training_session.cancel",
      entity: "training_session",
      entityId: row.id,
      organisationId: cohort.organisationId,
      details: { cohortId: cohort.id, mailed },
    });
    return present(row);
  });
}
