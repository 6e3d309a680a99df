import type { FastifyRequest } from "fastify";
import type { App, Deps } from "#server/deps.ts";
import { ctxOf } from "#server/platform/context.ts";
import { route } from "#server/platform/route.ts";
import { expectedVersion, sendVersioned } from "#server/platform/versioning.ts";
import { interfaceRoutes } from "#shared/contracts/routes/interfaces.ts";
import { createInterface, getInterface, listInterfaces, updateInterface } from "./service.ts";
import { loadReferralSettings, updateReferralSettings } from "./settings.ts";

/** Routes of the interface register and the network defaults of referrals. */
export function registerInterfaceRoutes(app: App, { db }: Deps) {
  const ctx = (request: FastifyRequest) => ctxOf(db, request);

  route(app, interfaceRoutes.list, async (request) =>
    listInterfaces({ ...ctx(request), query: request.query }),
  );

  route(app, interfaceRoutes.create, async (request, reply) =>
    reply
      .code(201)
      .send(sendVersioned(reply, await createInterface({ ...ctx(request), input: request.body }))),
  );

  route(app, interfaceRoutes.get, async (request, reply) =>
    sendVersioned(reply, await getInterface({ ...ctx(request), id: request.params.interfaceId })),
  );

  route(app, interfaceRoutes.update, async (request, reply) =>
    sendVersioned(
      reply,
      await updateInterface({
        ...ctx(request),
        id: request.params.interfaceId,
        expectedVersion: expectedVersion(request),
        change: request.body,
      }),
    ),
  );

  route(app, interfaceRoutes.referralSettings, async () => loadReferralSettings(db));

  route(app, interfaceRoutes.updateReferralSettings, async (request) =>
    updateReferralSettings({ ...ctx(request), input: request.body }),
  );
}
