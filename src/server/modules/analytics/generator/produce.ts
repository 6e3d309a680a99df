import { buildCalendar } from "./calendar.ts";
import {
  buildNetwork,
  type Directory,
  type Network,
  networkFromDirectory,
  SYNTHETIC_SUFFIX,
} from "./model.ts";
import { emptyRows, generateCase, type PathwayContext, type Rows, sendersOf } from "./pathways.ts";
import { createRandom } from "./random.ts";

/**
 * The generation itself, free of any database: first the network, then chunks of cases with
 * their rows as COPY text. Runs in a worker thread while the main thread loads the previous chunk.
 */

export type ProduceOptions = {
  orgs: number;
  cases: number;
  events: number;
  seed: number;
  years: number;
  now: number;
  /** History on this existing directory instead of a generated one (orgs is then ignored). */
  directory?: Directory;
};

export type PlantedInterface = { id: string; from: string; to: string; answerWithinDays: number };

export type NetworkInfo = {
  organisations: number;
  offers: number;
  interfaces: number;
  bottleneckInterfaces: PlantedInterface[];
  improvingInterfaces: PlantedInterface[];
  brokerOrganisationId: string;
  organisationIds: string[];
  from: string;
  until: string;
};

export type Chunk = {
  tables: { [K in keyof Rows]: string };
  clients: number;
  cases: number;
  caseEvents: number;
  referrals: number;
  events: number;
};

const CHUNK_CASES = 2000;
const text = (lines: string[]) => (lines.length ? `${lines.join("\n")}\n` : "");

function planted(network: Network, list: Network["bottlenecks"]): PlantedInterface[] {
  return list.map((f) => ({
    id: f.id,
    from: network.organisations[f.from]?.id ?? "",
    to: network.organisations[f.to]?.id ?? "",
    answerWithinDays: f.answerDays,
  }));
}

function staticTables(network: Network, seed: number) {
  const marker = JSON.stringify({ synthetic: true, seed });
  const orgs = network.organisations;
  const description = (what: string) => `Synthetische ${what} ${SYNTHETIC_SUFFIX}`;
  return {
    organisations: text(
      orgs.map((o) =>
        [o.id, o.name, o.type, o.district, o.city, description("Organisation"), "active", marker].join("\t"),
      ),
    ),
    offers: text(
      orgs.flatMap((o) =>
        o.offers.map((f) =>
          [
            f.id,
            o.id,
            f.name,
            description("Leistung"),
            "active",
            `{${f.phases.join(",")}}`,
            f.offerType,
            `{${o.district}}`,
            "t",
            marker,
          ].join("\t"),
        ),
      ),
    ),
    interfaces: text(
      network.interfaces.map((f) =>
        [
          f.id,
          orgs[f.from]?.id,
          orgs[f.to]?.id,
          f.fromUnit,
          f.toUnit,
          f.scope,
          description("Schnittstelle"),
          "lotse",
          f.answerDays,
          f.completeDays,
          "active",
        ].join("\t"),
      ),
    ),
  };
}

export function* produce(
  options: ProduceOptions,
): Generator<
  | { kind: "network"; info: NetworkInfo; tables: ReturnType<typeof staticTables> }
  | { kind: "chunk"; chunk: Chunk }
> {
  const random = createRandom(options.seed);
  const calendar = buildCalendar(options.years, new Date(options.now));
  const network = options.directory
    ? networkFromDirectory(random, options.directory)
    : buildNetwork(random, options.orgs);
  const ctx: PathwayContext = {
    random,
    network,
    calendar,
    senders: sendersOf(network),
    ids: { client: random.sequence(), case: random.sequence(), referral: random.sequence() },
    referralCount: 0,
  };
  yield {
    kind: "network",
    info: {
      organisations: network.organisations.length,
      offers: network.organisations.reduce((s, o) => s + o.offers.length, 0),
      interfaces: network.interfaces.length,
      bottleneckInterfaces: planted(network, network.bottlenecks),
      improvingInterfaces: planted(network, network.improving),
      brokerOrganisationId: network.organisations[network.broker]?.id ?? "",
      organisationIds: network.organisations.map((o) => o.id),
      from: new Date(calendar.dayStart[0] ?? 0).toISOString().slice(0, 10),
      until: new Date(calendar.at(calendar.today)).toISOString().slice(0, 10),
    },
    // An existing directory is there already; only a generated one is written.
    tables: options.directory
      ? { organisations: "", offers: "", interfaces: "" }
      : staticTables(network, options.seed),
  };
  let events = 0;
  for (let first = 0; first < options.cases; first += CHUNK_CASES) {
    const rows = emptyRows();
    const chunk = { clients: 0, cases: 0, caseEvents: 0, referrals: 0, events: 0 };
    const last = Math.min(options.cases, first + CHUNK_CASES);
    for (let i = first; i < last; i++) {
      const left = options.events - events;
      const average = left / (options.cases - i);
      // The last few cases open early, so that they have the time to take up what is left.
      const opened =
        i >= options.cases * 0.98
          ? random.next() * calendar.today * 0.5
          : calendar.today * random.next() ** 0.7;
      const budget = Math.max(1, Math.round(average * random.logNormal(0.88, 0.5)));
      const made = generateCase(ctx, rows, i, budget, left, opened);
      events += made.events;
      chunk.events += made.events;
      chunk.referrals += made.referrals;
      chunk.caseEvents += made.caseEvents;
    }
    chunk.clients = rows.clients.length;
    chunk.cases = rows.cases.length;
    yield {
      kind: "chunk",
      chunk: {
        ...chunk,
        tables: {
          clients: text(rows.clients),
          cases: text(rows.cases),
          caseEvents: text(rows.caseEvents),
          referrals: text(rows.referrals),
          events: text(rows.events),
        },
      },
    };
  }
}
