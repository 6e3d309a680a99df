import { PROTECTED_PROBLEMS, Problem } from "#shared/contracts/common.ts";
import { defineRoute } from "#shared/contracts/route.ts";
import { CohortParams } from "#shared/contracts/trainings.ts";
import {
  EvaluationForm,
  EvaluationResults,
  EvaluationSendBody,
  EvaluationSendResult,
  EvaluationSubmitBody,
  EvaluationSubmitted,
  EvaluationToken,
} from "#shared/contracts/trainings-evaluations.ts";

const tags = ["trainings"];
const problems = PROTECTED_PROBLEMS;
/** A link that is unknown (404), used (409) or expired (410); bad answers 422; too many tries 429. */
const linkProblems = { 400: Problem, 404: Problem, 409: Problem, 410: Problem, 429: Problem };

/** Routes of the evaluations: personal links, the public form, the figures per learning goal. */
export const trainingEvaluationRoutes = {
  send: defineRoute({
    method: "POST",
    path: "/api/training-cohorts/:cohortId/evaluation-links",
    access: "training.teach",
    tags,
    summary: "Mail personal self-assessment links for a phase to every enrolled participant",
    params: CohortParams,
    body: EvaluationSendBody,
    response: { 200: EvaluationSendResult, ...problems, 422: Problem },
  }),
  results: defineRoute({
    method: "GET",
    path: "/api/training-cohorts/:cohortId/evaluation-results",
    access: "training.teach",
    tags,
    summary: "Counts and figures per learning goal (no individual answers, nothing under the minimum)",
    params: CohortParams,
    response: { 200: EvaluationResults, ...problems },
  }),
  form: defineRoute({
    method: "GET",
    path: "/api/training-evaluations/:token",
    access: "public",
    tags,
    summary: "The self-assessment form of a personal link: the programme's goals in its language",
    params: EvaluationToken,
    response: { 200: EvaluationForm, ...linkProblems },
  }),
  submit: defineRoute({
    method: "POST",
    path: "/api/training-evaluations/:token",
    access: "public",
    tags,
    summary: "Submit the self-assessment once; the link is used up",
    params: EvaluationToken,
    body: EvaluationSubmitBody,
    response: { 201: EvaluationSubmitted, ...linkProblems, 422: Problem },
  }),
};
