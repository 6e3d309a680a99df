import type pg from "pg";
import type { Tx } from "#server/db/client.ts";
import { audit } from "#server/platform/audit.ts";
import type { Ctx } from "#server/platform/context.ts";
import type { Actor } from "#server/platform/session.ts";
import { actsForNetwork } from "#server/platform/tenancy.ts";
import type { AnalyticsQuery } from "#shared/contracts/analytics.ts";
import { interfaceTable } from "./interface-table.ts";
import { networkGraph } from "./network.ts";
import { processFlow } from "./process-flow.ts";
import { processTimes } from "./times.ts";

/**
 * The analytics use cases: each reads (in transactions of its own, some side by side) and then
 * leaves one audit entry (analytics.read) with the view, the filters and the row count — no
 * personal data, as there is none in the figures either.
 */

export type AnalyticsView = "interfaces" | "network" | "flow" | "times";

async function readAnalytics<T>(
  ctx: Ctx & { query: AnalyticsQuery },
  view: AnalyticsView,
  read: (tx: Tx, actor: Actor) => Promise<T>,
  count: (result: T) => number,
): Promise<T> {
  const result = await read(ctx.db, ctx.actor);
  await audit(ctx.db, ctx, {
    action: "analytics.read",
    entity: "analytics",
    organisationId: ctx.actor.organisationId,
    details: {
      view,
      scope: actsForNetwork(ctx.actor) ? "network" : "organisation",
      filters: ctx.query,
      rows: count(result),
    },
  });
  return result;
}

/** Per interface: volume, rates, times, past-agreed shares and change; worst bottleneck first. */
export const getInterfaceTable = (ctx: Ctx & { query: AnalyticsQuery }) =>
  readAnalytics(
    ctx,
    "interfaces",
    (tx, actor) => interfaceTable(tx, actor, ctx.query),
    (r) => r.items.length,
  );

/** The referral network with degree, weighted degree, betweenness and communities. */
export const getNetworkGraph = (ctx: Ctx & { query: AnalyticsQuery }) =>
  readAnalytics(
    ctx,
    "network",
    (tx, actor) => networkGraph(tx, actor, ctx.query),
    (r) => r.nodes.length,
  );

/**
 * The directly-follows graph of case pathways, its variants and the phase Sankey. Flows take
 * turns: the one worker thread works on one log at a time, and a burst of flows cannot crowd the
 * database.
 */
export function getProcessFlow(ctx: Ctx & { query: AnalyticsQuery }) {
  const run = flowTurn.then(() =>
    readAnalytics(
      ctx,
      "flow",
      (tx, actor) => processFlow(tx, poolOf(ctx.db), actor, ctx.query),
      (r) => r.edges.length,
    ),
  );
  flowTurn = run.catch(() => undefined);
  return run;
}
let flowTurn: Promise<unknown> = Promise.resolve();

/** The connection pool behind the handle: the flow's worker connects the same way. */
function poolOf(db: Tx): pg.Pool {
  if (!("$client" in db)) throw new Error("the flow needs the database, not a transaction");
  return db.$client as pg.Pool;
}

/** Process times per month and per district. */
export const getProcessTimes = (ctx: Ctx & { query: AnalyticsQuery }) =>
  readAnalytics(
    ctx,
    "times",
    (tx, actor) => processTimes(tx, actor, ctx.query),
    (r) => r.months.length + r.districts.length,
  );
