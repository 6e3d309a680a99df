import type { OfferType } from "#shared/directory.ts";
import { DISTRICTS, ORGANISATION_TYPES, type OrganisationType } from "#shared/domain.ts";
import type { InterfaceScope } from "#shared/referrals.ts";
import type { Random } from "./random.ts";

/**
 * The static part of a synthetic network: organisations of every type over the 14 districts,
 * their offers along the five phases, and the interface register between them — with a broker
 * that links the districts and a few planted bottleneck and improving interfaces.
 */

export type SynOffer = { id: string; org: number; name: string; offerType: OfferType; phases: number[] };
export type InterfaceKind = "normal" | "bottleneck" | "improving";
export type SynInterface = {
  id: string;
  from: number;
  to: number;
  fromUnit: string;
  toUnit: string;
  scope: InterfaceScope;
  answerDays: number;
  completeDays: number;
  /** Relative referral volume among the sender's interfaces. */
  weight: number;
  kind: InterfaceKind;
};
export type SynOrganisation = {
  id: string;
  name: string;
  type: OrganisationType;
  district: string;
  city: string;
  offers: SynOffer[];
  outgoing: SynInterface[];
  /** How many of the network's cases this organisation opens, relatively. */
  caseWeight: number;
};
export type Network = {
  organisations: SynOrganisation[];
  interfaces: SynInterface[];
  broker: number;
  bottlenecks: SynInterface[];
  improving: SynInterface[];
};

/** Relative frequency of each kind of organisation in a regional network. */
const TYPE_SHARE: Record<OrganisationType, number> = {
  network_coordination: 0.5,
  jobcenter: 7,
  employment_agency: 3,
  chamber: 3,
  migrant_organisation: 15,
  education_provider: 22,
  company: 20,
  city_administration: 7,
  counselling_service: 12,
  welfare_association: 8,
  other: 2.5,
};

/** Who opens cases, relatively: the first contact points more than providers and companies. */
const CASE_SHARE: Record<OrganisationType, number> = {
  network_coordination: 0.2,
  jobcenter: 5,
  employment_agency: 3,
  chamber: 0.5,
  migrant_organisation: 2.5,
  education_provider: 0.6,
  company: 0.1,
  city_administration: 1.5,
  counselling_service: 3,
  welfare_association: 2,
  other: 0.3,
};

/** The offer types each kind of organisation gives. */
const TYPE_OFFERS: Record<OrganisationType, OfferType[]> = {
  network_coordination: ["diversity_ikoe_beratung"],
  jobcenter: ["arbeitsvermittlung"],
  employment_agency: ["arbeitsvermittlung", "laufbahnberatung_kombi"],
  chamber: ["anerkennungsberatung", "externenpruefung_validierung"],
  migrant_organisation: ["migrationsberatung"],
  education_provider: [
    "berufssprachkurs",
    "anpassungsqualifizierung",
    "nachqualifizierung",
    "kompetenzfeststellung",
  ],
  company: ["faire_integration"],
  city_administration: ["migrationsberatung"],
  counselling_service: ["anerkennungsberatung", "qualifizierungsberatung", "laufbahnberatung_kombi"],
  welfare_association: ["migrationsberatung", "faire_integration"],
  other: ["existenzgruendungsberatung"],
};

/** The phases of the IQ process chain an offer type serves. */
export const OFFER_PHASES: Record<OfferType, number[]> = {
  migrationsberatung: [1],
  anerkennungsberatung: [1, 2],
  qualifizierungsberatung: [2, 3],
  laufbahnberatung_kombi: [2],
  kompetenzfeststellung: [2],
  berufssprachkurs: [3],
  anpassungsqualifizierung: [3, 4],
  nachqualifizierung: [3, 4],
  externenpruefung_validierung: [4],
  arbeitsvermittlung: [5],
  existenzgruendungsberatung: [5],
  diversity_ikoe_beratung: [5],
  faire_integration: [5],
};

/** Agreed times in working days (answer, completion) by the offer type received. */
const AGREED_DAYS: Record<OfferType, [number, number]> = {
  migrationsberatung: [3, 15],
  anerkennungsberatung: [5, 40],
  qualifizierungsberatung: [5, 30],
  laufbahnberatung_kombi: [5, 30],
  kompetenzfeststellung: [10, 30],
  berufssprachkurs: [10, 120],
  anpassungsqualifizierung: [10, 120],
  nachqualifizierung: [10, 160],
  externenpruefung_validierung: [15, 90],
  arbeitsvermittlung: [5, 60],
  existenzgruendungsberatung: [5, 40],
  diversity_ikoe_beratung: [5, 20],
  faire_integration: [3, 20],
};

