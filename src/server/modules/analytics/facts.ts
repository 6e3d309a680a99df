import { sql } from "drizzle-orm";
import type { Tx } from "#server/db/client.ts";
import type { OfferType } from "#shared/directory.ts";
import type { ReferralState } from "#shared/referrals.ts";
import { analyticsReferralFacts } from "./tables.ts";

/**
 * The per-referral summary the analytics read (analytics_referral_facts). Two ways in, both giving
 * the same row: `recordReferralFact` in the transaction that appends an event, and
 * `rebuildReferralFacts` from the whole log after a bulk load (the generator's COPY bypasses the
 * event writer). Both keep the first time of each milestone, so a replayed event changes nothing.
 */

const ANSWERS: readonly string[] = ["accepted", "declined"];
const FINAL: readonly string[] = ["completed", "declined", "withdrawn", "expired"];

/** The end of a due day in Germany (the midnight after it), or null. */
const dueEnd = (day: string | null) =>
  day === null ? null : sql`((${day}::date + 1)::timestamp at time zone 'Europe/Berlin')`;

/** What the summary row needs of a referral (its row in the referrals module). */
export type FactReferral = {
  id: string;
  fromOrganisationId: string;
  toOrganisationId: string;
  offerId: string | null;
  interfaceId: string | null;
  answerDue: string | null;
  completeDue: string | null;
};

/** Folds one appended referral event into the referral's summary row; `now()` is the event's time. */
export async function recordReferralFact(
  db: Tx,
  referral: FactReferral,
  move: { to: ReferralState; reason?: string | null; casePseudonym: string; offerType: OfferType | null },
): Promise<void> {
  const at = sql`now()`;
  const to = move.to;
  await db
    .insert(analyticsReferralFacts)
    .values({
      referralId: referral.id,
      casePseudonym: move.casePseudonym,
      fromOrganisationId: referral.fromOrganisationId,
      toOrganisationId: referral.toOrganisationId,
      offerId: referral.offerId,
      offerType: move.offerType,
      interfaceId: referral.interfaceId,
      sentAt: to === "sent" ? at : null,
      answerDueAt: dueEnd(referral.answerDue),
      completeDueAt: dueEnd(referral.completeDue),
      answeredAt: ANSWERS.includes(to) ? at : null,
      accepted: ANSWERS.includes(to) ? to === "accepted" : null,
      completedAt: to === "completed" ? at : null,
      successful: to === "completed" ? move.reason === "successful" : null,
      closedAt: FINAL.includes(to) ? at : null,
      state: to,
    })
    .onConflictDoUpdate({
      target: analyticsReferralFacts.referralId,
      set: {
        sentAt: sql`coalesce(${analyticsReferralFacts.sentAt}, excluded.sent_at)`,
        answerDueAt: sql`coalesce(excluded.answer_due_at, ${analyticsReferralFacts.answerDueAt})`,
        completeDueAt: sql`coalesce(excluded.complete_due_at, ${analyticsReferralFacts.completeDueAt})`,
        answeredAt: sql`coalesce(${analyticsReferralFacts.answeredAt}, excluded.answered_at)`,
        accepted: sql`coalesce(${analyticsReferralFacts.accepted}, excluded.accepted)`,
        completedAt: sql`coalesce(${analyticsReferralFacts.completedAt}, excluded.completed_at)`,
        successful: sql`coalesce(${analyticsReferralFacts.successful}, excluded.successful)`,
        closedAt: sql`coalesce(${analyticsReferralFacts.closedAt}, excluded.closed_at)`,
        state: sql`excluded.state`,
      },
    });
}

/**
 * Rebuilds every summary row from the event log in one set-based statement (seconds for a million
 * events). Due dates come from the referral; a referral that is gone (erased client) keeps the
 * dates its row already had, and one never seen before gets them from the agreed working days,
 * counted as calendar days × 7/5 — close enough for the past-agreed share of historic data.
 */
export async function rebuildReferralFacts(db: Tx): Promise<number> {
  // Summaries whose events were removed (generated data replaced) go with them.
  await db.execute(sql`delete from analytics_referral_facts f
    where not exists (select 1 from referral_events e where e.referral_id = f.referral_id)`);
  const result = await db.execute(sql.raw(REBUILD_SQL));
  return result.rowCount ?? 0;
}

/**
 * The rebuild as one statement. The migration that created the table (0005_analytics.sql) ran a
 * frozen copy of it for the events already there; migrations do not change, this may.
 */
export const REBUILD_SQL = `
insert into analytics_referral_facts (referral_id, case_pseudonym, from_organisation_id, to_organisation_id,
  offer_id, offer_type, interface_id, sent_at, answer_due_at, complete_due_at, answered_at, accepted, completed_at,
  successful, closed_at, state)
select e.referral_id, e.case_pseudonym, e.from_organisation_id, e.to_organisation_id, e.offer_id, e.offer_type,
  e.interface_id, e.sent_at,
  (coalesce(r.answer_due, (e.sent_at at time zone 'Europe/Berlin')::date
    + ceil(coalesce(i.answer_within_days, s.answer_within_days, 5) * 7.0 / 5)::int) + 1)::timestamp
    at time zone 'Europe/Berlin',
  (coalesce(r.complete_due, (e.sent_at at time zone 'Europe/Berlin')::date
    + ceil(coalesce(i.complete_within_days, s.complete_within_days, 30) * 7.0 / 5)::int) + 1)::timestamp
    at time zone 'Europe/Berlin',
  e.answered_at, e.accepted, e.completed_at, e.successful, e.closed_at, e.state
from (
  select referral_id,
    min(case_pseudonym) as case_pseudonym,
    (array_agg(from_organisation_id))[1] as from_organisation_id,
    (array_agg(to_organisation_id))[1] as to_organisation_id,
    (array_agg(offer_id))[1] as offer_id,
    min(offer_type) as offer_type,
    (array_agg(interface_id))[1] as interface_id,
    min(at) filter (where to_state = 'sent') as sent_at,
    min(at) filter (where to_state in ('accepted', 'declined')) as answered_at,
    (array_agg(to_state = 'accepted' order by at, id) filter (where to_state in ('accepted', 'declined')))[1] as accepted,
    min(at) filter (where to_state = 'completed') as completed_at,
    bool_or(coalesce(reason, '') = 'successful') filter (where to_state = 'completed') as successful,
    min(at) filter (where to_state in ('completed', 'declined', 'withdrawn', 'expired')) as closed_at,
    (array_agg(to_state order by at desc, id desc))[1] as state
  from referral_events
  group by referral_id
) e
left join referrals r on r.id = e.referral_id
left join interfaces i on i.id = e.interface_id
left join referral_settings s on s.id = 1
on conflict (referral_id) do update set
  sent_at = excluded.sent_at,
  answer_due_at = coalesce(analytics_referral_facts.answer_due_at, excluded.answer_due_at),
  complete_due_at = coalesce(analytics_referral_facts.complete_due_at, excluded.complete_due_at),
  answered_at = excluded.answered_at,
  accepted = excluded.accepted,
  completed_at = excluded.completed_at,
  successful = excluded.successful,
  closed_at = excluded.closed_at,
  state = excluded.state
where (analytics_referral_facts.sent_at, analytics_referral_facts.answered_at, analytics_referral_facts.accepted,
    analytics_referral_facts.completed_at, analytics_referral_facts.successful, analytics_referral_facts.closed_at,
    analytics_referral_facts.state)
  is distinct from (excluded.sent_at, excluded.answered_at, excluded.accepted, excluded.completed_at,
    excluded.successful, excluded.closed_at, excluded.state)`;
