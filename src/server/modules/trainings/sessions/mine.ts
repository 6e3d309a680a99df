import { and, asc, desc, eq, gte, inArray, isNull, ne, sql } from "drizzle-orm";
import {
  trainingCertificates,
  trainingCohorts,
  trainingFeeds,
  trainingParticipants,
  trainingProgrammes,
  trainingSessions,
} from "#server/modules/trainings/tables.ts";
import { attendanceTotals } from "#server/modules/trainings/totals.ts";
import { audit } from "#server/platform/audit.ts";
import type { Ctx } from "#server/platform/context.ts";
import type { MyTraining, MyTrainings } from "#shared/contracts/trainings-sessions.ts";
import { present } from "./service.ts";

/** How many coming sessions the own-trainings page names per cohort. */
const NEXT_SESSIONS = 3;

/**
 * The caller's own trainings, as a participant with an account: each cohort with its next
 * sessions, the own attendance totals, own certificates and the own iCal address (if made).
 */
export async function myTrainings(ctx: Ctx): Promise<MyTrainings> {
  const places = await ctx.db
    .select({ participant: trainingParticipants, cohort: trainingCohorts, programme: trainingProgrammes })
    .from(trainingParticipants)
    .innerJoin(trainingCohorts, eq(trainingCohorts.id, trainingParticipants.cohortId))
    .innerJoin(trainingProgrammes, eq(trainingProgrammes.id, trainingCohorts.programmeId))
    .where(
      and(
        eq(trainingParticipants.userId, ctx.actor.userId),
        inArray(trainingParticipants.status, ["applied", "waitlisted", "enrolled"]),
      ),
    )
    .orderBy(desc(trainingCohorts.startsOn));
  const items: MyTraining[] = [];
  for (const { participant, cohort, programme } of places) {
    const [counts] = await ctx.db
      .select({
        enrolled: sql<number>`count(*) filter (where ${trainingParticipants.status} = 'enrolled')::int`,
        waitlisted: sql<number>`count(*) filter (where ${trainingParticipants.status} = 'waitlisted')::int`,
      })
      .from(trainingParticipants)
      .where(eq(trainingParticipants.cohortId, cohort.id));
    const [next, totals, certificates, [feed]] = await Promise.all([
      ctx.db
        .select()
        .from(trainingSessions)
        .where(
          and(
            eq(trainingSessions.cohortId, cohort.id),
            gte(trainingSessions.endsAt, sql`now()`),
            ne(trainingSessions.status, "held"),
          ),
        )
        .orderBy(asc(trainingSessions.startsAt))
        .limit(NEXT_SESSIONS),
      participant.status === "enrolled"
        ? attendanceTotals(ctx.db, cohort.id, [participant.id])
        : new Map<string, never>(),
      ctx.db
        .select({
          id: trainingCertificates.id,
          code: trainingCertificates.code,
          issuedAt: trainingCertificates.issuedAt,
          revokedAt: trainingCertificates.revokedAt,
        })
        .from(trainingCertificates)
        .where(eq(trainingCertificates.participantId, participant.id))
        .orderBy(desc(trainingCertificates.issuedAt)),
      ctx.db
        .select()
        .from(trainingFeeds)
        .where(
          and(
            eq(trainingFeeds.participantId, participant.id),
            eq(trainingFeeds.createdBy, ctx.actor.userId),
            isNull(trainingFeeds.revokedAt),
          ),
        )
        .orderBy(desc(trainingFeeds.createdAt))
        .limit(1),
    ]);
    const total = totals.get(participant.id);
    items.push({
      cohort: {
        id: cohort.id,
        programmeId: programme.id,
        programmeTitle: programme.title,
        title: cohort.title,
        startsOn: cohort.startsOn,
        endsOn: cohort.endsOn,
        location: cohort.location,
        online: cohort.online,
        capacity: cohort.capacity,
        enrolled: counts?.enrolled ?? 0,
        waitlisted: counts?.waitlisted ?? 0,
        registrationOpen: cohort.registrationOpen,
        status: cohort.status,
      },
      participantId: participant.id,
      participantStatus: participant.status,
      nextSessions: next.map((s) => present(s)),
      totals: total
        ? { ...total, name: participant.name, organisationName: participant.organisationName }
        : null,
      minAttendancePercent: programme.minAttendancePercent,
      certificates: certificates.map((c) => ({
        id: c.id,
        code: c.code,
        issuedAt: c.issuedAt.toISOString(),
        revoked: c.revokedAt !== null,
      })),
      feed: feed
        ? {
            id: feed.id,
            kind: feed.kind,
            cohortId: feed.cohortId,
            participantId: feed.participantId,
            createdAt: feed.createdAt.toISOString(),
          }
        : null,
    });
  }
  await audit(ctx.db, ctx, {
    action: "training.mine.read",
    entity: "user",
    entityId: ctx.actor.userId,
    organisationId: ctx.actor.organisationId,
    details: { participantIds: items.map((i) => i.participantId) },
  });
  return { items };
}
