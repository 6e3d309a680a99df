import { sql } from "drizzle-orm";
import { analyticsReferralFacts } from "#server/modules/analytics/tables.ts";
import { teachingCohort } from "#server/modules/trainings/access.ts";
import { audit } from "#server/platform/audit.ts";
import type { Ctx } from "#server/platform/context.ts";
import {
  NETWORK_EFFECT_ALPHA,
  type NetworkEffect,
  type NetworkGroup,
} from "#shared/contracts/trainings-network.ts";
import type { OrganisationType } from "#shared/domain.ts";
import { fisherExact } from "./fisher.ts";

/**
 * The network effect of a cohort. Organisations are the participants' network organisations
 * (enrolled participants); links are referrals between two different organisations, read from the
 * analytics' per-referral summary of the event log (sent, answered, accepted), by the day they were
 * sent:
 *
 * - before: the `windowDays` days up to the day before the cohort's start;
 * - after: the `windowDays` days from the day after its end (cut at today while it runs).
 *
 * A link is an ordered pair (who refers to whom). The participants' pairs are compared with the
 * pairs of organisations that did not take part: both groups count only organisations with at least
 * one referral (sent or received) in either window, so idle directory entries dilute neither rate.
 * A new link is a pair with referrals after and none before; its rate is per pair that had none
 * before. Fisher's exact test asks whether the participants' pairs gained new links more often than
 * chance would give with the comparison's rate. Days are calendar days in Germany.
 */

const DAY = 86_400_000;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const dayMs = (day: string) => Date.parse(`${day}T00:00:00Z`);
const round = (v: number | null, places = 2) =>
  v === null || !Number.isFinite(v) ? null : Math.round(v * 10 ** places) / 10 ** places;
const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));

type Group = "participants" | "comparison" | "mixed";

