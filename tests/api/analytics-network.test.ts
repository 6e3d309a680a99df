import { asc, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { offers, referralEvents } from "../../src/server/db/schema.ts";
import { computeDfg } from "../../src/server/modules/analytics/flow/dfg.ts";
import { generateNetwork } from "../../src/server/modules/analytics/generator/index.ts";
import { berlinDay } from "../../src/server/modules/interfaces/working-days.ts";
import { createTestApp } from "../helpers/app.ts";
import { buildCoordinator, buildOrganisation, buildUser } from "../helpers/factories.ts";
import { plantReferral, summarise } from "./analytics-setup.ts";

const t = await createTestApp();
const { coordinator } = await buildCoordinator(t.db);
const coordination = await t.loginAs(coordinator.email);
const YEAR_2023 = { from: "2023-01-01", to: "2023-12-31" };

type Node = {
  id: string;
  betweenness: number;
  degree: number;
  weightedDegree: number;
  volume: number;
  community: number | null;
};

describe("network graph and bottlenecks", () => {
  it("marks the hub between two groups as the broker and ranks the slow busy interface first", async () => {
    const west = await Promise.all([0, 1, 2].map(() => buildOrganisation(t.db, { districtAgs: "15001" })));
    const east = await Promise.all([0, 1, 2].map(() => buildOrganisation(t.db, { districtAgs: "15002" })));
    const hub = await buildOrganisation(t.db, { type: "network_coordination", districtAgs: "15003" });
    const fast = [
      { to: "accepted", afterHours: 4 },
      { to: "completed", afterHours: 48, reason: "successful" },
    ];
    let day = 2;
    const send = async (from: string, to: string, times: number, steps = fast) => {
      for (let i = 0; i < times; i++) {
        const sentAt = `2023-05-${String((day++ % 27) + 1).padStart(2, "0")}T09:00:00Z`;
        await plantReferral(t.db, { from, to, sentAt, steps });
      }
    };
    // Two dense groups that only meet through the hub; plenty of fast traffic inside each group.
    for (const group of [west, east]) {
      for (const a of group) for (const b of group) if (a !== b) await send(a.id, b.id, 4);
    }
    await send(west[0]?.id ?? "", hub.id, 3);
    await send(hub.id, east[0]?.id ?? "", 3);
    await send(east[1]?.id ?? "", hub.id, 2);
    await send(hub.id, west[1]?.id ?? "", 2);
    // The bottleneck: answers take three weeks, completions three months.
    const slow = [
      { to: "accepted", afterHours: 500 },
      { to: "completed", afterHours: 2200, reason: "successful" },
    ];
    await send(west[2]?.id ?? "", east[2]?.id ?? "", 5, slow);
    await summarise(t.db);

    const graph = await coordination.request("GET", "/api/analytics/network", { query: YEAR_2023 });
    expect(graph.statusCode, graph.body).toBe(200);
    const nodes: Node[] = graph.json().nodes;
    const ranked = [...nodes].sort((a, b) => b.betweenness - a.betweenness);
    expect(ranked[0]?.id).toBe(hub.id);
    const hubNode = nodes.find((n) => n.id === hub.id);
    expect(hubNode).toMatchObject({ degree: 4, weightedDegree: 10 });
    expect(graph.json().communities).toBeGreaterThanOrEqual(2);
    const community = (id: string | undefined) => nodes.find((n) => n.id === id)?.community;
    expect(community(west[0]?.id)).toBe(community(west[1]?.id));
    expect(community(west[0]?.id)).not.toBe(community(east[0]?.id));
    expect(graph.json().edges).toContainEqual({ from: west[2]?.id, to: east[2]?.id, volume: 5 });

    const table = await coordination.request("GET", "/api/analytics/interfaces", { query: YEAR_2023 });
    const first = table.json().items[0];
    expect([first.from.id, first.to.id]).toEqual([west[2]?.id, east[2]?.id]);
    expect(first.answerPastAgreedShare).toBe(1);
    expect(table.json().items[1].bottleneckScore).toBe(0);
  });
});

describe("organisations without referrals", () => {
  // The organisations are made today, so the period has to reach up to today to include them.
  // Periods are days in Berlin: between midnight in Berlin and midnight UTC the UTC date is a day behind.
  const today = berlinDay();
  const RECENT = { from: "2023-01-01", to: today };
  const yesterday = new Date(Date.now() - 86_400_000).toISOString();

  it("are isolated nodes of the coordination's graph, within the filters, and change no other figure", async () => {
    const sender = await buildOrganisation(t.db, { districtAgs: "15081" });
    const receiver = await buildOrganisation(t.db, { districtAgs: "15081" });
    const idle = await buildOrganisation(t.db, { type: "education_provider", districtAgs: "15081" });
    const idleElsewhere = await buildOrganisation(t.db, { districtAgs: "15082" });
    const inactive = await buildOrganisation(t.db, { districtAgs: "15081", status: "inactive" });
    await t.db.insert(offers).values({
      name: "Sprachkurs ohne Zulauf",
      organisationId: idle.id,
      phases: [3],
      offerType: "berufssprachkurs",
      districts: ["15081"],
      languages: ["de"],
    });
    await plantReferral(t.db, { from: sender.id, to: receiver.id, sentAt: yesterday });
    await summarise(t.db);

    const graph = await coordination.request("GET", "/api/analytics/network", { query: RECENT });
    expect(graph.statusCode, graph.body).toBe(200);
    const nodes: Node[] = graph.json().nodes;
    const node = (id: string) => nodes.find((n) => n.id === id);
    expect(node(idle.id)).toMatchObject({
      name: idle.name,
      type: "education_provider",
      districtAgs: "15081",
      volume: 0,
      degree: 0,
      weightedDegree: 0,
      betweenness: 0,
      community: null,
    });
    expect(node(idleElsewhere.id)).toMatchObject({ degree: 0, community: null });
    // An inactive organisation without referrals is not part of the network any more.
    expect(node(inactive.id)).toBeUndefined();
    expect(node(sender.id)).toMatchObject({ degree: 1, volume: 1 });
    expect(node(sender.id)?.community).not.toBeNull();
    // No edge touches an isolated node, and the communities count only linked organisations.
    const edges: { from: string; to: string }[] = graph.json().edges;
    expect(edges.some((e) => [e.from, e.to].includes(idle.id))).toBe(false);
    const linked = new Set(edges.flatMap((e) => [e.from, e.to]));
    const communities = new Set(nodes.filter((n) => linked.has(n.id)).map((n) => n.community));
    expect(graph.json().communities).toBe(communities.size);

    // The district filter keeps the idle organisations of that district only.
    const district = await coordination.request("GET", "/api/analytics/network", {
      query: { ...RECENT, district: "15081" },
    });
    const inDistrict: Node[] = district.json().nodes;
    expect(inDistrict.map((n) => n.id)).toEqual(expect.arrayContaining([sender.id, receiver.id, idle.id]));
    expect(inDistrict.find((n) => n.id === idleElsewhere.id)).toBeUndefined();

    // An offer-type filter keeps the idle organisations that offer that type.
    const type = await coordination.request("GET", "/api/analytics/network", {
      query: { ...RECENT, offerType: "berufssprachkurs" },
    });
    const ofType: Node[] = type.json().nodes;
    expect(ofType.find((n) => n.id === idle.id)).toMatchObject({ degree: 0 });
    expect(ofType.find((n) => n.id === idleElsewhere.id)).toBeUndefined();

    // A period that ended before the organisations were registered does not show them.
    const before = await coordination.request("GET", "/api/analytics/network", { query: YEAR_2023 });
    expect((before.json().nodes as Node[]).find((n) => n.id === idle.id)).toBeUndefined();

    // The CSV lists them too, with an empty community.
    const csv = await coordination.request("GET", "/api/analytics/nodes.csv", { query: RECENT });
    expect(csv.statusCode).toBe(200);
    const line = csv.body.split("\r\n").find((l: string) => l.startsWith(idle.name));
    expect(line?.split(";").slice(3)).toEqual(["0", "0", "0", "0", ""]);
  });

  it("shows anyone else their own organisation without referrals, and no other one", async () => {
    const own = await buildOrganisation(t.db);
    const other = await buildOrganisation(t.db);
    const counsellor = await buildUser(t.db, { organisationId: own.id, role: "counsellor" });
    const session = await t.loginAs(counsellor.email);
    const graph = await session.request("GET", "/api/analytics/network", { query: RECENT });
    expect(graph.statusCode, graph.body).toBe(200);
    expect(graph.json().nodes).toEqual([
      expect.objectContaining({ id: own.id, degree: 0, volume: 0, community: null }),
    ]);
    expect(graph.json().edges).toEqual([]);
    expect(JSON.stringify(graph.json())).not.toContain(other.id);
  });
});

describe("process flow", () => {
  it("gives the same directly-follows graph as the flow core on the same events", async () => {
    const a = await buildOrganisation(t.db);
    const b = await buildOrganisation(t.db, { type: "education_provider" });
    const path = (...names: string[]) =>
      names.map((to, i) => ({ to, afterHours: (i + 1) * 7 * (names.length - i) }));
    const cases = [
      ["accepted", "completed"],
      ["accepted", "in_progress", "completed"],
      ["declined"],
      ["accepted", "completed"],
      ["expired"],
      ["accepted", "withdrawn"],
    ];
    for (const [i, steps] of cases.entries()) {
      const pseudonym = `F-FLOW-${i}`;
      await plantReferral(t.db, {
        from: a.id,
        to: b.id,
        sentAt: `2022-0${(i % 6) + 1}-10T08:00:00Z`,
        steps: path(...steps),
        casePseudonym: pseudonym,
      });
      // A second referral of some cases, to another offer type, after the first one ended.
      if (i % 2 === 0) {
        await plantReferral(t.db, {
          from: a.id,
          to: b.id,
          sentAt: `2022-0${(i % 6) + 2}-20T08:00:00Z`,
          steps: path("accepted", "completed"),
          offerType: "berufssprachkurs",
          casePseudonym: pseudonym,
        });
      }
    }
    await summarise(t.db);
    const res = await coordination.request("GET", "/api/analytics/flow", {
      query: { from: "2022-01-01", to: "2022-12-31" },
    });
    expect(res.statusCode, res.body).toBe(200);
    const flow = res.json();

    const events = await t.db
      .select()
      .from(referralEvents)
      .where(sql`${referralEvents.at} >= '2022-01-01' and ${referralEvents.at} < '2023-01-01'`)
      .orderBy(asc(referralEvents.id));
    const core = computeDfg(
      events.map((e) => ({
        caseId: e.casePseudonym,
        activity: `${e.offerType}: ${e.toState}`,
        timestamp: e.at,
      })),
    );
    expect(flow.cases).toBe(core.cases);
    expect(flow.events).toBe(core.events);
    expect(flow.activities).toEqual(core.activities);
    expect(flow.startActivities).toEqual(core.startActivities);
    expect(flow.endActivities).toEqual(core.endActivities);
    expect(flow.edges).toEqual(
      core.edges.map((e) => ({
        from: e.from,
        to: e.to,
        frequency: e.frequency,
        medianHours: Math.round((e.medianDurationMs / 3_600_000) * 100) / 100,
      })),
    );
    expect(flow.variants).toEqual(core.variants.slice(0, 20));
    expect(flow.edges).toContainEqual(
      expect.objectContaining({
        from: "anerkennungsberatung: sent",
        to: "anerkennungsberatung: accepted",
        frequency: 4,
      }),
    );
    // The Sankey: offers without phases are left out; the planted events have no offer.
    expect(flow.sankey).toEqual({ nodes: [], links: [], backward: 0 });
  });
});

describe("generated network", () => {
  it("ranks a planted bottleneck first and marks the planted broker", async () => {
    const now = new Date("2026-06-30T12:00:00Z");
    const summary = await generateNetwork(t.db, {
      orgs: 40,
      cases: 1500,
      events: 15000,
      seed: 42,
      years: 2,
      now,
    });
    await summarise(t.db);
    const query = { from: "2025-07-01", to: "2026-06-30" };
    const table = await coordination.request("GET", "/api/analytics/interfaces", { query });
    expect(table.statusCode, table.body).toBe(200);
    const first = table.json().items[0];
    const planted = summary.bottleneckInterfaces.map((i) => `${i.from}>${i.to}`);
    expect(planted).toContain(`${first.from.id}>${first.to.id}`);

    const graph = await coordination.request("GET", "/api/analytics/network", { query });
    const nodes: Node[] = graph.json().nodes;
    const broker = [...nodes].sort((a, b) => b.betweenness - a.betweenness)[0];
    expect(broker?.id).toBe(summary.brokerOrganisationId);
    const flow = await coordination.request("GET", "/api/analytics/flow", { query });
    expect(flow.json().sankey.links.length).toBeGreaterThan(0);
    const facts = await t.db.execute<{ n: number }>(
      sql`select count(*)::int as n from analytics_referral_facts where sent_at >= '2025-07-01'`,
    );
    expect(facts.rows[0]?.n).toBeGreaterThan(0);
  }, 60_000);
});
