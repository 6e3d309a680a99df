import { and, asc, desc, eq, inArray, or, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Tx } from "#server/db/client.ts";
import { audit } from "#server/platform/audit.ts";
import type { Ctx } from "#server/platform/context.ts";
import { invalidField, notFound } from "#server/platform/errors.ts";
import type { Mailer } from "#server/platform/mail.ts";
import { memberships, organisations, users } from "#server/platform/tables.ts";
import { staleVersion } from "#server/platform/versioning.ts";
import type { CohortInput, CohortListQuery } from "#shared/contracts/trainings.ts";
import { cohortScope } from "./access.ts";
import { getCohort } from "./cohorts.ts";
import { fillFreePlaces } from "./places.ts";
import {
  trainingCohorts,
  trainingCohortTrainers,
  trainingParticipants,
  trainingProgrammes,
  trainingSessions,
} from "./tables.ts";

type Input = z.output<typeof CohortInput>;

const enrolledCount = sql<number>`(select count(*)::int from ${trainingParticipants} p
  where p.cohort_id = ${trainingCohorts.id} and p.status = 'enrolled')`;
const waitlistedCount = sql<number>`(select count(*)::int from ${trainingParticipants} p
  where p.cohort_id = ${trainingCohorts.id} and p.status = 'waitlisted')`;

const appliedCount = sql<number>`(select count(*)::int from ${trainingParticipants} p
  where p.cohort_id = ${trainingCohorts.id} and p.status = 'applied')`;

/** Cohorts an admin may register members into (they see them in the list before they reach them). */
const openForRegistration = and(
  eq(trainingCohorts.registrationOpen, true),
  inArray(trainingCohorts.status, ["planned", "running"]),
);

/** The cohorts the actor reaches (and, for an admin, those open for registration), the latest start first. */
export async function listCohorts(ctx: Ctx & z.output<typeof CohortListQuery>) {
  const reach = cohortScope(ctx.actor);
  const rows = await ctx.db
    .select({
      id: trainingCohorts.id,
      programmeId: trainingCohorts.programmeId,
      programmeTitle: trainingProgrammes.title,
      title: trainingCohorts.title,
      startsOn: trainingCohorts.startsOn,
      endsOn: trainingCohorts.endsOn,
      location: trainingCohorts.location,
      online: trainingCohorts.online,
      capacity: trainingCohorts.capacity,
      enrolled: enrolledCount,
      waitlisted: waitlistedCount,
      registrationOpen: trainingCohorts.registrationOpen,
      status: trainingCohorts.status,
      reachable: reach ? sql<boolean>`coalesce(${reach}, false)` : sql<boolean>`true`,
      applications: reach ? sql<number>`0` : appliedCount,
    })
    .from(trainingCohorts)
    .innerJoin(trainingProgrammes, eq(trainingProgrammes.id, trainingCohorts.programmeId))
    .where(
      and(
        reach && ctx.actor.role === "org_admin" ? or(reach, openForRegistration) : reach,
        ctx.programmeId ? eq(trainingCohorts.programmeId, ctx.programmeId) : undefined,
        ctx.status ? eq(trainingCohorts.status, ctx.status) : undefined,
      ),
    )
    .orderBy(desc(trainingCohorts.startsOn), asc(trainingCohorts.title));
  return { items: rows };
}

