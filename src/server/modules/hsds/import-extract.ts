import { isLotseTermId } from "./lotse-taxonomies.ts";
import { asList, type Json, omit } from "./present.ts";
import { type HsdsKind, type SchemaError, validateHsds } from "./schemas.ts";

/** One HSDS record found in an import, with embedded children taken out and references filled in. */
export type ImportRecord = {
  kind: HsdsKind;
  /** JSON Pointer of the record in the uploaded document. */
  path: string;
  obj: Json;
  /** The organisation the record belongs to, as far as its place in the document tells. */
  orgHint?: string | undefined;
  errors: SchemaError[];
};

const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);
const idOf = (v: unknown) => (isObject(v) && typeof v.id === "string" ? v.id : undefined);

/** Which HSDS object this is; HSDS objects carry no type tag, so the telling fields decide. */
export function classify(o: Json): HsdsKind {
  if ("status" in o || "service_areas" in o || "service_at_locations" in o || "organization" in o)
    return "service";
  if ("location" in o || "service" in o || ("service_id" in o && "location_id" in o))
    return "service_at_location";
  if ("location_type" in o) return "location";
  if (
    "taxonomy_detail" in o ||
    "taxonomy_id" in o ||
    "code" in o ||
    "parent_id" in o ||
    "term_uri" in o ||
    "taxonomy" in o
  )
    return "taxonomy_term";
  if ("organization_id" in o || "program_id" in o) return "service";
  if ("version" in o) return "taxonomy";
  return "organization";
}

/** The top-level items: one object, a list, or a page object with `contents`. */
export function topLevelItems(doc: unknown): { value: unknown; path: string }[] {
  if (Array.isArray(doc)) return doc.map((value, i) => ({ value, path: `/${i}` }));
  if (isObject(doc) && Array.isArray(doc.contents))
    return doc.contents.map((value, i) => ({ value, path: `/contents/${i}` }));
  return [{ value: doc, path: "" }];
}

/** Flattens an uploaded document into records, each validated against its official schema. */
export function extractRecords(doc: unknown): ImportRecord[] {
  const out: ImportRecord[] = [];
  const push = (kind: HsdsKind, path: string, original: Json, obj: Json, orgHint?: string) => {
    out.push({
      kind,
      path,
      obj,
      orgHint,
      errors: validateHsds(kind, original).map((e) => ({ ...e, path: `${path}${e.path}` })),
    });
  };

  const attributeTerms = (o: Json, path: string) => {
    asList(o.attributes).forEach((a, i) => {
      const t = a.taxonomy_term;
      if (isObject(t) && typeof t.id === "string" && !isLotseTermId(t.id))
        term(t, `${path}/attributes/${i}/taxonomy_term`);
    });
  };
  const term = (t: Json, path: string) => {
    const detail = isObject(t.taxonomy_detail) ? t.taxonomy_detail : undefined;
    if (detail) push("taxonomy", `${path}/taxonomy_detail`, detail, detail);
    const obj = omit(t, ["taxonomy_detail"]);
    if (obj.taxonomy_id === undefined && idOf(detail)) obj.taxonomy_id = idOf(detail);
    push("taxonomy_term", path, omit(t, ["taxonomy_detail"]), obj);
  };
  const location = (l: Json, path: string, orgHint?: string) => {
    push("location", path, l, l, orgHint);
    attributeTerms(l, path);
  };
  const service = (s: Json, path: string, orgHint?: string) => {
    const obj = omit(s, ["organization", "service_at_locations"]);
    const embeddedOrg = isObject(s.organization) ? s.organization : undefined;
    if (embeddedOrg) organization(embeddedOrg, `${path}/organization`);
    if (obj.organization_id === undefined) obj.organization_id = idOf(embeddedOrg) ?? orgHint;
    const org = typeof obj.organization_id === "string" ? obj.organization_id : undefined;
    push("service", path, omit(s, ["organization", "service_at_locations"]), obj, org);
    attributeTerms(s, path);
    for (const [i, sal] of asList(s.service_at_locations).entries())
      serviceAtLocation(sal, `${path}/service_at_locations/${i}`, idOf(s), org);
  };
  const serviceAtLocation = (sal: Json, path: string, serviceId?: string, orgHint?: string) => {
    const obj = omit(sal, ["service", "location"]);
    let org = orgHint;
    if (isObject(sal.service)) {
      service(sal.service, `${path}/service`);
      org ??=
        typeof sal.service.organization_id === "string"
          ? sal.service.organization_id
          : idOf(sal.service.organization);
    }
    if (isObject(sal.location)) location(sal.location, `${path}/location`, org);
    obj.service_id ??= idOf(sal.service) ?? serviceId;
    obj.location_id ??= idOf(sal.location);
    push("service_at_location", path, omit(sal, ["service", "location"]), obj, org);
  };
  const organization = (o: Json, path: string) => {
    push("organization", path, omit(o, ["services", "locations"]), omit(o, ["services", "locations"]));
    attributeTerms(o, path);
    const id = idOf(o);
    for (const [i, l] of asList(o.locations).entries()) location(l, `${path}/locations/${i}`, id);
    for (const [i, s] of asList(o.services).entries()) service(s, `${path}/services/${i}`, id);
  };

  for (const { value, path } of topLevelItems(doc)) {
    if (!isObject(value)) {
      out.push({
        kind: "organization",
        path,
        obj: {},
        errors: [{ path, message: "must be an HSDS object" }],
      });
      continue;
    }
    const kind = classify(value);
    if (kind === "organization") organization(value, path);
    else if (kind === "service") service(value, path);
    else if (kind === "service_at_location") serviceAtLocation(value, path);
    else if (kind === "location") location(value, path);
    else if (kind === "taxonomy_term") term(value, path);
    else push("taxonomy", path, value, value);
  }
  return out;
}
