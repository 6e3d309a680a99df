import { eq, exists, inArray, or, type SQL, sql } from "drizzle-orm";
import type { Ctx } from "#server/platform/context.ts";
import { AppError, notFound } from "#server/platform/errors.ts";
import type { Actor } from "#server/platform/session.ts";
import { actsForNetwork } from "#server/platform/tenancy.ts";
import type { ParticipantStatus } from "#shared/trainings.ts";
import { trainingCohorts, trainingCohortTrainers, trainingParticipants } from "./tables.ts";

/**
 * Who reaches a cohort, written once (like platform/tenancy.ts) as a SQL condition for lists and as
 * a relation for a cohort in hand. A cohort outside every relation is not found (404), never
 * forbidden, so that ids cannot be probed.
 *
 * - the coordination office: every cohort, everything in it;
 * - a trainer (acting in the trainer role): the cohorts they teach;
 * - a participant with an account (any role): the cohorts they take part in — their own attendance,
 *   evaluations and certificate, the participant list and the exchange space;
 * - an organisation admin: the cohorts their organisation's members take part in — only those
 *   members' records.
 */

/** The places that make someone a member of the cohort: the exchange space and own records. */
export const MEMBER_STATUSES: readonly ParticipantStatus[] = ["enrolled", "waitlisted"];

export type CohortRelation = {
  coordinator: boolean;
  trainer: boolean;
  /** The actor's own participant record (enrolled or waitlisted), if any. */
  participantId: string | null;
  /** An admin whose organisation has participants in the cohort. */
  admin: boolean;
};

/** Whether the relation lets the actor run the cohort (sessions, attendance, evaluation links). */
export const teaches = (r: CohortRelation) => r.coordinator || r.trainer;

/** The condition on `training_cohorts.id` for the cohorts the actor reaches. */
export function cohortScope(actor: Actor): SQL | undefined {
  if (actsForNetwork(actor)) return undefined;
  const conditions: SQL[] = [
    exists(
      sql`(select 1 from ${trainingParticipants} p where p.cohort_id = ${trainingCohorts.id}
        and p.user_id = ${actor.userId} and p.status in ('enrolled', 'waitlisted'))`,
    ),
  ];
  if (actor.role === "trainer") {
    conditions.push(
      exists(
        sql`(select 1 from ${trainingCohortTrainers} t where t.cohort_id = ${trainingCohorts.id}
          and t.user_id = ${actor.userId})`,
      ),
    );
  }
  if (actor.role === "org_admin") {
    conditions.push(
      exists(
        sql`(select 1 from ${trainingParticipants} p where p.cohort_id = ${trainingCohorts.id}
          and p.organisation_id = ${actor.organisationId})`,
      ),
    );
  }
  return or(...conditions);
}

/**
 * The cohort's id inside a subquery of the select list: drizzle writes a column of a single-table
 * select without its table name ("id"), which inside `from training_participants p` would mean p.id.
 */
const cohortIdInSelect = sql.raw('"training_cohorts"."id"');

/** The cohort and the actor's relation to it; 404 if the actor has none. */
export async function cohortRelation(ctx: Ctx, cohortId: string) {
  const { actor } = ctx;
  const [row] = await ctx.db
    .select({
      cohort: trainingCohorts,
      trainer: sql<boolean>`exists (select 1 from ${trainingCohortTrainers} t
        where t.cohort_id = ${cohortIdInSelect} and t.user_id = ${actor.userId})`,
      participantId: sql<string | null>`(select p.id from ${trainingParticipants} p
        where p.cohort_id = ${cohortIdInSelect} and p.user_id = ${actor.userId}
          and p.status in ('enrolled', 'waitlisted') limit 1)`,
      ownOrganisation: sql<boolean>`exists (select 1 from ${trainingParticipants} p
        where p.cohort_id = ${cohortIdInSelect} and p.organisation_id = ${actor.organisationId})`,
    })
    .from(trainingCohorts)
    .where(eq(trainingCohorts.id, cohortId));
  if (!row) throw notFound();
  const relation: CohortRelation = {
    coordinator: actsForNetwork(actor),
    trainer: actor.role === "trainer" && row.trainer,
    participantId: row.participantId,
    admin: actor.role === "org_admin" && row.ownOrganisation,
  };
  if (!relation.coordinator && !relation.trainer && !relation.participantId && !relation.admin) {
    throw notFound();
  }
  return { cohort: row.cohort, relation };
}

/** The cohort, if the actor runs it (coordination or its trainer); 404 without relation, 403 else. */
export async function teachingCohort(ctx: Ctx, cohortId: string) {
  const found = await cohortRelation(ctx, cohortId);
  if (!teaches(found.relation)) throw new AppError(403, "forbidden");
  return found;
}

/**
 * The condition on `training_participants` for the participants whose records (attendance,
 * certificates) the actor may see in a cohort they reach: all for those who run it, their own
 * organisation's for an admin, their own for a participant.
 */
export function participantScope(ctx: Ctx, relation: CohortRelation): SQL | undefined {
  if (teaches(relation)) return undefined;
  const own: SQL[] = [];
  if (relation.participantId) own.push(eq(trainingParticipants.id, relation.participantId));
  if (relation.admin) own.push(eq(trainingParticipants.organisationId, ctx.actor.organisationId));
  return own.length > 0 ? or(...own) : sql`false`;
}

/** The cohorts a user teaches (for start pages and lists). */
export function taughtBy(userId: string): SQL {
  return inArray(
    trainingCohorts.id,
    sql`(select t.cohort_id from ${trainingCohortTrainers} t where t.user_id = ${userId})`,
  );
}
