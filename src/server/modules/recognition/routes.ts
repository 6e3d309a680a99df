import type { FastifyRequest } from "fastify";
import type { App, Deps } from "#server/deps.ts";
import { ctxOf } from "#server/platform/context.ts";
import { route } from "#server/platform/route.ts";
import { expectedVersion, sendVersioned } from "#server/platform/versioning.ts";
import { recognitionRoutes } from "#shared/contracts/routes/recognition.ts";
import { searchDirectoryOrganisations } from "./directory.ts";
import { occupationFields } from "./kldb.ts";
import { searchOccupations } from "./occupation-search.ts";
import { getProcedure, openProcedure, updateProcedure } from "./procedures.ts";
import { addQualification, listQualifications, updateQualification } from "./qualifications.ts";
import { suggestOffers } from "./suggestions.ts";

/** Routes of the recognition module: reference occupations, qualifications, procedures, suggestions. */
export function registerRecognitionRoutes(app: App, { db }: Deps) {
  const ctx = (request: FastifyRequest) => ctxOf(db, request);

  route(app, recognitionRoutes.occupations, async (request) => ({
    items: searchOccupations(request.query.q, request.query.limit),
  }));

  route(app, recognitionRoutes.occupationFields, async () => ({ items: occupationFields() }));

  route(app, recognitionRoutes.directoryOrganisations, async (request) =>
    searchDirectoryOrganisations(db, request.query.q),
  );

  route(app, recognitionRoutes.qualifications, async (request) =>
    listQualifications({ ...ctx(request), clientId: request.params.clientId }),
  );

  route(app, recognitionRoutes.addQualification, async (request, reply) =>
    reply
      .code(201)
      .send(
        await addQualification({ ...ctx(request), clientId: request.params.clientId, input: request.body }),
      ),
  );

  route(app, recognitionRoutes.updateQualification, async (request) =>
    updateQualification({
      ...ctx(request),
      qualificationId: request.params.qualificationId,
      change: request.body,
    }),
  );

  route(app, recognitionRoutes.openProcedure, async (request, reply) =>
    reply.code(201).send(sendVersioned(reply, await openProcedure({ ...ctx(request), input: request.body }))),
  );

  route(app, recognitionRoutes.procedure, async (request, reply) =>
    sendVersioned(reply, await getProcedure({ ...ctx(request), id: request.params.procedureId })),
  );

  route(app, recognitionRoutes.updateProcedure, async (request, reply) => {
    const version = expectedVersion(request);
    const procedure = await updateProcedure({
      ...ctx(request),
      id: request.params.procedureId,
      expectedVersion: version,
      change: request.body,
    });
    return sendVersioned(reply, procedure);
  });

  route(app, recognitionRoutes.suggestions, async (request) =>
    suggestOffers({ ...ctx(request), id: request.params.procedureId }),
  );
}