export async function networkEffect(
  ctx: Ctx & { cohortId: string; windowDays: number },
): Promise<NetworkEffect> {
  const { cohort } = await teachingCohort(ctx, ctx.cohortId);
  const w = ctx.windowDays;
  const today = isoDay(Date.now());
  const beforeFrom = isoDay(dayMs(cohort.startsOn) - w * DAY);
  const beforeTo = isoDay(dayMs(cohort.startsOn) - DAY);
  const afterFrom = isoDay(dayMs(cohort.endsOn) + DAY);
  const afterTo = isoDay(dayMs(cohort.endsOn) + w * DAY);
  const start = (d: string) => sql`(${d}::date::timestamp at time zone 'Europe/Berlin')`;
  const end = (d: string) => sql`((${d}::date + 1)::timestamp at time zone 'Europe/Berlin')`;

  const orgRows = await ctx.db.execute<{ id: string; name: string; type: OrganisationType; n: number }>(sql`
    select o.id, o.name, o.type, count(*)::int as n
    from training_participants p join organisations o on o.id = p.organisation_id
    where p.cohort_id = ${cohort.id} and p.status = 'enrolled'
    group by o.id, o.name, o.type
    order by o.name, o.id`);
  const organisations = orgRows.rows.map((r) => ({
    id: r.id,
    name: r.name,
    type: r.type,
    participants: r.n,
  }));
  const ids = organisations.map((o) => o.id);
  const inP = (column: string) =>
    ids.length ? sql`${sql.raw(column)} = any(${sql.param(ids)}::uuid[])` : sql`false`;

  // Every referral between two organisations in either window, with its group and window.
  const facts = sql`
    select f.from_organisation_id as a, f.to_organisation_id as b, f.sent_at, f.answered_at, f.accepted,
      f.sent_at < ${end(beforeTo)} as early,
      case when ${inP("f.from_organisation_id")} and ${inP("f.to_organisation_id")} then 'participants'
           when ${inP("f.from_organisation_id")} or ${inP("f.to_organisation_id")} then 'mixed'
           else 'comparison' end as g
    from ${analyticsReferralFacts} f
    where f.from_organisation_id <> f.to_organisation_id and f.sent_at is not null
      and ((f.sent_at >= ${start(beforeFrom)} and f.sent_at < ${end(beforeTo)})
        or (f.sent_at >= ${start(afterFrom)} and f.sent_at < ${end(afterTo)}))`;
  const answerDays = sql`extract(epoch from (answered_at - sent_at)) / 86400.0`;
  const median = (cond: string) =>
    sql`percentile_cont(0.5) within group (order by ${answerDays}) filter (where ${sql.raw(cond)})`;

  const [pairs, groups, active] = await Promise.all([
    // Pairs per group: linked before, after, new.
    ctx.db.execute<{ g: Group; before: number; after: number; fresh: number }>(sql`
      with f as (${facts}), p as (
        select g, a, b, bool_or(early) as before, bool_or(not early) as after from f group by g, a, b)
      select g, count(*) filter (where before)::int as before, count(*) filter (where after)::int as after,
        count(*) filter (where after and not before)::int as fresh
      from p group by g`),
    // Volumes and interface times per group and window.
    ctx.db.execute<{
      g: Group;
      early: boolean;
      n: number;
      answer: number | null;
      acceptance: number | null;
    }>(sql`
      with f as (${facts})
      select g, early, count(*)::int as n, ${median("answered_at is not null")} as answer,
        ${median("accepted")} as acceptance
      from f group by g, early`),
    // Organisations with any referral in either window, participants or not.
    ctx.db.execute<{ participant: boolean; n: number }>(sql`
      with f as (${facts}), o as (select a as id from f union select b from f)
      select ${inP("o.id")} as participant, count(*)::int as n from o group by 1`),
  ]);
  const edgeRows = ids.length
    ? await ctx.db.execute<{
        a: string;
        b: string;
        before: number;
        after: number;
        mb: number | null;
        ma: number | null;
      }>(sql`
        with f as (${facts})
        select a, b, count(*) filter (where early)::int as before, count(*) filter (where not early)::int as after,
          ${median("early and accepted")} as mb, ${median("not early and accepted")} as ma
        from f where g = 'participants' group by a, b order by a, b`)
    : { rows: [] };

  const group = (g: "participants" | "comparison"): NetworkGroup => {
    const n = active.rows.find((r) => r.participant === (g === "participants"))?.n ?? 0;
    const p = pairs.rows.find((r) => r.g === g);
    const at = (early: boolean) => groups.rows.find((r) => r.g === g && r.early === early);
    const possiblePairs = n * (n - 1);
    const linkedBefore = p?.before ?? 0;
    const open = possiblePairs - linkedBefore;
    const newLinks = p?.fresh ?? 0;
    return {
      organisations: n,
      possiblePairs,
      linkedBefore,
      linkedAfter: p?.after ?? 0,
      newLinks,
      newLinkRate: open > 0 ? round(newLinks / open, 4) : null,
      referralsBefore: at(true)?.n ?? 0,
      referralsAfter: at(false)?.n ?? 0,
      medianAnswerDaysBefore: round(num(at(true)?.answer)),
      medianAnswerDaysAfter: round(num(at(false)?.answer)),
      medianAcceptanceDaysBefore: round(num(at(true)?.acceptance)),
      medianAcceptanceDaysAfter: round(num(at(false)?.acceptance)),
    };
  };
  const participants = group("participants");
  const comparison = group("comparison");
  const afterStarted = afterFrom <= today;

  let reason: NetworkEffect["reason"] = null;
  let test: NetworkEffect["test"] = null;
  const pOpen = participants.possiblePairs - participants.linkedBefore;
  const cOpen = comparison.possiblePairs - comparison.linkedBefore;
  if (!afterStarted) reason = "after_not_started";
  else if (participants.organisations < 2 || comparison.organisations < 2) reason = "too_few_organisations";
  else if (pOpen <= 0 || cOpen <= 0) reason = "no_pairs";
  else {
    const table = [
      [participants.newLinks, pOpen - participants.newLinks],
      [comparison.newLinks, cOpen - comparison.newLinks],
    ];
    const r = fisherExact(table[0]?.[0] ?? 0, table[0]?.[1] ?? 0, table[1]?.[0] ?? 0, table[1]?.[1] ?? 0);
    test = {
      method: "fisher_exact",
      table,
      pGreater: r.pGreater,
      pTwoSided: r.pTwoSided,
      oddsRatio: r.oddsRatio !== null && Number.isFinite(r.oddsRatio) ? round(r.oddsRatio, 4) : null,
    };
  }
  const difference =
    participants.newLinkRate !== null && comparison.newLinkRate !== null
      ? round(participants.newLinkRate - comparison.newLinkRate, 4)
      : null;
  const effect = test !== null && (difference ?? 0) > 0 && test.pGreater < NETWORK_EFFECT_ALPHA;

  await audit(ctx.db, ctx, {
    action: "training_network.read",
    entity: "training_cohort",
    entityId: cohort.id,
    organisationId: cohort.organisationId,
    details: { windowDays: w, organisations: ids.length },
  });
  return {
    cohortId: cohort.id,
    windowDays: w,
    before: { from: beforeFrom, to: beforeTo, started: beforeFrom <= today, complete: beforeTo < today },
    after: { from: afterFrom, to: afterTo, started: afterStarted, complete: afterTo < today },
    organisations,
    edges: edgeRows.rows.map((e) => ({
      from: e.a,
      to: e.b,
      before: e.before,
      after: e.after,
      newLink: e.after > 0 && e.before === 0,
      medianAcceptanceDaysBefore: round(num(e.mb)),
      medianAcceptanceDaysAfter: round(num(e.ma)),
    })),
    participants,
    comparison,
    difference,
    test,
    effect,
    reason,
  };
}
