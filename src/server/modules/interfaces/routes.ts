import type { FastifyRequest } from "fastify";
import { PROTECTED_PROBLEMS, Problem } from "#shared/contracts/common.ts";
import {
  Interface,
  InterfaceInput,
  InterfaceList,
  InterfaceListQuery,
  InterfaceParams,
  InterfaceUpdate,
  ReferralSettings,
} from "#shared/contracts/interfaces.ts";
import type { App, Deps } from "../../deps.ts";
import { ctxOf } from "../../platform/context.ts";
import { expectedVersion, sendVersioned } from "../../platform/versioning.ts";
import { createInterface, getInterface, listInterfaces, updateInterface } from "./service.ts";
import { loadReferralSettings, updateReferralSettings } from "./settings.ts";

const tags = ["interfaces"];
const problems = PROTECTED_PROBLEMS;

/** Routes of the interface register and the network defaults of referrals. */
export function registerInterfaceRoutes(app: App, { db }: Deps) {
  const ctx = (request: FastifyRequest) => ctxOf(db, request);

  app.get(
    "/api/interfaces",
    {
      config: { access: "interface.read" },
      schema: {
        tags,
        summary: "The interface register of the network, filtered",
        querystring: InterfaceListQuery,
        response: { 200: InterfaceList, ...problems },
      },
    },
    async (request) => listInterfaces({ ...ctx(request), query: request.query }),
  );

  app.post(
    "/api/interfaces",
    {
      config: { access: "interface.manage" },
      schema: {
        tags,
        summary: "Register an interface between two actors",
        body: InterfaceInput,
        response: { 201: Interface, ...problems, 409: Problem, 422: Problem },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(sendVersioned(reply, await createInterface({ ...ctx(request), input: request.body }))),
  );

  app.get(
    "/api/interfaces/:interfaceId",
    {
      config: { access: "interface.read" },
      schema: {
        tags,
        summary: "One interface of the register",
        params: InterfaceParams,
        response: { 200: Interface, ...problems },
      },
    },
    async (request, reply) =>
      sendVersioned(reply, await getInterface({ ...ctx(request), id: request.params.interfaceId })),
  );

  app.patch(
    "/api/interfaces/:interfaceId",
    {
      config: { access: "interface.manage" },
      schema: {
        tags,
        summary: "Change an interface (If-Match: the version it is based on)",
        params: InterfaceParams,
        body: InterfaceUpdate,
        response: { 200: Interface, ...problems, 409: Problem, 412: Problem, 422: Problem, 428: Problem },
      },
    },
    async (request, reply) =>
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

  app.get(
    "/api/referral-settings",
    {
      config: { access: "interface.read" },
      schema: {
        tags,
        summary: "Network defaults of referrals between actors without an interface",
        response: { 200: ReferralSettings, ...problems },
      },
    },
    async () => loadReferralSettings(db),
  );

  app.put(
    "/api/referral-settings",
    {
      config: { access: "referral_settings.manage" },
      schema: {
        tags,
        summary: "Set the network defaults of referrals (coordination)",
        body: ReferralSettings,
        response: { 200: ReferralSettings, ...problems, 422: Problem },
      },
    },
    async (request) => updateReferralSettings({ ...ctx(request), input: request.body }),
  );
}
