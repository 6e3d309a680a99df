import type { FastifyRequest } from "fastify";
import type { App, Deps } from "#server/deps.ts";
import { ctxOf } from "#server/platform/context.ts";
import { route } from "#server/platform/route.ts";
import { expectedVersion, sendVersioned } from "#server/platform/versioning.ts";
import { trainingRoutes } from "#shared/contracts/routes/trainings.ts";
import { apply, openCohort, openCohorts } from "./applications.ts";
import { createCohort, listCohorts, trainerCandidates, updateCohort } from "./cohort-edit.ts";
import { getCohort } from "./cohorts.ts";
import { cohortMix, decideApplication, listParticipants, withdrawParticipant } from "./participants.ts";
import { createProgramme, getProgramme, listProgrammes, updateProgramme } from "./programmes.ts";
import { registerParticipant, registrableMembers } from "./register.ts";
import { ensureSeedProgrammes } from "./seed-programmes.ts";

/** Routes of the trainings core (the parts register theirs from their own folders). */
export function registerTrainingRoutes(app: App, { db, mailer }: Deps) {
  const ctx = (request: FastifyRequest) => ctxOf(db, request);

  // Every installation starts with the seed's two programmes: ensured (idempotent, safe with two
  // instances) before the first request that reads programmes, as hsds does with its taxonomy. Not in
  // an onReady hook: the OpenAPI writer and the route tests build the app without a database.
  let ensured: Promise<void> | undefined;
  const ready = () => {
    ensured ??= ensureSeedProgrammes(db).catch((err) => {
      ensured = undefined;
      throw err;
    });
    return ensured;
  };

  route(app, trainingRoutes.programmes, async (request) => {
    await ready();
    return listProgrammes(ctx(request));
  });
  route(app, trainingRoutes.programme, async (request, reply) => {
    await ready();
    return sendVersioned(
      reply,
      await getProgramme({ ...ctx(request), programmeId: request.params.programmeId }),
    );
  });
  route(app, trainingRoutes.createProgramme, async (request, reply) =>
    reply
      .code(201)
      .send(sendVersioned(reply, await createProgramme({ ...ctx(request), input: request.body }))),
  );
  route(app, trainingRoutes.updateProgramme, async (request, reply) => {
    const version = expectedVersion(request);
    const programme = await updateProgramme({
      ...ctx(request),
      programmeId: request.params.programmeId,
      expectedVersion: version,
      input: request.body,
    });
    return sendVersioned(reply, programme);
  });

  route(app, trainingRoutes.cohorts, async (request) => listCohorts({ ...ctx(request), ...request.query }));
  route(app, trainingRoutes.cohort, async (request, reply) =>
    sendVersioned(reply, await getCohort({ ...ctx(request), cohortId: request.params.cohortId })),
  );
  route(app, trainingRoutes.createCohort, async (request, reply) =>
    reply.code(201).send(sendVersioned(reply, await createCohort({ ...ctx(request), input: request.body }))),
  );
  route(app, trainingRoutes.updateCohort, async (request, reply) => {
    const version = expectedVersion(request);
    const cohort = await updateCohort({
      ...ctx(request),
      cohortId: request.params.cohortId,
      expectedVersion: version,
      input: request.body,
      mailer,
    });
    return sendVersioned(reply, cohort);
  });
  route(app, trainingRoutes.trainerCandidates, async (request) => trainerCandidates(ctx(request)));
  route(app, trainingRoutes.mix, async (request) =>
    cohortMix({ ...ctx(request), cohortId: request.params.cohortId }),
  );

  route(app, trainingRoutes.participants, async (request) =>
    listParticipants({ ...ctx(request), cohortId: request.params.cohortId }),
  );
  route(app, trainingRoutes.registrable, async (request) =>
    registrableMembers({ ...ctx(request), cohortId: request.params.cohortId, q: request.query.q }),
  );
  route(app, trainingRoutes.register, async (request, reply) =>
    reply.code(201).send(
      await registerParticipant({
        ...ctx(request),
        cohortId: request.params.cohortId,
        input: request.body,
        mailer,
      }),
    ),
  );
  route(app, trainingRoutes.withdraw, async (request) =>
    withdrawParticipant({ ...ctx(request), ...request.params, mailer }),
  );
  route(app, trainingRoutes.decide, async (request) =>
    decideApplication({ ...ctx(request), ...request.params, ...request.body, mailer }),
  );

  route(app, trainingRoutes.openCohorts, async () => openCohorts(db));
  route(app, trainingRoutes.openCohort, async (request) => openCohort(db, request.params.cohortId));
  route(app, trainingRoutes.apply, async (request, reply) =>
    reply.code(202).send(
      await apply({
        db,
        mailer,
        requestId: request.id,
        cohortId: request.params.cohortId,
        input: request.body,
      }),
    ),
  );
}
