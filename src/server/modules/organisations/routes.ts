import type { FastifyRequest } from "fastify";
import type { App, Deps } from "#server/deps.ts";
import { ctxOf } from "#server/platform/context.ts";
import { route } from "#server/platform/route.ts";
import { organisationRoutes } from "#shared/contracts/routes/organisations.ts";
import { createOrganisation, getOrganisation, listOrganisations, updateOrganisation } from "./service.ts";

export function registerOrganisationRoutes(app: App, { db }: Deps) {
  const ctx = (request: FastifyRequest) => ctxOf(db, request);

  route(app, organisationRoutes.list, async (request) =>
    listOrganisations({ ...ctx(request), query: request.query }),
  );

  route(app, organisationRoutes.create, async (request, reply) =>
    reply.code(201).send(await createOrganisation({ ...ctx(request), input: request.body })),
  );

  route(app, organisationRoutes.get, async (request) =>
    getOrganisation({ ...ctx(request), id: request.params.id }),
  );

  route(app, organisationRoutes.update, async (request) =>
    updateOrganisation({ ...ctx(request), id: request.params.id, change: request.body }),
  );
}
