import { type SQL, sql } from "drizzle-orm";
import { DirectedGraph } from "graphology";
import louvainModule from "graphology-communities-louvain";
import betweennessModule from "graphology-metrics/centrality/betweenness.js";
import type { Tx } from "#server/db/client.ts";
import type { Actor } from "#server/platform/session.ts";
import { actsForNetwork } from "#server/platform/tenancy.ts";
import type { AnalyticsQuery, NetworkGraph } from "#shared/contracts/analytics.ts";
import {
  dayEnd,
  dayStart,
  organisationsById,
  periods,
  round4,
  scopeAndFilters,
  withMemory,
} from "./filters.ts";

/**
 * The referral network: organisations as nodes, referral volume per sending → receiving pair as
 * edges, with graphology's metrics. Betweenness counts shortest paths over the directed graph
 * without weights (who lies between whom at all), so a hub between two groups stands out however
 * much each single edge carries; Louvain runs on the weighted graph with a fixed random source so
 * that the same data gives the same communities.
 *
 * Organisations of the network that neither sent nor received a referral in the period are nodes
 * too (isolated, no community): a partner nobody refers to is what a coordinator looks for. The
 * metrics are computed on the organisations with referrals only, so that their betweenness does not
 * shrink with the number of idle partners (normalisation divides by the node count).
 */

// CommonJS packages: at run time the default import is module.exports, which their types call `default`.
const louvain = louvainModule as unknown as typeof louvainModule.default;
const betweennessCentrality = betweennessModule as unknown as typeof betweennessModule.default;

/** A small deterministic generator (mulberry32) for Louvain's node order. */
function seeded(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Referral volume per pair in the period. */
export async function networkEdges(db: Tx, actor: Actor, query: AnalyticsQuery) {
  const { current } = periods(query);
  const result = await db.execute<{ from: string; to: string; volume: number }>(sql`
    select t.from_organisation_id as "from", t.to_organisation_id as "to", count(*)::int as volume
    from analytics_referral_facts t
    where t.sent_at >= ${dayStart(current.from)} and t.sent_at < ${dayEnd(current.to)}
      and ${scopeAndFilters(actor, query, "t")}
    group by 1, 2
    order by 1, 2`);
  return { period: current, edges: result.rows.map((e) => ({ ...e, volume: Number(e.volume) })) };
}

/**
 * The organisations that belong in the graph even without a referral: for the coordination every
 * organisation that was active and registered by the end of the period (in the district, and with
 * an offer of the phase or type, when those filters are set); for anyone else their own organisation.
 */
async function networkMembers(db: Tx, actor: Actor, query: AnalyticsQuery): Promise<string[]> {
  const { current } = periods(query);
  if (!actsForNetwork(actor)) return [actor.organisationId];
  const offer: SQL[] = [];
  if (query.offerType) offer.push(sql`o.offer_type = ${query.offerType}`);
  if (query.phase) offer.push(sql`${query.phase}::smallint = any(o.phases)`);
  const result = await db.execute<{ id: string }>(sql`
    select g.id from organisations g
    where g.status = 'active' and g.created_at < ${dayEnd(current.to)}
      ${query.district ? sql`and g.district_ags = ${query.district}` : sql``}
      ${
        offer.length
          ? sql`and exists (select 1 from offers o where o.organisation_id = g.id
              and o.created_at < ${dayEnd(current.to)} and ${sql.join(offer, sql` and `)})`
          : sql``
      }`);
  return result.rows.map((r) => r.id);
}

/** The network graph with degree, weighted degree, betweenness and communities per organisation. */
export async function networkGraph(db: Tx, actor: Actor, query: AnalyticsQuery): Promise<NetworkGraph> {
  const { period, edges } = await withMemory(db, (tx) => networkEdges(tx, actor, query));
  const linked = [...new Set(edges.flatMap((e) => [e.from, e.to]))].sort();
  const members = await networkMembers(db, actor, query);
  const withReferrals = new Set(linked);
  const isolated = members.filter((id) => !withReferrals.has(id));
  const orgById = await organisationsById(db, [...linked, ...isolated]);

  const graph = new DirectedGraph<Record<string, never>, { weight: number }>({ allowSelfLoops: true });
  for (const id of linked) graph.addNode(id);
  for (const e of edges) graph.addDirectedEdge(e.from, e.to, { weight: e.volume });
  const betweenness = graph.order > 0 ? betweennessCentrality(graph, { normalized: true }) : {};
  const communities =
    graph.size > 0 ? louvain.detailed(graph, { getEdgeWeight: "weight", rng: seeded(42) }) : null;

  const connected = linked.map((id) => {
    const org = orgById.get(id);
    let weighted = 0;
    graph.forEachEdge(id, (_edge, attributes) => {
      weighted += attributes.weight;
    });
    return {
      id,
      name: org?.name ?? "",
      type: org?.type ?? "",
      districtAgs: org?.districtAgs ?? null,
      volume: weighted,
      degree: graph.degree(id),
      weightedDegree: weighted,
      betweenness: round4(betweenness[id] ?? 0) ?? 0,
      community: communities?.communities[id] ?? 0,
    };
  });
  const idle = isolated
    .map((id) => {
      const org = orgById.get(id);
      return {
        id,
        name: org?.name ?? "",
        type: org?.type ?? "",
        districtAgs: org?.districtAgs ?? null,
        volume: 0,
        degree: 0,
        weightedDegree: 0,
        betweenness: 0,
        community: null,
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name, "de"));
  return {
    period,
    nodes: [...connected, ...idle],
    edges,
    communities: communities?.count ?? 0,
    modularity: communities ? round4(communities.modularity) : null,
  };
}
