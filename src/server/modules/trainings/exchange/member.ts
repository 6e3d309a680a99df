import { cohortRelation, teaches } from "#server/modules/trainings/access.ts";
import type { Ctx } from "#server/platform/context.ts";
import { AppError } from "#server/platform/errors.ts";

/**
 * The cohort, if the actor belongs to its exchange space: those who teach it (the coordination, its
 * trainers) and its enrolled or waitlisted participants with an account. The space outlives the
 * cohort, so a cohort's status does not matter. An admin whose members take part is related to the
 * cohort but not a member of its space: 403 (as `cohortRelation` knows the relation); no relation
 * at all answers 404.
 */
export async function exchangeMember(ctx: Ctx, cohortId: string) {
  const found = await cohortRelation(ctx, cohortId);
  const moderates = teaches(found.relation);
  if (!moderates && !found.relation.participantId) throw new AppError(403, "forbidden");
  return { cohort: found.cohort, moderates };
}
