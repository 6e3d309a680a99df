import { z } from "zod";
import { EVALUATION_LOCALES, EVALUATION_PHASES } from "#shared/trainings.ts";
import { Id, Timestamp } from "./common.ts";
import { GoalText } from "./trainings.ts";

// Evaluations of a cohort: pre and post self-assessments per learning goal, answered through
// personal links without an account. Those who run the cohort see counts and figures per goal,
// never an answer with its participant and never a figure resting on fewer than
// MIN_EVALUATION_ANSWERS answers.

export const EvaluationPhase = z.enum(EVALUATION_PHASES);
export const EvaluationLocale = z.enum(EVALUATION_LOCALES);

export const EvaluationSendBody = z
  .object({
    phase: EvaluationPhase,
    locale: EvaluationLocale.default("de").describe(
      "Language of the link for participants without an account (the others get their own language)",
    ),
  })
  .meta({ id: "TrainingEvaluationSend" });

export const EvaluationSendResult = z
  .object({
    phase: EvaluationPhase,
    sent: z.number().int().describe("Links mailed now (an unused earlier link is replaced)"),
    alreadyAnswered: z.number().int().describe("Enrolled participants who answered this phase already"),
    expiresAt: Timestamp,
  })
  .meta({ id: "TrainingEvaluationSendResult" });

/** How many answered: counts only, never who. */
export const EvaluationPhaseCounts = z.object({
  sent: z.number().int().describe("Enrolled participants who were sent a link"),
  answered: z.number().int().describe("Enrolled participants who answered"),
  lastSentAt: Timestamp.nullable(),
});

/** Why a figure is not shown. */
export const SUPPRESSION_REASONS = ["too_few_answers", "too_few_pairs"] as const;
export const SuppressionReason = z.enum(SUPPRESSION_REASONS);

export const EvaluationPhaseFigures = z.object({
  n: z.number().int().describe("Answers to this goal in this phase"),
  mean: z.number().nullable(),
  /** Answers per scale value 1–5; null when suppressed. */
  distribution: z.array(z.number().int()).length(5).nullable(),
  suppressed: SuppressionReason.nullable(),
  /** Comments in alphabetical order (not the order they came in); null when suppressed. */
  comments: z.array(z.string()).nullable(),
});

export const EvaluationChange = z.object({
  n: z.number().int().describe("Participants who answered both phases"),
  meanChange: z.number().nullable(),
  medianChange: z.number().nullable(),
  dz: z.number().nullable().describe("Effect size d_z = mean(diff) / sd(diff); null without spread"),
  wilcoxonV: z.number().nullable().describe("Wilcoxon signed-rank statistic V"),
  wilcoxonP: z.number().nullable().describe("Two-sided p of the Wilcoxon signed-rank test"),
  wilcoxonMethod: z.enum(["exact", "normal"]).nullable(),
  suppressed: SuppressionReason.nullable(),
});

export const EvaluationGoalResult = z.object({
  goalId: Id,
  position: z.number().int(),
  text: GoalText,
  pre: EvaluationPhaseFigures,
  post: EvaluationPhaseFigures,
  change: EvaluationChange,
});

export const EvaluationResults = z
  .object({
    minAnswers: z.number().int(),
    enrolled: z.number().int(),
    pre: EvaluationPhaseCounts,
    post: EvaluationPhaseCounts,
    goals: z.array(EvaluationGoalResult),
  })
  .meta({ id: "TrainingEvaluationResults" });
export type EvaluationResults = z.infer<typeof EvaluationResults>;
export type EvaluationGoalResult = z.infer<typeof EvaluationGoalResult>;

export const EvaluationToken = z.object({ token: z.string().min(10).max(200) });

/** What the public form shows: the programme's goals in the link's language, nothing else. */
export const EvaluationForm = z
  .object({
    phase: EvaluationPhase,
    locale: EvaluationLocale,
    programmeTitle: z.string(),
    cohortTitle: z.string(),
    expiresAt: Timestamp,
    goals: z.array(z.object({ id: Id, position: z.number().int(), text: z.string() })),
  })
  .meta({ id: "TrainingEvaluationForm" });
export type EvaluationForm = z.infer<typeof EvaluationForm>;

export const EvaluationAnswerInput = z.object({
  goalId: Id,
  rating: z.number().int().min(1).max(5),
  comment: z.string().trim().max(2000).optional(),
});

export const EvaluationSubmitBody = z
  .object({ answers: z.array(EvaluationAnswerInput).min(1).max(50) })
  .meta({ id: "TrainingEvaluationSubmit" });

export const EvaluationSubmitted = z.object({ submittedAt: Timestamp });
