import { and, count, desc, eq, ilike } from "drizzle-orm";
import type { z } from "zod";
import { audit } from "#server/platform/audit.ts";
import type { Ctx } from "#server/platform/context.ts";
import { notFound } from "#server/platform/errors.ts";
import { containsPattern } from "#server/platform/like.ts";
import { outbox } from "#server/platform/tables.ts";
import type { OutboxMail, OutboxQuery } from "#shared/contracts/outbox.ts";

type Row = typeof outbox.$inferSelect;
function present(row: Row): z.infer<typeof OutboxMail> {
  return {
    id: row.id,
    toAddress: row.toAddress,
    subject: row.subject,
    bodyText: row.bodyText,
    template: row.template,
    status: row.status,
    attempts: row.attempts,
    lastError: row.lastError,
    createdAt: row.createdAt.toISOString(),
    sentAt: row.sentAt?.toISOString() ?? null,
  };
}

/** The mails in the outbox, newest first; the list is audited with the ids it showed. */
export async function listOutbox(ctx: Ctx, q: z.infer<typeof OutboxQuery>) {
  const where = and(
    q.status ? eq(outbox.status, q.status) : undefined,
    q.to ? ilike(outbox.toAddress, containsPattern(q.to)) : undefined,
  );
  const rows = await ctx.db
    .select()
    .from(outbox)
    .where(where)
    .orderBy(desc(outbox.createdAt))
    .limit(q.limit)
    .offset(q.offset);
  const [total] = await ctx.db.select({ n: count() }).from(outbox).where(where);
  await audit(ctx.db, ctx, {
    action: "outbox.list",
    entity: "mail",
    organisationId: null,
    details: { mailIds: rows.map((r) => r.id) },
  });
  return { items: rows.map(present), total: total?.n ?? 0 };
}

/** One mail of the outbox, audited. */
export async function getMail(ctx: Ctx, id: string) {
  const [row] = await ctx.db.select().from(outbox).where(eq(outbox.id, id));
  if (!row) throw notFound();
  await audit(ctx.db, ctx, {
    action: "outbox.read",
    entity: "mail",
    entityId: id,
    organisationId: row.organisationId,
  });
  return present(row);
}
