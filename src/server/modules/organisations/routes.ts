import type { FastifyRequest } from "fastify";
import { PROTECTED_PROBLEMS, Problem } from "#shared/contracts/common.ts";
import {
  Organisation,
  OrganisationCreate,
  OrganisationList,
  OrganisationListQuery,
  OrganisationParams,
  OrganisationUpdate,
} from "#shared/contracts/organisations.ts";
import type { App, Deps } from "../../deps.ts";
import { ctxOf } from "../../platform/context.ts";
import { createOrganisation, getOrganisation, listOrganisations, updateOrganisation } from "./service.ts";

const tags = ["organisations"];
const problems = PROTECTED_PROBLEMS;

export function registerOrganisationRoutes(app: App, { db }: Deps) {
  const ctx = (request: FastifyRequest) => ctxOf(db, request);

  app.get(
    "/api/organisations",
    {
      config: { access: "organisation.list" },
      schema: {
        tags,
        summary: "All organisations of the network",
        querystring: OrganisationListQuery,
        response: { 200: OrganisationList, ...problems },
      },
    },
    async (request) => listOrganisations({ ...ctx(request), query: request.query }),
  );

  app.post(
    "/api/organisations",
    {
      config: { access: "organisation.create" },
      schema: {
        tags,
        summary: "Add an organisation to the network",
        body: OrganisationCreate,
        response: { 201: Organisation, ...problems },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await createOrganisation({ ...ctx(request), input: request.body })),
  );

  app.get(
    "/api/organisations/:id",
    {
      config: { access: "organisation.read" },
      schema: {
        tags,
        summary: "One organisation's profile",
        params: OrganisationParams,
        response: { 200: Organisation, ...problems },
      },
    },
    async (request) => getOrganisation({ ...ctx(request), id: request.params.id }),
  );

  app.patch(
    "/api/organisations/:id",
    {
      config: { access: "organisation.update" },
      schema: {
        tags,
        summary: "Edit an organisation's profile",
        params: OrganisationParams,
        body: OrganisationUpdate,
        response: { 200: Organisation, ...problems, 422: Problem },
      },
    },
    async (request) => updateOrganisation({ ...ctx(request), id: request.params.id, change: request.body }),
  );
}
