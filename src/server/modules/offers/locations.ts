import { and, asc, count, eq, getTableColumns, ilike, or, type SQL, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Tx } from "#server/db/client.ts";
import { audit } from "#server/platform/audit.ts";
import type { Ctx } from "#server/platform/context.ts";
import { forbidden, notFound } from "#server/platform/errors.ts";
import { containsPattern } from "#server/platform/like.ts";
import type { Actor } from "#server/platform/session.ts";
import { organisationScope, scopedOrganisation } from "#server/platform/tenancy.ts";
import type {
  Location,
  LocationCreate,
  LocationListQuery,
  LocationUpdate,
} from "#shared/contracts/offers.ts";
import { asText, changedFields, type FieldTexts, readHistory, recordChanges } from "./history.ts";
import { directoryAbilities } from "./policy.ts";
import { locations, offerLocations } from "./tables.ts";

type LocationRow = typeof locations.$inferSelect & { offerCount: number };

// Drizzle renders columns of a single-table select without their table, so the outer row is named.
const offerCount = sql<number>`(select count(*)::int from ${offerLocations} ol where ol.location_id = "locations"."id")`;

function presentLocation(row: LocationRow, actor: Actor): Location {
  const { update, history } = directoryAbilities(actor, row.organisationId);
  return {
    id: row.id,
    organisationId: row.organisationId,
    locationType: row.locationType as Location["locationType"],
    name: row.name,
    description: row.description,
    districtAgs: row.districtAgs,
    street: row.street,
    postcode: row.postcode,
    city: row.city,
    latitude: row.latitude,
    longitude: row.longitude,
    url: typeof row.hsds.url === "string" ? row.hsds.url : null,
    offerCount: row.offerCount,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    abilities: { update, delete: update, history },
  };
}

function fieldTexts(l: Location): FieldTexts {
  const { locationType, name, description, districtAgs, street, postcode, city, latitude, longitude, url } =
    l;
  return Object.fromEntries(
    Object.entries({
      locationType,
      name,
      description,
      districtAgs,
      street,
      postcode,
      city,
      latitude,
      longitude,
      url,
    }).map(([k, v]) => [k, asText(v)]),
  );
}

/** Loads a location the actor may see; another organisation's answers 404. */
async function loadLocation(ctx: Ctx, id: string, opts: { lock?: boolean } = {}) {
  const query = ctx.db
    .select({ ...getTableColumns(locations), offerCount })
    .from(locations)
    .where(and(eq(locations.id, id), organisationScope(ctx.actor, locations.organisationId)));
  const [row] = opts.lock ? await query.for("update") : await query;
  if (!row) throw notFound();
  return presentLocation(row, ctx.actor);
}

/** The locations of one organisation, with how many offers each hosts. */
export async function listLocations(
  ctx: Ctx & { organisationId: string; query: z.infer<typeof LocationListQuery> },
) {
  await scopedOrganisation(ctx.db, ctx.actor, ctx.organisationId);
  const { q, limit, offset } = ctx.query;
  const like = q ? containsPattern(q) : undefined;
  const filters: (SQL | undefined)[] = [
    eq(locations.organisationId, ctx.organisationId),
    like
      ? or(ilike(locations.name, like), ilike(locations.street, like), ilike(locations.city, like))
      : undefined,
  ];
  const where = and(...filters);
  const rows = await ctx.db
    .select({ ...getTableColumns(locations), offerCount })
    .from(locations)
    .where(where)
    .orderBy(asc(locations.name), asc(locations.id))
    .limit(limit)
    .offset(offset);
  const [total] = await ctx.db.select({ n: count() }).from(locations).where(where);
  return { items: rows.map((r) => presentLocation(r, ctx.actor)), total: total?.n ?? 0 };
}

export async function getLocation(ctx: Ctx & { id: string }) {
  return loadLocation(ctx, ctx.id);
}

type Change = z.infer<typeof LocationUpdate>;

