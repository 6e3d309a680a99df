import { sql } from "drizzle-orm";
import { check, index, integer, pgTable, smallint, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, oneOf, updatedAt, version } from "#server/db/columns.ts";
import { organisations } from "#server/platform/tables.ts";
import {
  type HandoverChannel,
  INTERFACE_SCOPES,
  INTERFACE_STATUSES,
  type InterfaceScope,
  type InterfaceStatus,
} from "#shared/referrals.ts";

/**
 * The interface register (Schnittstellen-Register): a handover between two actors — two
 * organisations, or two departments of one — with its agreement and agreed times in working days.
 */
export const interfaces = pgTable(
  "interfaces",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    fromOrganisationId: uuid("from_organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    toOrganisationId: uuid("to_organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    /** Department on each side; empty string for the organisation as a whole. */
    fromUnit: text("from_unit").notNull().default(""),
    toUnit: text("to_unit").notNull().default(""),
    scope: text("scope").$type<InterfaceScope>().notNull(),
    /** What is handed over. */
    agreementWhat: text("agreement_what"),
    /** How the handover is done (procedure, documents). */
    agreementHow: text("agreement_how"),
    channel: text("channel").$type<HandoverChannel>(),
    fromContact: text("from_contact"),
    toContact: text("to_contact"),
    answerWithinDays: integer("answer_within_days").notNull(),
    completeWithinDays: integer("complete_within_days").notNull(),
    status: text("status").$type<InterfaceStatus>().notNull().default("active"),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("interfaces_pair_unique").on(t.fromOrganisationId, t.toOrganisationId, t.fromUnit, t.toUnit),
    index("interfaces_to_idx").on(t.toOrganisationId),
    check("interfaces_scope_check", oneOf(t.scope, INTERFACE_SCOPES)),
    check(
      "interfaces_scope_fits_check",
      sql`(${t.scope} = 'external') = (${t.fromOrganisationId} <> ${t.toOrganisationId})`,
    ),
    check("interfaces_status_check", oneOf(t.status, INTERFACE_STATUSES)),
    check(
      "interfaces_times_check",
      sql`${t.answerWithinDays} between 1 and 260 and ${t.completeWithinDays} between ${t.answerWithinDays} and 520`,
    ),
  ],
);

/** Network-wide settings of referrals: the defaults for pairs without a registered interface. */
export const referralSettings = pgTable(
  "referral_settings",
  {
    id: smallint("id").primaryKey().default(1),
    answerWithinDays: integer("answer_within_days").notNull().default(5),
    completeWithinDays: integer("complete_within_days").notNull().default(30),
    /** Working days after the answer was due before an unanswered referral expires. */
    expireAfterDays: integer("expire_after_days").notNull().default(10),
    /** Working days before a due date that count as "due soon" in the inbox. */
    dueSoonDays: integer("due_soon_days").notNull().default(2),
    updatedAt: updatedAt(),
  },
  (t) => [check("referral_settings_single_row", sql`${t.id} = 1`)],
);
