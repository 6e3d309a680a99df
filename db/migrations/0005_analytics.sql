CREATE TABLE "analytics_referral_facts" (
	"referral_id" uuid PRIMARY KEY NOT NULL,
	"case_pseudonym" text NOT NULL,
	"from_organisation_id" uuid NOT NULL,
	"to_organisation_id" uuid NOT NULL,
	"offer_id" uuid,
	"offer_type" text,
	"interface_id" uuid,
	"sent_at" timestamp with time zone,
	"answer_due_at" timestamp with time zone,
	"complete_due_at" timestamp with time zone,
	"answered_at" timestamp with time zone,
	"accepted" boolean,
	"completed_at" timestamp with time zone,
	"successful" boolean,
	"closed_at" timestamp with time zone,
	"state" text NOT NULL
);
--> statement-breakpoint
CREATE INDEX "analytics_referral_facts_sent_idx" ON "analytics_referral_facts" USING btree ("sent_at");--> statement-breakpoint
CREATE INDEX "analytics_referral_facts_from_idx" ON "analytics_referral_facts" USING btree ("from_organisation_id","sent_at");--> statement-breakpoint
CREATE INDEX "analytics_referral_facts_to_idx" ON "analytics_referral_facts" USING btree ("to_organisation_id","sent_at");--> statement-breakpoint
-- Summaries of the referrals already in the event log (analytics/facts.ts REBUILD_SQL).
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
    excluded.successful, excluded.closed_at, excluded.state);
