import type { directoryChanges, locations, offerLocations, offers } from "#server/modules/offers/tables.ts";
import type { organisations } from "#server/platform/tables.ts";
import { DISTRICTS } from "#shared/domain.ts";
import { type LotseTaxonomyName, lotseTerm, stableId } from "./lotse-taxonomies.ts";
import type { taxonomies, taxonomyTerms } from "./tables.ts";

export type Json = Record<string, unknown>;
export type OrgRow = typeof organisations.$inferSelect;
export type OfferRow = Omit<typeof offers.$inferSelect, "search">;
export type LocationRow = typeof locations.$inferSelect;
export type SalRow = typeof offerLocations.$inferSelect;
export type TaxonomyRow = typeof taxonomies.$inferSelect;
export type TermRow = typeof taxonomyTerms.$inferSelect;
export type ChangeRow = typeof directoryChanges.$inferSelect;

/**
 * Districts served travel as HSDS service_areas whose uri is this prefix plus the AGS key
 * (docs/decisions/005-hsds-exchange.md); the prefix must never change.
 */
export const AGS_URI = "https://lotse.example/ags/";

const LANGUAGE_NAMES = new Intl.DisplayNames(["de"], { type: "language" });

/** Drops null and undefined values: HSDS fields are typed as plain strings, numbers or arrays. */
export function compact(obj: Json): Json {
  const out: Json = {};
  for (const [k, v] of Object.entries(obj)) if (v !== null && v !== undefined) out[k] = v;
  return out;
}

export function omit(obj: Json, keys: readonly string[]): Json {
  const out: Json = { ...obj };
  for (const k of keys) delete out[k];
  return out;
}

export const asList = (v: unknown): Json[] =>
  Array.isArray(v)
    ? v.filter((x): x is Json => typeof x === "object" && x !== null && !Array.isArray(x))
    : [];

/** The AGS key an HSDS service_area stands for, if it is one of Lotse's districts. */
export function areaAgs(area: Json): string | undefined {
  const uri = typeof area.uri === "string" ? area.uri : "";
  if (!uri.startsWith(AGS_URI)) return undefined;
  const ags = uri.slice(AGS_URI.length);
  return DISTRICTS.some((d) => d.ags === ags) ? ags : undefined;
}

/** A two-letter ISO 639-1 code, the form Lotse keeps an offer's languages in. */
export const iso639_1 = (code: unknown): string | undefined =>
  typeof code === "string" && /^[a-zA-Z]{2}$/.test(code) ? code.toLowerCase() : undefined;

/**
 * The HSDS list for Lotse column values: an element the import brought for a value is kept as it
 * came (its id, notes, …); a value without one gets an element with a derived id. Elements that
 * stand for no Lotse value at all are kept after them.
 */
function mergeDerived(
  values: readonly string[],
  stored: Json[],
  keyOf: (item: Json) => string | undefined,
  make: (value: string) => Json,
): Json[] {
  const out = values.map((v) => stored.find((s) => keyOf(s) === v) ?? make(v));
  return [...out, ...stored.filter((s) => keyOf(s) === undefined)];
}

/** One Lotse attribute: an HSDS attribute whose taxonomy term is a Lotse term. */
function lotseAttribute(
  linkId: string,
  linkEntity: string,
  taxonomy: LotseTaxonomyName,
  code: string,
  value?: string,
): Json {
  const term = lotseTerm(taxonomy, code);
  return compact({
    id: stableId("attribute", linkId, taxonomy, code),
    link_id: linkId,
    link_type: taxonomy,
    link_entity: linkEntity,
    taxonomy_term_id: term.id,
    value,
    taxonomy_term: {
      id: term.id,
      code: term.code,
      name: term.name,
      description: term.name,
      taxonomy: taxonomy,
      taxonomy_id: stableId("taxonomy", taxonomy),
    },
  });
}

export function presentMetadata(changes: ChangeRow[]): Json[] {
  return changes.map((c) => ({
    id: c.id,
    resource_id: c.resourceId,
    resource_type: c.resourceType,
    last_action_date: c.actionDate.toISOString(),
    last_action_type: c.actionType,
    field_name: c.fieldName,
    previous_value: c.previousValue,
    replacement_value: c.replacementValue,
    updated_by: c.updatedBy,
  }));
}

/** Keys of an HSDS service that Lotse keeps in columns or builds from other tables. */
export const SERVICE_OWN_KEYS = [
  "id",
  "organization_id",
  "name",
  "description",
  "status",
  "last_modified",
  "languages",
  "service_areas",
  "attributes",
  "metadata",
  "organization",
  "service_at_locations",
] as const;

