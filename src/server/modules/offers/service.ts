import { randomUUID } from "node:crypto";
import {
  and,
  arrayContains,
  asc,
  count,
  eq,
  getTableColumns,
  ilike,
  inArray,
  type SQL,
  sql,
} from "drizzle-orm";
import type { z } from "zod";
import type { Tx } from "#server/db/client.ts";
import { audit } from "#server/platform/audit.ts";
import type { Ctx } from "#server/platform/context.ts";
import { AppError, forbidden, invalidField, notFound } from "#server/platform/errors.ts";
import { containsPattern } from "#server/platform/like.ts";
import type { Actor } from "#server/platform/session.ts";
import { organisations } from "#server/platform/tables.ts";
import { organisationScope, scopedOrganisation } from "#server/platform/tenancy.ts";
import type {
  Offer,
  OfferCreate,
  OfferListQuery,
  OfferTranslations,
  OfferUpdate,
} from "#shared/contracts/offers.ts";
import { CEFR_LEVELS, FUNDING_ROUTES, OFFER_TYPES } from "#shared/directory.ts";
import { asText, changedFields, type FieldTexts, readHistory, recordChanges } from "./history.ts";
import { contactFromHsds, contactToHsds, schedulesFromHsds, schedulesToHsds } from "./hsds-shape.ts";
import { directoryAbilities, mayDeleteOffer } from "./policy.ts";
import { locations, offerLocations, offers } from "./tables.ts";

type OfferRow = Omit<typeof offers.$inferSelect, "search"> & { organisationName: string };
type LocationSummary = Offer["locations"][number];

const { search: _search, ...offerColumns } = getTableColumns(offers);
const offerSelect = { ...offerColumns, organisationName: organisations.name } as const;

/** A code of one of Lotse's lists, or null for anything else an import may have stored. */
function known<T extends string>(list: readonly T[], value: string | null): T | null {
  return list.includes(value as T) ? (value as T) : null;
}

function presentOffer(row: OfferRow, locs: LocationSummary[], actor: Actor): Offer {
  const abilities = directoryAbilities(actor, row.organisationId);
  return {
    id: row.id,
    organisationId: row.organisationId,
    organisationName: row.organisationName,
    name: row.name,
    description: row.description,
    status: row.status,
    phases: [...row.phases].sort((a, b) => a - b),
    offerType: known(OFFER_TYPES, row.offerType),
    targetGroups: row.targetGroups,
    languages: row.languages,
    minGermanLevel: known(CEFR_LEVELS, row.minGermanLevel),
    fundingRoute: known(FUNDING_ROUTES, row.fundingRoute),
    districts: row.districts,
    occupationFields: row.occupationFields,
    freeOfCharge: row.freeOfCharge,
    website: typeof row.hsds.url === "string" ? row.hsds.url : null,
    translations: row.translations as OfferTranslations,
    schedules: schedulesFromHsds(row.hsds),
    contact: contactFromHsds(row.hsds),
    locations: locs,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    abilities: { ...abilities, delete: mayDeleteOffer(actor) },
  };
}

/** The offer as its history sees it: one text per field a user edits. */
function fieldTexts(offer: Offer): FieldTexts {
  const texts: FieldTexts = {
    name: offer.name,
    description: asText(offer.description),
    status: offer.status,
    phases: asText(offer.phases),
    offerType: asText(offer.offerType),
    targetGroups: asText(offer.targetGroups),
    languages: asText(offer.languages),
    minGermanLevel: asText(offer.minGermanLevel),
    fundingRoute: asText(offer.fundingRoute),
    districts: asText(offer.districts),
    occupationFields: asText(offer.occupationFields),
    freeOfCharge: asText(offer.freeOfCharge),
    website: asText(offer.website),
    schedules: offer.schedules
      .map(
        (s) =>
          `${s.weekdays.join(",")} ${s.opensAt}–${s.closesAt}${s.description ? ` (${s.description})` : ""}`,
      )
      .join("; "),
    "contact.person": asText(offer.contact.person),
    "contact.phone": asText(offer.contact.phone),
    "contact.email": asText(offer.contact.email),
    locations: offer.locations
      .map((l) => l.id)
      .sort()
      .join(", "),
  };
  for (const [locale, text] of Object.entries(offer.translations)) {
    texts[`translations.${locale}.name`] = asText(text?.name);
    texts[`translations.${locale}.description`] = asText(text?.description);
  }
  return texts;
}

