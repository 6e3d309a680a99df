import { and, count, desc, eq, isNull, or, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Notification as NotificationSchema } from "#shared/contracts/referrals.ts";
import type { NotificationKind } from "#shared/referrals.ts";
import { notifications } from "../../db/schema.ts";
import { audit, type Ctx } from "../../platform/audit.ts";
import { notFound } from "../../platform/errors.ts";
import type { Actor } from "../../platform/session.ts";

type Notification = z.infer<typeof NotificationSchema>;

/** How many of the newest notifications the bell shows. */
const SHOWN = 50;

/** The notifications an actor sees: their organisation's for everyone, and those addressed to them. */
function forActor(actor: Actor) {
  return and(
    eq(notifications.organisationId, actor.organisationId),
    or(isNull(notifications.userId), eq(notifications.userId, actor.userId)),
  );
}

function present(row: typeof notifications.$inferSelect): Notification {
  return {
    id: row.id,
    kind: row.kind as NotificationKind,
    referralId: row.referralId,
    details: row.details,
    createdAt: row.createdAt.toISOString(),
    read: row.readAt !== null,
  };
}

/** The newest notifications of the caller and how many are unread. */
export async function listNotifications(ctx: Ctx) {
  const rows = await ctx.db
    .select()
    .from(notifications)
    .where(forActor(ctx.actor))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(SHOWN);
  const [unread] = await ctx.db
    .select({ n: count() })
    .from(notifications)
    .where(and(forActor(ctx.actor), isNull(notifications.readAt)));
  return { items: rows.map(present), unread: unread?.n ?? 0 };
}

/**
 * Marks one notification read. One addressed to the whole organisation is read for all of its
 * members: whoever handles it, the others need not.
 */
export async function markRead(ctx: Ctx & { id: string }) {
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .update(notifications)
      .set({ readAt: sql`coalesce(${notifications.readAt}, now())` })
      .where(and(eq(notifications.id, ctx.id), forActor(ctx.actor)))
      .returning();
    if (!row) throw notFound();
    await audit(tx, ctx, {
      action: "notification.read",
      entity: "notification",
      entityId: row.id,
      organisationId: row.organisationId,
    });
    return present(row);
  });
}

/** Marks every unread notification of the caller read. */
export async function markAllRead(ctx: Ctx) {
  await ctx.db.transaction(async (tx) => {
    const rows = await tx
      .update(notifications)
      .set({ readAt: sql`now()` })
      .where(and(forActor(ctx.actor), isNull(notifications.readAt)))
      .returning({ id: notifications.id });
    await audit(tx, ctx, {
      action: "notification.read_all",
      entity: "notification",
      organisationId: ctx.actor.organisationId,
      details: { count: rows.length },
    });
  });
  return listNotifications(ctx);
}
