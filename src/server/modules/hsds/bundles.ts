import { asc, inArray } from "drizzle-orm";
import type { Tx } from "#server/db/client.ts";
import { directoryChanges, locations, offerLocations, offers } from "#server/modules/offers/tables.ts";
import { organisations } from "#server/platform/tables.ts";
import { byIds, offerSelection } from "./db-util.ts";
import {
  type ChangeRow,
  type Json,
  type LocationRow,
  type OfferRow,
  type OrgRow,
  presentLocationOwn,
  presentMetadata,
  presentOrganizationOwn,
  presentSalOwn,
  presentServiceOwn,
  type SalRow,
} from "./present.ts";

// Fully nested HSDS objects for a batch of records: every related table is read once per batch,
// never once per record, so a page of 1,000 services or an export of 10,000 costs a few queries.

export async function changesFor(db: Tx, ids: Iterable<string>): Promise<Map<string, ChangeRow[]>> {
  const rows = await byIds(ids, (c) =>
    db
      .select()
      .from(directoryChanges)
      .where(inArray(directoryChanges.resourceId, c))
      .orderBy(asc(directoryChanges.actionDate), asc(directoryChanges.id)),
  );
  const map = new Map<string, ChangeRow[]>();
  for (const r of rows) map.set(r.resourceId, [...(map.get(r.resourceId) ?? []), r]);
  return map;
}

const withMetadata = (obj: Json, changes: Map<string, ChangeRow[]>) => {
  const m = changes.get(String(obj.id));
  return m?.length ? { ...obj, metadata: presentMetadata(m) } : obj;
};

export type ServiceNesting = {
  /** Embed the organization (one-to-one fields). */
  organization: boolean;
  /** Embed the location of each service_at_location: always, or only when it belongs to another organisation. */
  locations: "all" | "foreign";
};

/** HSDS services for offer rows: with service_at_locations (and their locations) and metadata. */
export async function servicesFor(db: Tx, rows: OfferRow[], nesting: ServiceNesting): Promise<Json[]> {
  const sals = await byIds(
    rows.map((r) => r.id),
    (c) =>
      db
        .select()
        .from(offerLocations)
        .where(inArray(offerLocations.offerId, c))
        .orderBy(asc(offerLocations.id)),
  );
  const locs = await byIds(
    sals.map((s) => s.locationId),
    (c) => db.select().from(locations).where(inArray(locations.id, c)),
  );
  const orgs = nesting.organization
    ? await byIds(
        rows.map((r) => r.organisationId),
        (c) => db.select().from(organisations).where(inArray(organisations.id, c)),
      )
    : [];
  const changes = await changesFor(db, [
    ...rows.map((r) => r.id),
    ...sals.map((s) => s.id),
    ...locs.map((l) => l.id),
    ...orgs.map((o) => o.id),
  ]);
  const locById = new Map(locs.map((l) => [l.id, l]));
  const orgById = new Map(orgs.map((o) => [o.id, o]));
  const salsByOffer = new Map<string, SalRow[]>();
  for (const s of sals) salsByOffer.set(s.offerId, [...(salsByOffer.get(s.offerId) ?? []), s]);

  return rows.map((o) => {
    const service = withMetadata(presentServiceOwn(o), changes);
    const nested = (salsByOffer.get(o.id) ?? []).map((s) => {
      const sal = withMetadata(presentSalOwn(s), changes);
      const loc = locById.get(s.locationId);
      const embed = loc && (nesting.locations === "all" || loc.organisationId !== o.organisationId);
      return embed ? { ...sal, location: withMetadata(presentLocationOwn(loc), changes) } : sal;
    });
    const org = orgById.get(o.organisationId);
    return {
      ...service,
      service_at_locations: nested,
      ...(org ? { organization: withMetadata(presentOrganizationOwn(org), changes) } : {}),
    };
  });
}

/** HSDS organizations, optionally with their locations and services nested. */
export async function organizationsFor(
  db: Tx,
  rows: OrgRow[],
  nest: { locations: boolean; services: "none" | "own" | "full" },
): Promise<Json[]> {
  const ids = rows.map((r) => r.id);
  const locs: LocationRow[] = nest.locations
    ? await byIds(ids, (c) =>
        db.select().from(locations).where(inArray(locations.organisationId, c)).orderBy(asc(locations.id)),
      )
    : [];
  const offerRows: OfferRow[] =
    nest.services === "none"
      ? []
      : await byIds(ids, (c) =>
          db
            .select(offerSelection())
            .from(offers)
            .where(inArray(offers.organisationId, c))
            .orderBy(asc(offers.name), asc(offers.id)),
        );
  const services =
    nest.services === "full"
      ? await servicesFor(db, offerRows, { organization: false, locations: "foreign" })
      : offerRows.map(presentServiceOwn);
  const changes = await changesFor(db, [...ids, ...locs.map((l) => l.id)]);
  const byOrg = <T>(items: T[], orgOf: (t: T) => string) => {
    const m = new Map<string, T[]>();
    for (const i of items) m.set(orgOf(i), [...(m.get(orgOf(i)) ?? []), i]);
    return m;
  };
  const locsByOrg = byOrg(locs, (l) => l.organisationId);
  const servicesByOrg = byOrg(
    services.map((s, i) => ({ s, org: offerRows[i]?.organisationId ?? "" })),
    (x) => x.org,
  );
  return rows.map((r) => {
    const org = withMetadata(presentOrganizationOwn(r), changes);
    return {
      ...org,
      ...(nest.locations
        ? { locations: (locsByOrg.get(r.id) ?? []).map((l) => withMetadata(presentLocationOwn(l), changes)) }
        : {}),
      ...(nest.services !== "none" ? { services: (servicesByOrg.get(r.id) ?? []).map((x) => x.s) } : {}),
    };
  });
}
