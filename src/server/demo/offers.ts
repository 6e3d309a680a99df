import { randomUUID } from "node:crypto";
import type { Tx } from "#server/db/client.ts";
import { contactToHsds, schedulesToHsds } from "#server/modules/offers/hsds-shape.ts";
import { directoryChanges, locations, offerLocations, offers } from "#server/modules/offers/tables.ts";
import { organisations } from "#server/platform/tables.ts";
import type { ScheduleEntry } from "#shared/contracts/offers.ts";
import type { IqPhase } from "#shared/directory.ts";
import { ORGANISATION_TYPES, type OrganisationType } from "#shared/domain.ts";
import { CATALOGUE, type Spec, TYPE_DEFAULTS } from "./offer-catalogue.ts";
import { PARTNER_CATALOGUE } from "./offer-catalogue-partners.ts";
import { demoTranslations } from "./offer-translations.ts";
import { DEMO_ORGANISATIONS } from "./organisations.ts";
import { TOWNS, type Town, townNamed, townsOf } from "./places.ts";

/** Who the seed's history rows name as author. */
const SEEDER = "lotse-demo";
const BATCH = 1000;

const AREA_CODES: Record<string, string> = {
  "15001": "340",
  "15002": "345",
  "15003": "391",
  "15081": "3901",
  "15082": "3496",
  "15083": "3904",
  "15084": "3445",
  "15085": "3941",
  "15086": "3921",
  "15087": "3464",
  "15088": "3461",
  "15089": "3471",
  "15090": "3931",
  "15091": "3491",
};
const CONTACTS = [
  "Frau Schulz",
  "Herr Yilmaz",
  "Frau Petrenko",
  "Herr Mansour",
  "Frau Nowak",
  "Herr Becker",
  "Frau Al-Sayed",
  "Herr Krüger",
  "Frau Hoffmann",
  "Herr Haddad",
];

/** A small deterministic generator (mulberry32), so that the same seed gives the same network. */
export function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(list: readonly T[]): T => list[int(list.length)] as T;
  return { next, int, pick };
}
type Rand = ReturnType<typeof prng>;

function schedulesFor(spec: Spec, orgType: OrganisationType, rand: Rand): ScheduleEntry[] {
  if (spec.type === "berufssprachkurs") {
    return rand.next() < 0.6
      ? [{ weekdays: ["MO", "TU", "WE", "TH", "FR"], opensAt: "08:30", closesAt: "12:45", description: null }]
      : [
          {
            weekdays: ["MO", "TU", "WE", "TH"],
            opensAt: "16:00",
            closesAt: "19:15",
            description: "Abendkurs",
          },
        ];
  }
  if (orgType === "migrant_organisation") {
    return [
      { weekdays: ["WE"], opensAt: "16:00", closesAt: "19:00", description: null },
      { weekdays: ["SA"], opensAt: "10:00", closesAt: "13:00", description: "Familiensprechstunde" },
    ];
  }
  if (spec.at && spec.type === "anerkennungsberatung") {
    return [
      {
        weekdays: ["TU"],
        opensAt: "10:00",
        closesAt: "15:00",
        description: "jeden ersten Dienstag im Monat",
      },
    ];
  }
  return rand.pick<ScheduleEntry[]>([
    [
      {
        weekdays: ["MO", "TU", "TH"],
        opensAt: "09:00",
        closesAt: "12:00",
        description: "offene Sprechstunde",
      },
      { weekdays: ["TH"], opensAt: "14:00", closesAt: "18:00", description: "nach Terminvereinbarung" },
    ],
    [{ weekdays: ["MO", "TU", "WE", "TH", "FR"], opensAt: "08:00", closesAt: "15:30", description: null }],
    [
      { weekdays: ["TU", "WE"], opensAt: "09:00", closesAt: "16:00", description: null },
      { weekdays: ["FR"], opensAt: "09:00", closesAt: "12:00", description: null },
    ],
  ]);
}

type LocationRow = typeof locations.$inferInsert & { id: string; districtAgs: string };

