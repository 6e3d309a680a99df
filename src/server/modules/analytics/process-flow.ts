import { Worker } from "node:worker_threads";
import { type SQL, sql } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import pg from "pg";
import type { Tx } from "#server/db/client.ts";
import type { Actor } from "#server/platform/session.ts";
import type { AnalyticsQuery, ProcessFlow } from "#shared/contracts/analytics.ts";
import { dayEnd, dayStart, periods, round2, scopeAndFilters, withMemory } from "./filters.ts";
import type { DirectlyFollowsGraph } from "./flow/dfg.ts";
import type { FlowAnswer, FlowJob } from "./flow-worker.ts";

/**
 * The process flow of case pathways from the referral event log. A case is a case pseudonym; an
 * activity is "<offer type>: <state the referral moved to>" (e.g. "anerkennungsberatung: accepted"),
 * so the graph shows both which offers follow each other and how each referral went.
 *
 * The graph comes from the pure core in flow/dfg.ts — the same code as `lotse flow FILE.csv`,
 * checked against pm4js — run in a worker thread (flow-worker.ts) on the events PostgreSQL streams
 * with COPY, already narrowed to the actor's scope, the period and the filters: about a second for a
 * million events end to end, where a window-function query in PostgreSQL needed five.
 */

export const FLOW_DEFINITION =
  "case = case pseudonym; activity = '<offer type>: <referral state>' per referral event; ordered by time";
const VARIANTS = 20;
const HOUR_MS = 3_600_000;

/** A drizzle SQL fragment as text with its parameters inlined as literals (COPY takes no parameters). */
function inline(fragment: SQL, literal: (value: string) => string): string {
  const { sql: text, params } = new PgDialect().sqlToQuery(fragment);
  return text.replace(/\$(\d+)/g, (_, n: string) => literal(String(params[Number(n) - 1])));
}

/** What a pg client needs to connect like the pool does (the worker opens its own connection). */
function connectionOf(pool: pg.Pool): pg.ClientConfig {
  const { connectionString, host, port, user, password, database, ssl } = pool.options;
  if (typeof password === "function") throw new Error("the flow needs a password, not a callback");
  return { connectionString, host, port, user, password, database, ssl, application_name: "lotse-flow" };
}

let worker: Worker | null = null;
/** One worker for the process, started on the first flow; flows take turns (service.ts). */
function flowWorker(): Worker {
  if (worker) return worker;
  const started = new Worker(new URL("./flow-worker.ts", import.meta.url));
  started.unref();
  started.on("error", () => {
    worker = null;
  });
  started.on("exit", () => {
    worker = null;
  });
  worker = started;
  return started;
}

/** The directly-follows graph of the events in the period, scope and filters, from the worker. */
export async function flowGraph(
  pool: pg.Pool,
  actor: Actor,
  query: AnalyticsQuery,
): Promise<DirectlyFollowsGraph> {
  const { current } = periods(query);
  const where = inline(
    sql`e.at >= ${dayStart(current.from)} and e.at < ${dayEnd(current.to)} and ${scopeAndFilters(actor, query, "e")}`,
    (v) => pg.escapeLiteral(v),
  );
  const job: FlowJob = { connection: connectionOf(pool), where, variants: VARIANTS };
  const target = flowWorker();
  return new Promise((resolve, reject) => {
    const failed = (err: Error) => {
      target.off("message", answered);
      reject(err);
    };
    const answered = (answer: FlowAnswer) => {
      target.off("error", failed);
      if ("error" in answer) reject(new Error(answer.error));
      else resolve(answer.graph);
    };
    target.once("message", answered);
    target.once("error", failed);
    target.postMessage(job);
  });
}

/** The flow of the events in scope with the phase Sankey; needs two connections for a moment. */
export async function processFlow(
  db: Tx,
  pool: pg.Pool,
  actor: Actor,
  query: AnalyticsQuery,
): Promise<ProcessFlow> {
  const { current } = periods(query);
  // The Sankey's query runs in PostgreSQL while Node reads the stream of events.
  const [graph, sankey] = await Promise.all([
    flowGraph(pool, actor, query),
    withMemory(db, (tx) => phaseSankey(tx, actor, query)),
  ]);
  return {
    period: current,
    definition: FLOW_DEFINITION,
    cases: graph.cases,
    events: graph.events,
    activities: graph.activities,
    edges: graph.edges.map((e) => ({
      from: e.from,
      to: e.to,
      frequency: e.frequency,
      medianHours: round2(e.medianDurationMs / HOUR_MS) ?? 0,
    })),
    startActivities: graph.startActivities,
    endActivities: graph.endActivities,
    variants: graph.variants,
    sankey,
  };
}

/** Transitions between the phases of consecutive referrals of a case (the offer's lowest phase). */
async function phaseSankey(db: Tx, actor: Actor, query: AnalyticsQuery): Promise<ProcessFlow["sankey"]> {
  const { current } = periods(query);
  const result = await db.execute<{ p: number; q: number; value: number }>(sql`
    with op as materialized (select id, (select min(x) from unnest(phases) x) as phase from offers),
    r as (
      select t.case_pseudonym as c, t.sent_at, t.referral_id, op.phase
      from analytics_referral_facts t join op on op.id = t.offer_id
      where t.sent_at >= ${dayStart(current.from)} and t.sent_at < ${dayEnd(current.to)}
        and op.phase is not null and ${scopeAndFilters(actor, query, "t")}
    ), s as (
      select phase as q, lag(phase) over (partition by c collate "C" order by sent_at, referral_id) as p from r
    )
    select p, q, count(*)::int as value from s where p is not null and p <> q group by p, q order by p, q`);
  const name = (phase: number) => `phase ${phase}`;
  const forward = result.rows.filter((r) => Number(r.p) < Number(r.q));
  const phases = [...new Set(forward.flatMap((r) => [Number(r.p), Number(r.q)]))].sort();
  return {
    nodes: phases.map((phase) => ({ name: name(phase), phase })),
    links: forward.map((r) => ({
      source: name(Number(r.p)),
      target: name(Number(r.q)),
      value: Number(r.value),
    })),
    backward: result.rows
      .filter((r) => Number(r.p) > Number(r.q))
      .reduce((sum, r) => sum + Number(r.value), 0),
  };
}
