// Analytics benchmark: the interface table, the process flow and the network graph through HTTP on
// a generated network (default 200 organisations, 100,000 cases, 1,000,000 referral events), while
// other requests run beside them; DuckDB computes the interface table and pm4js the directly-follows
// graph on the same events, for the ratios. Run with `node bench/analytics.ts` (see README.md).
import fs from "node:fs";
import fsp from "node:fs/promises";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { parseArgs } from "node:util";
import { DuckDBInstance } from "@duckdb/node-api";
import { sql } from "drizzle-orm";
import { to as copyTo } from "pg-copy-streams";
import { buildApp } from "../src/server/app.ts";
import { loadConfig } from "../src/server/config.ts";
import { connect } from "../src/server/db/client.ts";
import { startEmbeddedPostgres } from "../src/server/db/embedded.ts";
import { runMigrations } from "../src/server/db/migrate.ts";
import { rebuildReferralFacts } from "../src/server/modules/analytics/facts.ts";
import { discoverDfg } from "../src/server/modules/analytics/flow/dfg.ts";
import { EventLogEncoder } from "../src/server/modules/analytics/flow/event-log.ts";
import { generateNetwork } from "../src/server/modules/analytics/generator/index.ts";
import { createBenchCoordinator } from "./coordinator.ts";

const { values: args } = parseArgs({
  options: {
    orgs: { type: "string", default: "200" },
    cases: { type: "string", default: "100000" },
    events: { type: "string", default: "1000000" },
    runs: { type: "string", default: "5" },
    /** Other requests per second while the analytics run. */
    "background-rate": { type: "string", default: "50" },
    /** An external PostgreSQL (an empty database, or one whose generated data may be replaced). */
    "database-url": { type: "string" },
    /** With --database-url: keep the data an earlier run generated there. */
    reuse: { type: "boolean", default: false },
  },
});
const RUNS = Number(args.runs);
const TARGETS = { interfaces: 1000, flow: 2000, network: 1000, p99: 100 };

const fmt = (n: number) => (Number.isFinite(n) ? n.toFixed(0) : "–");
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
};
const p99 = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(0.99 * s.length) - 1)] ?? Number.NaN;
};

async function timed(url: string, init?: RequestInit) {
  const start = performance.now();
  const res = await fetch(url, init);
  const body = await res.text();
  return { ms: performance.now() - start, status: res.status, body };
}

/**
 * Other users meanwhile: finder searches and the notification list at a steady rate (open loop),
 * each latency counted from the moment the request was due — so a stalled server cannot hide its
 * queue by slowing the load down (coordinated omission).
 */
function background(base: string, cookie: string, rate: number, phase: { now: string } = { now: "" }) {
  const samples: number[] = [];
  const byPhase: Record<string, number[]> = {};
  const paths = [
    "/api/finder/offers?district=15003&lang=de",
    "/api/notifications",
    "/api/finder/offers?phase=2&lang=ar",
  ];
  const interval = 1000 / rate;
  const started = performance.now();
  const pending = new Set<Promise<void>>();
  let running = true;
  let i = 0;
  const tick = async () => {
    while (running) {
      const due = started + i * interval;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      const during = phase.now;
      const path = paths[i++ % paths.length];
      const request = fetch(`${base}${path}`, { headers: { cookie } })
        .then((res) => res.text())
        .then(() => {
          const ms = performance.now() - due;
          samples.push(ms);
          byPhase[during] ??= [];
          byPhase[during].push(ms);
        });
      pending.add(request);
      void request.finally(() => pending.delete(request));
    }
  };
  const loop = tick();
  return {
    samples,
    byPhase,
    stop: async () => {
      running = false;
      await loop;
      await Promise.all(pending);
    },
  };
}

