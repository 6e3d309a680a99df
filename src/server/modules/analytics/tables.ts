import { boolean, index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import type { OfferType } from "#shared/directory.ts";
import type { ReferralState } from "#shared/referrals.ts";

/**
 * One row per referral, derived from the event log for the interface analytics: when it was sent,
 * answered, completed and closed, and its due dates. Kept up to date in the transaction that
 * appends an event (analytics/facts.ts), and rebuilt from the log after a bulk load — so the
 * analytics read a few hundred thousand narrow rows instead of sorting a million events.
 * Pseudonymous like the log, and without foreign keys, so it outlives an erased client too.
 */
export const analyticsReferralFacts = pgTable(
  "analytics_referral_facts",
  {
    referralId: uuid("referral_id").primaryKey(),
    casePseudonym: text("case_pseudonym").notNull(),
    fromOrganisationId: uuid("from_organisation_id").notNull(),
    toOrganisationId: uuid("to_organisation_id").notNull(),
    offerId: uuid("offer_id"),
    offerType: text("offer_type").$type<OfferType>(),
    interfaceId: uuid("interface_id"),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    /** End of the answer due day (midnight after it, Europe/Berlin): later is past the agreed time. */
    answerDueAt: timestamp("answer_due_at", { withTimezone: true }),
    /** End of the complete due day, likewise. */
    completeDueAt: timestamp("complete_due_at", { withTimezone: true }),
    /** First answer (accepted or declined). */
    answeredAt: timestamp("answered_at", { withTimezone: true }),
    accepted: boolean("accepted"),
    completedAt: timestamp("completed_at", { withTimezone: true }),
    /** Completed with the outcome "successful". */
    successful: boolean("successful"),
    /** Reaching a final state (completed, declined, withdrawn, expired). */
    closedAt: timestamp("closed_at", { withTimezone: true }),
    state: text("state").$type<ReferralState>().notNull(),
  },
  (t) => [
    index("analytics_referral_facts_sent_idx").on(t.sentAt),
    index("analytics_referral_facts_from_idx").on(t.fromOrganisationId, t.sentAt),
    index("analytics_referral_facts_to_idx").on(t.toOrganisationId, t.sentAt),
  ],
);
