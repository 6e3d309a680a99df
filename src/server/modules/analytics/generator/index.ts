import { Worker } from "node:worker_threads";
import { drizzle } from "drizzle-orm/node-postgres";
import type pg from "pg";
import type { Db } from "#server/db/client.ts";
import * as schema from "#server/db/schema.ts";
import { audit } from "#server/platform/audit.ts";
import { copyText } from "./load.ts";
import type { Directory } from "./model.ts";
import {
  type PlantCohortMode,
  type PlantedCohort,
  plantCohort,
  removePlantedCohorts,
} from "./plant-cohort.ts";
import type { Chunk, NetworkInfo, ProduceOptions } from "./produce.ts";

/**
 * The synthetic network generator: a plausible, deterministic network of Sachsen-Anhalt with years
 * of referral events, COPY-loaded. Everything it writes is marked: organisations and offers carry
 * `hsds.synthetic = true` and "(synthetisch)" in the name, clients are named "Synthetisch 000123"
 * — no real personal data.
 *
 * Loading: a worker thread generates chunk after chunk while the main thread COPYs the previous
 * one over two connections — the directory, cases and referrals in one transaction, the event log
 * (which has no foreign keys) in a second that commits right after the first.
 */

export type { PlantCohortMode, PlantedCohort } from "./plant-cohort.ts";
export type { PlantedInterface } from "./produce.ts";

export type GenerateOptions = {
  orgs: number;
  cases: number;
  /** Referral events to generate (the run stops there; fewer only if every case ran out of time). */
  events: number;
  seed: number;
  /** Years of history up to `now` (default 5). */
  years?: number;
  /** The "today" of the generated history; fixed in tests, so that runs compare (default: now). */
  now?: Date;
  /** Delete earlier generated data first; without it a database with generated data is refused. */
  replace?: boolean;
  /**
   * History on this existing directory (see loadDirectory) instead of generated organisations,
   * offers and interfaces; `orgs` is then ignored.
   */
  directory?: Directory;
  /**
   * Generate nothing if there are referrals or referral events already (checked under the lock;
   * referrals too, because a run before this one commits its events just after its referrals).
   */
  onlyIntoEmptyLog?: boolean;
  /**
   * Plant a completed training cohort of generated organisations (plant-cohort.ts): with `effect`
   * its organisations start referring to each other after it; with `none` they do not.
   */
  plantCohort?: { mode: PlantCohortMode; size?: number };
  onProgress?: (stage: "replace" | "events", done: number, total: number) => void;
};

export type GenerateSummary = Omit<NetworkInfo, "organisationIds"> & {
  seed: number;
  clients: number;
  cases: number;
  caseEvents: number;
  referrals: number;
  events: number;
  replacedOrganisations: number;
  millis: number;
  eventsPerSecond: number;
  /** Where the time went, per COPY target (ms, summed over chunks). */
  timings: Record<string, number>;
  /** The planted training cohort, if one was asked for (its referrals are not in the counts above). */
  plantedCohort?: PlantedCohort;
};

export class GeneratedDataExists extends Error {
  readonly organisations: number;
  constructor(organisations: number) {
    super(
      `The database already holds ${organisations} generated organisations; use --replace to rebuild them.`,
    );
    this.organisations = organisations;
  }
}

/** The demo's history: two years of referrals on the demo directory (src/server/demo/history.ts). */
export const DEMO_HISTORY = { cases: 400, events: 4000, seed: 6, years: 2 } as const;

const SYNTHETIC = `hsds @> '{"synthetic": true}'`;

function poolOf(target: pg.Pool | Db): pg.Pool {
  return "$client" in target ? (target.$client as pg.Pool) : (target as pg.Pool);
}

/**
 * Deletes earlier generated data: the events on the connection that loads the new ones (the event
 * log is append-only, so its guard is lifted inside that transaction, which then holds the table),
 * the organisations — and by cascade all that hangs on them — on the main one.
 */
async function removeGenerated(main: pg.PoolClient, log: pg.PoolClient): Promise<number> {
  const orgs = `select id from organisations where ${SYNTHETIC}`;
  await log.query("alter table referral_events disable trigger referral_events_no_change");
  await log.query(`delete from referral_events where from_organisation_id in (${orgs})`);
  await log.query("alter table referral_events enable trigger referral_events_no_change");
  // A planted training cohort stands on generated organisations (which it may not outlive).
  await removePlantedCohorts(main);
  const { rowCount } = await main.query(`delete from organisations where ${SYNTHETIC}`);
  return rowCount ?? 0;
}

type Message =
  | { kind: "network"; info: NetworkInfo; tables: Record<"organisations" | "offers" | "interfaces", string> }
  | { kind: "chunk"; counts: Omit<Chunk, "tables">; buffers: Record<keyof Chunk["tables"], Uint8Array> }
  | { kind: "done" };

