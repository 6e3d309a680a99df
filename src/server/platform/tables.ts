import { sql } from "drizzle-orm";
import {
  bigserial,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { createdAt, oneOf, updatedAt } from "#server/db/columns.ts";
import type { MailTemplate } from "#shared/contracts/outbox.ts";
import {
  ACCOUNT_STATUSES,
  type AccountStatus,
  type Locale,
  MAIL_TOKEN_KINDS,
  type MailTokenKind,
  ORGANISATION_STATUSES,
  type OrganisationStatus,
  type OrganisationType,
  OUTBOX_STATUSES,
  type OutboxStatus,
  type Role,
} from "#shared/domain.ts";

/** A partner organisation of the network: the tenant that owns records with personal data. */
export const organisations = pgTable(
  "organisations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull(),
    type: text("type").$type<OrganisationType>().notNull(),
    /** Null for an organisation that came with an import and has no address in Sachsen-Anhalt. */
    districtAgs: text("district_ags"),
    street: text("street"),
    postcode: text("postcode"),
    city: text("city"),
    email: text("email"),
    phone: text("phone"),
    website: text("website"),
    description: text("description"),
    status: text("status").$type<OrganisationStatus>().notNull().default("active"),
    /** HSDS organization fields Lotse does not use itself (alternate_name, legal_status, …), kept for exchange. */
    hsds: jsonb("hsds").$type<Record<string, unknown>>().notNull().default({}),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    check("organisations_status_check", oneOf(t.status, ORGANISATION_STATUSES)),
    check("organisations_district_check", sql`${t.districtAgs} ~ '^15[0-9]{3}$'`),
    index("organisations_name_idx").on(t.name),
  ],
);

/** A person who logs in. Personal data: name and e-mail. */
export const users = pgTable(
  "users",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    email: text("email").notNull(),
    name: text("name").notNull(),
    passwordHash: text("password_hash"),
    locale: text("locale").$type<Locale>().notNull().default("de"),
    status: text("status").$type<AccountStatus>().notNull().default("active"),
    lastLoginAt: timestamp("last_login_at", { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("users_email_unique").on(sql`lower(${t.email})`),
    check("users_status_check", oneOf(t.status, ACCOUNT_STATUSES)),
  ],
);

/** A user's role in one organisation; a user acts for one membership at a time. */
export const memberships = pgTable(
  "memberships",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    role: text("role").$type<Role>().notNull(),
    status: text("status").$type<AccountStatus>().notNull().default("active"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("memberships_user_org_unique").on(t.userId, t.organisationId),
    index("memberships_org_idx").on(t.organisationId),
    check("memberships_status_check", oneOf(t.status, ACCOUNT_STATUSES)),
  ],
);

/** Server-side login sessions; the cookie carries a token whose SHA-256 is the id. */
export const sessions = pgTable(
  "sessions",
  {
    id: text("id").primaryKey(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    csrfToken: text("csrf_token").notNull(),
    /** The organisation whose provider opened the session (single sign-on); null: a password login. */
    ssoOrganisationId: uuid("sso_organisation_id").references(() => organisations.id, {
      onDelete: "cascade",
    }),
    createdAt: createdAt(),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("sessions_user_idx").on(t.userId), index("sessions_expires_idx").on(t.expiresAt)],
);

/**
 * Attempts counted per fixed window; shared by every instance behind the load balancer. The
 * current and the previous window together give a sliding estimate (see platform/rate-limit.ts).
 */
export const rateLimitCounters = pgTable(
  "rate_limit_counters",
  {
    bucket: text("bucket").notNull(),
    key: text("key").notNull(),
    windowStart: timestamp("window_start", { withTimezone: true }).notNull(),
    hits: integer("hits").notNull(),
  },
  (t) => [primaryKey({ columns: [t.bucket, t.key, t.windowStart] })],
);

/** Single-use tokens sent by mail: invitations and password resets. Only the hash is stored. */
export const mailTokens = pgTable(
  "mail_tokens",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    kind: text("kind").$type<MailTokenKind>().notNull(),
    tokenHash: text("token_hash").notNull(),
    email: text("email").notNull(),
    userId: uuid("user_id").references(() => users.id, { onDelete: "cascade" }),
    organisationId: uuid("organisation_id").references(() => organisations.id, { onDelete: "cascade" }),
    role: text("role").$type<Role>(),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("mail_tokens_hash_unique").on(t.tokenHash),
    check("mail_tokens_kind_check", oneOf(t.kind, MAIL_TOKEN_KINDS)),
  ],
);

/** Every mail Lotse sends, kept until delivered; without SMTP it stays here for the coordinator. */
export const outbox = pgTable(
  "outbox",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id").references(() => organisations.id, { onDelete: "set null" }),
    toAddress: text("to_address").notNull(),
    subject: text("subject").notNull(),
    bodyText: text("body_text").notNull(),
    template: text("template").$type<MailTemplate>().notNull(),
    status: text("status").$type<OutboxStatus>().notNull(),
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error"),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }).notNull().defaultNow(),
    createdAt: createdAt(),
    sentAt: timestamp("sent_at", { withTimezone: true }),
  },
  (t) => [
    index("outbox_pending_idx").on(t.status, t.nextAttemptAt),
    check("outbox_status_check", oneOf(t.status, OUTBOX_STATUSES)),
  ],
);

