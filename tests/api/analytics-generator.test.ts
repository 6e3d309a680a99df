import type pg from "pg";
import { describe, expect, it } from "vitest";
import {
  GeneratedDataExists,
  type GenerateSummary,
  generateNetwork,
} from "../../src/server/modules/analytics/generator/index.ts";
import { ORGANISATION_TYPES } from "../../src/shared/domain.ts";
import { REFERRAL_TRANSITIONS, type ReferralState } from "../../src/shared/referrals.ts";
import { createTestDatabase } from "../helpers/db.ts";

// Small networks into real databases: the same seed twice into two databases, another seed once.
const SMALL = { orgs: 20, cases: 500, events: 5000, seed: 42, now: new Date("2026-06-15T12:00:00Z") };
const first = await createTestDatabase();
const second = await createTestDatabase();
const other = await createTestDatabase();
const summary: GenerateSummary = await generateNetwork(first.pool, SMALL);

const EVENT_COLUMNS =
  "referral_id, case_pseudonym, from_organisation_id, to_organisation_id, offer_id, offer_type, interface_id, from_state, to_state, actor_role, reason, at";

async function eventMultiset(pool: pg.Pool): Promise<string[]> {
  const { rows } = await pool.query(`select ${EVENT_COLUMNS} from referral_events`);
  return rows.map((r) => JSON.stringify(r)).sort();
}

async function count(pool: pg.Pool, table: string, where = "true"): Promise<number> {
  const { rows } = await pool.query(`select count(*)::int as n from ${table} where ${where}`);
  return rows[0].n;
}