const TYPE_LABEL: Record<OrganisationType, string> = {
  network_coordination: "Netzwerkkoordination",
  jobcenter: "Jobcenter",
  employment_agency: "Agentur für Arbeit",
  chamber: "Kammer",
  migrant_organisation: "Migrantenorganisation",
  education_provider: "Bildungsträger",
  company: "Betrieb",
  city_administration: "Stadtverwaltung",
  counselling_service: "Beratungsstelle",
  welfare_association: "Wohlfahrtsverband",
  other: "Initiative",
};

/** Marks every generated name, so no one takes a synthetic record for a real one. */
export const SYNTHETIC_SUFFIX = "(synthetisch)";

/** Spreads `total` over the types by share, every type at least once. */
function typeCounts(total: number): OrganisationType[] {
  const types = [...ORGANISATION_TYPES];
  const sum = types.reduce((s, t) => s + TYPE_SHARE[t], 0);
  const counts = types.map((t) => Math.max(1, Math.floor((TYPE_SHARE[t] / sum) * total)));
  let i = 0;
  // The rounding remainder goes to the most numerous kinds.
  const fill = ["education_provider", "company", "migrant_organisation"].map((t) =>
    types.indexOf(t as OrganisationType),
  );
  while (counts.reduce((s, c) => s + c, 0) < total) {
    const k = fill[i++ % fill.length] ?? 0;
    counts[k] = (counts[k] ?? 0) + 1;
  }
  return types.flatMap((t, k) => Array.from({ length: counts[k] ?? 0 }, () => t));
}

export function buildNetwork(random: Random, orgCount: number): Network {
  const organisations: SynOrganisation[] = [];
  const types = typeCounts(Math.max(orgCount, ORGANISATION_TYPES.length));
  // The broker: a statewide counselling service through which the districts' pathways pass.
  const brokerIndex = types.indexOf("counselling_service");
  types.forEach((type, i) => {
    const district = i === brokerIndex ? DISTRICTS[2] : DISTRICTS[random.int(DISTRICTS.length)];
    const number = String(i + 1).padStart(3, "0");
    const name =
      i === brokerIndex
        ? `IQ-Drehscheibe Sachsen-Anhalt ${number} ${SYNTHETIC_SUFFIX}`
        : `${TYPE_LABEL[type]} ${district?.name} ${number} ${SYNTHETIC_SUFFIX}`;
    organisations.push({
      id: random.uuid(),
      name,
      type,
      district: district?.ags ?? "15003",
      city: district?.name ?? "Magdeburg",
      offers: [],
      outgoing: [],
      caseWeight: CASE_SHARE[type] * (i === brokerIndex ? 4 : 1) * random.logNormal(1, 0.4),
    });
  });
  organisations.forEach((org, index) => {
    const kinds = TYPE_OFFERS[org.type];
    const n = 1 + random.int(Math.min(3, kinds.length));
    for (let k = 0; k < n; k++) {
      const offerType = kinds[(k + random.int(kinds.length)) % kinds.length] as OfferType;
      if (org.offers.some((o) => o.offerType === offerType)) continue;
      org.offers.push({
        id: random.uuid(),
        org: index,
        name: `Angebot ${offerType} ${String(index + 1).padStart(3, "0")}-${k + 1} ${SYNTHETIC_SUFFIX}`,
        offerType,
        phases: OFFER_PHASES[offerType],
      });
    }
  });

  const interfaces: SynInterface[] = [];
  const seen = new Set<string>();
  const link = (from: number, to: number, units: [string, string] = ["", ""]) => {
    const key = `${from}/${to}/${units.join("/")}`;
    const target = organisations[to];
    if (seen.has(key) || !target?.offers.length) return;
    seen.add(key);
    const agreed = AGREED_DAYS[target.offers[0]?.offerType ?? "migrationsberatung"];
    const item: SynInterface = {
      id: random.uuid(),
      from,
      to,
      fromUnit: units[0],
      toUnit: units[1],
      scope: from === to ? "institution" : "external",
      // Each pair agrees its own times, near the usual ones for the offer.
      answerDays: Math.max(1, agreed[0] + random.int(3) - 1),
      completeDays: agreed[1] + 5 * (random.int(3) - 1),
      weight: random.logNormal(1, 0.6),
      kind: "normal",
    };
    interfaces.push(item);
    organisations[from]?.outgoing.push(item);
  };
  const byDistrict = new Map<string, number[]>();
  organisations.forEach((o, i) => {
    if (i !== brokerIndex) byDistrict.set(o.district, [...(byDistrict.get(o.district) ?? []), i]);
  });
  organisations.forEach((org, i) => {
    if (i === brokerIndex) return;
    const local = (byDistrict.get(org.district) ?? []).filter((j) => j !== i);
    const fanOut = org.type === "company" ? 1 : 3 + random.int(5);
    for (let k = 0; k < fanOut && local.length; k++) link(i, random.pick(local));
    // Districts reach each other almost only through the broker: its betweenness must stand out.
    if (random.chance(0.03)) link(i, random.int(organisations.length));
    if (random.chance(0.6)) link(i, brokerIndex);
    if (random.chance(0.5)) link(brokerIndex, i);
    if (org.offers.length > 1 && random.chance(0.15)) link(i, i, ["Erstberatung", "Qualifizierung"]);
  });

  return { organisations, interfaces, broker: brokerIndex, ...plant(organisations, interfaces, brokerIndex) };
}

