import type { FastifyRequest } from "fastify";
import type { App, Deps } from "#server/deps.ts";
import { ctxOf } from "#server/platform/context.ts";
import { route } from "#server/platform/route.ts";
import { trainingEvaluationRoutes } from "#shared/contracts/routes/trainings-evaluations.ts";
import { sendEvaluationLinks } from "./links.ts";
import { evaluationForm, submitEvaluation } from "./public.ts";
import { evaluationResults } from "./results.ts";

/** Routes of the evaluations: links and figures for those who run a cohort, the public form. */
export function registerTrainingEvaluationRoutes(app: App, { db, config, mailer }: Deps) {
  const ctx = (request: FastifyRequest) => ctxOf(db, request);

  route(app, trainingEvaluationRoutes.send, async (request) =>
    sendEvaluationLinks({
      ...ctx(request),
      cohortId: request.params.cohortId,
      input: request.body,
      mailer,
      publicUrl: config.publicUrl,
    }),
  );

  route(app, trainingEvaluationRoutes.results, async (request) =>
    evaluationResults({ ...ctx(request), cohortId: request.params.cohortId }),
  );

  route(app, trainingEvaluationRoutes.form, async (request) =>
    evaluationForm({ db, token: request.params.token }),
  );

  route(app, trainingEvaluationRoutes.submit, async (request, reply) => {
    const submitted = await submitEvaluation({
      db,
      token: request.params.token,
      input: request.body,
      requestId: request.id,
    });
    return reply.code(201).send(submitted);
  });
}