// The interface table over the raw events, as in interface-table.ts: milestones per referral, then
// count, rates, percentiles, past-agreed shares and overrun per pair and period.
const DUCKDB_INTERFACES = (from: number, start: number, end: number) => `
with r as (
  select referral_id, any_value(from_organisation_id) as f, any_value(to_organisation_id) as t,
    min(ts) filter (where to_state = 'sent') as sent_at,
    min(ts) filter (where to_state in ('accepted', 'declined')) as answered_at,
    arg_min(to_state = 'accepted', ts) filter (where to_state in ('accepted', 'declined')) as accepted,
    min(ts) filter (where to_state = 'completed') as completed_at,
    bool_or(coalesce(reason, '') = 'successful') filter (where to_state = 'completed') as successful,
    min(ts) filter (where to_state in ('completed', 'declined', 'withdrawn', 'expired')) as closed_at
  from events group by referral_id
), d as (
  select r.*, (r.sent_at >= ${start}) as cur, due.answer_due_end, due.complete_due_end,
    (r.answered_at - r.sent_at) / 3600 as answer_h, (r.completed_at - r.sent_at) / 3600 as complete_h,
    coalesce(r.answered_at, r.closed_at, epoch(now())) as answer_end,
    coalesce(r.completed_at, r.closed_at, epoch(now())) as complete_end
  from r left join dues due using (referral_id)
  where r.sent_at >= ${from} and r.sent_at < ${end}
), e as (
  select d.*,
    (answered_at is not null or closed_at is not null or epoch(now()) > answer_due_end) as answer_decided,
    (accepted and (completed_at is not null or closed_at is not null or epoch(now()) > complete_due_end)) as complete_decided
  from d
)
select f, t, cur, count(*) as volume,
  count(*) filter (where answered_at is not null) as answered, count(*) filter (where accepted) as accepted,
  count(*) filter (where completed_at is not null) as completed, count(*) filter (where successful) as successful,
  quantile_cont(answer_h, 0.5) as med_a, quantile_cont(answer_h, 0.9) as p90_a,
  quantile_cont(complete_h, 0.5) as med_c, quantile_cont(complete_h, 0.9) as p90_c,
  count(*) filter (where answer_decided and answer_end > answer_due_end) as answer_late,
  count(*) filter (where answer_decided) as answer_decided_n,
  count(*) filter (where complete_decided and complete_end > complete_due_end) as complete_late,
  avg(greatest(0, answer_end - answer_due_end) / nullif(answer_due_end - sent_at, 0)) filter (where answer_decided) as answer_overrun,
  avg(greatest(0, complete_end - complete_due_end) / nullif(complete_due_end - sent_at, 0)) filter (where complete_decided) as complete_overrun
from e group by f, t, cur`;

type Pm4js = {
  EventLog: new () => { traces: unknown[] };
  Trace: new () => { events: unknown[]; attributes: Record<string, unknown> };
  Event: new () => { attributes: Record<string, unknown> };
  Attribute: new (value: unknown) => unknown;
  FrequencyDfgDiscovery: { apply(log: unknown, activityKey: string): unknown };
  PerformanceDfgDiscovery: { apply(log: unknown, a: string, t: string, aggregation: string): unknown };
};

