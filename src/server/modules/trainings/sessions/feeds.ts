import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";
import ical, { ICalEventStatus } from "ical-generator";
import type { Db } from "#server/db/client.ts";
import { cohortRelation, MEMBER_STATUSES, teaches } from "#server/modules/trainings/access.ts";
import {
  trainingCohorts,
  trainingCohortTrainers,
  trainingFeeds,
  trainingParticipants,
  trainingSessions,
} from "#server/modules/trainings/tables.ts";
import { audit } from "#server/platform/audit.ts";
import type { Ctx } from "#server/platform/context.ts";
import { AppError, notFound } from "#server/platform/errors.ts";
import { memberships } from "#server/platform/tables.ts";
import { newToken, tokenHash } from "#server/platform/tokens.ts";
import type { Feed, FeedCreated } from "#shared/contracts/trainings-sessions.ts";
import type { FeedKind } from "#shared/trainings.ts";

/**
 * iCal feeds: a subscribable address with a secret token, per cohort (for those who teach) and per
 * participant (their own). Only the token's SHA-256 is stored; the address is shown once when it is
 * made. Making a new one revokes the caller's earlier one of that kind; a revoked one answers 404.
 * Times are written in UTC (LIBRARY-NOTES 4.1: with a time zone set, ical-generator would write
 * the server's wall clock), every session keeps its UID, a change bumps SEQUENCE, and a cancelled
 * session stays in the feed with STATUS:CANCELLED.
 */

type FeedRow = typeof trainingFeeds.$inferSelect;

const presentFeed = (f: FeedRow): Feed => ({
  id: f.id,
  kind: f.kind,
  cohortId: f.cohortId,
  participantId: f.participantId,
  createdAt: f.createdAt.toISOString(),
});

export const feedUrl = (publicUrl: string, token: string) => `${publicUrl}/api/training-feeds/${token}.ics`;

/** The caller's active feeds of a cohort. */
export async function listFeeds(ctx: Ctx & { cohortId: string }) {
  await cohortRelation(ctx, ctx.cohortId);
  const rows = await ctx.db
    .select()
    .from(trainingFeeds)
    .where(
      and(
        eq(trainingFeeds.cohortId, ctx.cohortId),
        eq(trainingFeeds.createdBy, ctx.actor.userId),
        isNull(trainingFeeds.revokedAt),
      ),
    )
    .orderBy(asc(trainingFeeds.createdAt));
  return { items: rows.map(presentFeed) };
}

export async function createFeed(
  ctx: Ctx & { cohortId: string; kind: FeedKind; publicUrl: string },
): Promise<FeedCreated> {
  const { cohort, relation } = await cohortRelation(ctx, ctx.cohortId);
  let participantId: string | null = null;
  if (ctx.kind === "cohort") {
    if (!teaches(relation)) throw new AppError(403, "forbidden");
  } else {
    if (!relation.participantId) throw new AppError(422, "trainings.sessions.feed_not_participant");
    participantId = relation.participantId;
  }
  const token = newToken();
  return ctx.db.transaction(async (tx) => {
    const revoked = await tx
      .update(trainingFeeds)
      .set({ revokedAt: sql`now()` })
      .where(
        and(
          eq(trainingFeeds.cohortId, cohort.id),
          eq(trainingFeeds.kind, ctx.kind),
          eq(trainingFeeds.createdBy, ctx.actor.userId),
          isNull(trainingFeeds.revokedAt),
        ),
      )
      .returning({ id: trainingFeeds.id });
    const [row] = await tx
      .insert(trainingFeeds)
      .values({
        kind: ctx.kind,
        cohortId: cohort.id,
        participantId,
        tokenHash: tokenHash(token),
        createdBy: ctx.actor.userId,
      })
      .returning();
    if (!row) throw new Error("insert returned nothing");
    await audit(tx, ctx, {
      action: "training_feed.create",
      entity: "training_feed",
      entityId: row.id,
      organisationId: cohort.organisationId,
      details: { cohortId: cohort.id, kind: ctx.kind, participantId, revoked: revoked.map((r) => r.id) },
    });
    return { ...presentFeed(row), url: feedUrl(ctx.publicUrl, token) };
  });
}

/** Revokes one of the caller's feeds (the coordination may revoke any). */
export async function revokeFeed(ctx: Ctx & { feedId: string }) {
  const [feed] = await ctx.db.select().from(trainingFeeds).where(eq(trainingFeeds.id, ctx.feedId));
  if (!feed || feed.revokedAt) throw notFound();
  const { cohort, relation } = await cohortRelation(ctx, feed.cohortId);
  if (feed.createdBy !== ctx.actor.userId && !relation.coordinator) throw notFound();
  await ctx.db.transaction(async (tx) => {
    await tx.update(trainingFeeds).set({ revokedAt: sql`now()` }).where(eq(trainingFeeds.id, feed.id));
    await audit(tx, ctx, {
      action: "training_feed.revoke",
      entity: "training_feed",
      entityId: feed.id,
      organisationId: cohort.organisationId,
      details: { cohortId: cohort.id, kind: feed.kind },
    });
  });
}

/** The calendar behind a token; 404 for an unknown or revoked one, or a participant who left. */
export async function feedCalendar(db: Db, token: string, publicUrl: string): Promise<string> {
  const [found] = await db
    .select({ feed: trainingFeeds, cohort: trainingCohorts })
    .from(trainingFeeds)
    .innerJoin(trainingCohorts, eq(trainingCohorts.id, trainingFeeds.cohortId))
    .where(and(eq(trainingFeeds.tokenHash, tokenHash(token)), isNull(trainingFeeds.revokedAt)));
  if (!found) throw notFound();
  const { feed, cohort } = found;
  if (feed.participantId) {
    const [member] = await db
      .select({ id: trainingParticipants.id })
      .from(trainingParticipants)
      .where(
        and(
          eq(trainingParticipants.id, feed.participantId),
          inArray(trainingParticipants.status, [...MEMBER_STATUSES]),
        ),
      );
    if (!member) throw notFound();
  } else {
    // A cohort feed lives as long as its maker still runs the cohort (its trainer, or coordination).
    const { rows } = await db.execute<{ runs: boolean }>(sql`select
      exists (select 1 from ${trainingCohortTrainers} t where t.cohort_id = ${cohort.id}
        and t.user_id = ${feed.createdBy})
      or exists (select 1 from ${memberships} m where m.user_id = ${feed.createdBy}
        and m.role = 'network_coordinator' and m.status = 'active') as "runs"`);
    if (!rows[0]?.runs) throw notFound();
  }
  const sessions = await db
    .select()
    .from(trainingSessions)
    .where(eq(trainingSessions.cohortId, cohort.id))
    .orderBy(asc(trainingSessions.startsAt));
  const host = new URL(publicUrl).host || "lotse";
  const calendar = ical({
    name: cohort.title,
    prodId: { company: "Lotse", product: "trainings", language: "DE" },
    // Calendars poll again after an hour.
    ttl: 3600,
  });
  for (const s of sessions) {
    calendar.createEvent({
      id: `training-session-${s.id}@${host}`,
      start: s.startsAt,
      end: s.endsAt,
      stamp: s.updatedAt,
      lastModified: s.updatedAt,
      sequence: s.sequence,
      status: s.status === "cancelled" ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      summary: `${s.topic} – ${cohort.title}`,
      location: s.place ?? cohort.location ?? (cohort.online ? "Online" : null),
      url: `${publicUrl}/trainings/cohorts/${cohort.id}?tab=sessions`,
    });
  }
  return calendar.toString();
}
