import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { type CohortRelation, cohortRelation, participantScope } from "#server/modules/trainings/access.ts";
import { programmeWithGoals } from "#server/modules/trainings/cohorts.ts";
import {
  trainingAttendance,
  trainingParticipants,
  trainingSessions,
} from "#server/modules/trainings/tables.ts";
import { attendanceTotals } from "#server/modules/trainings/totals.ts";
import { audit } from "#server/platform/audit.ts";
import type { Ctx } from "#server/platform/context.ts";
import { AppError } from "#server/platform/errors.ts";
import type {
  AttendanceSave,
  AttendanceTotals,
  SessionAttendance,
} from "#shared/contracts/trainings-sessions.ts";
import { berlinDay, present, sessionWithRelation, teachingSession } from "./service.ts";

/**
 * Attendance per session: those who teach record it for the whole session at once; everyone else
 * sees only what participantScope lets them see (an admin their organisation's members, a
 * participant their own line). Every read and write is audited with ids only.
 */

type SessionRow = typeof trainingSessions.$inferSelect;

async function rowsOf(ctx: Ctx, relation: CohortRelation, session: SessionRow) {
  return ctx.db
    .select({
      participantId: trainingParticipants.id,
      name: trainingParticipants.name,
      organisationName: trainingParticipants.organisationName,
      status: trainingAttendance.status,
    })
    .from(trainingParticipants)
    .leftJoin(
      trainingAttendance,
      and(
        eq(trainingAttendance.participantId, trainingParticipants.id),
        eq(trainingAttendance.sessionId, session.id),
      ),
    )
    .where(
      and(
        eq(trainingParticipants.cohortId, session.cohortId),
        eq(trainingParticipants.status, "enrolled"),
        participantScope(ctx, relation),
      ),
    )
    .orderBy(asc(trainingParticipants.name), asc(trainingParticipants.id));
}

export async function sessionAttendance(ctx: Ctx & { sessionId: string }): Promise<SessionAttendance> {
  const { session, cohort, relation } = await sessionWithRelation(ctx, ctx.sessionId);
  const rows = await rowsOf(ctx, relation, session);
  await audit(ctx.db, ctx, {
    action: "training_attendance.read",
    entity: "training_session",
    entityId: session.id,
    organisationId: cohort.organisationId,
    details: { cohortId: cohort.id, participantIds: rows.map((r) => r.participantId) },
  });
  return { session: present(session, rows.filter((r) => r.status !== null).length), rows };
}

export async function saveAttendance(
  ctx: Ctx & { sessionId: string; input: AttendanceSave },
): Promise<SessionAttendance> {
  const { session, cohort, relation } = await teachingSession(ctx, ctx.sessionId);
  if (session.status === "cancelled") throw new AppError(422, "trainings.sessions.attendance_cancelled");
  // The day of the session is the earliest day to enter it (a trainer enters it at the start).
  if (berlinDay(session.startsAt) > berlinDay(new Date())) {
    throw new AppError(422, "trainings.sessions.attendance_future");
  }
  const ids = ctx.input.entries.map((e) => e.participantId);
  return ctx.db.transaction(async (tx) => {
    const members = await tx
      .select({ id: trainingParticipants.id })
      .from(trainingParticipants)
      .where(
        and(
          eq(trainingParticipants.cohortId, cohort.id),
          eq(trainingParticipants.status, "enrolled"),
          inArray(trainingParticipants.id, ids),
        ),
      );
    if (members.length !== ids.length) {
      const known = new Set(members.map((m) => m.id));
      throw new AppError(422, "trainings.sessions.attendance_not_participant", {
        fieldErrors: ctx.input.entries
          .map((e, i) => ({ e, i }))
          .filter(({ e }) => !known.has(e.participantId))
          .map(({ i }) => ({
            field: `entries.${i}.participantId`,
            code: "trainings.sessions.attendance_not_participant",
          })),
      });
    }
    await tx
      .insert(trainingAttendance)
      .values(
        ctx.input.entries.map((e) => ({
          sessionId: session.id,
          participantId: e.participantId,
          status: e.status,
          recordedBy: ctx.actor.userId,
        })),
      )
      .onConflictDoUpdate({
        target: [trainingAttendance.sessionId, trainingAttendance.participantId],
        set: {
          status: sql`excluded.status`,
          recordedAt: sql`now()`,
          recordedBy: sql`excluded.recorded_by`,
        },
      });
    let current = session;
    if (session.status === "planned") {
      const [held] = await tx
        .update(trainingSessions)
        .set({ status: "held", version: session.version + 1, updatedAt: sql`now()` })
        .where(eq(trainingSessions.id, session.id))
        .returning();
      if (held) current = held;
    }
    await audit(tx, ctx, {
      action: "training_attendance.save",
      entity: "training_session",
      entityId: session.id,
      organisationId: cohort.organisationId,
      details: { cohortId: cohort.id, participantIds: ids },
    });
    const rows = await rowsOf({ ...ctx, db: tx }, relation, current);
    return { session: present(current, rows.filter((r) => r.status !== null).length), rows };
  });
}

export async function cohortTotals(ctx: Ctx & { cohortId: string }): Promise<AttendanceTotals> {
  const { cohort, relation } = await cohortRelation(ctx, ctx.cohortId);
  const people = await ctx.db
    .select({
      id: trainingParticipants.id,
      name: trainingParticipants.name,
      organisationName: trainingParticipants.organisationName,
    })
    .from(trainingParticipants)
    .where(
      and(
        eq(trainingParticipants.cohortId, cohort.id),
        eq(trainingParticipants.status, "enrolled"),
        participantScope(ctx, relation),
      ),
    )
    .orderBy(asc(trainingParticipants.name), asc(trainingParticipants.id));
  const ids = people.map((p) => p.id);
  const [totals, programme] = await Promise.all([
    attendanceTotals(ctx.db, cohort.id, ids),
    programmeWithGoals(ctx, cohort.programmeId),
  ]);
  await audit(ctx.db, ctx, {
    action: "training_attendance.totals",
    entity: "training_cohort",
    entityId: cohort.id,
    organisationId: cohort.organisationId,
    details: { participantIds: ids },
  });
  return {
    minAttendancePercent: programme.minAttendancePercent,
    rows: people.flatMap((p) => {
      const total = totals.get(p.id);
      return total ? [{ ...total, name: p.name, organisationName: p.organisationName }] : [];
    }),
  };
}
