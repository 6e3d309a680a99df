import type { FastifyRequest } from "fastify";
import type { App, Deps } from "#server/deps.ts";
import { ctxOf } from "#server/platform/context.ts";
import { route } from "#server/platform/route.ts";
import { trainingRoutes } from "#shared/contracts/routes/trainings.ts";
import { getCohort } from "./cohorts.ts";

/** Routes of the trainings core (the parts register theirs from their own folders). */
export function registerTrainingRoutes(app: App, { db }: Deps) {
  const ctx = (request: FastifyRequest) => ctxOf(db, request);

  route(app, trainingRoutes.cohort, async (request) =>
    getCohort({ ...ctx(request), cohortId: request.params.cohortId }),
  );
}
