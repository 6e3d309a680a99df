import {
  CEFR_LEVELS,
  FUNDING_ROUTES,
  OFFER_TYPES,
  type OfferStatus,
  TARGET_GROUPS,
} from "#shared/directory.ts";
import { ORGANISATION_TYPES, type OrganisationType } from "#shared/domain.ts";
import { findLotseTerm, type LotseTerm, stableId } from "./lotse-taxonomies.ts";
import {
  areaAgs,
  asList,
  iso639_1,
  type Json,
  LOCATION_OWN_KEYS,
  type LocationRow,
  type OfferRow,
  ORGANIZATION_OWN_KEYS,
  type OrgRow,
  omit,
  primaryAddressIndex,
  SAL_OWN_KEYS,
  type SalRow,
  SERVICE_OWN_KEYS,
  type TaxonomyRow,
  type TermRow,
} from "./present.ts";
import type { SchemaError } from "./schemas.ts";

// The reverse of present.ts: an HSDS object (already schema-valid) as the row Lotse stores.

const str = (v: unknown): string | null => (typeof v === "string" && v !== "" ? v : null);
const num = (v: unknown): number | null => (typeof v === "number" && Number.isFinite(v) ? v : null);
const unique = <T>(xs: T[]) => [...new Set(xs)];

/** Splits attributes into Lotse's own (by term) and the rest, which is kept as it came. */
function splitAttributes(attributes: unknown) {
  const lotse: { term: LotseTerm; value: string | undefined; index: number }[] = [];
  const foreign: Json[] = [];
  asList(attributes).forEach((a, index) => {
    const t = (a.taxonomy_term ?? {}) as Json;
    const detail = (t.taxonomy_detail ?? {}) as Json;
    const term =
      findLotseTerm({ id: a.taxonomy_term_id }) ??
      findLotseTerm({ id: t.id }) ??
      findLotseTerm({ taxonomy: t.taxonomy ?? detail.name, code: t.code });
    if (term) lotse.push({ term, value: typeof a.value === "string" ? a.value : undefined, index });
    else foreign.push(a);
  });
  return { lotse, foreign };
}

/** Elements that Lotse derived itself (their id is the derived one) are rebuilt from columns on export. */
const withoutDerived = (items: Json[], derivedId: (item: Json) => string | undefined) =>
  items.filter((i) => i.id !== derivedId(i));

function setList(hsds: Json, key: string, items: Json[]) {
  if (items.length > 0) hsds[key] = items;
  else delete hsds[key];
}

type Offer = Omit<OfferRow, "createdAt" | "updatedAt">;

/** An HSDS service as an offer row; errors name attribute values Lotse cannot read. */
export function serviceToRow(s: Json, organisationId: string): { row: Offer; errors: SchemaError[] } {
  const id = String(s.id);
  const errors: SchemaError[] = [];
  const { lotse, foreign } = splitAttributes(s.attributes);
  const codes = (taxonomy: string) =>
    lotse.filter((a) => a.term.taxonomy === taxonomy).map((a) => a.term.code);
  const first = <T extends string>(taxonomy: string, allowed: readonly T[]): T | null =>
    (codes(taxonomy).find((c) => (allowed as readonly string[]).includes(c)) as T | undefined) ?? null;
  const capacity = (code: string) =>
    lotse.find((a) => a.term.taxonomy === "lotse-capacity" && a.term.code === code);
  const capacityNumber = (code: string) => {
    const a = capacity(code);
    if (!a) return null;
    if (!a.value || !/^\d{1,9}$/.test(a.value)) {
      errors.push({ path: `/attributes/${a.index}/value`, message: "must be a whole number of places" });
      return null;
    }
    return Number(a.value);
  };
  const updatedAtAttr = capacity("updated_at");
  let capacityUpdatedAt: Date | null = null;
  if (updatedAtAttr) {
    const d = new Date(updatedAtAttr.value ?? "");
    if (Number.isNaN(d.getTime()))
      errors.push({
        path: `/attributes/${updatedAtAttr.index}/value`,
        message: "must be an ISO 8601 date-time",
      });
    else capacityUpdatedAt = d;
  }
  const translations: OfferRow["translations"] = {};
  for (const a of lotse.filter((x) => x.term.taxonomy === "lotse-translation")) {
    const [locale, field] = a.term.code.split(".") as [string, "name" | "description"];
    if (a.value) translations[locale] = { ...translations[locale], [field]: a.value };
  }
  const free = codes("lotse-free-of-charge")[0];

  const languages = asList(s.languages);
  const areas = asList(s.service_areas);
  const hsds = omit(s, SERVICE_OWN_KEYS);
  setList(
    hsds,
    "languages",
    withoutDerived(languages, (l) => {
      const code = iso639_1(l.code);
      return code ? stableId("language", id, code) : undefined;
    }),
  );
  setList(
    hsds,
    "service_areas",
    withoutDerived(areas, (a) => {
      const ags = areaAgs(a);
      return ags ? stableId("service_area", id, ags) : undefined;
    }),
  );
  setList(hsds, "attributes", foreign);

  const row: Offer = {
    id,
    organisationId,
    name: String(s.name),
    description: str(s.description),
    // The HSDS schema (schemas.ts) admits only the HSDS service statuses, which are OFFER_STATUSES.
    status: String(s.status) as OfferStatus,
    phases: unique(codes("lotse-iq-phase").map(Number)).sort(),
    offerType: first("lotse-offer-type", OFFER_TYPES),
    targetGroups: unique(
      codes("lotse-target-group").filter((c) => (TARGET_GROUPS as readonly string[]).includes(c)),
    ),
    languages: unique(languages.map((l) => iso639_1(l.code)).filter((c): c is string => c !== undefined)),
    minGermanLevel: first("lotse-min-german-level", CEFR_LEVELS),
    fundingRoute: first("lotse-funding-route", FUNDING_ROUTES),
    districts: unique(areas.map(areaAgs).filter((a): a is string => a !== undefined)),
    occupationFields: unique(codes("lotse-occupation-field")).sort(),
    freeOfCharge: free === undefined ? null : free === "true",
    capacityAvailable: capacityNumber("available"),
    capacityMaximum: capacityNumber("maximum"),
    capacityUpdatedAt,
    translations,
    hsds,
  };
  return { row, errors };
}

