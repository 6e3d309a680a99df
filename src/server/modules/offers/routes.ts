import type { FastifyRequest } from "fastify";
import { z } from "zod";
import { PageQuery, PROTECTED_PROBLEMS, Problem } from "#shared/contracts/common.ts";
import { OrgParams } from "#shared/contracts/members.ts";
import {
  DirectoryChangeList,
  Location,
  LocationCreate,
  LocationList,
  LocationListQuery,
  LocationParams,
  LocationUpdate,
  Offer,
  OfferCreate,
  OfferList,
  OfferListQuery,
  OfferParams,
  OfferUpdate,
} from "#shared/contracts/offers.ts";
import type { App, Deps } from "../../deps.ts";
import { ctxOf } from "../../platform/context.ts";
import {
  createLocation,
  deleteLocation,
  getLocation,
  listLocations,
  locationHistory,
  updateLocation,
} from "./locations.ts";
import { createOffer, deleteOffer, getOffer, listOffers, offerHistory, updateOffer } from "./service.ts";

const tags = ["offers"];
const problems = PROTECTED_PROBLEMS;

export function registerOfferRoutes(app: App, { db }: Deps) {
  const ctx = (request: FastifyRequest) => ctxOf(db, request);

  app.get(
    "/api/organisations/:orgId/offers",
    {
      config: { access: "offer.read" },
      schema: {
        tags,
        summary: "Offers of an organisation",
        params: OrgParams,
        querystring: OfferListQuery,
        response: { 200: OfferList, ...problems },
      },
    },
    async (request) =>
      listOffers({ ...ctx(request), organisationId: request.params.orgId, query: request.query }),
  );

  app.post(
    "/api/organisations/:orgId/offers",
    {
      config: { access: "offer.manage" },
      schema: {
        tags,
        summary: "Add an offer to an organisation's directory entry",
        params: OrgParams,
        body: OfferCreate,
        response: { 201: Offer, ...problems, 422: Problem },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await createOffer({ ...ctx(request), organisationId: request.params.orgId, input: request.body }),
        ),
  );

  app.get(
    "/api/offers/:id",
    {
      config: { access: "offer.read" },
      schema: { tags, summary: "One offer", params: OfferParams, response: { 200: Offer, ...problems } },
    },
    async (request) => getOffer({ ...ctx(request), id: request.params.id }),
  );

  app.patch(
    "/api/offers/:id",
    {
      config: { access: "offer.manage" },
      schema: {
        tags,
        summary: "Edit an offer or change its status",
        params: OfferParams,
        body: OfferUpdate,
        response: { 200: Offer, ...problems, 422: Problem },
      },
    },
    async (request) => updateOffer({ ...ctx(request), id: request.params.id, change: request.body }),
  );

  app.delete(
    "/api/offers/:id",
    {
      config: { access: "offer.manage" },
      schema: {
        tags,
        summary: "Remove an offer for good (coordination only; admins set the status to defunct)",
        params: OfferParams,
        response: { 204: z.null(), ...problems },
      },
    },
    async (request, reply) => {
      await deleteOffer({ ...ctx(request), id: request.params.id });
      return reply.code(204).send(null);
    },
  );

  app.get(
    "/api/offers/:id/history",
    {
      config: { access: "offer.read" },
      schema: {
        tags,
        summary: "Change history of an offer, newest first",
        params: OfferParams,
        querystring: PageQuery,
        response: { 200: DirectoryChangeList, ...problems },
      },
    },
    async (request) => offerHistory({ ...ctx(request), id: request.params.id, ...request.query }),
  );

  app.get(
    "/api/organisations/:orgId/locations",
    {
      config: { access: "offer.read" },
      schema: {
        tags,
        summary: "Locations of an organisation",
        params: OrgParams,
        querystring: LocationListQuery,
        response: { 200: LocationList, ...problems },
      },
    },
    async (request) =>
      listLocations({ ...ctx(request), organisationId: request.params.orgId, query: request.query }),
  );

  app.post(
    "/api/organisations/:orgId/locations",
    {
      config: { access: "offer.manage" },
      schema: {
        tags,
        summary: "Add a location where the organisation gives offers",
        params: OrgParams,
        body: LocationCreate,
        response: { 201: Location, ...problems, 422: Problem },
      },
    },
    async (request, reply) =>
      reply.code(201).send(
        await createLocation({
          ...ctx(request),
          organisationId: request.params.orgId,
          input: request.body,
        }),
      ),
  );

  app.get(
    "/api/locations/:id",
    {
      config: { access: "offer.read" },
      schema: {
        tags,
        summary: "One location",
        params: LocationParams,
        response: { 200: Location, ...problems },
      },
    },
    async (request) => getLocation({ ...ctx(request), id: request.params.id }),
  );

  app.patch(
    "/api/locations/:id",
    {
      config: { access: "offer.manage" },
      schema: {
        tags,
        summary: "Edit a location",
        params: LocationParams,
        body: LocationUpdate,
        response: { 200: Location, ...problems, 422: Problem },
      },
    },
    async (request) => updateLocation({ ...ctx(request), id: request.params.id, change: request.body }),
  );

  app.delete(
    "/api/locations/:id",
    {
      config: { access: "offer.manage" },
      schema: {
        tags,
        summary: "Remove a location; its offers are no longer given there",
        params: LocationParams,
        response: { 204: z.null(), ...problems },
      },
    },
    async (request, reply) => {
      await deleteLocation({ ...ctx(request), id: request.params.id });
      return reply.code(204).send(null);
    },
  );

  app.get(
    "/api/locations/:id/history",
    {
      config: { access: "offer.read" },
      schema: {
        tags,
        summary: "Change history of a location, newest first",
        params: LocationParams,
        querystring: PageQuery,
        response: { 200: DirectoryChangeList, ...problems },
      },
    },
    async (request) => locationHistory({ ...ctx(request), id: request.params.id, ...request.query }),
  );
}