async function locationsOf(db: Tx, offerIds: string[]) {
  const byOffer = new Map<string, LocationSummary[]>();
  if (offerIds.length === 0) return byOffer;
  const rows = await db
    .select({
      offerId: offerLocations.offerId,
      id: locations.id,
      name: locations.name,
      city: locations.city,
      districtAgs: locations.districtAgs,
    })
    .from(offerLocations)
    .innerJoin(locations, eq(locations.id, offerLocations.locationId))
    .where(inArray(offerLocations.offerId, offerIds))
    .orderBy(asc(locations.name), asc(locations.id));
  for (const { offerId, ...loc } of rows) byOffer.set(offerId, [...(byOffer.get(offerId) ?? []), loc]);
  return byOffer;
}

/** Loads an offer the actor may see; another organisation's answers 404. */
async function loadOffer(ctx: Ctx, id: string, opts: { lock?: boolean } = {}): Promise<Offer> {
  const query = ctx.db
    .select(offerSelect)
    .from(offers)
    .innerJoin(organisations, eq(organisations.id, offers.organisationId))
    .where(and(eq(offers.id, id), organisationScope(ctx.actor, offers.organisationId)));
  const [row] = opts.lock ? await query.for("update", { of: offers }) : await query;
  if (!row) throw notFound();
  const locs = await locationsOf(ctx.db, [row.id]);
  return presentOffer(row, locs.get(row.id) ?? [], ctx.actor);
}

/** Every location must belong to the offer's organisation; a foreign id reads as unknown. */
async function assertOwnLocations(db: Tx, organisationId: string, ids: string[] | undefined) {
  if (!ids || ids.length === 0) return;
  const [found] = await db
    .select({ n: count() })
    .from(locations)
    .where(and(inArray(locations.id, ids), eq(locations.organisationId, organisationId)));
  if ((found?.n ?? 0) !== ids.length) throw invalidField("locationIds", "offer.location_unknown");
}

/** The offers of one organisation, filtered by status, phase, type and district. */
export async function listOffers(
  ctx: Ctx & { organisationId: string; query: z.infer<typeof OfferListQuery> },
) {
  await scopedOrganisation(ctx.db, ctx.actor, ctx.organisationId);
  const { q, status, phase, offerType, districtAgs, limit, offset } = ctx.query;
  const filters: (SQL | undefined)[] = [
    eq(offers.organisationId, ctx.organisationId),
    q ? ilike(offers.name, containsPattern(q)) : undefined,
    status ? eq(offers.status, status) : undefined,
    phase ? arrayContains(offers.phases, [phase]) : undefined,
    offerType ? eq(offers.offerType, offerType) : undefined,
    districtAgs ? arrayContains(offers.districts, [districtAgs]) : undefined,
  ];
  const where = and(...filters);
  const rows = await ctx.db
    .select(offerSelect)
    .from(offers)
    .innerJoin(organisations, eq(organisations.id, offers.organisationId))
    .where(where)
    .orderBy(asc(offers.name), asc(offers.id))
    .limit(limit)
    .offset(offset);
  const [total] = await ctx.db.select({ n: count() }).from(offers).where(where);
  const locs = await locationsOf(
    ctx.db,
    rows.map((r) => r.id),
  );
  return {
    items: rows.map((r) => presentOffer(r, locs.get(r.id) ?? [], ctx.actor)),
    total: total?.n ?? 0,
  };
}

export async function getOffer(ctx: Ctx & { id: string }) {
  return loadOffer(ctx, ctx.id);
}

type Change = z.infer<typeof OfferUpdate>;

/** Column values and the merged HSDS object for the given input; untouched fields stay as they are. */
function offerValues(id: string, input: Change, previousHsds: Record<string, unknown>) {
  const { translations, schedules, contact, website, locationIds: _l, ...columns } = input;
  let hsds = { ...previousHsds };
  if (schedules !== undefined) hsds.schedules = schedulesToHsds(id, schedules, previousHsds);
  if (contact !== undefined) hsds = { ...hsds, ...contactToHsds(id, contact, previousHsds) };
  if (website !== undefined) hsds.url = website ?? undefined;
  return {
    ...columns,
    ...(columns.phases ? { phases: [...columns.phases].sort((a, b) => a - b) } : {}),
    ...(columns.occupationFields ? { occupationFields: [...columns.occupationFields].sort() } : {}),
    ...(translations !== undefined ? { translations: dropEmpty(translations) } : {}),
    hsds,
  };
}

