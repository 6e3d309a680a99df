import { and, eq, inArray, sql } from "drizzle-orm";
import type { Tx } from "#server/db/client.ts";
import {
  trainingEvaluationLinks,
  trainingEvaluationResponses,
  trainingParticipants,
} from "#server/modules/trainings/tables.ts";
import type { EvaluationPhase } from "#shared/trainings.ts";

export type PhaseProgress = { sent: number; answered: number };
export type EvaluationProgress = Record<EvaluationPhase, PhaseProgress>;

/**
 * For start pages: per cohort and phase, how many enrolled participants were sent a link and how
 * many answered (counts only; outstanding = sent − answered). Cohorts without links or answers
 * are in the map with zeros.
 */
export async function outstandingEvaluations(
  tx: Tx,
  cohortIds: string[],
): Promise<Map<string, EvaluationProgress>> {
  const result = new Map<string, EvaluationProgress>();
  for (const id of cohortIds)
    result.set(id, { pre: { sent: 0, answered: 0 }, post: { sent: 0, answered: 0 } });
  if (cohortIds.length === 0) return result;
  const enrolled = and(
    inArray(trainingParticipants.cohortId, cohortIds),
    eq(trainingParticipants.status, "enrolled"),
  );
  const [sent, answered] = await Promise.all([
    tx
      .select({
        cohortId: trainingParticipants.cohortId,
        phase: trainingEvaluationLinks.phase,
        n: sql<number>`count(distinct ${trainingParticipants.id})::int`,
      })
      .from(trainingEvaluationLinks)
      .innerJoin(trainingParticipants, eq(trainingParticipants.id, trainingEvaluationLinks.participantId))
      .where(enrolled)
      .groupBy(trainingParticipants.cohortId, trainingEvaluationLinks.phase),
    tx
      .select({
        cohortId: trainingParticipants.cohortId,
        phase: trainingEvaluationResponses.phase,
        n: sql<number>`count(distinct ${trainingParticipants.id})::int`,
      })
      .from(trainingEvaluationResponses)
      .innerJoin(trainingParticipants, eq(trainingParticipants.id, trainingEvaluationResponses.participantId))
      .where(enrolled)
      .groupBy(trainingParticipants.cohortId, trainingEvaluationResponses.phase),
  ]);
  for (const row of sent) {
    const entry = result.get(row.cohortId);
    if (entry) entry[row.phase].sent = row.n;
  }
  for (const row of answered) {
    const entry = result.get(row.cohortId);
    if (entry) entry[row.phase].answered = row.n;
  }
  return result;
}
