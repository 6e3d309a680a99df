import { sql } from "drizzle-orm";
import { index, jsonb, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { createdAt } from "#server/db/columns.ts";
import { referrals } from "#server/modules/referrals/tables.ts";
import { organisations, users } from "#server/platform/tables.ts";
import type { NotificationKind } from "#shared/referrals.ts";

/**
 * In-app notifications: for one user, or for the members of an organisation who hold one of the
 * recipient roles. Whether it was read is kept per person (notification_reads).
 */
export const notifications = pgTable(
  "notifications",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    /** Null: for every member of the organisation with one of the recipient roles. */
    userId: uuid("user_id").references(() => users.id, { onDelete: "cascade" }),
    /** Roles that see an organisation-wide notification; empty for one addressed to a user. */
    recipientRoles: text("recipient_roles").array().notNull().default(sql`'{}'::text[]`),
    kind: text("kind").$type<NotificationKind>().notNull(),
    referralId: uuid("referral_id").references(() => referrals.id, { onDelete: "cascade" }),
    details: jsonb("details").$type<Record<string, unknown>>().notNull().default({}),
    createdAt: createdAt(),
  },
  (t) => [index("notifications_org_idx").on(t.organisationId, t.createdAt)],
);

/** Who has read which notification: one member's "read" does not hide it from the others. */
export const notificationReads = pgTable(
  "notification_reads",
  {
    notificationId: uuid("notification_id")
      .notNull()
      .references(() => notifications.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    readAt: timestamp("read_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.notificationId, t.userId] }),
    index("notification_reads_user_idx").on(t.userId),
  ],
);
