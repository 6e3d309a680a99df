import { eq, inArray } from "drizzle-orm";
import type { Tx } from "#server/db/client.ts";
import { locations, offerLocations, offers } from "#server/modules/offers/tables.ts";
import { organisations } from "#server/platform/tables.ts";
import type { ImportReportRecord } from "#shared/contracts/hsds.ts";
import { byIds, canonical, offerSelection } from "./db-util.ts";
import { extractRecords, type ImportRecord } from "./import-extract.ts";
import { isLotseTaxonomyId, stableId } from "./lotse-taxonomies.ts";
import {
  type Json,
  type LocationRow,
  type OfferRow,
  type OrgRow,
  presentLocationOwn,
  presentOrganizationOwn,
  presentSalOwn,
  presentServiceOwn,
  presentTaxonomy,
  presentTerm,
  type SalRow,
  type TaxonomyRow,
  type TermRow,
} from "./present.ts";
import type { HsdsKind } from "./schemas.ts";
import { taxonomies, taxonomyTerms } from "./tables.ts";
import {
  locationToRow,
  organizationToRow,
  salToRow,
  serviceToRow,
  taxonomyToRow,
  termToRow,
} from "./to-rows.ts";

// Planning an import: every record looked up, validated and compared; nothing is written here.

/** Locations that name no organisation and that no offer in the import or the directory ties to one. */
export const UNASSIGNED_ORGANISATION_ID = stableId("organization", "hsds-import-unassigned");

const UNASSIGNED_NAME = "Standorte ohne Organisation (HSDS-Import)";

export type ImportProgress = (stage: "plan" | "write", done: number, total: number) => void;

export type Planned = {
  record: ImportRecord;
  id: string | null;
  action: ImportReportRecord["action"];
  row?: Record<string, unknown>;
  changes: { field: string; previous: string; replacement: string }[];
};

/** Text of a field in the change history: strings as they are, everything else as JSON. */
const asText = (v: unknown) =>
  v === undefined || v === null ? "" : typeof v === "string" ? v : canonical(v);

/** Fields whose value differs between two HSDS views of a record (last_modified is a timestamp, not data). */
function diff(before: Json, after: Json) {
  const names = [...new Set([...Object.keys(after), ...Object.keys(before)])].filter(
    (f) => f !== "last_modified",
  );
  return names
    .map((field) => ({ field, previous: asText(before[field]), replacement: asText(after[field]) }))
    .filter((c) => c.previous !== c.replacement);
}

/** Same kind and id appearing more than once (an organisation embedded in each of its services) is one record. */
function mergeDuplicates(records: ImportRecord[]): ImportRecord[] {
  const byKey = new Map<string, ImportRecord>();
  const out: ImportRecord[] = [];
  for (const r of records) {
    const id = typeof r.obj.id === "string" ? r.obj.id : undefined;
    if (!id) {
      out.push(r);
      continue;
    }
    const key = `${r.kind}:${id}`;
    const seen = byKey.get(key);
    if (!seen) {
      const copy = { ...r, obj: { ...r.obj }, errors: [...r.errors] };
      byKey.set(key, copy);
      out.push(copy);
    } else {
      Object.assign(seen.obj, r.obj);
      seen.errors.push(...r.errors);
      seen.orgHint ??= r.orgHint;
    }
  }
  return out;
}

const idOf = (r: ImportRecord) => (typeof r.obj.id === "string" ? r.obj.id : null);
const str = (v: unknown) => (typeof v === "string" ? v : undefined);

