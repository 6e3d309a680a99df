import { and, count, desc, eq, gte, like, lte, type SQL, sql } from "drizzle-orm";
import type { FastifyRequest } from "fastify";
import type { z } from "zod";
import { AuditEntry, AuditList, AuditParams, AuditQuery } from "#shared/contracts/audit.ts";
import { PROTECTED_PROBLEMS } from "#shared/contracts/common.ts";
import { hasNetworkScope } from "#shared/permissions.ts";
import { auditLog, users } from "../../db/schema.ts";
import type { App, Deps } from "../../deps.ts";
import { audit, type Ctx } from "../../platform/audit.ts";
import { ctxOf } from "../../platform/context.ts";
import { notFound } from "../../platform/errors.ts";
import { escapeLike } from "../../platform/like.ts";

const tags = ["audit"];
const problems = PROTECTED_PROBLEMS;

const columns = {
  id: auditLog.id,
  at: auditLog.at,
  actorUserId: auditLog.actorUserId,
  actorName: users.name,
  actorOrganisationId: auditLog.actorOrganisationId,
  organisationId: auditLog.organisationId,
  action: auditLog.action,
  entity: auditLog.entity,
  entityId: auditLog.entityId,
  requestId: auditLog.requestId,
  purpose: auditLog.purpose,
  details: auditLog.details,
};

function present(row: { id: number; at: Date } & Omit<AuditEntry, "id" | "at">): AuditEntry {
  return { ...row, id: String(row.id), at: row.at.toISOString() };
}

/** Organisation admins read their organisation's log; the coordination reads all of it. */
function scope(ctx: Ctx, organisationId: string | undefined): SQL | undefined {
  if (hasNetworkScope(ctx.actor.role))
    return organisationId ? eq(auditLog.organisationId, organisationId) : undefined;
  if (organisationId && organisationId !== ctx.actor.organisationId) throw notFound();
  return eq(auditLog.organisationId, ctx.actor.organisationId);
}

async function listAudit(ctx: Ctx, q: z.infer<typeof AuditQuery>) {
  const where = and(
    scope(ctx, q.organisationId),
    q.actorUserId ? eq(auditLog.actorUserId, q.actorUserId) : undefined,
    q.action
      ? q.action.endsWith(".")
        ? like(auditLog.action, `${escapeLike(q.action)}%`)
        : eq(auditLog.action, q.action)
      : undefined,
    q.kind === "read" ? sql`${auditLog.action} ~ '\.(list|read)$'` : undefined,
    q.kind === "write" ? sql`${auditLog.action} !~ '\.(list|read)$'` : undefined,
    q.entity ? eq(auditLog.entity, q.entity) : undefined,
    q.entityId ? eq(auditLog.entityId, q.entityId) : undefined,
    q.from ? gte(auditLog.at, new Date(q.from)) : undefined,
    q.to ? lte(auditLog.at, new Date(q.to)) : undefined,
  );
  const rows = await ctx.db
    .select(columns)
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorUserId))
    .where(where)
    .orderBy(desc(auditLog.id))
    .limit(q.limit)
    .offset(q.offset);
  const [total] = await ctx.db.select({ n: count() }).from(auditLog).where(where);
  // The log shows who acted: reading it is a read of those people's data, and is logged in turn.
  await audit(ctx.db, ctx, {
    action: "audit.list",
    entity: "audit_log",
    organisationId: ctx.actor.organisationId,
    details: { count: rows.length },
  });
  return { items: rows.map(present), total: total?.n ?? 0 };
}

async function getAudit(ctx: Ctx, id: string) {
  const [row] = await ctx.db
    .select(columns)
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorUserId))
    .where(and(eq(auditLog.id, Number(id)), scope(ctx, undefined)));
  if (!row) throw notFound();
  await audit(ctx.db, ctx, {
    action: "audit.read",
    entity: "audit_log",
    entityId: id,
    organisationId: ctx.actor.organisationId,
  });
  return present(row);
}

export function registerAuditRoutes(app: App, { db }: Deps) {
  const ctx = (request: FastifyRequest) => ctxOf(db, request);
  app.get(
    "/api/audit",
    {
      config: { access: "audit.read" },
      schema: {
        tags,
        summary: "Audit log entries, newest first",
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
