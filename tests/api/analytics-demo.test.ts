import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { seedDemoHistory } from "../../src/server/demo/history.ts";
import { DEMO_PASSWORD, seedDemo } from "../../src/server/demo/seed.ts";
import type { GenerateSummary } from "../../src/server/modules/analytics/generator/index.ts";
import { createTestApp } from "../helpers/app.ts";

// The demo's history: the generator at small size on the demo's own directory.
const t = await createTestApp();
const NOW = new Date("2026-11-20T12:00:00Z");
const PERIOD = "from=2024-11-21&to=2026-11-20";
let summary: GenerateSummary;

async function count(table: string, where = "true"): Promise<number> {
  const { rows } = await t.db.execute<{ n: number }>(
    sql.raw(`select count(*)::int as n from ${table} where ${where}`),
  );
  return rows[0]?.n ?? -1;
}

beforeAll(async () => {
  expect(await seedDemo(t.db)).toBe(true);
  const organisations = await count("organisations");
  const made = await seedDemoHistory(t.db, NOW);
  expect(made).not.toBeNull();
  summary = made as GenerateSummary;
  // It brings no organisations, offers or interfaces of its own.
  expect(await count("organisations")).toBe(organisations);
  expect(await count("organisations", `hsds @> '{"synthetic": true}'`)).toBe(0);
});

describe("the demo's referral history", () => {
  it("runs along the demo's interface register, between the organisations each interface joins", async () => {
    // 4,000 events, fewer only where the cases run out of time before today.
    expect(summary.events).toBeGreaterThan(3900);
    expect(summary.events).toBeLessThanOrEqual(4000);
    expect(summary.cases).toBe(400);
    expect(await count("referral_events")).toBe(summary.events);
    // Every event names an interface of the register and the two organisations it joins.
    expect(
      await count(
        "referral_events e",
        `not exists (select 1 from interfaces i where i.id = e.interface_id
           and i.from_organisation_id = e.from_organisation_id and i.to_organisation_id = e.to_organisation_id)`,
      ),
    ).toBe(0);
    // The offer referred to belongs to the receiver.
    expect(
      await count(
        "referrals r",
        "not exists (select 1 from offers o where o.id = r.offer_id and o.organisation_id = r.to_organisation_id)",
      ),
    ).toBe(0);
    // Cases belong to the sender; the summaries are there for the analytics.
    expect(
      await count(
        "referrals r join cases c on c.id = r.case_id",
        "c.organisation_id <> r.from_organisation_id",
      ),
    ).toBe(0);
    expect(await count("analytics_referral_facts")).toBe(summary.referrals);
    const span = await t.db.execute<{ min: string; max: string }>(
      sql`select min(at)::text as min, max(at)::text as max from referral_events`,
    );
    expect(Date.parse(span.rows[0]?.max ?? "")).toBeLessThanOrEqual(NOW.getTime());
    expect(Date.parse(span.rows[0]?.min ?? "")).toBeLessThan(Date.parse("2025-03-01"));
  });

  it("is made once: another run finds the event log in use and adds nothing", async () => {
    const cases = await count("cases");
    expect(await seedDemoHistory(t.db, NOW)).toBeNull();
    expect(await count("referral_events")).toBe(summary.events);
    expect(await count("cases")).toBe(cases);
  });

  it("shows the coordination its planted bottleneck first, and a counsellor their own interfaces only", async () => {
    const coordinator = await t.loginAs("koordination@lotse.example", DEMO_PASSWORD);
    const all = await coordinator.request("GET", `/api/analytics/interfaces?${PERIOD}`);
    expect(all.statusCode).toBe(200);
    const items: { interface: { id: string } | null; from: { id: string }; to: { id: string } }[] =
      all.json().items;
    expect(items.length).toBeGreaterThan(5);
    expect(items[0]?.interface?.id).toBe(summary.bottleneckInterfaces[0]?.id);

    const counsellor = await t.loginAs("beratung@lotse.example", DEMO_PASSWORD);
    const own = counsellor.session.active.organisationId;
    const mine = await counsellor.request("GET", `/api/analytics/interfaces?${PERIOD}`);
    expect(mine.statusCode).toBe(200);
    const mineItems: typeof items = mine.json().items;
    expect(mineItems.length).toBeGreaterThan(0);
    expect(mineItems.length).toBeLessThan(items.length);
    for (const item of mineItems) expect([item.from.id, item.to.id]).toContain(own);
    // Pseudonymised: the synthetic clients' names appear in no analytics answer.
    for (const path of ["interfaces", "network", "flow", "times"]) {
      const res = await coordinator.request("GET", `/api/analytics/${path}?${PERIOD}`);
      expect(res.statusCode, path).toBe(200);
      expect(res.body, path).not.toMatch(/Synthetisch \d/);
    }
  });
});

describe("two instances starting together on an empty demo", () => {
  it("make the history once", async () => {
    const other = await createTestApp();
    expect(await seedDemo(other.db)).toBe(true);
    const runs = await Promise.all([seedDemoHistory(other.db, NOW), seedDemoHistory(other.db, NOW)]);
    expect(runs.filter((r) => r !== null)).toHaveLength(1);
    const { rows } = await other.db.execute<{ n: number }>(
      sql`select count(*)::int as n from referral_events`,
    );
    expect(rows[0]?.n).toBe(4000);
  });
});
