import { and, asc, count, eq, gte, ilike, inArray, isNull, or, type SQL } from "drizzle-orm";
import type { z } from "zod";
import type { Tx } from "#server/db/client.ts";
import { locations, offerLocations, offers } from "#server/modules/offers/tables.ts";
import { notFound } from "#server/platform/errors.ts";
import { containsPattern } from "#server/platform/like.ts";
import { organisations } from "#server/platform/tables.ts";
import type {
  HsdsListQuery,
  HsdsOrganizationQuery,
  HsdsServiceAtLocationQuery,
  HsdsServiceQuery,
  HsdsTaxonomyTermQuery,
} from "#shared/contracts/hsds.ts";
import { changesFor, organizationsFor, servicesFor } from "./bundles.ts";
import { offerSelection } from "./db-util.ts";
import { searchCondition, taxonomyCondition, termCondition } from "./filters.ts";
import {
  type Json,
  presentLocationOwn,
  presentMetadata,
  presentSalOwn,
  presentTaxonomy,
  presentTerm,
} from "./present.ts";
import { taxonomies, taxonomyTerms } from "./tables.ts";

// The public HSDS read API: the directory of every organisation that is active, with all its
// offers whatever their status (HSDS consumers filter by status themselves).

type Paging = Pick<z.infer<typeof HsdsListQuery>, "page" | "per_page">;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** A malformed id names no record: 404 like an unknown one. */
const checkId = (id: string) => {
  if (!UUID.test(id)) throw notFound();
};
const activeOrg = eq(organisations.status, "active");

function page(total: number, q: Paging, contents: Json[]) {
  const totalPages = Math.ceil(total / q.per_page);
  return {
    total_items: total,
    total_pages: totalPages,
    page_number: q.page,
    size: contents.length,
    first_page: q.page === 1,
    last_page: q.page >= totalPages,
    empty: total === 0,
    contents,
  };
}
const offset = (q: Paging) => (q.page - 1) * q.per_page;

export function serviceRoot(publicUrl: string) {
  return {
    version: "3.0",
    profile: "https://docs.openreferral.org/en/3.0/",
    openapi_url: `${publicUrl}/api/openapi.json`,
  };
}

export async function listServices(db: Tx, q: z.infer<typeof HsdsServiceQuery>) {
  const where = and(
    activeOrg,
    q.search ? searchCondition(q.search) : undefined,
    q.organization_id ? eq(offers.organisationId, q.organization_id) : undefined,
    q.taxonomy_term_id ? termCondition(q.taxonomy_term_id) : undefined,
    q.taxonomy_id ? taxonomyCondition(q.taxonomy_id) : undefined,
    q.modified_after ? gte(offers.updatedAt, new Date(q.modified_after)) : undefined,
  );
  const base = () =>
    db
      .select(offerSelection())
      .from(offers)
      .innerJoin(organisations, eq(organisations.id, offers.organisationId));
  const rows = await base()
    .where(where)
    .orderBy(asc(offers.name), asc(offers.id))
    .limit(q.per_page)
    .offset(offset(q));
  const [total] = await db
    .select({ n: count() })
    .from(offers)
    .innerJoin(organisations, eq(organisations.id, offers.organisationId))
    .where(where);
  return page(total?.n ?? 0, q, await servicesFor(db, rows, { organization: true, locations: "all" }));
}

export async function getService(db: Tx, id: string) {
  checkId(id);
  const rows = await db
    .select(offerSelection())
    .from(offers)
    .innerJoin(organisations, eq(organisations.id, offers.organisationId))
    .where(and(eq(offers.id, id), activeOrg));
  const [service] = await servicesFor(db, rows, { organization: true, locations: "all" });
  if (!service) throw notFound();
  return service;
}

export async function listOrganizations(db: Tx, q: z.infer<typeof HsdsOrganizationQuery>) {
  const where = and(activeOrg, q.search ? ilike(organisations.name, containsPattern(q.search)) : undefined);
  const rows = await db
    .select()
    .from(organisations)
    .where(where)
    .orderBy(asc(organisations.name), asc(organisations.id))
    .limit(q.per_page)
    .offset(offset(q));
  const [total] = await db.select({ n: count() }).from(organisations).where(where);
  const contents = await organizationsFor(db, rows, {
    locations: q.full,
    services: q.full_service ? "full" : q.full ? "own" : "none",
  });
  return page(total?.n ?? 0, q, contents);
}

export async function getOrganization(db: Tx, id: string, fullService: boolean) {
  checkId(id);
  const rows = await db
    .select()
    .from(organisations)
    .where(and(eq(organisations.id, id), activeOrg));
  const [org] = await organizationsFor(db, rows, { locations: true, services: fullService ? "full" : "own" });
  if (!org) throw notFound();
  return org;
}

export async function listTaxonomies(db: Tx, q: z.infer<typeof HsdsListQuery>) {
  const where = q.search
    ? or(
        ilike(taxonomies.name, containsPattern(q.search)),
        ilike(taxonomies.description, containsPattern(q.search)),
      )
    : undefined;
  const rows = await db
    .select()
    .from(taxonomies)
    .where(where)
    .orderBy(asc(taxonomies.name), asc(taxonomies.id))
    .limit(q.per_page)
    .offset(offset(q));
  const [total] = await db.select({ n: count() }).from(taxonomies).where(where);
  const changes = await changesFor(
    db,
    rows.map((r) => r.id),
  );
  return page(
    total?.n ?? 0,
    q,
    rows.map((r) => withChanges(presentTaxonomy(r), changes.get(r.id))),
  );
}

const withChanges = (obj: Json, changes: Parameters<typeof presentMetadata>[0] | undefined) =>
  changes?.length ? { ...obj, metadata: presentMetadata(changes) } : obj;