/** Looks up, validates and compares every record; writes nothing. */
export async function plan(db: Tx, document: unknown, onProgress?: ImportProgress): Promise<Planned[]> {
  const records = mergeDuplicates(extractRecords(document));
  const ofKind = (k: HsdsKind) => records.filter((r) => r.kind === k && idOf(r) && r.errors.length === 0);
  const ids = (k: HsdsKind) => ofKind(k).map((r) => idOf(r) as string);

  const sals = ofKind("service_at_location");
  const services = ofKind("service");
  const locs = ofKind("location");
  const orgIdsReferenced = [
    ...ids("organization"),
    ...services.map((s) => str(s.obj.organization_id)),
    ...locs.map((l) => str(l.obj.organization_id) ?? l.orgHint),
  ].filter((x): x is string => Boolean(x));
  const [existingOrgs, existingOffers, existingLocs, existingSals, existingTax, existingTerms] =
    await Promise.all([
      byIds(orgIdsReferenced, (c) => db.select().from(organisations).where(inArray(organisations.id, c))),
      byIds([...ids("service"), ...sals.map((s) => str(s.obj.service_id) ?? "")].filter(isUuid), (c) =>
        db.select(offerSelection()).from(offers).where(inArray(offers.id, c)),
      ),
      byIds([...ids("location"), ...sals.map((s) => str(s.obj.location_id) ?? "")].filter(isUuid), (c) =>
        db.select().from(locations).where(inArray(locations.id, c)),
      ),
      byIds(ids("service_at_location"), (c) =>
        db.select().from(offerLocations).where(inArray(offerLocations.id, c)),
      ),
      byIds(
        [...ids("taxonomy"), ...ofKind("taxonomy_term").map((t) => str(t.obj.taxonomy_id) ?? "")].filter(
          isUuid,
        ),
        (c) => db.select().from(taxonomies).where(inArray(taxonomies.id, c)),
      ),
      byIds(ids("taxonomy_term"), (c) => db.select().from(taxonomyTerms).where(inArray(taxonomyTerms.id, c))),
    ]);
  const orgById = new Map<string, OrgRow>(existingOrgs.map((o) => [o.id, o]));
  const offerById = new Map<string, OfferRow>(existingOffers.map((o) => [o.id, o]));
  const locById = new Map<string, LocationRow>(existingLocs.map((l) => [l.id, l]));
  const salById = new Map<string, SalRow>(existingSals.map((s) => [s.id, s]));
  const taxById = new Map<string, TaxonomyRow>(existingTax.map((t) => [t.id, t]));
  const termById = new Map<string, TermRow>(existingTerms.map((t) => [t.id, t]));

  const out: Planned[] = [];
  let done = 0;
  const total = records.length;
  const tick = () => {
    done++;
    if (done % 200 === 0 || done === total) onProgress?.("plan", done, total);
  };
  const reject = (record: ImportRecord, errors = record.errors) => {
    out.push({ record, id: idOf(record), action: "reject", changes: [] });
    record.errors = errors;
    tick();
  };
  const accept = (
    record: ImportRecord,
    existing: Json | undefined,
    next: Json,
    row: Record<string, unknown>,
  ) => {
    const id = idOf(record) as string;
    if (!existing) {
      out.push({
        record,
        id,
        action: "create",
        row,
        changes: [{ field: "id", previous: "", replacement: id }],
      });
    } else {
      const changes = diff(existing, next);
      out.push({ record, id, action: changes.length ? "update" : "unchanged", row, changes });
    }
    tick();
  };
  const valid = (kind: HsdsKind) =>
    new Set(out.filter((p) => p.record.kind === kind && p.action !== "reject").map((p) => p.id));

  for (const r of records) if (!idOf(r) || r.errors.length > 0) reject(r);

  for (const r of ofKind("taxonomy")) {
    const existing = taxById.get(idOf(r) as string);
    const merged = { ...(existing ? presentTaxonomy(existing) : {}), ...r.obj };
    const row = taxonomyToRow(merged);
    accept(r, existing && presentTaxonomy(existing), presentTaxonomy(row), row);
  }
  const taxonomiesOk = valid("taxonomy");
  for (const r of ofKind("taxonomy_term")) {
    const existing = termById.get(idOf(r) as string);
    const taxOf = (id: string | null | undefined) => (id ? taxById.get(id) : undefined);
    const merged = {
      ...(existing ? presentTerm(existing, taxOf(existing.taxonomyId), false) : {}),
      ...r.obj,
    };
    const wanted = str(merged.taxonomy_id);
    // A term of a taxonomy that is neither in the import nor in Lotse is kept without the link.
    const taxonomyId =
      wanted && (taxonomiesOk.has(wanted) || taxById.has(wanted) || isLotseTaxonomyId(wanted))
        ? wanted
        : null;
    const row = termToRow(merged, taxonomyId, existing);
    accept(r, existing && presentTerm(existing, undefined, false), presentTerm(row, undefined, false), row);
  }
  for (const r of ofKind("organization")) {
    const existing = orgById.get(idOf(r) as string);
    const merged = { ...(existing ? presentOrganizationOwn(existing) : {}), ...r.obj };
    const row = organizationToRow(merged, existing);
    const now = new Date();
    accept(
      r,
      existing && presentOrganizationOwn(existing),
      presentOrganizationOwn({ ...row, createdAt: now, updatedAt: now }),
      row,
    );
  }
  const orgsOk = valid("organization");
  const orgKnown = (id: string | undefined) => Boolean(id && (orgsOk.has(id) || orgById.has(id)));

  // An offer's organisation also places the locations it is given at, when they name none.
  const serviceOrg = new Map<string, string>();
  for (const s of services)
    if (str(s.obj.organization_id)) serviceOrg.set(idOf(s) as string, str(s.obj.organization_id) as string);
  for (const o of existingOffers) if (!serviceOrg.has(o.id)) serviceOrg.set(o.id, o.organisationId);
  const locationOrgViaSal = new Map<string, string>();
  for (const s of sals) {
    const org = serviceOrg.get(str(s.obj.service_id) ?? "");
    const loc = str(s.obj.location_id);
    if (org && loc && !locationOrgViaSal.has(loc)) locationOrgViaSal.set(loc, org);
  }

  let needsUnassigned = false;
  for (const r of locs) {
    const id = idOf(r) as string;
    const existing = locById.get(id);
    const named = str(r.obj.organization_id);
    if (named && !orgKnown(named)) {
      reject(r, [
        {
          path: `${r.path}/organization_id`,
          message: "organization not found in the import or the directory",
        },
      ]);
      continue;
    }
    const orgId =
      named ??
      (orgKnown(r.orgHint) ? r.orgHint : undefined) ??
      existing?.organisationId ??
      locationOrgViaSal.get(id) ??
      UNASSIGNED_ORGANISATION_ID;
    if (orgId === UNASSIGNED_ORGANISATION_ID) needsUnassigned = true;
    const merged = { ...(existing ? presentLocationOwn(existing) : {}), ...r.obj, organization_id: orgId };
    const row = locationToRow(merged, orgId);
    const now = new Date();
    accept(
      r,
      existing && presentLocationOwn(existing),
      presentLocationOwn({ ...row, createdAt: now, updatedAt: now }),
      row,
    );
  }
  for (const r of services) {
    const id = idOf(r) as string;
    const existing = offerById.get(id);
    const orgId = str(r.obj.organization_id) ?? existing?.organisationId;
    if (!orgKnown(orgId)) {
      reject(r, [
        {
          path: `${r.path}/organization_id`,
          message: orgId
            ? "organization not found in the import or the directory"
            : "must name its organization",
        },
      ]);
      continue;
    }
    const merged = { ...(existing ? presentServiceOwn(existing) : {}), ...r.obj };
    const { row, errors } = serviceToRow(merged, orgId as string);
    if (errors.length) {
      reject(
        r,
        errors.map((e) => ({ ...e, path: `${r.path}${e.path}` })),
      );
      continue;
    }
    const now = existing?.updatedAt ?? new Date();
    accept(
      r,
      existing && presentServiceOwn(existing),
      presentServiceOwn({ ...row, createdAt: now, updatedAt: now }),
      row,
    );
  }
  const servicesOk = valid("service");
  const locationsOk = valid("location");
  const pairs = await byIds(sals.map((s) => str(s.obj.service_id) ?? "").filter(isUuid), (c) =>
    db.select().from(offerLocations).where(inArray(offerLocations.offerId, c)),
  );
  for (const r of sals) {
    const id = idOf(r) as string;
    const serviceId = str(r.obj.service_id);
    const locationId = str(r.obj.location_id);
    const errors = [];
    if (!serviceId || !(servicesOk.has(serviceId) || offerById.has(serviceId)))
      errors.push({
        path: `${r.path}/service_id`,
        message: "service not found in the import or the directory",
      });
    if (!locationId || !(locationsOk.has(locationId) || locById.has(locationId)))
      errors.push({
        path: `${r.path}/location_id`,
        message: "location not found in the import or the directory",
      });
    const twin = pairs.find((p) => p.offerId === serviceId && p.locationId === locationId && p.id !== id);
    if (twin)
      errors.push({
        path: `${r.path}/id`,
        message: `service_at_location ${twin.id} already links this service and location`,
      });
    if (errors.length) {
      reject(r, errors);
      continue;
    }
    const existing = salById.get(id);
    const merged = { ...(existing ? presentSalOwn(existing) : {}), ...r.obj };
    const row = salToRow(merged, serviceId as string, locationId as string);
    accept(r, existing && presentSalOwn(existing), presentSalOwn(row), row);
  }
  if (
    needsUnassigned &&
    !(
      await db
        .select({ id: organisations.id })
        .from(organisations)
        .where(eq(organisations.id, UNASSIGNED_ORGANISATION_ID))
    ).length
  ) {
    out.push({
      record: { kind: "organization", path: "", obj: { name: UNASSIGNED_NAME }, errors: [] },
      id: UNASSIGNED_ORGANISATION_ID,
      action: "create",
      row: {
        id: UNASSIGNED_ORGANISATION_ID,
        name: UNASSIGNED_NAME,
        type: "other",
        status: "inactive",
        description: "Sammelstelle für importierte Standorte, die keine Organisation nennen",
      },
      changes: [{ field: "id", previous: "", replacement: UNASSIGNED_ORGANISATION_ID }],
    });
  }
  return out;
}

const isUuid = (s: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(s);