/** A translation without a name is no translation: it is left out rather than stored empty. */
function dropEmpty(translations: OfferTranslations) {
  const stored: Record<string, { name: string; description?: string }> = {};
  for (const [locale, text] of Object.entries(translations)) {
    if (text?.name)
      stored[locale] = { name: text.name, ...(text.description ? { description: text.description } : {}) };
  }
  return stored;
}

async function replaceLocations(tx: Tx, offerId: string, locationIds: string[] | undefined) {
  if (locationIds === undefined) return;
  await tx.delete(offerLocations).where(eq(offerLocations.offerId, offerId));
  if (locationIds.length > 0) {
    await tx.insert(offerLocations).values(locationIds.map((locationId) => ({ offerId, locationId })));
  }
}

/** Adds an offer to an organisation's directory entry, with its history from the first field. */
export async function createOffer(ctx: Ctx & { organisationId: string; input: z.infer<typeof OfferCreate> }) {
  await scopedOrganisation(ctx.db, ctx.actor, ctx.organisationId);
  return ctx.db.transaction(async (tx) => {
    await assertOwnLocations(tx, ctx.organisationId, ctx.input.locationIds);
    const id = randomUUID();
    await tx.insert(offers).values({
      id,
      organisationId: ctx.organisationId,
      ...offerValues(id, ctx.input, {}),
    } as typeof offers.$inferInsert);
    await replaceLocations(tx, id, ctx.input.locationIds);
    const created = await loadOffer({ ...ctx, db: tx }, id);
    const changes = changedFields({}, fieldTexts(created));
    await recordChanges(tx, {
      resourceId: id,
      resourceType: "service",
      action: "create",
      updatedBy: ctx.actor.userId,
      changes,
    });
    await audit(tx, ctx, {
      action: "offer.create",
      entity: "offer",
      entityId: id,
      organisationId: ctx.organisationId,
      details: { fields: changes.map((c) => c.field) },
    });
    return created;
  });
}

/** Edits an offer; each changed field lands in the history, unchanged ones leave no trace. */
export async function updateOffer(ctx: Ctx & { id: string; change: Change }) {
  return ctx.db.transaction(async (tx) => {
    const txCtx = { ...ctx, db: tx };
    const before = await loadOffer(txCtx, ctx.id, { lock: true });
    if (!before.abilities.update) throw forbidden();
    await assertOwnLocations(tx, before.organisationId, ctx.change.locationIds);
    const [current] = await tx.select({ hsds: offers.hsds }).from(offers).where(eq(offers.id, ctx.id));
    await tx
      .update(offers)
      .set({ ...offerValues(ctx.id, ctx.change, current?.hsds ?? {}), updatedAt: sql`now()` })
      .where(eq(offers.id, ctx.id));
    await replaceLocations(tx, ctx.id, ctx.change.locationIds);
    const after = await loadOffer(txCtx, ctx.id);
    const changes = changedFields(fieldTexts(before), fieldTexts(after));
    await recordChanges(tx, {
      resourceId: ctx.id,
      resourceType: "service",
      action: "update",
      updatedBy: ctx.actor.userId,
      changes,
    });
    await audit(tx, ctx, {
      action: "offer.update",
      entity: "offer",
      entityId: ctx.id,
      organisationId: before.organisationId,
      details: { fields: changes.map((c) => c.field) },
    });
    return after;
  });
}

/** Removes an offer for good (coordination only); the history keeps that it existed. */
export async function deleteOffer(ctx: Ctx & { id: string }) {
  await ctx.db.transaction(async (tx) => {
    const before = await loadOffer({ ...ctx, db: tx }, ctx.id, { lock: true });
    if (!before.abilities.delete) throw new AppError(403, "offer.delete_coordination_only");
    await tx.delete(offers).where(eq(offers.id, ctx.id));
    await recordChanges(tx, {
      resourceId: ctx.id,
      resourceType: "service",
      action: "delete",
      updatedBy: ctx.actor.userId,
      changes: changedFields(fieldTexts(before), {}),
    });
    await audit(tx, ctx, {
      action: "offer.delete",
      entity: "offer",
      entityId: ctx.id,
      organisationId: before.organisationId,
    });
  });
}

/** The change history of an offer the actor may see. */
export async function offerHistory(ctx: Ctx & { id: string; limit: number; offset: number }) {
  await loadOffer(ctx, ctx.id);
  return readHistory(ctx.db, {
    resourceId: ctx.id,
    resourceType: "service",
    limit: ctx.limit,
    offset: ctx.offset,
  });
}