type Org = Omit<OrgRow, "createdAt" | "updatedAt">;

/** An HSDS organization as an organisation row; type and status of an existing one stay Lotse's. */
export function organizationToRow(o: Json, existing: OrgRow | undefined): Org {
  const id = String(o.id);
  const { lotse, foreign } = splitAttributes(o.attributes);
  const district = lotse.find((a) => a.term.taxonomy === "lotse-district")?.term.code ?? null;
  const type = lotse
    .filter((a) => a.term.taxonomy === "lotse-organisation-type")
    .map((a) => a.term.code)
    .find((code): code is OrganisationType => (ORGANISATION_TYPES as readonly string[]).includes(code));
  const phones = asList(o.phones);
  const hsds = omit(o, ORGANIZATION_OWN_KEYS);
  setList(
    hsds,
    "phones",
    withoutDerived(phones, () => stableId("phone", id)),
  );
  setList(hsds, "attributes", foreign);
  return {
    id,
    name: String(o.name),
    type: existing?.type ?? type ?? "other",
    districtAgs: district,
    street: existing?.street ?? null,
    postcode: existing?.postcode ?? null,
    city: existing?.city ?? null,
    email: str(o.email),
    phone: str(phones[0]?.number),
    website: str(o.website),
    description: str(o.description),
    status: existing?.status ?? "active",
    hsds,
  };
}

type Location = Omit<LocationRow, "createdAt" | "updatedAt">;

export function locationToRow(l: Json, organisationId: string): Location {
  const id = String(l.id);
  const { lotse, foreign } = splitAttributes(l.attributes);
  const addresses = asList(l.addresses);
  const primary = addresses[primaryAddressIndex(addresses)];
  const hsds = omit(l, LOCATION_OWN_KEYS);
  setList(
    hsds,
    "addresses",
    withoutDerived(addresses, () => stableId("address", id)),
  );
  setList(hsds, "attributes", foreign);
  return {
    id,
    organisationId,
    // The HSDS schema (schemas.ts) admits only the HSDS location types, which are LOCATION_TYPES.
    locationType: String(l.location_type) as Location["locationType"],
    name: str(l.name),
    description: str(l.description),
    districtAgs: lotse.find((a) => a.term.taxonomy === "lotse-district")?.term.code ?? null,
    street: str(primary?.address_1),
    postcode: str(primary?.postal_code),
    city: str(primary?.city),
    latitude: num(l.latitude),
    longitude: num(l.longitude),
    hsds,
  };
}

export function salToRow(s: Json, offerId: string, locationId: string): SalRow {
  return { id: String(s.id), offerId, locationId, hsds: omit(s, SAL_OWN_KEYS) };
}

export function taxonomyToRow(t: Json): TaxonomyRow {
  return {
    id: String(t.id),
    name: String(t.name),
    description: String(t.description),
    uri: str(t.uri),
    version: str(t.version),
  };
}

export function termToRow(t: Json, taxonomyId: string | null, existing: TermRow | undefined): TermRow {
  return {
    id: String(t.id),
    taxonomyId,
    code: str(t.code),
    name: String(t.name),
    description: String(t.description),
    parentId: str(t.parent_id),
    language: str(t.language),
    termUri: str(t.term_uri),
    labels: existing?.labels ?? null,
  };
}
