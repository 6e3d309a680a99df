import { and, count, eq, gte, like, lte, or, type SQL, sql } from "drizzle-orm";
import type { z } from "zod";
import { audit } from "#server/platform/audit.ts";
import type { Ctx } from "#server/platform/context.ts";
import { notFound } from "#server/platform/errors.ts";
import { escapeLike } from "#server/platform/like.ts";
import { auditLog } from "#server/platform/tables.ts";
import { actsForNetwork, assertCoversOrganisation, ownOrganisation } from "#server/platform/tenancy.ts";
import type { AuditEntry, AuditQuery } from "#shared/contracts/audit.ts";
import { readEntries } from "./labels.ts";

/**
 * Resources whose entries are about counselling records (cases, clients, consents, recognition,
 * referrals). They belong to one organisation: personal data of counselling never has network
 * scope (DOMAIN.md), so the coordination reads them only for its own organisation.
 */
const COUNSELLING_RESOURCES = [
  "case",
  "case_contact",
  "case_note",
  "case_next_step",
  "client",
  "consent",
  "consent_document",
  "consent_sheet",
  "deadline",
  "recognition",
  "referral",
  "referral_message",
  "home",
];
const resource = sql`split_part(${auditLog.action}, '.', 1)`;
const counselling = sql`${resource} in (${sql.join(
  COUNSELLING_RESOURCES.map((r) => sql`${r}`),
  sql`, `,
)})`;

/**
 * Organisation admins read their organisation's log; the coordination reads the network's, except
 * entries on other organisations' counselling records.
 */
function scope(ctx: Ctx, organisationId: string | undefined): SQL | undefined {
  const own = ownOrganisation(ctx.actor, auditLog.organisationId);
  if (actsForNetwork(ctx.actor)) {
    return and(
      organisationId ? eq(auditLog.organisationId, organisationId) : undefined,
      or(own, sql`not (${counselling})`),
    );
  }
  if (organisationId) assertCoversOrganisation(ctx.actor, organisationId);
  return own;
}

function filters(ctx: Ctx, q: z.infer<typeof AuditQuery>): SQL | undefined {
  return and(
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
}

/** A page of the log, newest first, in words (names resolved in one query). */
export async function listAudit(ctx: Ctx, q: z.infer<typeof AuditQuery>) {
  const where = filters(ctx, q);
  const [items, [total]] = await Promise.all([
    readEntries(ctx, { where, limit: q.limit, offset: q.offset }),
    ctx.db.select({ n: count() }).from(auditLog).where(where),
  ]);
  // The log shows who acted: reading it is a read of those people's data, and is logged in turn.
  await audit(ctx.db, ctx, {
    action: "audit.list",
    entity: "audit_log",
    organisationId: ctx.actor.organisationId,
    details: { count: items.length },
  });
  return { items, total: total?.n ?? 0 };
}

/** One entry, in words; another organisation's answers 404. */
export async function getAudit(ctx: Ctx, id: string): Promise<AuditEntry> {
  const [entry] = await readEntries(ctx, {
    where: and(eq(auditLog.id, Number(id)), scope(ctx, undefined)),
    limit: 1,
    offset: 0,
  });
  if (!entry) throw notFound();
  await audit(ctx.db, ctx, {
    action: "audit.read",
    entity: "audit_log",
    entityId: id,
    organisationId: ctx.actor.organisationId,
  });
  return entry;
}
