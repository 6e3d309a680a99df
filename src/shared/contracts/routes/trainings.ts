import { PROTECTED_PROBLEMS } from "#shared/contracts/common.ts";
import { defineRoute } from "#shared/contracts/route.ts";
import { CohortDetail, CohortParams } from "#shared/contracts/trainings.ts";

const tags = ["trainings"];
const problems = PROTECTED_PROBLEMS;

/** Routes of the trainings core: programmes, cohorts, participants, registration and applications. */
export const trainingRoutes = {
  cohort: defineRoute({
    method: "GET",
    path: "/api/training-cohorts/:cohortId",
    access: "training.read",
    tags,
    summary: "A cohort with its programme, learning goals, trainers and what the caller may do in it",
    params: CohortParams,
    response: { 200: CohortDetail, ...problems },
  }),
};
