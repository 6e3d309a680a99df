import { z } from "zod";
import { ORGANISATION_TYPES } from "#shared/domain.ts";
import { NETWORK_WINDOW_DAYS } from "#shared/trainings.ts";
import { Id } from "./common.ts";
import { Day } from "./trainings.ts";

// The network effect of a cohort (issue 15, "The network effect"): referral links between the
// participants' organisations before the cohort and after it, against the organisations that did
// not take part. Organisations only — never a client, a case or a participant's name.

export const NetworkEffectQuery = z.object({
  windowDays: z.coerce
    .number()
    .int()
    .min(NETWORK_WINDOW_DAYS.min)
    .max(NETWORK_WINDOW_DAYS.max)
    .default(NETWORK_WINDOW_DAYS.default)
    .describe("Days before the cohort's start and after its end whose referrals are compared"),
});
export type NetworkEffectQuery = z.infer<typeof NetworkEffectQuery>;

const Days = z.number().nullable().describe("Median in days (null without referrals to measure)");

export const NetworkWindow = z.object({
  from: Day.describe("First day of the window"),
  to: Day.describe("Last day of the window"),
  started: z
    .boolean()
    .describe("Whether the window has begun (the after window starts the day after the end)"),
  complete: z.boolean().describe("Whether the window lies wholly in the past"),
});

export const NetworkOrganisation = z
  .object({
    id: Id,
    name: z.string(),
    type: z.enum(ORGANISATION_TYPES),
    participants: z.number().int().describe("Enrolled participants from this organisation"),
  })
  .meta({ id: "TrainingNetworkOrganisation" });

export const NetworkEdge = z
  .object({
    from: Id.describe("Referring organisation"),
    to: Id.describe("Receiving organisation"),
    before: z.number().int().describe("Referrals sent in the window before the cohort"),
    after: z.number().int().describe("Referrals sent in the window after the cohort"),
    newLink: z.boolean().describe("Referrals after the cohort and none before"),
    medianAcceptanceDaysBefore: Days,
    medianAcceptanceDaysAfter: Days,
  })
  .meta({ id: "TrainingNetworkEdge" });

/** One group of organisations (the participants' or the comparison) over both windows. */
export const NetworkGroup = z
  .object({
    organisations: z
      .number()
      .int()
      .describe("Organisations of the group with any referral (sent or received) in either window"),
    possiblePairs: z.number().int().describe("Ordered pairs of them (n × (n − 1))"),
    linkedBefore: z.number().int().describe("Pairs with a referral in the window before"),
    linkedAfter: z.number().int().describe("Pairs with a referral in the window after"),
    newLinks: z.number().int().describe("Pairs with referrals after and none before"),
    newLinkRate: z
      .number()
      .nullable()
      .describe("New links per pair that had no link before (null when there is no such pair)"),
    referralsBefore: z.number().int(),
    referralsAfter: z.number().int(),
    medianAnswerDaysBefore: Days,
    medianAnswerDaysAfter: Days,
    medianAcceptanceDaysBefore: Days,
    medianAcceptanceDaysAfter: Days,
  })
  .meta({ id: "TrainingNetworkGroup" });
export type NetworkGroup = z.infer<typeof NetworkGroup>;

export const NETWORK_EFFECT_ALPHA = 0.05;

export const NetworkEffect = z
  .object({
    cohortId: Id,
    windowDays: z.number().int(),
    before: NetworkWindow,
    after: NetworkWindow,
    organisations: z
      .array(NetworkOrganisation)
      .describe("The participants' organisations (the graph's nodes)"),
    edges: z.array(NetworkEdge).describe("Referral volumes between them, per direction"),
    participants: NetworkGroup,
    comparison: NetworkGroup.describe("Organisations with referrals in the windows that did not take part"),
    difference: z
      .number()
      .nullable()
      .describe("Participants' new-link rate minus the comparison's (percentage points / 100)"),
    test: z
      .object({
        method: z.literal("fisher_exact"),
        table: z
          .array(z.array(z.number().int()).length(2))
          .length(2)
          .describe("[[participants new, participants not new], [comparison new, comparison not new]]"),
        pGreater: z.number().describe("One-sided: more new links among the participants than chance gives"),
        pTwoSided: z.number(),
        oddsRatio: z.number().nullable().describe("null when undefined (or infinite)"),
      })
      .nullable(),
    effect: z
      .boolean()
      .describe(`A higher new-link rate among the participants with one-sided p < ${NETWORK_EFFECT_ALPHA}`),
    reason: z
      .enum(["after_not_started", "too_few_organisations", "no_pairs"])
      .nullable()
      .describe("Why no test could be made, if none"),
  })
  .meta({ id: "TrainingNetworkEffect" });
export type NetworkEffect = z.infer<typeof NetworkEffect>;