describe("the synthetic network generator", () => {
  it("writes what it reports, with the requested numbers of cases and events", async () => {
    expect(summary.events).toBe(5000);
    expect(summary.cases).toBe(500);
    expect(await count(first.pool, "referral_events")).toBe(summary.events);
    expect(await count(first.pool, "cases")).toBe(summary.cases);
    expect(await count(first.pool, "clients")).toBe(summary.clients);
    expect(await count(first.pool, "referrals")).toBe(summary.referrals);
    expect(await count(first.pool, "case_events")).toBe(summary.caseEvents);
    expect(await count(first.pool, "interfaces")).toBe(summary.interfaces);
    expect(await count(first.pool, "offers")).toBe(summary.offers);
    expect(await count(first.pool, "organisations", `hsds @> '{"synthetic": true}'`)).toBe(
      summary.organisations,
    );
    const { rows } = await first.pool.query("select distinct type, district_ags from organisations");
    expect(new Set(rows.map((r) => r.type))).toEqual(new Set(ORGANISATION_TYPES));
    expect(summary.bottleneckInterfaces.length).toBeGreaterThan(0);
    expect(summary.improvingInterfaces.length).toBeGreaterThan(0);
    // External interfaces join two organisations, the others stay inside one (the table's check).
    const scopes = await first.pool.query(
      "select count(*)::int as n from interfaces where (scope = 'external') <> (from_organisation_id <> to_organisation_id)",
    );
    expect(scopes.rows[0].n).toBe(0);
    // The history spans years up to the given today.
    const span = await first.pool.query("select min(at) as min, max(at) as max from referral_events");
    expect(span.rows[0].max.getTime()).toBeLessThanOrEqual(SMALL.now.getTime());
    expect(span.rows[0].min.getTime()).toBeLessThan(Date.parse("2023-01-01"));
  });

  it("is deterministic for a seed and differs for another seed", async () => {
    const again = await generateNetwork(second.pool, SMALL);
    const { millis: _m, eventsPerSecond: _e, timings: _t, ...counts } = summary;
    expect(again).toMatchObject(counts);
    const a = await eventMultiset(first.pool);
    expect(await eventMultiset(second.pool)).toEqual(a);
    await generateNetwork(other.pool, { ...SMALL, seed: 43 });
    const b = await eventMultiset(other.pool);
    expect(b).toHaveLength(a.length);
    expect(b).not.toEqual(a);
  });

  it("moves every referral along the state machine and keeps its state at the last event", async () => {
    const { rows } = await first.pool.query<{
      from_state: ReferralState | null;
      to_state: ReferralState;
      n: number;
    }>("select from_state, to_state, count(*)::int as n from referral_events group by 1, 2");
    for (const r of rows) {
      const legal =
        r.from_state === null
          ? r.to_state === "sent"
          : REFERRAL_TRANSITIONS[r.from_state].some((t) => t.to === r.to_state);
      expect(legal, `${r.from_state} → ${r.to_state}`).toBe(true);
    }
    // Each referral's events form one chain: the first from nothing, each next from the previous state.
    const chains = await first.pool.query(`
      select count(*)::int as n from (
        select from_state, lag(to_state) over (partition by referral_id order by at, id) as previous
        from referral_events) e
      where from_state is distinct from previous`);
    expect(chains.rows[0].n).toBe(0);
    const mismatched = await first.pool.query(`
      select count(*)::int as n from referrals r
      join lateral (select to_state from referral_events e where e.referral_id = r.id order by at desc, id desc limit 1) l on true
      where l.to_state <> r.state`);
    expect(mismatched.rows[0].n).toBe(0);
    // Plausible shares: most referrals are accepted, most accepted ones are completed.
    const shares = await first.pool.query(`
      select avg((to_state = 'accepted')::int) filter (where from_state = 'sent' and to_state <> 'withdrawn') as accepted,
             avg((reason = 'successful')::int) filter (where to_state = 'completed') as successful
      from referral_events`);
    expect(Number(shares.rows[0].accepted)).toBeGreaterThan(0.65);
    expect(Number(shares.rows[0].accepted)).toBeLessThan(0.9);
    expect(Number(shares.rows[0].successful)).toBeGreaterThan(0.6);
    expect(Number(shares.rows[0].successful)).toBeLessThan(0.8);
  });

  it("plants bottlenecks that answer clearly slower than the rest, and interfaces that improve", async () => {
    const answers = `
      select s.interface_id, extract(epoch from a.at - s.at) / 86400 as days, s.at
      from referral_events s join referral_events a on a.referral_id = s.referral_id
      where s.to_state = 'sent' and a.from_state = 'sent' and a.to_state in ('accepted', 'declined')`;
    const ids = summary.bottleneckInterfaces.map((f) => f.id);
    const { rows } = await first.pool.query(
      `select interface_id = any($1::uuid[]) as planted, percentile_cont(0.5) within group (order by days) as median,
              count(*)::int as n
       from (${answers}) x group by 1`,
      [ids],
    );
    const planted = rows.find((r) => r.planted);
    const rest = rows.find((r) => !r.planted);
    expect(planted.n).toBeGreaterThan(30);
    expect(planted.median).toBeGreaterThan(2 * rest.median);
    // Volume: a planted bottleneck is among the busiest interfaces.
    const busiest = await first.pool.query(
      "select interface_id from referral_events where to_state = 'sent' group by 1 order by count(*) desc limit 5",
    );
    expect(busiest.rows.map((r) => r.interface_id)).toEqual(expect.arrayContaining([ids[0]]));
    // Improving: answers in the last year are faster than in the first.
    const improving = await first.pool.query(
      `select avg(days) filter (where at < min_at + interval '1 year') as early,
              avg(days) filter (where at > max_at - interval '1 year') as late
       from (select *, min(at) over () as min_at, max(at) over () as max_at from (${answers}) x
             where interface_id = any($1::uuid[])) y`,
      [summary.improvingInterfaces.map((f) => f.id)],
    );
    expect(Number(improving.rows[0].late)).toBeLessThan(Number(improving.rows[0].early) / 2);
  });

  it("holds no real personal data: clients are named synthetically and nothing else is filled in", async () => {
    const { rows } = await first.pool.query("select * from clients");
    expect(rows).toHaveLength(500);
    for (const c of rows) {
      expect(c.name).toMatch(/^Synthetisch \d{6}$/);
      expect(c.pseudonym).toMatch(/^K-[0-9A-HJKMNP-TV-Z]{8}$/);
      expect(c.is_pseudonym).toBe(true);
      for (const field of [
        "date_of_birth",
        "email",
        "phone",
        "country_of_origin",
        "gender",
        "health_note",
        "religion",
        "ethnic_origin",
        "residence_status",
        "qualification_country",
      ])
        expect(c[field], field).toBeNull();
    }
    const names = await first.pool.query("select name from organisations union all select name from offers");
    for (const r of names.rows) expect(r.name).toContain("(synthetisch)");
  });

  it("refuses a database with generated data unless asked to replace it", async () => {
    await expect(generateNetwork(first.pool, { ...SMALL, seed: 7 })).rejects.toBeInstanceOf(
      GeneratedDataExists,
    );
    expect(await eventMultiset(first.pool)).toEqual(await eventMultiset(second.pool));
    const replaced = await generateNetwork(second.pool, { ...SMALL, seed: 43, replace: true });
    expect(replaced.replacedOrganisations).toBe(summary.organisations);
    expect(await count(second.pool, "organisations")).toBe(replaced.organisations);
    expect(await count(second.pool, "referral_events")).toBe(replaced.events);
    expect(await eventMultiset(second.pool)).toEqual(await eventMultiset(other.pool));
    const audited = await count(second.pool, "audit_log", "action = 'analytics.generate'");
    expect(audited).toBe(2);
  });
});
