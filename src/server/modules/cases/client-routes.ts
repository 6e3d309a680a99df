import type { FastifyRequest } from "fastify";
import type { App, Deps } from "#server/deps.ts";
import { ctxOf } from "#server/platform/context.ts";
import { route } from "#server/platform/route.ts";
import { expectedVersion, sendVersioned } from "#server/platform/versioning.ts";
import { clientRoutes } from "#shared/contracts/routes/clients.ts";
import { checkDuplicates, getClient, updateClient } from "./clients.ts";

/** Routes on client records that belong to counselling (the privacy and consent routes live elsewhere). */
export function registerClientRoutes(app: App, { db }: Deps) {
  const ctx = (request: FastifyRequest) => ctxOf(db, request);

  route(app, clientRoutes.duplicateCheck, async (request) =>
    checkDuplicates({ ...ctx(request), probe: request.body }),
  );

  route(app, clientRoutes.get, async (request, reply) =>
    sendVersioned(reply, await getClient({ ...ctx(request), id: request.params.clientId })),
  );

  route(app, clientRoutes.update, async (request, reply) =>
    sendVersioned(
      reply,
      await updateClient({
        ...ctx(request),
        id: request.params.clientId,
        expectedVersion: expectedVersion(request),
        change: request.body,
      }),
    ),
  );
}
