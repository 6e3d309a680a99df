import { and, asc, count, eq, getTableColumns, ilike, type SQL, sql } from "drizzle-orm";
import type { z } from "zod";
import { audit } from "#server/platform/audit.ts";
import type { Ctx } from "#server/platform/context.ts";
import { AppError } from "#server/platform/errors.ts";
import { containsPattern } from "#server/platform/like.ts";
import type { Actor } from "#server/platform/session.ts";
import { memberships, organisations } from "#server/platform/tables.ts";
import { actsForNetwork, coversOrganisation, scopedOrganisation } from "#server/platform/tenancy.ts";
import type {
  Organisation,
  OrganisationCreate,
  OrganisationListQuery,
  OrganisationUpdate,
} from "#shared/contracts/organisations.ts";
import { can } from "#shared/permissions.ts";

// Drizzle renders columns of a single-table select without their table, so inside this subquery
// the outer organisation must be named explicitly.
const memberCount = sql<number>`(select count(*)::int from ${memberships} m where m.organisation_id = "organisations"."id" and m.status = 'active')`;

type Row = Omit<typeof organisations.$inferSelect, "hsds"> & { memberCount: number };

function presentOrganisation(row: Row, actor: Actor): Organisation {
  const covered = coversOrganisation(actor, row.id);
  return {
    ...row,
    type: row.type,
    status: row.status as Organisation["status"],
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    abilities: {
      update: covered && can(actor.role, "organisation.update"),
      changeStatus: actsForNetwork(actor),
      manageMembers: covered && can(actor.role, "member.list"),
    },
  };
}

async function load(ctx: Ctx, id: string): Promise<Row> {
  await scopedOrganisation(ctx.db, ctx.actor, id);
  const [row] = await ctx.db
    .select({ ...organisationColumns(), memberCount })
    .from(organisations)
    .where(eq(organisations.id, id));
  if (!row) throw new AppError(404, "not_found");
  return row;
}

/** Every column but the HSDS extras, which only the exchange reads. */
function organisationColumns() {
  const { hsds: _exchangeOnly, ...columns } = getTableColumns(organisations);
  return columns;
}

/** The network's organisations, for the coordination. */
export async function listOrganisations(ctx: Ctx & { query: z.infer<typeof OrganisationListQuery> }) {
  const { q, type, districtAgs, status, limit, offset } = ctx.query;
  const filters: (SQL | undefined)[] = [
    q ? ilike(organisations.name, containsPattern(q)) : undefined,
    type ? eq(organisations.type, type) : undefined,
    districtAgs ? eq(organisations.districtAgs, districtAgs) : undefined,
    status ? eq(organisations.status, status) : undefined,
  ];
  const where = and(...filters);
  const rows = await ctx.db
    .select({ ...organisationColumns(), memberCount })
    .from(organisations)
    .where(where)
    .orderBy(asc(organisations.name), asc(organisations.id))
    .limit(limit)
    .offset(offset);
  const [total] = await ctx.db.select({ n: count() }).from(organisations).where(where);
  return { items: rows.map((r) => presentOrganisation(r, ctx.actor)), total: total?.n ?? 0 };
}

export async function getOrganisation(ctx: Ctx & { id: string }) {
  return presentOrganisation(await load(ctx, ctx.id), ctx.actor);
}

export async function createOrganisation(ctx: Ctx & { input: z.infer<typeof OrganisationCreate> }) {
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx.insert(organisations).values(ctx.input).returning({ id: organisations.id });
    if (!row) throw new Error("insert returned nothing");
    await audit(tx, ctx, {
      action: "organisation.create",
      entity: "organisation",
      entityId: row.id,
      organisationId: row.id,
    });
    return presentOrganisation(await load({ ...ctx, db: tx }, row.id), ctx.actor);
  });
}

/** Edits an organisation's profile; only the coordination changes its status. */
export async function updateOrganisation(
  ctx: Ctx & { id: string; change: z.infer<typeof OrganisationUpdate> },
) {
  const current = await load(ctx, ctx.id);
  if (ctx.change.status !== undefined && !actsForNetwork(ctx.actor)) {
    throw new AppError(422, "organisation.status_forbidden", { field: "status" });
  }
  // Deactivating the coordination office would lock the coordination itself out.
  if (ctx.change.status === "inactive" && current.type === "network_coordination") {
    throw new AppError(422, "organisation.coordination_stays_active", { field: "status" });
  }
  const fields = Object.keys(ctx.change).filter(
    (k) => ctx.change[k as keyof typeof ctx.change] !== undefined,
  );
  return ctx.db.transaction(async (tx) => {
    if (fields.length > 0) {
      await tx
        .update(organisations)
        .set({ ...ctx.change, updatedAt: sql`now()` })
        .where(eq(organisations.id, ctx.id));
    }
    await audit(tx, ctx, {
      action: "organisation.update",
      entity: "organisation",
      entityId: ctx.id,
      organisationId: ctx.id,
      details: { fields },
    });
    return presentOrganisation(await load({ ...ctx, db: tx }, ctx.id), ctx.actor);
  });
}
