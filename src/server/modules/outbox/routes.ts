import type { FastifyRequest } from "fastify";
import type { App, Deps } from "#server/deps.ts";
import { ctxOf } from "#server/platform/context.ts";
import { route } from "#server/platform/route.ts";
import { outboxRoutes } from "#shared/contracts/routes/outbox.ts";
import { getMail, listOutbox } from "./service.ts";

/** The outbox: every mail Lotse sent or holds; the coordination reads it when no SMTP is set up. */
export function registerOutboxRoutes(app: App, { db }: Deps) {
  const ctx = (request: FastifyRequest) => ctxOf(db, request);
  route(app, outboxRoutes.list, async (request) => listOutbox(ctx(request), request.query));
  route(app, outboxRoutes.get, async (request) => getMail(ctx(request), request.params.id));
}
