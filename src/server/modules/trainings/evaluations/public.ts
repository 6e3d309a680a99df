import { and, asc, eq, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Db, Tx } from "#server/db/client.ts";
import {
  trainingCohorts,
  trainingEvaluationLinks,
  trainingEvaluationResponses,
  trainingGoals,
  trainingParticipants,
  trainingProgrammes,
} from "#server/modules/trainings/tables.ts";
import { audit } from "#server/platform/audit.ts";
import { AppError } from "#server/platform/errors.ts";
import { tokenHash } from "#server/platform/tokens.ts";
import type { EvaluationForm, EvaluationSubmitBody } from "#shared/contracts/trainings-evaluations.ts";

/**
 * The public side of a personal link: the form and its single submission. An unknown or forged
 * token, a replaced link, or a participant no longer enrolled all answer the same 404; a used link
 * 409, an expired one 410 — only to the holder of a real link, and without naming anyone.
 */

async function linkOf(db: Tx, token: string, lock: boolean) {
  const query = db
    .select({
      link: trainingEvaluationLinks,
      participantStatus: trainingParticipants.status,
      cohort: {
        id: trainingCohorts.id,
        title: trainingCohorts.title,
        organisationId: trainingCohorts.organisationId,
        programmeId: trainingCohorts.programmeId,
        status: trainingCohorts.status,
      },
      programmeTitle: trainingProgrammes.title,
      expired: sql<boolean>`${trainingEvaluationLinks.expiresAt} <= now()`,
    })
    .from(trainingEvaluationLinks)
    .innerJoin(trainingParticipants, eq(trainingParticipants.id, trainingEvaluationLinks.participantId))
    .innerJoin(trainingCohorts, eq(trainingCohorts.id, trainingParticipants.cohortId))
    .innerJoin(trainingProgrammes, eq(trainingProgrammes.id, trainingCohorts.programmeId))
    .where(eq(trainingEvaluationLinks.tokenHash, tokenHash(token)));
  const [row] = lock ? await query.for("update", { of: trainingEvaluationLinks }) : await query;
  if (row?.participantStatus !== "enrolled" || row.cohort.status === "cancelled") {
    throw new AppError(404, "trainings.evaluation_link_invalid");
  }
  if (row.link.usedAt) throw new AppError(409, "trainings.evaluation_link_used");
  if (row.expired) throw new AppError(410, "trainings.evaluation_link_expired");
  return row;
}

async function goalsOf(db: Tx, programmeId: string) {
  return db
    .select({ id: trainingGoals.id, position: trainingGoals.position, text: trainingGoals.text })
    .from(trainingGoals)
    .where(eq(trainingGoals.programmeId, programmeId))
    .orderBy(asc(trainingGoals.position));
}

/** The form of a link: the programme's learning goals in the link's language, nothing else. */
export async function evaluationForm(p: { db: Db; token: string }): Promise<EvaluationForm> {
  const row = await linkOf(p.db, p.token, false);
  const locale = row.link.locale;
  const goals = await goalsOf(p.db, row.cohort.programmeId);
  return {
    phase: row.link.phase,
    locale,
    programmeTitle: row.programmeTitle,
    cohortTitle: row.cohort.title,
    expiresAt: row.link.expiresAt.toISOString(),
    goals: goals.map((g) => ({ id: g.id, position: g.position, text: g.text[locale] ?? g.text.de })),
  };
}

/**
 * Stores the answers once: every learning goal of the programme exactly once, rated 1–5, with an
 * optional comment. The link is locked, checked, used up and the answers stored in one
 * transaction with the audit entry (ids only), so a second submission finds it used.
 */
export async function submitEvaluation(p: {
  db: Db;
  token: string;
  input: z.infer<typeof EvaluationSubmitBody>;
  requestId: string;
}) {
  return p.db.transaction(async (tx) => {
    const row = await linkOf(tx, p.token, true);
    const goals = await goalsOf(tx, row.cohort.programmeId);
    const known = new Set(goals.map((g) => g.id));
    const given = p.input.answers.map((a) => a.goalId);
    const unknown = given.findIndex((id) => !known.has(id));
    if (unknown >= 0) {
      throw new AppError(422, "trainings.evaluation_goal_unknown", { field: `answers.${unknown}.goalId` });
    }
    const duplicate = given.findIndex((id, i) => given.indexOf(id) !== i);
    if (duplicate >= 0) {
      throw new AppError(422, "trainings.evaluation_goal_twice", { field: `answers.${duplicate}.goalId` });
    }
    if (given.length !== goals.length)
      throw new AppError(422, "trainings.evaluation_answers_incomplete", {
        field: "answers",
      });
    const [existing] = await tx
      .select({ id: trainingEvaluationResponses.id })
      .from(trainingEvaluationResponses)
      .where(
        and(
          eq(trainingEvaluationResponses.participantId, row.link.participantId),
          eq(trainingEvaluationResponses.phase, row.link.phase),
        ),
      );
    if (existing) throw new AppError(409, "trainings.evaluation_link_used");
    const answers = p.input.answers.map((a) => ({
      goalId: a.goalId,
      rating: a.rating,
      ...(a.comment ? { comment: a.comment } : {}),
    }));
    const [response] = await tx
      .insert(trainingEvaluationResponses)
      .values({
        cohortId: row.cohort.id,
        participantId: row.link.participantId,
        phase: row.link.phase,
        locale: row.link.locale,
        answers,
      })
      // Two working links of one participant submitted at once: the second finds the answer stored.
      .onConflictDoNothing({
        target: [trainingEvaluationResponses.participantId, trainingEvaluationResponses.phase],
      })
      .returning();
    if (!response) throw new AppError(409, "trainings.evaluation_link_used");
    await tx
      .update(trainingEvaluationLinks)
      .set({ usedAt: sql`now()` })
      .where(eq(trainingEvaluationLinks.id, row.link.id));
    await audit(
      tx,
      { requestId: p.requestId },
      {
        action: "training_evaluation.submit",
        entity: "training_evaluation_response",
        entityId: response.id,
        organisationId: row.cohort.organisationId,
        details: { cohortId: row.cohort.id, phase: row.link.phase, goals: answers.length },
      },
    );
    return { submittedAt: response.submittedAt.toISOString() };
  });
}
