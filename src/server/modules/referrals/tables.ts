import { sql } from "drizzle-orm";
import {
  bigserial,
  boolean,
  check,
  date,
  index,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { createdAt, oneOf, updatedAt, version } from "#server/db/columns.ts";
import { cases } from "#server/modules/cases/tables.ts";
import { consents } from "#server/modules/consents/tables.ts";
import { interfaces } from "#server/modules/interfaces/tables.ts";
import { offers } from "#server/modules/offers/tables.ts";
import { organisations, users } from "#server/platform/tables.ts";
import type { OfferType } from "#shared/directory.ts";
import {
  type DeclineReason,
  REFERRAL_STATES,
  type ReferralDataItem,
  type ReferralOutcome,
  type ReferralState,
  type UnsuccessfulReason,
} from "#shared/referrals.ts";

/**
 * A referral (Verweis) of a case to an offer. The receiver sees `snapshot` — the data items the
 * client consented to share, copied at sending time — and never the case itself.
 */
export const referrals = pgTable(
  "referrals",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id, { onDelete: "cascade" }),
    fromOrganisationId: uuid("from_organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    toOrganisationId: uuid("to_organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    offerId: uuid("offer_id").references(() => offers.id, { onDelete: "set null" }),
    /** Kept so the inbox can name the offer even after it was deleted. */
    offerName: text("offer_name").notNull(),
    interfaceId: uuid("interface_id").references(() => interfaces.id, { onDelete: "set null" }),
    /** No registered interface between the two: network defaults were used. */
    withoutInterface: boolean("without_interface").notNull().default(false),
    consentId: uuid("consent_id").references(() => consents.id, { onDelete: "set null" }),
    /** Sent without an active consent: the reason given (audited). */
    consentOverrideReason: text("consent_override_reason"),
    state: text("state").$type<ReferralState>().notNull(),
    outcome: text("outcome").$type<ReferralOutcome>(),
    outcomeReason: text("outcome_reason").$type<UnsuccessfulReason>(),
    declineReason: text("decline_reason").$type<DeclineReason>(),
    /** Names of the shared data items. */
    sharedItems: text("shared_items").array().$type<ReferralDataItem[]>().notNull().default(sql`'{}'`),
    /** The shared data; null once the consent was withdrawn or the referral ended for good. */
    snapshot: jsonb("snapshot").$type<Record<string, unknown>>(),
    note: text("note"),
    sentBy: uuid("sent_by").references(() => users.id, { onDelete: "set null" }),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    answerDue: date("answer_due"),
    completeDue: date("complete_due"),
    answeredAt: timestamp("answered_at", { withTimezone: true }),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    overdueSince: timestamp("overdue_since", { withTimezone: true }),
    idempotencyKey: text("idempotency_key"),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("referrals_idempotency_unique").on(t.fromOrganisationId, t.idempotencyKey),
    index("referrals_case_idx").on(t.caseId),
    index("referrals_to_state_idx").on(t.toOrganisationId, t.state),
    index("referrals_from_state_idx").on(t.fromOrganisationId, t.state),
    check("referrals_state_check", oneOf(t.state, REFERRAL_STATES)),
  ],
);

/**
 * The append-only referral event log: one row per transition, the raw material of the interface
 * analytics. No personal data and no foreign keys, so it outlives an erased client.
 */
export const referralEvents = pgTable(
  "referral_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    referralId: uuid("referral_id").notNull(),
    casePseudonym: text("case_pseudonym").notNull(),
    fromOrganisationId: uuid("from_organisation_id").notNull(),
    toOrganisationId: uuid("to_organisation_id").notNull(),
    offerId: uuid("offer_id"),
    offerType: text("offer_type").$type<OfferType>(),
    interfaceId: uuid("interface_id"),
    fromState: text("from_state").$type<ReferralState>(),
    toState: text("to_state").$type<ReferralState>().notNull(),
    actorRole: text("actor_role"),
    /** Outcome or decline reason code of the transition, if any. */
    reason: text("reason"),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("referral_events_referral_idx").on(t.referralId, t.at),
    index("referral_events_interface_idx").on(t.fromOrganisationId, t.toOrganisationId, t.at),
  ],
);

/** The message thread of a referral between sender and receiver. */
export const referralMessages = pgTable(
  "referral_messages",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    referralId: uuid("referral_id")
      .notNull()
      .references(() => referrals.id, { onDelete: "cascade" }),
    authorUserId: uuid("author_user_id").references(() => users.id, { onDelete: "set null" }),
    authorOrganisationId: uuid("author_organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    body: text("body").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("referral_messages_referral_idx").on(t.referralId, t.createdAt)],
);