export async function getTaxonomy(db: Tx, id: string) {
  checkId(id);
  const [row] = await db.select().from(taxonomies).where(eq(taxonomies.id, id));
  if (!row) throw notFound();
  return withChanges(presentTaxonomy(row), (await changesFor(db, [id])).get(id));
}

async function termsWithTaxonomy(db: Tx, rows: (typeof taxonomyTerms.$inferSelect)[]) {
  const taxIds = [...new Set(rows.map((r) => r.taxonomyId).filter((x): x is string => x !== null))];
  const taxRows = taxIds.length
    ? await db.select().from(taxonomies).where(inArray(taxonomies.id, taxIds))
    : [];
  const byId = new Map(taxRows.map((t) => [t.id, t]));
  const changes = await changesFor(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) =>
    withChanges(presentTerm(r, r.taxonomyId ? byId.get(r.taxonomyId) : undefined, true), changes.get(r.id)),
  );
}

export async function listTaxonomyTerms(db: Tx, q: z.infer<typeof HsdsTaxonomyTermQuery>) {
  const where = and(
    q.search
      ? or(
          ilike(taxonomyTerms.name, containsPattern(q.search)),
          ilike(taxonomyTerms.code, containsPattern(q.search)),
        )
      : undefined,
    q.taxonomy_id ? eq(taxonomyTerms.taxonomyId, q.taxonomy_id) : undefined,
    q.parent_id ? eq(taxonomyTerms.parentId, q.parent_id) : undefined,
    q.top_only ? isNull(taxonomyTerms.parentId) : undefined,
  );
  const rows = await db
    .select()
    .from(taxonomyTerms)
    .where(where)
    .orderBy(asc(taxonomyTerms.taxonomyId), asc(taxonomyTerms.code), asc(taxonomyTerms.id))
    .limit(q.per_page)
    .offset(offset(q));
  const [total] = await db.select({ n: count() }).from(taxonomyTerms).where(where);
  return page(total?.n ?? 0, q, await termsWithTaxonomy(db, rows));
}

export async function getTaxonomyTerm(db: Tx, id: string) {
  checkId(id);
  const rows = await db.select().from(taxonomyTerms).where(eq(taxonomyTerms.id, id));
  const [term] = await termsWithTaxonomy(db, rows);
  if (!term) throw notFound();
  return term;
}

/** service_at_location objects with their location and their service (with organization) nested. */
async function salsFor(db: Tx, rows: (typeof offerLocations.$inferSelect)[]) {
  const offerRows = rows.length
    ? await db
        .select(offerSelection())
        .from(offers)
        .where(inArray(offers.id, [...new Set(rows.map((r) => r.offerId))]))
    : [];
  const services = await servicesFor(db, offerRows, { organization: true, locations: "all" });
  const serviceById = new Map(services.map((s) => [String(s.id), s]));
  const locRows = rows.length
    ? await db
        .select()
        .from(locations)
        .where(inArray(locations.id, [...new Set(rows.map((r) => r.locationId))]))
    : [];
  const locById = new Map(locRows.map((l) => [l.id, l]));
  const changes = await changesFor(db, [...rows.map((r) => r.id), ...locRows.map((l) => l.id)]);
  return rows.map((r) => {
    const loc = locById.get(r.locationId);
    const { service_at_locations: _omitNested, ...service } = serviceById.get(r.offerId) ?? {};
    return {
      ...withChanges(presentSalOwn(r), changes.get(r.id)),
      ...(loc ? { location: withChanges(presentLocationOwn(loc), changes.get(loc.id)) } : {}),
      service,
    };
  });
}

function salWhere(q: z.infer<typeof HsdsServiceAtLocationQuery>): SQL | undefined {
  return and(
    activeOrg,
    q.search ? searchCondition(q.search) : undefined,
    q.organization_id ? eq(offers.organisationId, q.organization_id) : undefined,
    q.taxonomy_term_id ? termCondition(q.taxonomy_term_id) : undefined,
    q.taxonomy_id ? taxonomyCondition(q.taxonomy_id) : undefined,
    q.modified_after ? gte(offers.updatedAt, new Date(q.modified_after)) : undefined,
    q.postcode ? eq(locations.postcode, q.postcode) : undefined,
  );
}

const salJoin = (db: Tx) =>
  db
    .select({ sal: offerLocations })
    .from(offerLocations)
    .innerJoin(offers, eq(offers.id, offerLocations.offerId))
    .innerJoin(organisations, eq(organisations.id, offers.organisationId))
    .innerJoin(locations, eq(locations.id, offerLocations.locationId));

export async function listServiceAtLocations(db: Tx, q: z.infer<typeof HsdsServiceAtLocationQuery>) {
  const where = salWhere(q);
  const rows = await salJoin(db)
    .where(where)
    .orderBy(asc(offerLocations.id))
    .limit(q.per_page)
    .offset(offset(q));
  const [total] = await db
    .select({ n: count() })
    .from(offerLocations)
    .innerJoin(offers, eq(offers.id, offerLocations.offerId))
    .innerJoin(organisations, eq(organisations.id, offers.organisationId))
    .innerJoin(locations, eq(locations.id, offerLocations.locationId))
    .where(where);
  return page(
    total?.n ?? 0,
    q,
    await salsFor(
      db,
      rows.map((r) => r.sal),
    ),
  );
}

export async function getServiceAtLocation(db: Tx, id: string) {
  checkId(id);
  const rows = await salJoin(db).where(and(eq(offerLocations.id, id), activeOrg));
  const [sal] = await salsFor(
    db,
    rows.map((r) => r.sal),
  );
  if (!sal) throw notFound();
  return sal;
}