/** The worker's messages as an async sequence; an error in the worker ends it with that error. */
function startWorker(options: ProduceOptions) {
  const inFlight = new Int32Array(new SharedArrayBuffer(4));
  const worker = new Worker(new URL("./worker.ts", import.meta.url), { workerData: { options, inFlight } });
  const queue: Message[] = [];
  let failure: Error | undefined;
  let wake: (() => void) | undefined;
  worker.on("message", (m: Message) => {
    queue.push(m);
    wake?.();
  });
  worker.on("error", (err) => {
    failure = err;
    wake?.();
  });
  return {
    async next(): Promise<Message> {
      while (!queue.length) {
        if (failure) throw failure;
        await new Promise<void>((resolve) => {
          wake = resolve;
        });
      }
      return queue.shift() as Message;
    },
    /** A chunk is loaded: the worker may go on. */
    loaded() {
      Atomics.sub(inFlight, 0, 1);
      Atomics.notify(inFlight, 0);
    },
    stop: () => worker.terminate(),
  };
}

/**
 * Foreign keys are checked row by row by triggers; for a superuser the generator switches them
 * off for its transaction (as pg_restore does) and checks the whole load in a few joins instead.
 */
async function verifyReferences(client: pg.PoolClient, orgIds: string[]) {
  const { rows } = await client.query<{ n: number }>(
    `select
       (select count(*) from clients c where c.organisation_id = any($1::uuid[]) and not exists (select 1 from organisations o where o.id = c.organisation_id))
     + (select count(*) from cases c where c.organisation_id = any($1::uuid[]) and not exists (select 1 from clients k where k.id = c.client_id))
     + (select count(*) from referrals r where r.from_organisation_id = any($1::uuid[]) and (
          not exists (select 1 from cases c where c.id = r.case_id)
          or not exists (select 1 from organisations o where o.id = r.to_organisation_id)
          or not exists (select 1 from offers f where f.id = r.offer_id)
          or not exists (select 1 from interfaces i where i.id = r.interface_id)))
     + (select count(*) from case_events e where not exists (select 1 from cases c where c.id = e.case_id)) as n`,
    [orgIds],
  );
  if ((rows[0]?.n ?? 0) > 0) throw new Error(`generate: ${rows[0]?.n} rows without the record they refer to`);
}

