import { PROTECTED_PROBLEMS, Problem } from "#shared/contracts/common.ts";
import {
  Organisation,
  OrganisationCreate,
  OrganisationList,
  OrganisationListQuery,
  OrganisationParams,
  OrganisationUpdate,
} from "#shared/contracts/organisations.ts";
import { defineRoute } from "#shared/contracts/route.ts";

const tags = ["organisations"];
const problems = PROTECTED_PROBLEMS;

/** Routes of the organisations module. */
export const organisationRoutes = {
  list: defineRoute({
    method: "GET",
    path: "/api/organisations",
    access: "organisation.list",
    tags,
    summary: "All organisations of the network",
    query: OrganisationListQuery,
    response: { 200: OrganisationList, ...problems },
  }),
  create: defineRoute({
    method: "POST",
    path: "/api/organisations",
    access: "organisation.create",
    tags,
    summary: "Add an organisation to the network",
    body: OrganisationCreate,
    response: { 201: Organisation, ...problems },
  }),
  get: defineRoute({
    method: "GET",
    path: "/api/organisations/:id",
    access: "organisation.read",
    tags,
    summary: "One organisation's profile",
    params: OrganisationParams,
    response: { 200: Organisation, ...problems },
  }),
  update: defineRoute({
    method: "PATCH",
    path: "/api/organisations/:id",
    access: "organisation.update",
    tags,
    summary: "Edit an organisation's profile",
    params: OrganisationParams,
    body: OrganisationUpdate,
    response: { 200: Organisation, ...problems, 422: Problem },
  }),
};
