import { asc, eq, sql } from "drizzle-orm";
import type { Ctx } from "#server/platform/context.ts";
import { users } from "#server/platform/tables.ts";
import type { CohortDetail, Programme } from "#shared/contracts/trainings.ts";
import { cohortRelation, teaches } from "./access.ts";
import { trainingCohortTrainers, trainingGoals, trainingParticipants, trainingProgrammes } from "./tables.ts";

/** A programme with its learning goals in order. */
export async function programmeWithGoals(ctx: Pick<Ctx, "db">, programmeId: string): Promise<Programme> {
  const [programme] = await ctx.db
    .select()
    .from(trainingProgrammes)
    .where(eq(trainingProgrammes.id, programmeId));
  if (!programme) throw new Error(`programme ${programmeId} missing`);
  const goals = await ctx.db
    .select({ id: trainingGoals.id, position: trainingGoals.position, text: trainingGoals.text })
    .from(trainingGoals)
    .where(eq(trainingGoals.programmeId, programmeId))
    .orderBy(asc(trainingGoals.position));
  return {
    id: programme.id,
    key: programme.key,
    title: programme.title,
    description: programme.description,
    targetGroups: programme.targetGroups,
    modules: programme.modules,
    hours: programme.hours,
    minAttendancePercent: programme.minAttendancePercent,
    goals,
    version: programme.version,
  };
}

/** A cohort as its page shows it: programme, goals, trainers, places taken, the caller's relation. */
export async function getCohort(ctx: Ctx & { cohortId: string }): Promise<CohortDetail> {
  const { cohort, relation } = await cohortRelation(ctx, ctx.cohortId);
  const [programme, trainers, [counts]] = await Promise.all([
    programmeWithGoals(ctx, cohort.programmeId),
    ctx.db
      .select({ userId: users.id, name: users.name, organisationName: sql<string | null>`null` })
      .from(trainingCohortTrainers)
      .innerJoin(users, eq(users.id, trainingCohortTrainers.userId))
      .where(eq(trainingCohortTrainers.cohortId, cohort.id))
      .orderBy(asc(users.name)),
    ctx.db
      .select({
        enrolled: sql<number>`count(*) filter (where ${trainingParticipants.status} = 'enrolled')::int`,
        waitlisted: sql<number>`count(*) filter (where ${trainingParticipants.status} = 'waitlisted')::int`,
      })
      .from(trainingParticipants)
      .where(eq(trainingParticipants.cohortId, cohort.id)),
  ]);
  return {
    id: cohort.id,
    programmeId: cohort.programmeId,
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
    programme,
    trainers,
    relation: { ...relation, teaches: teaches(relation) },
    version: cohort.version,
  };
}
