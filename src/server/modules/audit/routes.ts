import type { FastifyRequest } from "fastify";
import { AuditEntry, AuditList, AuditParams, AuditQuery } from "#shared/contracts/audit.ts";
import { PROTECTED_PROBLEMS } from "#shared/contracts/common.ts";
import type { App, Deps } from "../../deps.ts";
import { ctxOf } from "../../platform/context.ts";
import { getAudit, listAudit } from "./service.ts";

const tags = ["audit"];
const problems = PROTECTED_PROBLEMS;

export function registerAuditRoutes(app: App, { db }: Deps) {
  const ctx = (request: FastifyRequest) => ctxOf(db, request);
  app.get(
    "/api/audit",
    {
      config: { access: "audit.read" },
      schema: {
        tags,
        summary: "Audit log entries, newest first, with the names of people, organisations and records",
        querystring: AuditQuery,
        response: { 200: AuditList, ...problems },
      },
    },
    async (request) => listAudit(ctx(request), request.query),
  );
  app.get(
    "/api/audit/:id",
    {
      config: { access: "audit.read" },
      schema: {
        tags,
        summary: "One audit log entry",
        params: AuditParams,
        response: { 200: AuditEntry, ...problems },
      },
    },
    async (request) => getAudit(ctx(request), request.params.id),
  );
}
