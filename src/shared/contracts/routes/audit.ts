import { AuditEntry, AuditList, AuditParams, AuditQuery } from "#shared/contracts/audit.ts";
import { PROTECTED_PROBLEMS } from "#shared/contracts/common.ts";
import { defineRoute } from "#shared/contracts/route.ts";

const tags = ["audit"];
const problems = PROTECTED_PROBLEMS;

/** Routes of the audit log. */
export const auditRoutes = {
  list: defineRoute({
    method: "GET",
    path: "/api/audit",
    access: "audit.read",
    tags,
    summary: "Audit log entries, newest first, with the names of people, organisations and records",
    query: AuditQuery,
    response: { 200: AuditList, ...problems },
  }),
  get: defineRoute({
    method: "GET",
    path: "/api/audit/:id",
    access: "audit.read",
    tags,
    summary: "One audit log entry",
    params: AuditParams,
    response: { 200: AuditEntry, ...problems },
  }),
};