function locationValues(change: Change, previousHsds: Record<string, unknown>) {
  const { url, ...columns } = change;
  return { ...columns, hsds: url === undefined ? previousHsds : { ...previousHsds, url: url ?? undefined } };
}

async function record(
  tx: Tx,
  ctx: Ctx,
  id: string,
  action: "create" | "update" | "delete",
  before: FieldTexts,
  after: FieldTexts,
  organisationId: string,
) {
  const changes = changedFields(before, after);
  await recordChanges(tx, {
    resourceId: id,
    resourceType: "location",
    action,
    updatedBy: ctx.actor.userId,
    changes,
  });
  await audit(tx, ctx, {
    action: `location.${action}`,
    entity: "location",
    entityId: id,
    organisationId,
    details: action === "delete" ? undefined : { fields: changes.map((c) => c.field) },
  });
}

/** Adds a place where the organisation gives offers. */
export async function createLocation(
  ctx: Ctx & { organisationId: string; input: z.infer<typeof LocationCreate> },
) {
  await scopedOrganisation(ctx.db, ctx.actor, ctx.organisationId);
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(locations)
      .values({ organisationId: ctx.organisationId, ...locationValues(ctx.input, {}) })
      .returning({ id: locations.id });
    if (!row) throw new Error("insert returned nothing");
    const created = await loadLocation({ ...ctx, db: tx }, row.id);
    await record(tx, ctx, row.id, "create", {}, fieldTexts(created), ctx.organisationId);
    return created;
  });
}

/** Edits a location; every changed field lands in its history. */
export async function updateLocation(ctx: Ctx & { id: string; change: Change }) {
  return ctx.db.transaction(async (tx) => {
    const txCtx = { ...ctx, db: tx };
    const before = await loadLocation(txCtx, ctx.id, { lock: true });
    if (!before.abilities.update) throw forbidden();
    const [current] = await tx
      .select({ hsds: locations.hsds })
      .from(locations)
      .where(eq(locations.id, ctx.id));
    await tx
      .update(locations)
      .set({ ...locationValues(ctx.change, current?.hsds ?? {}), updatedAt: sql`now()` })
      .where(eq(locations.id, ctx.id));
    const after = await loadLocation(txCtx, ctx.id);
    await record(tx, ctx, ctx.id, "update", fieldTexts(before), fieldTexts(after), before.organisationId);
    return after;
  });
}

/**
 * Removes a location; the offers given there lose it, and their histories say so. Unlike an
 * offer, a place has no status to retire it, so its organisation's admins may remove it.
 */
export async function deleteLocation(ctx: Ctx & { id: string }) {
  await ctx.db.transaction(async (tx) => {
    const before = await loadLocation({ ...ctx, db: tx }, ctx.id, { lock: true });
    if (!before.abilities.delete) throw forbidden();
    const links = await tx
      .select({ offerId: offerLocations.offerId })
      .from(offerLocations)
      .where(eq(offerLocations.locationId, ctx.id));
    for (const { offerId } of links) {
      const remaining = await tx
        .select({ id: offerLocations.locationId })
        .from(offerLocations)
        .where(eq(offerLocations.offerId, offerId))
        .orderBy(asc(offerLocations.locationId));
      const ids = remaining.map((r) => r.id);
      await recordChanges(tx, {
        resourceId: offerId,
        resourceType: "service",
        action: "update",
        updatedBy: ctx.actor.userId,
        changes: [
          {
            field: "locations",
            previous: ids.join(", "),
            replacement: ids.filter((i) => i !== ctx.id).join(", "),
          },
        ],
      });
    }
    await tx.delete(locations).where(eq(locations.id, ctx.id));
    await record(tx, ctx, ctx.id, "delete", fieldTexts(before), {}, before.organisationId);
  });
}

/** The change history of a location the actor may see. */
export async function locationHistory(ctx: Ctx & { id: string; limit: number; offset: number }) {
  await loadLocation(ctx, ctx.id);
  return readHistory(ctx.db, {
    resourceId: ctx.id,
    resourceType: "location",
    limit: ctx.limit,
    offset: ctx.offset,
  });
}
