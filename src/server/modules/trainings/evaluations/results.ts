import { and, asc, eq, inArray, max, sql } from "drizzle-orm";
import { mean } from "simple-statistics";
import { teachingCohort } from "#server/modules/trainings/access.ts";
import type { EvaluationAnswer } from "#server/modules/trainings/tables.ts";
import {
  trainingEvaluationLinks,
  trainingEvaluationResponses,
  trainingGoals,
  trainingParticipants,
} from "#server/modules/trainings/tables.ts";
import { audit } from "#server/platform/audit.ts";
import type { Ctx } from "#server/platform/context.ts";
import type { EvaluationGoalResult, EvaluationResults } from "#shared/contracts/trainings-evaluations.ts";
import { EVALUATION_PHASES, type EvaluationPhase, MIN_EVALUATION_ANSWERS } from "#shared/trainings.ts";
import { pairedSummary } from "./statistics.ts";

type Rated = { participantId: string; rating: number; comment?: string | undefined };

/** A phase's figures of one goal, or the reason there are none. */
function phaseFigures(rated: Rated[]) {
  const n = rated.length;
  if (n < MIN_EVALUATION_ANSWERS) {
    return { n, mean: null, distribution: null, suppressed: "too_few_answers" as const, comments: null };
  }
  const distribution = [1, 2, 3, 4, 5].map((v) => rated.filter((r) => r.rating === v).length);
  // Alphabetical, not in the order they came in: the order must not tell who wrote what.
  const comments = rated
    .map((r) => r.comment?.trim() ?? "")
    .filter((c) => c.length > 0)
    .sort((a, b) => a.localeCompare(b));
  return { n, mean: mean(rated.map((r) => r.rating)), distribution, suppressed: null, comments };
}

function change(pre: Rated[], post: Rated[]): EvaluationGoalResult["change"] {
  const before = new Map(pre.map((r) => [r.participantId, r.rating]));
  const pairs = post.flatMap((r) => {
    const b = before.get(r.participantId);
    return b === undefined ? [] : [{ before: b, after: r.rating }];
  });
  const empty = {
    n: pairs.length,
    meanChange: null,
    medianChange: null,
    dz: null,
    wilcoxonV: null,
    wilcoxonP: null,
    wilcoxonMethod: null,
  };
  if (pairs.length < MIN_EVALUATION_ANSWERS) return { ...empty, suppressed: "too_few_pairs" };
  const s = pairedSummary(pairs);
  if (!s) return { ...empty, suppressed: "too_few_pairs" };
  return {
    n: s.n,
    meanChange: s.meanChange,
    medianChange: s.medianChange,
    dz: s.dz,
    // All changes zero: nothing to test, and nothing changed (p = 1).
    wilcoxonV: s.wilcoxon?.v ?? 0,
    wilcoxonP: s.wilcoxon?.p ?? 1,
    wilcoxonMethod: s.wilcoxon?.method ?? "exact",
    suppressed: null,
  };
}

/**
 * Counts and figures per learning goal for those who run the cohort. Answers are read only to be
 * aggregated: no answer leaves with its participant, no figure rests on fewer than
 * MIN_EVALUATION_ANSWERS answers, and comments come only as an alphabetical list.
 */
export async function evaluationResults(ctx: Ctx & { cohortId: string }): Promise<EvaluationResults> {
  const { cohort } = await teachingCohort(ctx, ctx.cohortId);
  const enrolledIds = (
    await ctx.db
      .select({ id: trainingParticipants.id })
      .from(trainingParticipants)
      .where(and(eq(trainingParticipants.cohortId, cohort.id), eq(trainingParticipants.status, "enrolled")))
  ).map((r) => r.id);
  const goals = await ctx.db
    .select({ id: trainingGoals.id, position: trainingGoals.position, text: trainingGoals.text })
    .from(trainingGoals)
    .where(eq(trainingGoals.programmeId, cohort.programmeId))
    .orderBy(asc(trainingGoals.position));
  const responses = enrolledIds.length
    ? await ctx.db
        .select({
          participantId: trainingEvaluationResponses.participantId,
          phase: trainingEvaluationResponses.phase,
          answers: trainingEvaluationResponses.answers,
        })
        .from(trainingEvaluationResponses)
        .where(
          and(
            eq(trainingEvaluationResponses.cohortId, cohort.id),
            inArray(trainingEvaluationResponses.participantId, enrolledIds),
          ),
        )
    : [];
  const links = enrolledIds.length
    ? await ctx.db
        .select({
          phase: trainingEvaluationLinks.phase,
          sent: sql<number>`count(distinct ${trainingEvaluationLinks.participantId})::int`,
          lastSentAt: max(trainingEvaluationLinks.createdAt),
        })
        .from(trainingEvaluationLinks)
        .where(inArray(trainingEvaluationLinks.participantId, enrolledIds))
        .groupBy(trainingEvaluationLinks.phase)
    : [];

  const counts = (phase: EvaluationPhase) => {
    const l = links.find((r) => r.phase === phase);
    return {
      sent: l?.sent ?? 0,
      answered: responses.filter((r) => r.phase === phase).length,
      lastSentAt: l?.lastSentAt ? new Date(l.lastSentAt).toISOString() : null,
    };
  };
  const ratedOf = (phase: EvaluationPhase, goalId: string): Rated[] =>
    responses
      .filter((r) => r.phase === phase)
      .flatMap((r) => {
        const a = (r.answers as EvaluationAnswer[]).find((x) => x.goalId === goalId);
        return a ? [{ participantId: r.participantId, rating: a.rating, comment: a.comment }] : [];
      });

  const result: EvaluationResults = {
    minAnswers: MIN_EVALUATION_ANSWERS,
    enrolled: enrolledIds.length,
    pre: counts("pre"),
    post: counts("post"),
    goals: goals.map((g) => {
      const [pre, post] = EVALUATION_PHASES.map((phase) => ratedOf(phase, g.id)) as [Rated[], Rated[]];
      return {
        goalId: g.id,
        position: g.position,
        text: g.text,
        pre: phaseFigures(pre),
        post: phaseFigures(post),
        change: change(pre, post),
      };
    }),
  };
  await audit(ctx.db, ctx, {
    action: "training_evaluation.results",
    entity: "training_cohort",
    entityId: cohort.id,
    organisationId: cohort.organisationId,
    details: { responses: responses.length },
  });
  return result;
}
