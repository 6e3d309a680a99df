import { and, asc, count, eq, gt, isNull, sql } from "drizzle-orm";
import type { Ctx } from "#server/platform/context.ts";
import { mailTokens, memberships, users } from "#server/platform/tables.ts";
import { ownOrganisation } from "#server/platform/tenancy.ts";
import { HOME_ITEMS, type HomeItem, homeItem } from "#shared/contracts/home.ts";

/** What an organisation admin's start page counts of members: its people and open invitations. */

/** Active members of the actor's organisation. */
export async function countActiveMembers(ctx: Ctx): Promise<number> {
  const [row] = await ctx.db
    .select({ n: count() })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(
        ownOrganisation(ctx.actor, memberships.organisationId),
        eq(memberships.status, "active"),
        eq(users.status, "active"),
      ),
    );
  return row?.n ?? 0;
}

/** Invitations of the actor's organisation not yet accepted and not expired, those expiring first. */
export async function openInvitations(ctx: Ctx): Promise<{ count: number; items: HomeItem[] }> {
  const where = and(
    eq(mailTokens.kind, "invitation"),
    ownOrganisation(ctx.actor, mailTokens.organisationId),
    isNull(mailTokens.usedAt),
    gt(mailTokens.expiresAt, sql`now()`),
  );
  const [rows, [total]] = await Promise.all([
    ctx.db
      .select({
        id: mailTokens.id,
        email: mailTokens.email,
        role: mailTokens.role,
        expires: sql<string>`(${mailTokens.expiresAt} at time zone 'Europe/Berlin')::date::text`,
      })
      .from(mailTokens)
      .where(where)
      .orderBy(asc(mailTokens.expiresAt), asc(mailTokens.id))
      .limit(HOME_ITEMS),
    ctx.db.select({ n: count() }).from(mailTokens).where(where),
  ]);
  return {
    count: total?.n ?? 0,
    items: rows.map((r) =>
      homeItem({ id: r.id, to: "/members", label: r.email, role: r.role, date: r.expires }),
    ),
  };
}
