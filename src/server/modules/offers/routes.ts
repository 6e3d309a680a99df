import type { FastifyRequest } from "fastify";
import type { App, Deps } from "#server/deps.ts";
import { ctxOf } from "#server/platform/context.ts";
import { route } from "#server/platform/route.ts";
import { offerRoutes } from "#shared/contracts/routes/offers.ts";
import {
  createLocation,
  deleteLocation,
  getLocation,
  listLocations,
  locationHistory,
  updateLocation,
} from "./locations.ts";
import { createOffer, deleteOffer, getOffer, listOffers, offerHistory, updateOffer } from "./service.ts";

export function registerOfferRoutes(app: App, { db }: Deps) {
  const ctx = (request: FastifyRequest) => ctxOf(db, request);

  route(app, offerRoutes.list, async (request) =>
    listOffers({ ...ctx(request), organisationId: request.params.orgId, query: request.query }),
  );

  route(app, offerRoutes.create, async (request, reply) =>
    reply
      .code(201)
      .send(
        await createOffer({ ...ctx(request), organisationId: request.params.orgId, input: request.body }),
      ),
  );

  route(app, offerRoutes.get, async (request) => getOffer({ ...ctx(request), id: request.params.id }));

  route(app, offerRoutes.update, async (request) =>
    updateOffer({ ...ctx(request), id: request.params.id, change: request.body }),
  );

  route(app, offerRoutes.delete, async (request, reply) => {
    await deleteOffer({ ...ctx(request), id: request.params.id });
    return reply.code(204).send(null);
  });

  route(app, offerRoutes.history, async (request) =>
    offerHistory({ ...ctx(request), id: request.params.id, ...request.query }),
  );

  route(app, offerRoutes.locations, async (request) =>
    listLocations({ ...ctx(request), organisationId: request.params.orgId, query: request.query }),
  );

  route(app, offerRoutes.createLocation, async (request, reply) =>
    reply.code(201).send(
      await createLocation({
        ...ctx(request),
        organisationId: request.params.orgId,
        input: request.body,
      }),
    ),
  );

  route(app, offerRoutes.location, async (request) =>
    getLocation({ ...ctx(request), id: request.params.id }),
  );

  route(app, offerRoutes.updateLocation, async (request) =>
    updateLocation({ ...ctx(request), id: request.params.id, change: request.body }),
  );

  route(app, offerRoutes.deleteLocation, async (request, reply) => {
    await deleteLocation({ ...ctx(request), id: request.params.id });
    return reply.code(204).send(null);
  });

  route(app, offerRoutes.locationHistory, async (request) =>
    locationHistory({ ...ctx(request), id: request.params.id, ...request.query }),
  );
}
