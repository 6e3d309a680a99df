import fs from "node:fs";
import path from "node:path";
import { Ajv, type ValidateFunction } from "ajv";
import addFormatsModule from "ajv-formats";
import type { Db } from "../../src/server/db/client.ts";
import { locations, offerLocations, offers } from "../../src/server/db/schema.ts";

// An Ajv of its own over the official HSDS 3.0 schema files (draft-07: the files declare no
// $schema), so the tests do not trust the product's validator to judge the product.
const SCHEMA_DIR = path.resolve("reference/hsds-3.0/schema");
const FIXTURES = path.resolve("tests/fixtures/hsds-3.0");
const ajv = new Ajv({ strict: false, allErrors: true });
(addFormatsModule as unknown as (a: Ajv) => Ajv)(ajv);
for (const file of fs.readdirSync(SCHEMA_DIR)) {
  ajv.addSchema(JSON.parse(fs.readFileSync(path.join(SCHEMA_DIR, file), "utf8")), file);
}
const schema = (kind: string) => ajv.getSchema(`${kind}.json`) as ValidateFunction;

type Json = Record<string, unknown>;
const list = (v: unknown) => (Array.isArray(v) ? (v as Json[]) : []);

/**
 * Schema errors of an HSDS object and of the objects nested in it that its schema does not cover
 * (an organization's services, a service_at_location's service); empty when all is valid.
 */
export function hsdsErrors(kind: string, obj: unknown, at = ""): string[] {
  const v = schema(kind);
  const errors = v(obj) ? [] : (v.errors ?? []).map((e) => `${kind} ${at}${e.instancePath}: ${e.message}`);
  const o = (obj ?? {}) as Json;
  if (kind === "organization") {
    for (const [i, s] of list(o.services).entries())
      errors.push(...hsdsErrors("service", s, `${at}/services/${i}`));
  }
  if (kind === "service_at_location" && o.service)
    errors.push(...hsdsErrors("service", o.service, `${at}/service`));
  return errors;
}

export function fixture(name: string): unknown {
  return JSON.parse(fs.readFileSync(path.join(FIXTURES, `${name}.json`), "utf8"));
}
export const FIXTURE_NAMES = [
  "service_full",
  "service_list",
  "organization_full",
  "organization_list",
  "service_at_location_full",
  "service_at_location_list",
  "taxonomy",
  "taxonomy_list",
  "taxonomy_term",
  "taxonomy_term_list",
  "location",
] as const;

/** An offer with every Lotse attribute set, at one location of its organisation. */
export async function buildOffer(
  db: Db,
  organisationId: string,
  overrides: Partial<typeof offers.$inferInsert> = {},
) {
  const [offer] = await db
    .insert(offers)
    .values({
      organisationId,
      name: `Anerkennungsberatung ${Math.random().toString(36).slice(2, 8)}`,
      description: "Beratung zur Anerkennung ausländischer Berufsabschlüsse",
      status: "active",
      phases: [2, 3],
      offerType: "anerkennungsberatung",
      targetGroups: ["migrants_with_foreign_qualification", "refugees"],
      languages: ["de", "ar", "uk"],
      minGermanLevel: "A2",
      fundingRoute: "iq_programme",
      districts: ["15003", "15083"],
      freeOfCharge: true,
      capacityAvailable: 4,
      capacityMaximum: 12,
      capacityUpdatedAt: new Date("2026-01-15T09:00:00.000Z"),
      translations: {
        en: { name: "Recognition counselling", description: "Counselling on recognition" },
        ar: {
          name: "استشارة الاعتراف بالمؤهلات (Anerkennungsberatung)",
          description: "استشارة حول الاعتراف",
        },
        uk: { name: "Консультація з визнання кваліфікацій" },
      },
      hsds: { email: "beratung@iq.example", url: "https://iq.example/beratung" },
      ...overrides,
    })
    .returning();
  if (!offer) throw new Error("no offer");
  const [location] = await db
    .insert(locations)
    .values({
      organisationId,
      name: "Beratungsstelle Magdeburg",
      street: "Breiter Weg 1",
      postcode: "39104",
      city: "Magdeburg",
      districtAgs: "15003",
      latitude: 52.13,
      longitude: 11.63,
    })
    .returning();
  if (!location) throw new Error("no location");
  const [sal] = await db
    .insert(offerLocations)
    .values({ offerId: offer.id, locationId: location.id })
    .returning();
  if (!sal) throw new Error("no offer location");
  return { offer, location, sal };
}
