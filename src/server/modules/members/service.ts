import { and, asc, count, eq, ilike, ne, or, type SQL, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Tx } from "#server/db/client.ts";
import { audit } from "#server/platform/audit.ts";
import type { Ctx } from "#server/platform/context.ts";
import { invalidField, notFound } from "#server/platform/errors.ts";
import { containsPattern } from "#server/platform/like.ts";
import type { Actor } from "#server/platform/session.ts";
import { memberships, sessions, users } from "#server/platform/tables.ts";
import {
  actsForNetwork,
  coversOrganisation,
  ownOrganisation,
  scopedOrganisation,
} from "#server/platform/tenancy.ts";
import type { Member, MemberListQuery, MemberUpdate } from "#shared/contracts/members.ts";
import type { Role } from "#shared/domain.ts";
import { assertRoleFits } from "./policy.ts";

const memberColumns = {
  membershipId: memberships.id,
  userId: users.id,
  organisationId: memberships.organisationId,
  name: users.name,
  email: users.email,
  role: memberships.role,
  status: memberships.status,
  lastLoginAt: users.lastLoginAt,
  createdAt: memberships.createdAt,
};
type MemberRow = {
  membershipId: string;
  userId: string;
  organisationId: string;
  name: string;
  email: string;
  role: Role;
  status: string;
  lastLoginAt: Date | null;
  createdAt: Date;
};

function presentMember(row: MemberRow, actor: Actor): Member {
  return {
    ...row,
    role: row.role,
    status: row.status as Member["status"],
    lastLoginAt: row.lastLoginAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    abilities: { update: row.userId !== actor.userId && coversOrganisation(actor, row.organisationId) },
  };
}

/** Lists the members of an organisation the actor administers. */
export async function listMembers(
  ctx: Ctx & { organisationId: string; query: z.infer<typeof MemberListQuery> },
) {
  await scopedOrganisation(ctx.db, ctx.actor, ctx.organisationId);
  const { q, role, status, limit, offset } = ctx.query;
  const filters: (SQL | undefined)[] = [
    eq(memberships.organisationId, ctx.organisationId),
    role ? eq(memberships.role, role) : undefined,
    status ? eq(memberships.status, status) : undefined,
    q ? or(ilike(users.name, containsPattern(q)), ilike(users.email, containsPattern(q))) : undefined,
  ];
  const where = and(...filters);
  const rows = await ctx.db
    .select(memberColumns)
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(where)
    .orderBy(asc(users.name), asc(memberships.id))
    .limit(limit)
    .offset(offset);
  const [total] = await ctx.db
    .select({ n: count() })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(where);
  await audit(ctx.db, ctx, {
    action: "member.list",
    entity: "user",
    organisationId: ctx.organisationId,
    details: { userIds: rows.map((r) => r.userId) },
  });
  return { items: rows.map((r) => presentMember(r, ctx.actor)), total: total?.n ?? 0 };
}

async function findMember(db: Tx, organisationId: string, membershipId: string) {
  const [row] = await db
    .select(memberColumns)
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.id, membershipId), eq(memberships.organisationId, organisationId)));
  if (!row) throw notFound();
  return row;
}

export async function getMember(ctx: Ctx & { organisationId: string; membershipId: string }) {
  await scopedOrganisation(ctx.db, ctx.actor, ctx.organisationId);
  const row = await findMember(ctx.db, ctx.organisationId, ctx.membershipId);
  await audit(ctx.db, ctx, {
    action: "user.read",
    entity: "user",
    entityId: row.userId,
    organisationId: ctx.organisationId,
  });
  return presentMember(row, ctx.actor);
}

/** Changes a member's role or status under the rules that keep every organisation administrable. */
export async function updateMember(
  ctx: Ctx & { organisationId: string; membershipId: string; change: z.infer<typeof MemberUpdate> },
) {
  const org = await scopedOrganisation(ctx.db, ctx.actor, ctx.organisationId);
  const current = await findMember(ctx.db, ctx.organisationId, ctx.membershipId);
  if (current.userId === ctx.actor.userId) throw invalidField("role", "member.self");
  const { role, status } = ctx.change;
  if (role !== undefined && role !== current.role) {
    assertRoleFits(ctx.actor, org, role);
    // Taking the coordination role away is the coordination's business too.
    if (current.role === "network_coordinator" && !actsForNetwork(ctx.actor)) {
      throw invalidField("role", "member.coordinator_role");
    }
  }
  const losesAdmin =
    current.role === "org_admin" &&
    current.status === "active" &&
    ((role !== undefined && role !== "org_admin") || status === "deactivated");
  const fields = Object.keys(ctx.change).filter(
    (k) => ctx.change[k as keyof typeof ctx.change] !== undefined,
  );
  return ctx.db.transaction(async (tx) => {
    if (losesAdmin) {
      // Lock the organisation's admin rows so two admins cannot demote each other at the same time.
      // A deactivated account cannot administer, so its admin membership does not count.
      const others = await tx
        .select({ id: memberships.id })
        .from(memberships)
        .innerJoin(users, eq(users.id, memberships.userId))
        .where(
          and(
            eq(memberships.organisationId, ctx.organisationId),
            eq(memberships.role, "org_admin"),
            eq(memberships.status, "active"),
            eq(users.status, "active"),
            ne(memberships.id, ctx.membershipId),
          ),
        )
        .for("update", { of: memberships });
      if (others.length === 0)
        throw invalidField(role !== undefined ? "role" : "status", "member.last_admin");
    }
    await tx
      .update(memberships)
      .set({ ...(role ? { role } : {}), ...(status ? { status } : {}), updatedAt: sql`now()` })
      .where(eq(memberships.id, ctx.membershipId));
    if (status === "deactivated" || (role && role !== current.role)) {
      // A changed role or a deactivation takes effect at once: that user's sessions for this organisation end.
      await tx
        .delete(sessions)
        .where(and(eq(sessions.userId, current.userId), eq(sessions.organisationId, ctx.organisationId)));
    }
    await audit(tx, ctx, {
      action: "member.update",
      entity: "membership",
      entityId: ctx.membershipId,
      organisationId: ctx.organisationId,
      details: { fields, userId: current.userId },
    });
    return presentMember(await findMember(tx, ctx.organisationId, ctx.membershipId), ctx.actor);
  });
}

/** Shows a user by id to an admin of one of their organisations, or to the coordination; else 404. */
export async function getUser(ctx: Ctx & { userId: string }) {
  const visible = actsForNetwork(ctx.actor)
    ? undefined
    : sql`exists (select 1 from ${memberships} where ${memberships.userId} = ${users.id} and ${ownOrganisation(ctx.actor, memberships.organisationId)})`;
  const [user] = await ctx.db
    .select({ id: users.id, name: users.name, email: users.email, status: users.status })
    .from(users)
    .where(and(eq(users.id, ctx.userId), visible));
  if (!user) throw notFound();
  await audit(ctx.db, ctx, {
    action: "user.read",
    entity: "user",
    entityId: user.id,
    organisationId: ctx.actor.organisationId,
  });
  return { ...user, status: user.status as "active" | "deactivated" };
}
