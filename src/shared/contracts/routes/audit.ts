import { AuditEntry, AuditList, AuditParams, AuditQuery } from "../audit.ts";
import { PROTECTED_PROBLEMS } from "../common.ts";
import { defineRoute } from "../route.ts";

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
