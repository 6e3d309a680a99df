import { and, asc, count, eq, isNotNull, isNull, lt, or, type SQL, sql } from "drizzle-orm";
import type { Ctx } from "#server/platform/context.ts";
import { organisations } from "#server/platform/tables.ts";
import { actsForNetwork, organisationScope, ownOrganisation } from "#server/platform/tenancy.ts";
import {
  HOME_ITEMS,
  type HomeItem,
  homeItem,
  STALE_CAPACITY_DAYS,
  STALE_OFFER_MONTHS,
} from "#shared/contracts/home.ts";
import { offers } from "./tables.ts";

/**
 * Directory upkeep for the start pages: active offers whose entry nobody has touched for a year, and
 * offers that publish a capacity whose figures are older than a month. The coordination sees the
 * network, everyone else their own organisation's offers.
 */

type Section = { count: number; items: HomeItem[] };
const day = (at: Date | null) => (at ? at.toISOString().slice(0, 10) : null);

async function offerSection(ctx: Ctx, condition: SQL, since: "updated" | "capacity"): Promise<Section> {
  const where = and(
    eq(offers.status, "active"),
    organisationScope(ctx.actor, offers.organisationId),
    condition,
  );
  const column = since === "updated" ? offers.updatedAt : offers.capacityUpdatedAt;
  const [rows, [total]] = await Promise.all([
    ctx.db
      .select({ id: offers.id, name: offers.name, organisation: organisations.name, at: column })
      .from(offers)
      .innerJoin(organisations, eq(organisations.id, offers.organisationId))
      .where(where)
      .orderBy(sql`${column} asc nulls first`, asc(offers.name), asc(offers.id))
      .limit(HOME_ITEMS),
    ctx.db.select({ n: count() }).from(offers).where(where),
  ]);
  const network = actsForNetwork(ctx.actor);
  return {
    count: total?.n ?? 0,
    items: rows.map((r) =>
      homeItem({
        id: r.id,
        to: `/offers/${r.id}`,
        label: r.name,
        organisation: network ? r.organisation : null,
        date: day(r.at),
      }),
    ),
  };
}

/** Active offers not updated for STALE_OFFER_MONTHS months. */
export function staleOffers(ctx: Ctx): Promise<Section> {
  const before = sql`now() - make_interval(months => ${STALE_OFFER_MONTHS})`;
  return offerSection(ctx, lt(offers.updatedAt, before), "updated");
}

/** Active offers with a capacity whose figures are older than STALE_CAPACITY_DAYS days (or undated). */
export function staleCapacities(ctx: Ctx): Promise<Section> {
  const before = sql`now() - make_interval(days => ${STALE_CAPACITY_DAYS})`;
  const published = or(isNotNull(offers.capacityMaximum), isNotNull(offers.capacityAvailable));
  const old = or(isNull(offers.capacityUpdatedAt), lt(offers.capacityUpdatedAt, before));
  return offerSection(ctx, and(published, old) as SQL, "capacity");
}

/** The actor's organisation's active offers, for roles that see but do not keep them. */
export async function ownOffers(ctx: Ctx): Promise<Section> {
  const where = and(eq(offers.status, "active"), ownOrganisation(ctx.actor, offers.organisationId));
  const [rows, [total]] = await Promise.all([
    ctx.db
      .select({ id: offers.id, name: offers.name, at: offers.updatedAt })
      .from(offers)
      .where(where)
      .orderBy(asc(offers.name), asc(offers.id))
      .limit(HOME_ITEMS),
    ctx.db.select({ n: count() }).from(offers).where(where),
  ]);
  return {
    count: total?.n ?? 0,
    items: rows.map((r) => homeItem({ id: r.id, to: `/offers/${r.id}`, label: r.name, date: day(r.at) })),
  };
}