/** People with an active trainer membership, who can be assigned to a cohort. */
export async function trainerCandidates(ctx: Pick<Ctx, "db">) {
  const rows = await ctx.db
    .selectDistinctOn([users.id], {
      userId: users.id,
      name: users.name,
      organisationName: organisations.name,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
    .where(and(eq(memberships.role, "trainer"), eq(memberships.status, "active"), eq(users.status, "active")))
    .orderBy(users.id, asc(organisations.name));
  return { items: rows.sort((a, b) => a.name.localeCompare(b.name, "de")) };
}

/** Checks the rules a cohort must keep; nothing is written when one fails. */
async function assertCohort(tx: Tx, input: Input) {
  if (input.endsOn < input.startsOn) throw invalidField("endsOn", "trainings.core_dates_reversed");
  if (!input.online && !input.location) throw invalidField("location", "trainings.core_location_required");
  const [programme] = await tx
    .select({ id: trainingProgrammes.id })
    .from(trainingProgrammes)
    .where(eq(trainingProgrammes.id, input.programmeId));
  if (!programme) throw invalidField("programmeId", "trainings.core_programme_unknown");
  const trainerIds = [...new Set(input.trainerIds)];
  if (trainerIds.length > 0) {
    const found = await tx
      .selectDistinct({ userId: memberships.userId })
      .from(memberships)
      .where(
        and(
          inArray(memberships.userId, trainerIds),
          eq(memberships.role, "trainer"),
          eq(memberships.status, "active"),
        ),
      );
    if (found.length !== trainerIds.length) throw invalidField("trainerIds", "trainings.core_not_a_trainer");
  }
  return trainerIds;
}

const fields = (input: Input) => ({
  programmeId: input.programmeId,
  title: input.title,
  startsOn: input.startsOn,
  endsOn: input.endsOn,
  location: input.location,
  online: input.online,
  capacity: input.capacity,
  registrationOpen: input.registrationOpen,
  status: input.status,
});

export async function createCohort(ctx: Ctx & { input: Input }) {
  return ctx.db.transaction(async (tx) => {
    const trainerIds = await assertCohort(tx, ctx.input);
    const [row] = await tx
      .insert(trainingCohorts)
      .values({ ...fields(ctx.input), organisationId: ctx.actor.organisationId, createdBy: ctx.actor.userId })
      .returning({ id: trainingCohorts.id });
    if (!row) throw new Error("insert returned nothing");
    if (trainerIds.length > 0) {
      await tx
        .insert(trainingCohortTrainers)
        .values(trainerIds.map((userId) => ({ cohortId: row.id, userId })));
    }
    await audit(tx, ctx, {
      action: "training_cohort.create",
      entity: "training_cohort",
      entityId: row.id,
      organisationId: ctx.actor.organisationId,
      details: { programmeId: ctx.input.programmeId, trainerIds },
    });
    return getCohort({ ...ctx, db: tx, cohortId: row.id });
  });
}

/** Edits a cohort (If-Match); fewer places than enrolled is refused, more places move waitlisted people up. */
export async function updateCohort(
  ctx: Ctx & { cohortId: string; expectedVersion: number; input: Input; mailer: Mailer },
) {
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .select({
        id: trainingCohorts.id,
        version: trainingCohorts.version,
        programmeId: trainingCohorts.programmeId,
      })
      .from(trainingCohorts)
      .where(eq(trainingCohorts.id, ctx.cohortId))
      .for("update");
    if (!row) throw notFound();
    if (row.version !== ctx.expectedVersion) throw staleVersion();
    const trainerIds = await assertCohort(tx, ctx.input);
    const [taken] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(trainingParticipants)
      .where(and(eq(trainingParticipants.cohortId, row.id), eq(trainingParticipants.status, "enrolled")));
    if (ctx.input.capacity < (taken?.n ?? 0))
      throw invalidField("capacity", "trainings.core_capacity_below_enrolled");
    if (ctx.input.programmeId !== row.programmeId) {
      throw invalidField("programmeId", "trainings.core_programme_fixed");
    }
    // Sessions lie inside the cohort's dates (days in Berlin, as sessions/service.ts checks them).
    const [outside] = await tx
      .select({ id: trainingSessions.id })
      .from(trainingSessions)
      .where(
        and(
          eq(trainingSessions.cohortId, row.id),
          sql`${trainingSessions.status} <> 'cancelled'`,
          or(
            sql`(${trainingSessions.startsAt} at time zone 'Europe/Berlin')::date < ${ctx.input.startsOn}::date`,
            sql`(${trainingSessions.endsAt} at time zone 'Europe/Berlin')::date > ${ctx.input.endsOn}::date`,
          ),
        ),
      )
      .limit(1);
    if (outside) throw invalidField("startsOn", "trainings.core_sessions_outside");
    await tx
      .update(trainingCohorts)
      .set({ ...fields(ctx.input), version: row.version + 1, updatedAt: new Date() })
      .where(eq(trainingCohorts.id, row.id));
    await tx.delete(trainingCohortTrainers).where(eq(trainingCohortTrainers.cohortId, row.id));
    if (trainerIds.length > 0) {
      await tx
        .insert(trainingCohortTrainers)
        .values(trainerIds.map((userId) => ({ cohortId: row.id, userId })));
    }
    const movedUp = await fillFreePlaces({ ...ctx, db: tx }, row.id);
    await audit(tx, ctx, {
      action: "training_cohort.update",
      entity: "training_cohort",
      entityId: row.id,
      organisationId: ctx.actor.organisationId,
      details: { version: row.version + 1, trainerIds, movedUp },
    });
    return getCohort({ ...ctx, db: tx, cohortId: row.id });
  });
}
