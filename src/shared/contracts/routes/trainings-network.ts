import { PROTECTED_PROBLEMS, Problem } from "#shared/contracts/common.ts";
import { defineRoute } from "#shared/contracts/route.ts";
import { CohortParams } from "#shared/contracts/trainings.ts";
import { NetworkEffect, NetworkEffectQuery } from "#shared/contracts/trainings-network.ts";

const tags = ["trainings"];

/** The network effect of a cohort (for those who teach it and the coordination). */
export const trainingNetworkRoutes = {
  effect: defineRoute({
    method: "GET",
    path: "/api/training-cohorts/:cohortId/network",
    access: "training.teach",
    tags,
    summary:
      "Referral links between the participants' organisations before and after the cohort, against those that did not take part",
    params: CohortParams,
    query: NetworkEffectQuery,
    response: { 200: NetworkEffect, ...PROTECTED_PROBLEMS, 422: Problem },
  }),
};
