import {
  Client,
  ClientParams,
  ClientUpdate,
  DuplicateCandidates,
  DuplicateCheck,
} from "#shared/contracts/clients.ts";
import { PROTECTED_PROBLEMS, Problem } from "#shared/contracts/common.ts";
import { defineRoute } from "#shared/contracts/route.ts";

const tags = ["clients"];
const problems = PROTECTED_PROBLEMS;

/** Routes on client records that belong to counselling (the privacy and consent routes live elsewhere). */
export const clientRoutes = {
  duplicateCheck: defineRoute({
    method: "POST",
    path: "/api/clients/duplicate-check",
    access: "case.create",
    tags,
    summary: "Records of the organisation that may be the same person as a new client",
    body: DuplicateCheck,
    response: { 200: DuplicateCandidates, ...problems },
  }),
  get: defineRoute({
    method: "GET",
    path: "/api/clients/:clientId",
    access: "client.read",
    tags,
    summary: "One client; the ETag is the version to send back when updating",
    params: ClientParams,
    response: { 200: Client, ...problems },
  }),
  update: defineRoute({
    method: "PATCH",
    path: "/api/clients/:clientId",
    access: "client.update",
    tags,
    summary: "Change a client record (If-Match: the version it is based on)",
    params: ClientParams,
    body: ClientUpdate,
    response: { 200: Client, ...problems, 412: Problem, 422: Problem, 428: Problem },
  }),
};
