import type { z } from "zod";
import type { Tone } from "#client/components/ToneBadge.tsx";
import type { GoalText } from "#shared/contracts/trainings.ts";
import type { CohortStatus, ParticipantStatus } from "#shared/trainings.ts";

/** A learning goal in the interface language, German when it has no translation. */
export const goalText = (text: z.infer<typeof GoalText>, language: string) =>
  (language === "en" ? text.en : language === "ar" ? text.ar : undefined) ?? text.de;

export const COHORT_TONE: Record<CohortStatus, Tone> = {
  planned: "blue",
  running: "green",
  completed: "gray",
  cancelled: "red",
};

export const PARTICIPANT_TONE: Record<ParticipantStatus, Tone> = {
  applied: "yellow",
  declined: "gray",
  waitlisted: "yellow",
  enrolled: "green",
  withdrawn: "gray",
};
