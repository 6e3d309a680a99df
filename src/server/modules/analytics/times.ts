import { sql } from "drizzle-orm";
import type { Tx } from "#server/db/client.ts";
import type { Actor } from "#server/platform/session.ts";
import type { AnalyticsQuery, ProcessTimes } from "#shared/contracts/analytics.ts";
import { dayEnd, dayStart, num, periods, round2, round4, scopeAndFilters, withMemory } from "./filters.ts";

/**
 * Process times per month of sending (do they shorten?) and per district of the receiving
 * organisation (the choropleth), from the per-referral facts in one grouping-sets pass.
 */

type Row = {
  month: string | null;
  district: string | null;
  volume: number;
  med_a: number | null;
  med_c: number | null;
  late: number;
  decided: number;
};

export async function processTimes(db: Tx, actor: Actor, query: AnalyticsQuery): Promise<ProcessTimes> {
  const { current } = periods(query);
  const result = await withMemory(db, (tx) =>
    tx.execute<Row>(sql`
    with f as (
      select to_char(t.sent_at at time zone 'Europe/Berlin', 'YYYY-MM') as month, g.district_ags as district,
        date_part('epoch', t.answered_at - t.sent_at) / 3600 as answer_h,
        date_part('epoch', t.completed_at - t.sent_at) / 3600 as complete_h,
        coalesce(t.answered_at, t.closed_at, now()) as answer_end,
        t.answer_due_at as due_end,
        (t.answered_at is not null or t.closed_at is not null) as closed
      from analytics_referral_facts t join organisations g on g.id = t.to_organisation_id
      where t.sent_at >= ${dayStart(current.from)} and t.sent_at < ${dayEnd(current.to)}
        and ${scopeAndFilters(actor, query, "t")}
    )
    select month, district, count(*)::int as volume,
      percentile_cont(0.5) within group (order by answer_h) as med_a,
      percentile_cont(0.5) within group (order by complete_h) as med_c,
      count(*) filter (where (closed or now() > due_end) and answer_end > due_end)::int as late,
      count(*) filter (where closed or now() > due_end)::int as decided
    from f
    group by grouping sets ((month), (district))`),
  );
  const figures = (r: Row) => ({
    volume: Number(r.volume),
    medianAnswerHours: round2(num(r.med_a)),
    medianCompleteHours: round2(num(r.med_c)),
    answerPastAgreedShare: Number(r.decided) > 0 ? round4(Number(r.late) / Number(r.decided)) : null,
  });
  const months = result.rows
    .filter((r) => r.month !== null)
    .map((r) => ({ month: r.month as string, ...figures(r) }))
    .sort((a, b) => a.month.localeCompare(b.month));
  const districts = result.rows
    .filter((r) => r.month === null && r.district !== null)
    .map((r) => ({ districtAgs: r.district as string, ...figures(r) }))
    .sort((a, b) => a.districtAgs.localeCompare(b.districtAgs));
  return { period: current, months, districts };
}
