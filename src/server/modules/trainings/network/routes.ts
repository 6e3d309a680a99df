import type { App, Deps } from "#server/deps.ts";
import { ctxOf } from "#server/platform/context.ts";
import { route } from "#server/platform/route.ts";
import { trainingNetworkRoutes } from "#shared/contracts/routes/trainings-network.ts";
import { networkEffect } from "./effect.ts";

/** The network effect of a cohort (issue 15, part network). */
export function registerTrainingNetworkRoutes(app: App, { db }: Deps) {
  route(app, trainingNetworkRoutes.effect, async (request) =>
    networkEffect({
      ...ctxOf(db, request),
      cohortId: request.params.cohortId,
      windowDays: request.query.windowDays,
    }),
  );
}
