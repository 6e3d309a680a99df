import { inArray, sql } from "drizzle-orm";
import type { Tx } from "#server/db/client.ts";
import { interfaces } from "#server/modules/interfaces/tables.ts";
import type { Actor } from "#server/platform/session.ts";
import type { AnalyticsQuery, InterfaceRow, InterfaceTable } from "#shared/contracts/analytics.ts";
import {
  dayEnd,
  dayStart,
  num,
  organisationsById,
  periods,
  round2,
  round4,
  scopeAndFilters,
  withMemory,
} from "./filters.ts";

/**
 * The interface table: per sending → receiving organisation, the figures of the period and of the
 * period before, from the per-referral facts in one pass (percentile_cont per pair and period).
 *
 * Delay is the mean time past the agreed time in units of the agreed time — for the answer plus for
 * the completion — so an interface that keeps its times scores 0 however busy it is, and the
 * bottleneck score (delay × volume) counts the referrals' worth of agreed time lost on it.
 */

type FigureRow = {
  from_organisation_id: string;
  to_organisation_id: string;
  cur: number;
  volume: number;
  answered: number;
  accepted: number;
  completed: number;
  successful: number;
  med_a: number | null;
  p90_a: number | null;
  med_c: number | null;
  p90_c: number | null;
  a_over: number | null;
  c_over: number | null;
  answer_late: number;
  answer_decided: number;
  complete_late: number;
  complete_decided: number;
  answer_overrun: number | null;
  complete_overrun: number | null;
};

const share = (part: number, whole: number) => (whole > 0 ? round4(part / whole) : null);

function figures(r: FigureRow | undefined) {
  if (!r || Number(r.volume) === 0) {
    return {
      volume: 0,
      acceptanceRate: null,
      completionRate: null,
      successRate: null,
      medianAnswerHours: null,
      p90AnswerHours: null,
      medianCompleteHours: null,
      p90CompleteHours: null,
      answerPastAgreedShare: null,
      completePastAgreedShare: null,
      answerLate: 0,
      completeLate: 0,
      medianAnswerOverrunHours: null,
      medianCompleteOverrunHours: null,
    };
  }
  return {
    volume: Number(r.volume),
    acceptanceRate: share(Number(r.accepted), Number(r.answered)),
    completionRate: share(Number(r.completed), Number(r.accepted)),
    successRate: share(Number(r.successful), Number(r.completed)),
    medianAnswerHours: round2(num(r.med_a)),
    p90AnswerHours: round2(num(r.p90_a)),
    medianCompleteHours: round2(num(r.med_c)),
    p90CompleteHours: round2(num(r.p90_c)),
    answerPastAgreedShare: share(Number(r.answer_late), Number(r.answer_decided)),
    completePastAgreedShare: share(Number(r.complete_late), Number(r.complete_decided)),
    answerLate: Number(r.answer_late),
    completeLate: Number(r.complete_late),
    medianAnswerOverrunHours: round2(num(r.a_over)),
    medianCompleteOverrunHours: round2(num(r.c_over)),
  };
}

const diff = (a: number | null, b: number | null) => (a === null || b === null ? null : round4(a - b));

/**
 * The figures per pair and period (cur 1 = the period asked for, 0 = the one before), in two
 * queries that PostgreSQL runs side by side on two connections: the counts in one hash
 * aggregation, the percentiles (which need their values sorted per pair) in the other — each
 * percentile_cont over an array sorts its values once for both ranks.
 */