async function main() {
  const external = args["database-url"];
  const dir = external ? null : await fsp.mkdtemp(path.join(os.tmpdir(), "lotse-bench-analytics-"));
  if (dir) await fsp.chmod(dir, 0o755);
  const log = { info: () => {}, warn: (m: string) => console.warn(m) };
  const pg = dir ? await startEmbeddedPostgres({ dataDir: dir, log }) : null;
  const { pool, db } = connect(external ?? pg?.url ?? "", 10);
  let app: Awaited<ReturnType<typeof buildApp>> | undefined;
  const scratch = await fsp.mkdtemp(path.join(os.tmpdir(), "lotse-bench-export-"));
  try {
    await runMigrations(pool);
    const version = (await db.execute<{ server_version: string }>(sql`show server_version`)).rows[0];
    console.log(
      `PostgreSQL ${version?.server_version} (${external ? "external" : "embedded"}), ${os.cpus().length} CPU cores, Node ${process.versions.node}`,
    );

    let t = performance.now();
    const existing = (await db.execute<{ n: number }>(sql`select count(*)::int as n from referral_events`))
      .rows[0];
    let summary: { events: number; referrals: number; cases: number; from: string; until: string };
    if (args.reuse && (existing?.n ?? 0) > 0) {
      // Iterating on the queries: the data of an earlier run stays (an external database).
      const [span] = (
        await db.execute<{
          from: string;
          until: string;
          events: number;
          referrals: number;
          cases: number;
        }>(sql`
          select min(sent_at)::date::text as from, max(sent_at)::date::text as until,
            (select count(*)::int from referral_events) as events, count(*)::int as referrals,
            count(distinct case_pseudonym)::int as cases from analytics_referral_facts`)
      ).rows;
      if (!span) throw new Error("no data to reuse");
      summary = span;
      console.log(`Reusing ${summary.events} events, ${summary.referrals} referrals, ${summary.cases} cases`);
    } else {
      const generated = await generateNetwork(db, {
        orgs: Number(args.orgs),
        cases: Number(args.cases),
        events: Number(args.events),
        seed: 42,
        replace: true,
      });
      summary = generated;
      console.log(
        `Generated ${generated.events} events, ${generated.referrals} referrals, ${generated.cases} cases in ${((performance.now() - t) / 1000).toFixed(1)} s (${generated.eventsPerSecond} events/s)`,
      );
      t = performance.now();
      const facts = await rebuildReferralFacts(db);
      console.log(`Summarised ${facts} referrals in ${((performance.now() - t) / 1000).toFixed(1)} s`);
      await db.execute(sql`vacuum analyze`);
    }

    const coordinator = await createBenchCoordinator(db, `bench-analytics-${Date.now()}@lotse.example`);

    app = await buildApp({
      db,
      config: loadConfig({
        LOTSE_DEMO_DATA: "false",
        PUBLIC_URL: "http://127.0.0.1",
        LOTSE_PUBLIC_RATE_LIMIT: "0",
      }),
    });
    const base = await app.listen({ port: 0, host: "127.0.0.1" });
    const cookie = await coordinator.login(base);
    const period = `from=${summary.from}&to=${summary.until}`;

    // Other requests alone first, for the baseline.
    const alone = background(base, cookie, Number(args["background-rate"]));
    await new Promise((resolve) => setTimeout(resolve, 5000));
    await alone.stop();

    const phase = { now: "" };
    const busy = background(base, cookie, Number(args["background-rate"]), phase);
    const times: Record<string, number[]> = { interfaces: [], flow: [], network: [] };
    const sizes: Record<string, number> = {};
    for (let run = 0; run <= RUNS; run++) {
      for (const view of ["interfaces", "flow", "network"]) {
        phase.now = view;
        const r = await timed(`${base}/api/analytics/${view}?${period}`, { headers: { cookie } });
        if (r.status !== 200) throw new Error(`${view} answered ${r.status}: ${r.body.slice(0, 300)}`);
        sizes[view] = r.body.length;
        if (run > 0) times[view]?.push(r.ms); // run 0 warms the plans and the caches
      }
    }
    await busy.stop();

    // DuckDB: the same events and due dates, exported from PostgreSQL.
    t = performance.now();
    const client = await pool.connect();
    const eventsCsv = path.join(scratch, "events.csv");
    const duesCsv = path.join(scratch, "dues.csv");
    try {
      await pipeline(
        client.query(
          copyTo(`copy (select referral_id, case_pseudonym, from_organisation_id, to_organisation_id,
            coalesce(offer_type, 'other') as offer_type, to_state, coalesce(reason, '') as reason,
            extract(epoch from at)::float8 as ts, id from referral_events) to stdout with (format csv, header)`),
        ),
        fs.createWriteStream(eventsCsv),
      );
      await pipeline(
        client.query(
          copyTo(`copy (select referral_id,
            extract(epoch from answer_due_at)::float8 as answer_due_end,
            extract(epoch from complete_due_at)::float8 as complete_due_end
            from analytics_referral_facts) to stdout with (format csv, header)`),
        ),
        fs.createWriteStream(duesCsv),
      );
    } finally {
      client.release();
    }
    const duck = await (await DuckDBInstance.create(":memory:")).connect();
    await duck.run(`create table events as select * from read_csv('${eventsCsv}', header = true)`);
    await duck.run(`create table dues as select * from read_csv('${duesCsv}', header = true)`);
    console.log(`Exported the events to DuckDB in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    const berlin = (day: string, plus = 0) => Date.parse(`${day}T00:00:00+01:00`) / 1000 + plus * 86400;
    const days = (Date.parse(summary.until) - Date.parse(summary.from)) / 86_400_000 + 1;
    const duckQuery = DUCKDB_INTERFACES(
      berlin(summary.from, -days),
      berlin(summary.from),
      berlin(summary.until, 1),
    );
    const duckTimes: number[] = [];
    let duckRows = 0;
    for (let run = 0; run <= RUNS; run++) {
      const t0 = performance.now();
      duckRows = (await duck.runAndReadAll(duckQuery)).getRows().length;
      if (run > 0) duckTimes.push(performance.now() - t0);
    }

    // pm4js and the core on the same events (case, activity, time), built into each one's log first.
    const { rows } = await pool.query({
      text: `select case_pseudonym, coalesce(offer_type, 'other') || ': ' || to_state, extract(epoch from at)::float8 * 1000
        from referral_events where at >= $1 and at < $2 order by id`,
      values: [`${summary.from}T00:00:00+01:00`, `${summary.until}T23:59:59+01:00`],
      rowMode: "array",
    });
    const encoder = new EventLogEncoder();
    for (const [c, a, at] of rows as [string, string, number][]) encoder.add(c, a, at);
    const columns = encoder.columns();
    t = performance.now();
    discoverDfg(columns);
    const coreMs = performance.now() - t;

    createRequire(import.meta.url)("pm4js");
    const pm4js = globalThis as unknown as Pm4js;
    const pmLog = new pm4js.EventLog();
    const traces = new Map<string, { events: unknown[] }>();
    for (const [c, a, at] of rows as [string, string, number][]) {
      let trace = traces.get(c);
      if (!trace) {
        const created = new pm4js.Trace();
        created.attributes["concept:name"] = new pm4js.Attribute(c);
        pmLog.traces.push(created);
        traces.set(c, created);
        trace = created;
      }
      const event = new pm4js.Event();
      event.attributes["concept:name"] = new pm4js.Attribute(a);
      event.attributes["time:timestamp"] = new pm4js.Attribute(new Date(at));
      trace.events.push(event);
    }
    t = performance.now();
    pm4js.FrequencyDfgDiscovery.apply(pmLog, "concept:name");
    pm4js.PerformanceDfgDiscovery.apply(pmLog, "concept:name", "time:timestamp", "median");
    const pm4jsMs = performance.now() - t;

    const interfacesMs = median(times.interfaces ?? []);
    const flowMs = median(times.flow ?? []);
    const networkMs = median(times.network ?? []);
    const duckMs = median(duckTimes);
    const verdict = (ms: number, target: number) => `${ms <= target ? "ok" : "MISSED"} (target ${target} ms)`;
    console.log(
      `\nOn ${summary.events} events, ${summary.referrals} referrals, ${summary.cases} cases; median of ${RUNS} runs after one warm-up:`,
    );
    console.log(
      `  interface table  ${fmt(interfacesMs)} ms  ${verdict(interfacesMs, TARGETS.interfaces)}; ${sizes.interfaces} bytes`,
    );
    console.log(
      `  process flow     ${fmt(flowMs)} ms  ${verdict(flowMs, TARGETS.flow)}; ${sizes.flow} bytes`,
    );
    console.log(
      `  network graph    ${fmt(networkMs)} ms  ${verdict(networkMs, TARGETS.network)}; ${sizes.network} bytes`,
    );
    console.log(
      `  other requests   p99 ${fmt(p99(busy.samples))} ms beside the analytics (${busy.samples.length} requests), ${fmt(p99(alone.samples))} ms alone  ${verdict(p99(busy.samples), TARGETS.p99)}`,
    );
    for (const [view, ms] of Object.entries(busy.byPhase)) {
      console.log(
        `    while ${view || "starting"}: p99 ${fmt(p99(ms))} ms, median ${fmt(median(ms))} ms (${ms.length})`,
      );
    }
    console.log(
      `  DuckDB interface table from the raw events (in memory, ${duckRows} rows): ${fmt(duckMs)} ms → Lotse ${(interfacesMs / duckMs).toFixed(2)}× DuckDB (aim ≤ 3×)`,
    );
    console.log(
      `  pm4js DFG with medians on ${rows.length} events: ${fmt(pm4jsMs)} ms → Lotse flow ${(flowMs / pm4jsMs).toFixed(2)}× pm4js (aim < 1×); the flow core in process: ${fmt(coreMs)} ms`,
    );
  } finally {
    await app?.close();
    await pool.end();
    await pg?.stop();
    if (dir) await fsp.rm(dir, { recursive: true, force: true });
    await fsp.rm(scratch, { recursive: true, force: true });
  }
}

await main();
