import { and, asc, eq } from "drizzle-orm";
import type { Tx } from "#server/db/client.ts";
import {
  trainingCohorts,
  trainingEvaluationLinks,
  trainingEvaluationResponses,
  trainingGoals,
  trainingParticipants,
} from "#server/modules/trainings/tables.ts";
import { newToken, tokenHash } from "#server/platform/tokens.ts";
import { EVALUATION_LINK_DAYS, type EvaluationPhase } from "#shared/trainings.ts";

/** The completed demo cohort whose self-assessments are filled in (made by the core's demo data). */
export const DEMO_EVALUATED_COHORT = "Diversity-Beratung in eigener Organisation 2026/1";

/** Comments as participants write them; a few per phase, so the list shows (≥ 3 answers). */
const COMMENTS: Record<EvaluationPhase, string[]> = {
  pre: [
    "Bisher eher Bauchgefühl, wenig Methode.",
    "Ich kenne die Begriffe, aber nicht die Umsetzung im Betrieb.",
    "Unsicher, wie ich das Thema bei der Geschäftsführung anspreche.",
  ],
  post: [
    "Die Fallbeispiele aus anderen Organisationen haben am meisten geholfen.",
    "Jetzt habe ich einen Plan für unser Team und Kontakte für Fragen.",
    "Mehr Zeit für die Praxisphase wäre gut gewesen.",
    "Die Vernetzung mit der Stadtverwaltung nehme ich mit.",
  ],
};

/** A small deterministic generator, so that the demo looks the same on every installation. */
function generator(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

const clamp = (v: number) => Math.max(1, Math.min(5, Math.round(v)));

/**
 * Pre and post self-assessments for the completed demo cohort: 13 of 14 answered before, 11 after,
 * ratings rising by about one step. Links are recorded as used (their tokens are thrown away).
 * Does nothing if the cohort is absent or already has answers.
 */
export async function seedDemoTrainingsEvaluations(tx: Tx, _idOf?: Map<string, string>): Promise<number> {
  const [cohort] = await tx
    .select()
    .from(trainingCohorts)
    .where(eq(trainingCohorts.title, DEMO_EVALUATED_COHORT));
  if (!cohort) return 0;
  const [existing] = await tx
    .select({ id: trainingEvaluationResponses.id })
    .from(trainingEvaluationResponses)
    .where(eq(trainingEvaluationResponses.cohortId, cohort.id))
    .limit(1);
  if (existing) return 0;
  const goals = await tx
    .select({ id: trainingGoals.id })
    .from(trainingGoals)
    .where(eq(trainingGoals.programmeId, cohort.programmeId))
    .orderBy(asc(trainingGoals.position));
  const people = await tx
    .select({ id: trainingParticipants.id })
    .from(trainingParticipants)
    .where(and(eq(trainingParticipants.cohortId, cohort.id), eq(trainingParticipants.status, "enrolled")))
    .orderBy(asc(trainingParticipants.createdAt), asc(trainingParticipants.id));
  if (goals.length === 0 || people.length === 0) return 0;

  const random = generator(2026);
  const start = new Date(`${cohort.startsOn}T08:00:00Z`);
  const end = new Date(`${cohort.endsOn}T16:00:00Z`);
  const sentAt: Record<EvaluationPhase, Date> = {
    pre: new Date(start.getTime() - 7 * 86_400_000),
    post: end,
  };
  // Everyone's starting level per goal, so that post pairs with pre.
  const level = people.map(() => goals.map(() => 1.6 + random() * 1.8));
  let written = 0;
  for (const phase of ["pre", "post"] as const) {
    const answering = phase === "pre" ? people.length - 1 : people.length - 3;
    let commentIndex = 0;
    for (const [i, person] of people.entries()) {
      const answered = i < answering;
      const sent = sentAt[phase];
      const submitted = new Date(sent.getTime() + (1 + (i % 5)) * 86_400_000);
      const locale = i % 7 === 3 ? "ar" : i % 7 === 5 ? "en" : "de";
      await tx.insert(trainingEvaluationLinks).values({
        participantId: person.id,
        phase,
        locale,
        tokenHash: tokenHash(newToken()),
        createdAt: sent,
        expiresAt: new Date(sent.getTime() + EVALUATION_LINK_DAYS * 86_400_000),
        usedAt: answered ? submitted : null,
      });
      if (!answered) continue;
      const answers = goals.map((goal, g) => {
        const base = level[i]?.[g] ?? 2.5;
        const rating = clamp(phase === "pre" ? base : base + 0.6 + random() * 1.1);
        const comment =
          g === 0 && i % 3 === 0 ? COMMENTS[phase][commentIndex++ % COMMENTS[phase].length] : undefined;
        return { goalId: goal.id, rating, ...(comment ? { comment } : {}) };
      });
      await tx.insert(trainingEvaluationResponses).values({
        cohortId: cohort.id,
        participantId: person.id,
        phase,
        locale,
        answers,
        submittedAt: submitted,
      });
      written++;
    }
  }
  return written;
}