function locationAt(
  organisationId: string,
  town: Town,
  name: string,
  rand: Rand,
  street?: string,
): LocationRow {
  return {
    id: randomUUID(),
    organisationId,
    locationType: "physical",
    name,
    districtAgs: town.ags,
    street: street ?? `${rand.pick(town.streets)} ${1 + rand.int(60)}`,
    postcode: town.postcode,
    city: town.city,
    // A few hundred metres around the town's postcode point: inside the town, inside the Land.
    latitude: Number((town.lat + (rand.next() - 0.5) * 0.012).toFixed(5)),
    longitude: Number((town.lon + (rand.next() - 0.5) * 0.018).toFixed(5)),
  };
}

/** The offer row for a spec given at a location, with HSDS schedules and contact. */
function offerFrom(
  spec: Spec,
  organisationId: string,
  orgType: OrganisationType,
  orgKey: string,
  place: LocationRow,
  rand: Rand,
) {
  const id = randomUUID();
  const defaults = TYPE_DEFAULTS[spec.type];
  const [leadDe] = spec.lead ?? [""];
  const phone = `+49 ${AREA_CODES[place.districtAgs] ?? "391"} ${100000 + rand.int(899999)}`;
  const hsds = {
    schedules: schedulesToHsds(id, schedulesFor(spec, orgType, rand)),
    ...contactToHsds(id, { person: rand.pick(CONTACTS), phone, email: `angebote@${orgKey}.lotse.example` }),
  };
  return {
    id,
    organisationId,
    name: spec.de,
    description: `${leadDe} ${defaults.de}`.trim(),
    status: spec.status ?? "active",
    phases: [...spec.phases].sort((a, b) => a - b) as IqPhase[],
    offerType: spec.type,
    targetGroups: spec.groups ?? defaults.groups,
    languages: [...new Set(["de", ...(spec.langs ?? [])])],
    minGermanLevel: spec.level === undefined ? defaults.level : spec.level,
    fundingRoute: spec.funding ?? defaults.funding,
    districts: [...(spec.serves ?? [place.districtAgs])].sort(),
    occupationFields: [...(spec.fields ?? [])].sort(),
    freeOfCharge: spec.free ?? defaults.free,
    translations: demoTranslations(spec),
    hsds: JSON.parse(JSON.stringify(hsds)) as Record<string, unknown>,
  };
}
type OfferRow = ReturnType<typeof offerFrom>;

async function insertBatched<T>(rows: T[], insert: (batch: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += BATCH) await insert(rows.slice(i, i + BATCH));
}

async function insertDirectory(
  tx: Tx,
  data: { locations: LocationRow[]; offers: OfferRow[]; links: { offerId: string; locationId: string }[] },
  historyFields: readonly ("name" | "status" | "phases" | "offerType")[] = [
    "name",
    "status",
    "phases",
    "offerType",
  ],
) {
  await insertBatched(data.locations, (b) => tx.insert(locations).values(b));
  await insertBatched(data.offers, (b) => tx.insert(offers).values(b));
  await insertBatched(data.links, (b) => tx.insert(offerLocations).values(b));
  // The history starts with the creation, like for an offer entered by hand.
  const created = data.offers.flatMap((o) =>
    historyFields.map((field) => ({
      resourceId: o.id,
      resourceType: "service",
      actionType: "create",
      fieldName: field,
      previousValue: "",
      replacementValue: Array.isArray(o[field]) ? (o[field] as unknown[]).join(", ") : String(o[field]),
      updatedBy: SEEDER,
    })),
  );
  await insertBatched(created, (b) => tx.insert(directoryChanges).values(b));
}