/**
 * Planted patterns: heavy, slow interfaces out of first contact points, and a few that improve.
 * Marks the interfaces it picks (kind, weight) and answers them.
 */
function plant(organisations: SynOrganisation[], interfaces: SynInterface[], brokerIndex: number) {
  const candidates = interfaces.filter(
    (f) => f.scope === "external" && f.from !== brokerIndex && f.to !== brokerIndex,
  );
  const firstContact = candidates.filter((f) => organisations[f.from]?.type === "jobcenter");
  const planted = Math.min(5, Math.max(1, Math.round(interfaces.length / 300)));
  const bottlenecks: SynInterface[] = [];
  for (const f of [...firstContact, ...candidates]) {
    if (bottlenecks.length >= planted) break;
    if (bottlenecks.some((b) => b.from === f.from)) continue;
    f.kind = "bottleneck";
    f.weight *= 8;
    bottlenecks.push(f);
  }
  // Improving ones come from busy senders too, so that their months have referrals to show it.
  const improving: SynInterface[] = [];
  for (const f of [...firstContact].reverse().concat(candidates)) {
    if (improving.length >= planted) break;
    if (f.kind !== "normal" || [...bottlenecks, ...improving].some((b) => b.from === f.from)) continue;
    f.kind = "improving";
    f.weight *= 3;
    improving.push(f);
  }
  return { bottlenecks, improving };
}

/** An existing directory to generate history on: organisations with offers, and interfaces. */
export type Directory = {
  organisations: Pick<SynOrganisation, "id" | "name" | "type" | "district" | "city">[];
  offers: (Omit<SynOffer, "org"> & { organisationId: string })[];
  interfaces: (Omit<SynInterface, "from" | "to" | "weight" | "kind"> & {
    fromOrganisationId: string;
    toOrganisationId: string;
  })[];
};

/**
 * The network of an existing directory (the demo's, say), for history on its real interfaces:
 * case and referral weights are drawn as for a generated network, the planted patterns picked from
 * its interfaces, and the broker is the organisation on the most interfaces.
 */
export function networkFromDirectory(random: Random, directory: Directory): Network {
  const index = new Map(directory.organisations.map((o, i) => [o.id, i]));
  const organisations: SynOrganisation[] = directory.organisations.map((o) => ({
    ...o,
    offers: [],
    outgoing: [],
    caseWeight: CASE_SHARE[o.type] * random.logNormal(1, 0.4),
  }));
  for (const offer of directory.offers) {
    const org = index.get(offer.organisationId);
    if (org === undefined) continue;
    const { organisationId: _, ...rest } = offer;
    organisations[org]?.offers.push({ ...rest, org });
  }
  const interfaces: SynInterface[] = [];
  const degree = new Array<number>(organisations.length).fill(0);
  for (const f of directory.interfaces) {
    const from = index.get(f.fromOrganisationId);
    const to = index.get(f.toOrganisationId);
    // A referral needs an offer to go to.
    if (from === undefined || to === undefined || !organisations[to]?.offers.length) continue;
    const { fromOrganisationId: _f, toOrganisationId: _t, ...rest } = f;
    const item: SynInterface = { ...rest, from, to, weight: random.logNormal(1, 0.6), kind: "normal" };
    interfaces.push(item);
    organisations[from]?.outgoing.push(item);
    degree[from] = (degree[from] ?? 0) + 1;
    degree[to] = (degree[to] ?? 0) + 1;
  }
  const broker = degree.indexOf(Math.max(...degree));
  return { organisations, interfaces, broker, ...plant(organisations, interfaces, broker) };
}
