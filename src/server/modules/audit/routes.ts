import type { FastifyRequest } from "fastify";
import type { App, Deps } from "#server/deps.ts";
import { ctxOf } from "#server/platform/context.ts";
import { route } from "#server/platform/route.ts";
import { auditRoutes } from "#shared/contracts/routes/audit.ts";
import { getAudit, listAudit } from "./service.ts";

export function registerAuditRoutes(app: App, { db }: Deps) {
  const ctx = (request: FastifyRequest) => ctxOf(db, request);
  route(app, auditRoutes.list, async (request) => listAudit(ctx(request), request.query));
  route(app, auditRoutes.get, async (request) => getAudit(ctx(request), request.params.id));
}
