import type { FastifyRequest } from "fastify";
import {
  Client,
  ClientParams,
  ClientUpdate,
  DuplicateCandidates,
  DuplicateCheck,
} from "#shared/contracts/clients.ts";
import { PROTECTED_PROBLEMS, Problem } from "#shared/contracts/common.ts";
import type { App, Deps } from "../../deps.ts";
import { ctxOf } from "../../platform/context.ts";
import { expectedVersion, sendVersioned } from "../../platform/versioning.ts";
import { checkDuplicates, getClient, updateClient } from "./clients.ts";

const tags = ["clients"];
const problems = PROTECTED_PROBLEMS;

/** Routes on client records that belong to counselling (the privacy and consent routes live elsewhere). */
export function registerClientRoutes(app: App, { db }: Deps) {
  const ctx = (request: FastifyRequest) => ctxOf(db, request);

  app.post(
    "/api/clients/duplicate-check",
    {
      config: { access: "case.create" },
      schema: {
        tags,
        summary: "Records of the organisation that may be the same person as a new client",
        body: DuplicateCheck,
        response: { 200: DuplicateCandidates, ...problems },
      },
    },
    async (request) => checkDuplicates({ ...ctx(request), probe: request.body }),
  );

  app.get(
    "/api/clients/:clientId",
    {
      config: { access: "client.read" },
      schema: {
        tags,
        summary: "One client; the ETag is the version to send back when updating",
        params: ClientParams,
        response: { 200: Client, ...problems },
      },
    },
    async (request, reply) =>
      sendVersioned(reply, await getClient({ ...ctx(request), id: request.params.clientId })),
  );

  app.patch(
    "/api/clients/:clientId",
    {
      config: { access: "client.update" },
      schema: {
        tags,
        summary: "Change a client record (If-Match: the version it is based on)",
        params: ClientParams,
        body: ClientUpdate,
        response: { 200: Client, ...problems, 412: Problem, 422: Problem, 428: Problem },
      },
    },
    async (request, reply) =>
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
