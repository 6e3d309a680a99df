import { and, count, desc, eq, isNull, or, sql } from "drizzle-orm";
import type { z } from "zod";
import { audit } from "#server/platform/audit.ts";
import type { Ctx } from "#server/platform/context.ts";
import { notFound } from "#server/platform/errors.ts";
import type { Actor } from "#server/platform/session.ts";
import { ownOrganisation } from "#server/platform/tenancy.ts";
import type { Notification as NotificationSchema } from "#shared/contracts/referrals.ts";
import { notificationReads, notifications } from "./tables.ts";

type Notification = z.infer<typeof NotificationSchema>;

/** How many of the newest notifications the bell shows. */
const SHOWN = 50;

/**
 * The notifications an actor sees: those addressed to them, and their organisation's for the roles
 * it names — an admin or a trainer does not see what only counsellors may.
 */
function forActor(actor: Actor) {
  return and(
    ownOrganisation(actor, notifications.organisationId),
    or(
      eq(notifications.userId, actor.userId),
      and(isNull(notifications.userId), sql`${actor.role} = any(${notifications.recipientRoles})`),
    ),
  );
}

/** Whether the actor has read it: each person reads for themselves. */
const readBy = (actor: Actor) =>
  sql<boolean>`exists (select 1 from ${notificationReads} r where r.notification_id = ${notifications.id} and r.user_id = ${actor.userId})`;

function present(row: typeof notifications.$inferSelect & { read: boolean }): Notification {
  return {
    id: row.id,
    kind: row.kind,
    referralId: row.referralId,
    details: row.details,
    createdAt: row.createdAt.toISOString(),
    read: row.read,
  };
}

/** The newest notifications of the caller and how many of them the caller has not read. */
export async function listNotifications(ctx: Ctx) {
  const { actor } = ctx;
  const rows = await ctx.db
    .select({
      id: notifications.id,
      organisationId: notifications.organisationId,
      userId: notifications.userId,
      recipientRoles: notifications.recipientRoles,
      kind: notifications.kind,
      referralId: notifications.referralId,
      details: notifications.details,
      createdAt: notifications.createdAt,
      read: readBy(actor),
    })
    .from(notifications)
    .where(forActor(actor))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(SHOWN);
  const [unread] = await ctx.db
    .select({ n: count() })
    .from(notifications)
    .where(and(forActor(actor), sql`not ${readBy(actor)}`));
  return { items: rows.map(present), unread: unread?.n ?? 0 };
}

/** Marks one notification read for the caller; the other members keep it unread until they read it. */
export async function markRead(ctx: Ctx & { id: string }) {
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(notifications)
      .where(and(eq(notifications.id, ctx.id), forActor(ctx.actor)));
    if (!row) throw notFound();
    await tx
      .insert(notificationReads)
      .values({ notificationId: row.id, userId: ctx.actor.userId })
      .onConflictDoNothing();
    await audit(tx, ctx, {
      action: "notification.read",
      entity: "notification",
      entityId: row.id,
      organisationId: row.organisationId,
    });
    return present({ ...row, read: true });
  });
}

/** Marks every notification the caller sees read, for the caller only. */
export async function markAllRead(ctx: Ctx) {
  await ctx.db.transaction(async (tx) => {
    const rows = await tx.execute<{ id: string }>(sql`
      insert into ${notificationReads} (notification_id, user_id)
      select ${notifications.id}, ${ctx.actor.userId}::uuid from ${notifications}
      where ${forActor(ctx.actor)}
      on conflict do nothing
      returning notification_id as id`);
    await audit(tx, ctx, {
      action: "notification.read_all",
      entity: "notification",
      organisationId: ctx.actor.organisationId,
      details: { count: rows.rows.length },
    });
  });
  return listNotifications(ctx);
}