/** The demo network's offers and locations, for the organisations seedDemo has just inserted. */
export async function seedDemoOffers(tx: Tx, idOf: Map<string, string>) {
  const rand = prng(20260401);
  const data = {
    locations: [] as LocationRow[],
    offers: [] as OfferRow[],
    links: [] as { offerId: string; locationId: string }[],
  };
  for (const org of DEMO_ORGANISATIONS) {
    const organisationId = idOf.get(org.key);
    const specs = CATALOGUE[org.key] ?? PARTNER_CATALOGUE[org.key] ?? [];
    if (!organisationId || specs.length === 0) continue;
    const main = locationAt(organisationId, townNamed(org.city), `Hauptstelle ${org.city}`, rand, org.street);
    data.locations.push(main);
    const branches = new Map<string, LocationRow>();
    for (const spec of specs) {
      let place = main;
      if (spec.at && townNamed(spec.at).city !== townNamed(org.city).city) {
        const town = townNamed(spec.at);
        place = branches.get(town.city) ?? locationAt(organisationId, town, `Außenstelle ${town.city}`, rand);
        if (!branches.has(town.city)) data.locations.push(place);
        branches.set(town.city, place);
      }
      const offer = offerFrom(spec, organisationId, org.type, org.key, place, rand);
      data.offers.push(offer);
      data.links.push({ offerId: offer.id, locationId: place.id });
    }
  }
  await insertDirectory(tx, data);
  return { offers: data.offers.length, locations: data.locations.length };
}

/** Every spec of the demo catalogue, grouped by the type of organisation that gives it. */
function specsByOrganisationType(): Map<OrganisationType, Spec[]> {
  const byType = new Map<OrganisationType, Spec[]>();
  for (const org of DEMO_ORGANISATIONS) {
    const specs = CATALOGUE[org.key] ?? PARTNER_CATALOGUE[org.key] ?? [];
    byType.set(org.type, [...(byType.get(org.type) ?? []), ...specs]);
  }
  return byType;
}

/**
 * A large synthetic directory for benchmarks: `organisations` new organisations across all
 * districts and `offers` offers among them, deterministic for a seed, inserted in batches.
 */
export async function generateOffers(
  db: Tx,
  opts: { organisations: number; offers: number; seed?: number },
): Promise<{ organisationIds: string[]; offers: number; locations: number }> {
  const rand = prng(opts.seed ?? 1);
  const byType = specsByOrganisationType();
  const types = ORGANISATION_TYPES.filter((t) => t !== "network_coordination" && byType.has(t));
  const orgs = Array.from({ length: opts.organisations }, (_, i) => {
    const town = TOWNS[i % TOWNS.length] as Town;
    const type = types[i % types.length] as OrganisationType;
    return {
      id: randomUUID(),
      key: `bench-${i}`,
      name: `Bench-Organisation ${String(i + 1).padStart(5, "0")} ${town.city}`,
      type,
      districtAgs: town.ags,
      street: `${rand.pick(town.streets)} ${1 + rand.int(80)}`,
      postcode: town.postcode,
      city: town.city,
    };
  });
  return db.transaction(async (tx) => {
    await insertBatched(orgs, (b) => tx.insert(organisations).values(b.map(({ key: _k, ...o }) => o)));
    const data = {
      locations: [] as LocationRow[],
      offers: [] as OfferRow[],
      links: [] as { offerId: string; locationId: string }[],
    };
    const placesOf = orgs.map((o) => {
      const home = townNamed(o.city);
      const main = locationAt(o.id, home, `Hauptstelle ${o.city}`, rand, o.street);
      const other = rand.pick(townsOf(home.ags));
      const places = [
        main,
        ...(other.city !== home.city ? [locationAt(o.id, other, `Außenstelle ${other.city}`, rand)] : []),
      ];
      data.locations.push(...places);
      return places;
    });
    for (let i = 0; i < opts.offers; i++) {
      const orgIndex = i < orgs.length ? i : rand.int(orgs.length);
      const org = orgs[orgIndex] as (typeof orgs)[number];
      const place = rand.pick(placesOf[orgIndex] ?? []);
      const spec = rand.pick(byType.get(org.type) ?? []);
      const serves = rand.next() < 0.3 ? [place.districtAgs, rand.pick(TOWNS).ags] : [place.districtAgs];
      const status =
        rand.next() < 0.9 ? "active" : rand.pick(["inactive", "temporarily closed", "defunct"] as const);
      const offer = offerFrom(
        { ...spec, at: undefined, serves: [...new Set(serves)], status },
        org.id,
        org.type,
        org.key,
        place,
        rand,
      );
      data.offers.push(offer);
      data.links.push({ offerId: offer.id, locationId: place.id });
    }
    await insertDirectory(tx, data);
    return {
      organisationIds: orgs.map((o) => o.id),
      offers: data.offers.length,
      locations: data.locations.length,
    };
  });
}