/** Generates a network (or history on a directory); null if `onlyIntoEmptyLog` found events. */
export async function generateNetwork(
  target: pg.Pool | Db,
  options: GenerateOptions & { onlyIntoEmptyLog: true },
): Promise<GenerateSummary | null>;
export async function generateNetwork(
  target: pg.Pool | Db,
  options: GenerateOptions,
): Promise<GenerateSummary>;
export async function generateNetwork(
  target: pg.Pool | Db,
  options: GenerateOptions,
): Promise<GenerateSummary | null> {
  const started = performance.now();
  const pool = poolOf(target);
  const main = await pool.connect();
  const log = await pool.connect();
  const startProducer = () =>
    startWorker({
      orgs: options.orgs,
      cases: options.cases,
      events: options.events,
      seed: options.seed,
      years: options.years ?? 5,
      now: (options.now ?? new Date()).getTime(),
      ...(options.directory ? { directory: options.directory } : {}),
    });
  // The worker starts generating at once, beside the checks and a replacement's deletes — except
  // where the run may well find it has nothing to do (a demo's every start).
  let producer = options.onlyIntoEmptyLog ? undefined : startProducer();
  const timings: Record<string, number> = {};
  const timed = async (
    client: pg.PoolClient,
    table: Parameters<typeof copyText>[1],
    data: string | Uint8Array,
  ) => {
    const t = performance.now();
    await copyText(client, table, data);
    timings[table] = (timings[table] ?? 0) + Math.round(performance.now() - t);
  };
  const counts = { clients: 0, cases: 0, caseEvents: 0, referrals: 0, events: 0, replacedOrganisations: 0 };
  let info: NetworkInfo | undefined;
  let plantedCohort: PlantedCohort | undefined;
  try {
    await main.query("begin");
    await log.query("begin");
    // Only one generator at a time; a second run waits here and then sees the first one's data.
    await main.query("select pg_advisory_xact_lock(hashtext('lotse-generate'))");
    await main.query("set local synchronous_commit = off");
    await log.query("set local synchronous_commit = off");
    const { rows } = await main.query<{ n: number; superuser: boolean; history: boolean }>(
      `select (select count(*)::int from organisations where ${SYNTHETIC}) as n,
              (select rolsuper from pg_roles where rolname = current_user) as superuser,
              exists (select 1 from referral_events) or exists (select 1 from referrals) as history`,
    );
    if (options.onlyIntoEmptyLog && rows[0]?.history) {
      await main.query("rollback");
      await log.query("rollback");
      return null;
    }
    const source = producer ?? startProducer();
    producer = source;
    const existing = rows[0]?.n ?? 0;
    if (existing > 0 && !options.replace) throw new GeneratedDataExists(existing);
    if (existing > 0) {
      options.onProgress?.("replace", 0, existing);
      counts.replacedOrganisations = await removeGenerated(main, log);
      options.onProgress?.("replace", existing, existing);
    }
    // The clients' name index (trigrams, GIN) takes the new names into its pending list, merged
    // later by autovacuum, instead of merging every few MB during the load.
    await main.query("set local gin_pending_list_limit = '512MB'");
    const skipTriggers = rows[0]?.superuser === true;
    if (skipTriggers) {
      await main.query("set local session_replication_role = replica");
      // Fewer bytes of write-ahead log for the pages the load touches first after a checkpoint.
      for (const c of [main, log]) await c.query("set local wal_compression = on");
    }

    const first = await source.next();
    if (first.kind !== "network") throw new Error("generate: the worker did not start with the network");
    info = first.info;
    await copyText(main, "organisations", first.tables.organisations);
    await copyText(main, "offers", first.tables.offers);
    await copyText(main, "interfaces", first.tables.interfaces);
    options.onProgress?.("events", 0, options.events);
    for (let m = await source.next(); m.kind === "chunk"; m = await source.next()) {
      const b = m.buffers;
      await Promise.all([
        (async () => {
          await timed(main, "clients", b.clients);
          await timed(main, "cases", b.cases);
          await timed(main, "case_events", b.caseEvents);
          await timed(main, "referrals", b.referrals);
        })(),
        timed(log, "referral_events", b.events),
      ]);
      source.loaded();
      counts.clients += m.counts.clients;
      counts.cases += m.counts.cases;
      counts.caseEvents += m.counts.caseEvents;
      counts.referrals += m.counts.referrals;
      counts.events += m.counts.events;
      options.onProgress?.("events", counts.events, options.events);
    }
    if (skipTriggers) {
      await main.query("set local session_replication_role = origin");
      await verifyReferences(main, info.organisationIds);
    }
    if (options.plantCohort) {
      plantedCohort = await plantCohort(main, log, {
        mode: options.plantCohort.mode,
        size: options.plantCohort.size ?? 8,
        seed: options.seed,
        now: options.now ?? new Date(),
        organisationIds: info.organisationIds,
      });
    }
    const { organisationIds: _ids, bottleneckInterfaces, improvingInterfaces, ...network } = info;
    await audit(
      drizzle(main, { schema }) as unknown as Db,
      { requestId: "cli" },
      {
        action: "analytics.generate",
        entity: "synthetic_network",
        organisationId: null,
        details: {
          seed: options.seed,
          ...network,
          ...counts,
          bottlenecks: bottleneckInterfaces.length,
          improving: improvingInterfaces.length,
          ...(plantedCohort
            ? {
                plantedCohort: plantedCohort.cohortId,
                plantedEffect: plantedCohort.effect,
                plantedReferrals: plantedCohort.referrals,
              }
            : {}),
        },
      },
    );
    await main.query("commit");
    await log.query("commit");
  } catch (err) {
    await main.query("rollback").catch(() => {});
    await log.query("rollback").catch(() => {});
    throw err;
  } finally {
    await producer?.stop();
    main.release();
    log.release();
  }
  const { organisationIds: _ids, ...network } = info;
  const millis = Math.round(performance.now() - started);
  return {
    seed: options.seed,
    ...network,
    ...counts,
    millis,
    eventsPerSecond: Math.round(counts.events / (millis / 1000)),
    timings,
    ...(plantedCohort ? { plantedCohort } : {}),
  };
}

/**
 * The directory a history can be generated on: the active organisations, their active offers with
 * an offer type and phases, and the active interfaces between them — ordered by what they are
 * (names, units), not by their random ids, so that the same directory gives the same history.
 */
export async function loadDirectory(target: pg.Pool | Db): Promise<Directory> {
  const pool = poolOf(target);
  const [orgs, offers, interfaces] = await Promise.all([
    pool.query<{
      id: string;
      name: string;
      type: Directory["organisations"][number]["type"];
      district: string | null;
      city: string | null;
    }>(
      `select id, name, type, district_ags as district, city from organisations where status = 'active' order by name, id`,
    ),
    pool.query<{ id: string; organisationId: string; name: string; offerType: string; phases: number[] }>(
      `select id, organisation_id as "organisationId", name, offer_type as "offerType", phases from offers
       where status = 'active' and offer_type is not null and cardinality(phases) > 0
       order by (select name from organisations o where o.id = organisation_id), name, offer_type, phases, id`,
    ),
    pool.query<Directory["interfaces"][number]>(
      `select id, from_organisation_id as "fromOrganisationId", to_organisation_id as "toOrganisationId",
              coalesce(from_unit, '') as "fromUnit", coalesce(to_unit, '') as "toUnit", scope,
              answer_within_days as "answerDays", complete_within_days as "completeDays"
       from interfaces i where status = 'active'
       order by (select name from organisations o where o.id = i.from_organisation_id),
                (select name from organisations o where o.id = i.to_organisation_id), from_unit, to_unit, id`,
    ),
  ]);
  return {
    organisations: orgs.rows.map((o) => ({ ...o, district: o.district ?? "15003", city: o.city ?? "" })),
    offers: offers.rows.map((o) => ({
      ...o,
      offerType: o.offerType as Directory["offers"][number]["offerType"],
      phases: o.phases.map(Number),
    })),
    interfaces: interfaces.rows,
  };
}