/** An offer as an HSDS service, without related records and metadata. */
export function presentServiceOwn(o: OfferRow): Json {
  const h = o.hsds;
  const attrs: Json[] = [];
  const add = (taxonomy: LotseTaxonomyName, code: string, value?: string) =>
    attrs.push(lotseAttribute(o.id, "service", taxonomy, code, value));
  for (const p of o.phases) add("lotse-iq-phase", String(p));
  if (o.offerType) add("lotse-offer-type", o.offerType);
  for (const g of o.targetGroups) add("lotse-target-group", g);
  for (const f of o.occupationFields) add("lotse-occupation-field", f);
  if (o.minGermanLevel) add("lotse-min-german-level", o.minGermanLevel);
  if (o.fundingRoute) add("lotse-funding-route", o.fundingRoute);
  if (o.freeOfCharge !== null) add("lotse-free-of-charge", String(o.freeOfCharge));
  if (o.capacityAvailable !== null) add("lotse-capacity", "available", String(o.capacityAvailable));
  if (o.capacityMaximum !== null) add("lotse-capacity", "maximum", String(o.capacityMaximum));
  if (o.capacityUpdatedAt) add("lotse-capacity", "updated_at", o.capacityUpdatedAt.toISOString());
  for (const [locale, t] of Object.entries(o.translations).sort(([a], [b]) => a.localeCompare(b))) {
    if (t.name) add("lotse-translation", `${locale}.name`, t.name);
    if (t.description) add("lotse-translation", `${locale}.description`, t.description);
  }
  return compact({
    ...omit(h, SERVICE_OWN_KEYS),
    id: o.id,
    organization_id: o.organisationId,
    name: o.name,
    description: o.description,
    status: o.status,
    last_modified: o.updatedAt.toISOString(),
    languages: mergeDerived(
      o.languages,
      asList(h.languages),
      (l) => iso639_1(l.code),
      (code) =>
        compact({
          id: stableId("language", o.id, code),
          service_id: o.id,
          name: LANGUAGE_NAMES.of(code),
          code,
        }),
    ),
    service_areas: mergeDerived(o.districts, asList(h.service_areas), areaAgs, (ags) => ({
      id: stableId("service_area", o.id, ags),
      service_id: o.id,
      name: DISTRICTS.find((d) => d.ags === ags)?.name ?? ags,
      uri: `${AGS_URI}${ags}`,
    })),
    attributes: [...attrs, ...asList(h.attributes)],
  });
}

export const ORGANIZATION_OWN_KEYS = [
  "id",
  "name",
  "description",
  "email",
  "website",
  "phones",
  "attributes",
  "metadata",
  "services",
  "locations",
] as const;

/** A partner organisation as an HSDS organization, without locations, services and metadata. */
export function presentOrganizationOwn(r: OrgRow): Json {
  const h = r.hsds;
  const storedPhones = asList(h.phones);
  const phones =
    r.phone && !storedPhones.some((p) => p.number === r.phone)
      ? [{ id: stableId("phone", r.id), organization_id: r.id, number: r.phone }, ...storedPhones]
      : storedPhones;
  const attrs: Json[] = [lotseAttribute(r.id, "organization", "lotse-organisation-type", r.type)];
  if (r.districtAgs) attrs.push(lotseAttribute(r.id, "organization", "lotse-district", r.districtAgs));
  return compact({
    ...omit(h, ORGANIZATION_OWN_KEYS),
    id: r.id,
    name: r.name,
    // HSDS requires a description; an empty string is schema-valid and reads back as "none".
    description: r.description ?? "",
    email: r.email,
    website: r.website,
    phones,
    attributes: [...attrs, ...asList(h.attributes)],
  });
}

export const LOCATION_OWN_KEYS = [
  "id",
  "location_type",
  "organization_id",
  "name",
  "description",
  "latitude",
  "longitude",
  "addresses",
  "attributes",
  "metadata",
] as const;

/** The address Lotse keeps in columns: the first physical one, else the first. */
export function primaryAddressIndex(addresses: Json[]): number {
  const physical = addresses.findIndex((a) => a.address_type === "physical");
  return physical >= 0 ? physical : addresses.length > 0 ? 0 : -1;
}

/** A location as an HSDS location; the address columns overlay the stored primary address. */
export function presentLocationOwn(l: LocationRow): Json {
  const h = l.hsds;
  const addresses = asList(h.addresses).map((a) => ({ ...a }));
  const hasAddress = Boolean(l.street || l.postcode || l.city);
  const i = primaryAddressIndex(addresses);
  const columns = { address_1: l.street ?? "", postal_code: l.postcode ?? "", city: l.city ?? "" };
  if (hasAddress && i >= 0) addresses[i] = { ...addresses[i], ...columns };
  else if (hasAddress) {
    addresses.unshift({
      id: stableId("address", l.id),
      location_id: l.id,
      ...columns,
      state_province: l.districtAgs?.startsWith("15") ? "Sachsen-Anhalt" : "",
      country: "DE",
      address_type: l.locationType === "postal" ? "postal" : "physical",
    });
  }
  const attrs = l.districtAgs ? [lotseAttribute(l.id, "location", "lotse-district", l.districtAgs)] : [];
  return compact({
    ...omit(h, LOCATION_OWN_KEYS),
    id: l.id,
    location_type: l.locationType,
    organization_id: l.organisationId,
    name: l.name,
    description: l.description,
    latitude: l.latitude,
    longitude: l.longitude,
    addresses,
    attributes: [...attrs, ...asList(h.attributes)],
  });
}

export const SAL_OWN_KEYS = ["id", "service_id", "location_id", "service", "location", "metadata"] as const;

export function presentSalOwn(s: SalRow): Json {
  return compact({
    ...omit(s.hsds, SAL_OWN_KEYS),
    id: s.id,
    service_id: s.offerId,
    location_id: s.locationId,
  });
}

export function presentTaxonomy(t: TaxonomyRow): Json {
  return compact({ id: t.id, name: t.name, description: t.description, uri: t.uri, version: t.version });
}

export function presentTerm(term: TermRow, taxonomy: TaxonomyRow | undefined, withDetail: boolean): Json {
  return compact({
    id: term.id,
    code: term.code,
    name: term.name,
    description: term.description,
    parent_id: term.parentId,
    taxonomy: taxonomy?.name,
    taxonomy_id: term.taxonomyId,
    taxonomy_detail: withDetail && taxonomy ? presentTaxonomy(taxonomy) : undefined,
    language: term.language,
    term_uri: term.termUri,
  });
}