export async function interfaceFigures(db: Tx, actor: Actor, query: AnalyticsQuery) {
  const { current, previous } = periods(query);
  const scope = sql`t.sent_at >= ${dayStart(previous.from)} and t.sent_at < ${dayEnd(current.to)}
    and ${scopeAndFilters(actor, query, "t")}`;
  const cur = sql`(t.sent_at >= ${dayStart(current.from)})::int`;
  const [counts, percentiles] = await Promise.all([
    withMemory(db, (tx) =>
      tx.execute<Omit<FigureRow, "med_a" | "p90_a" | "med_c" | "p90_c" | "a_over" | "c_over">>(sql`
        with f as (
          select t.from_organisation_id, t.to_organisation_id, ${cur} as cur, t.sent_at, t.answered_at,
            t.accepted, t.completed_at, t.successful, t.answer_due_at, t.complete_due_at,
            coalesce(t.answered_at, t.closed_at, now()) as answer_end,
            coalesce(t.completed_at, t.closed_at, now()) as complete_end,
            (t.answered_at is not null or t.closed_at is not null or now() > t.answer_due_at) as answer_decided,
            (t.accepted and (t.completed_at is not null or t.closed_at is not null or now() > t.complete_due_at))
              as complete_decided
          from analytics_referral_facts t where ${scope}
        )
        select from_organisation_id, to_organisation_id, cur,
          count(*)::int as volume,
          count(*) filter (where answered_at is not null)::int as answered,
          count(*) filter (where accepted)::int as accepted,
          count(*) filter (where completed_at is not null)::int as completed,
          count(*) filter (where successful)::int as successful,
          count(*) filter (where answer_decided and answer_end > answer_due_at)::int as answer_late,
          count(*) filter (where answer_decided)::int as answer_decided,
          count(*) filter (where complete_decided and complete_end > complete_due_at)::int as complete_late,
          count(*) filter (where complete_decided)::int as complete_decided,
          avg(greatest(0, date_part('epoch', answer_end - answer_due_at))
            / nullif(date_part('epoch', answer_due_at - sent_at), 0)) filter (where answer_decided) as answer_overrun,
          avg(greatest(0, date_part('epoch', complete_end - complete_due_at))
            / nullif(date_part('epoch', complete_due_at - sent_at), 0)) filter (where complete_decided)
            as complete_overrun
        from f group by from_organisation_id, to_organisation_id, cur`),
    ),
    withMemory(db, (tx) =>
      tx.execute<{
        from_organisation_id: string;
        to_organisation_id: string;
        cur: number;
        a: number[];
        c: number[];
        a_over: number | null;
        c_over: number | null;
      }>(sql`
        with f as (
          select t.from_organisation_id, t.to_organisation_id, ${cur} as cur, t.sent_at, t.answered_at,
            t.completed_at,
            date_part('epoch', coalesce(t.answered_at, t.closed_at, now()) - t.answer_due_at) / 3600 as answer_over,
            date_part('epoch', coalesce(t.completed_at, t.closed_at, now()) - t.complete_due_at) / 3600
              as complete_over,
            (t.answered_at is not null or t.closed_at is not null or now() > t.answer_due_at) as answer_decided,
            (t.accepted and (t.completed_at is not null or t.closed_at is not null or now() > t.complete_due_at))
              as complete_decided
          from analytics_referral_facts t where ${scope}
        )
        select from_organisation_id, to_organisation_id, cur,
          percentile_cont(array[0.5, 0.9]) within group (order by date_part('epoch', answered_at - sent_at) / 3600) as a,
          percentile_cont(array[0.5, 0.9]) within group (order by date_part('epoch', completed_at - sent_at) / 3600) as c,
          percentile_cont(0.5) within group (order by answer_over)
            filter (where answer_decided and answer_over > 0) as a_over,
          percentile_cont(0.5) within group (order by complete_over)
            filter (where complete_decided and complete_over > 0) as c_over
        from f
        group by 1, 2, 3`),
    ),
  ]);
  const key = (r: { from_organisation_id: string; to_organisation_id: string; cur: number }) =>
    `${r.from_organisation_id}>${r.to_organisation_id}>${r.cur}`;
  const ranks = new Map(percentiles.rows.map((r) => [key(r), r]));
  const rows: FigureRow[] = counts.rows.map((r) => {
    const p = ranks.get(key(r));
    return {
      ...r,
      med_a: p?.a?.[0] ?? null,
      p90_a: p?.a?.[1] ?? null,
      med_c: p?.c?.[0] ?? null,
      p90_c: p?.c?.[1] ?? null,
      a_over: p?.a_over ?? null,
      c_over: p?.c_over ?? null,
    };
  });
  return { current, previous, rows };
}

/** The interface table, worst bottleneck first. */
export async function interfaceTable(db: Tx, actor: Actor, query: AnalyticsQuery): Promise<InterfaceTable> {
  const { current, previous, rows } = await interfaceFigures(db, actor, query);
  const key = (r: { from_organisation_id: string; to_organisation_id: string }) =>
    `${r.from_organisation_id}>${r.to_organisation_id}`;
  const before = new Map(rows.filter((r) => Number(r.cur) === 0).map((r) => [key(r), r]));
  const now = rows.filter((r) => Number(r.cur) === 1);
  const orgIds = [...new Set(now.flatMap((r) => [r.from_organisation_id, r.to_organisation_id]))];
  const orgById = await organisationsById(db, orgIds);
  const registered = orgIds.length
    ? await db
        .select({
          id: interfaces.id,
          from: interfaces.fromOrganisationId,
          to: interfaces.toOrganisationId,
          fromUnit: interfaces.fromUnit,
          toUnit: interfaces.toUnit,
          answerWithinDays: interfaces.answerWithinDays,
          completeWithinDays: interfaces.completeWithinDays,
        })
        .from(interfaces)
        .where(inArray(interfaces.fromOrganisationId, orgIds))
    : [];
  // The organisation-wide interface of a pair wins over a department's.
  const interfaceByPair = new Map<string, (typeof registered)[number]>();
  for (const i of registered) {
    const k = `${i.from}>${i.to}`;
    const known = interfaceByPair.get(k);
    if (!known || (i.fromUnit === "" && i.toUnit === "")) interfaceByPair.set(k, i);
  }
  const unknownOrg = (id: string) => ({ id, name: "", type: "", districtAgs: null });
  const items: InterfaceRow[] = now.map((r) => {
    const cur = figures(r);
    const prev = figures(before.get(key(r)));
    const delay = round4((num(r.answer_overrun) ?? 0) + (num(r.complete_overrun) ?? 0)) ?? 0;
    const registeredInterface = interfaceByPair.get(key(r));
    return {
      from: orgById.get(r.from_organisation_id) ?? unknownOrg(r.from_organisation_id),
      to: orgById.get(r.to_organisation_id) ?? unknownOrg(r.to_organisation_id),
      interface: registeredInterface
        ? {
            id: registeredInterface.id,
            answerWithinDays: registeredInterface.answerWithinDays,
            completeWithinDays: registeredInterface.completeWithinDays,
          }
        : null,
      ...cur,
      delay,
      bottleneckScore: round2(delay * cur.volume) ?? 0,
      previous: prev,
      change: {
        volume: prev.volume > 0 ? round4(cur.volume / prev.volume - 1) : null,
        acceptanceRate: diff(cur.acceptanceRate, prev.acceptanceRate),
        medianAnswerHours: diff(cur.medianAnswerHours, prev.medianAnswerHours),
        medianCompleteHours: diff(cur.medianCompleteHours, prev.medianCompleteHours),
      },
    };
  });
  items.sort(
    (a, b) =>
      b.bottleneckScore - a.bottleneckScore ||
      b.volume - a.volume ||
      a.from.name.localeCompare(b.from.name, "de") ||
      a.to.name.localeCompare(b.to.name, "de"),
  );
  return { period: current, previousPeriod: previous, items };
}