/** Who did what to which record, when, in which request. Never holds personal values. */
export const auditLog = pgTable(
  "audit_log",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    actorUserId: uuid("actor_user_id"),
    actorOrganisationId: uuid("actor_organisation_id"),
    organisationId: uuid("organisation_id"),
    action: text("action").notNull(),
    entity: text("entity").notNull(),
    entityId: text("entity_id"),
    requestId: text("request_id"),
    purpose: text("purpose"),
    details: jsonb("details").$type<Record<string, unknown>>(),
  },
  (t) => [
    index("audit_log_org_at_idx").on(t.organisationId, t.at),
    index("audit_log_at_idx").on(t.at),
    index("audit_log_entity_idx").on(t.entity, t.entityId),
  ],
);

/** Scheduled jobs: one row per job; an instance claims a due run with a lease, so only one runs it. */
export const scheduledJobs = pgTable("scheduled_jobs", {
  name: text("name").primaryKey(),
  nextRunAt: timestamp("next_run_at", { withTimezone: true }).notNull().defaultNow(),
  lockedUntil: timestamp("locked_until", { withTimezone: true }),
  lastRunAt: timestamp("last_run_at", { withTimezone: true }),
  lastError: text("last_error"),
});

/**
 * One row per Art. 17 erasure, without personal data: the erased client's id, its organisation and
 * when. Written in the erasure's transaction and appended to a file outside the database, so that
 * after restoring an older backup the erasures made since are replayed (privacy/ledger.ts).
 */
export const erasureLedger = pgTable("erasure_ledger", {
  clientId: uuid("client_id").primaryKey(),
  organisationId: uuid("organisation_id"),
  erasedAt: timestamp("erased_at", { withTimezone: true }).notNull().defaultNow(),
});

/**
 * The installation's signing keys (platform/signing.ts): one active key per algorithm, shared by
 * every instance; a retired key stays so that what it signed can still be verified. The private JWK
 * never leaves signing.ts (not returned, not logged).
 */
export const signingKeys = pgTable(
  "signing_keys",
  {
    /** The key id: the JWK thumbprint (RFC 7638) of the public key. */
    kid: text("kid").primaryKey(),
    algorithm: text("algorithm").notNull(),
    publicJwk: jsonb("public_jwk").$type<Record<string, unknown>>().notNull(),
    privateJwk: jsonb("private_jwk").$type<Record<string, unknown>>().notNull(),
    createdAt: createdAt(),
    retiredAt: timestamp("retired_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("signing_keys_one_active").on(t.algorithm).where(sql`${t.retiredAt} is null`),
    check("signing_keys_algorithm_check", sql`${t.algorithm} in ('EdDSA')`),
  ],
);
