import { sql } from "drizzle-orm";
import { boolean, check, index, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, updatedAt } from "#server/db/columns.ts";
import { organisations } from "#server/platform/tables.ts";

/**
 * An organisation's OpenID Connect provider (typically Keycloak), configured by the coordination.
 * Holds a credential: the client secret is read only to talk to the provider and never leaves
 * the server. No personal data.
 */
export const ssoProviders = pgTable(
  "sso_providers",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    displayName: text("display_name").notNull(),
    issuer: text("issuer").notNull(),
    clientId: text("client_id").notNull(),
    clientSecret: text("client_secret").notNull(),
    /** The provider is trusted only for addresses of these domains (lower case). */
    emailDomains: text("email_domains").array().notNull().default(sql`'{}'`),
    /** Members of the organisation may not log in with a password. */
    required: boolean("required").notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("sso_providers_organisation_unique").on(t.organisationId),
    check("sso_providers_domains_check", sql`cardinality(${t.emailDomains}) between 1 and 20`),
  ],
);

/**
 * One started SSO login, bound to the browser by a short-lived cookie whose SHA-256 is the id.
 * Single use: the callback deletes the row and works with what the delete returned. Kept in
 * PostgreSQL so that the callback may reach another instance than the start.
 */
export const ssoLoginStates = pgTable(
  "sso_login_states",
  {
    id: text("id").primaryKey(),
    providerId: uuid("provider_id")
      .notNull()
      .references(() => ssoProviders.id, { onDelete: "cascade" }),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    state: text("state").notNull(),
    nonce: text("nonce").notNull(),
    codeVerifier: text("code_verifier").notNull(),
    /** Path inside Lotse to continue to after the login. */
    returnTo: text("return_to").notNull().default("/"),
    /** SHA-256 of the client address, to cap open logins per address; pseudonymous, gone after minutes. */
    addressHash: text("address_hash").notNull(),
    createdAt: createdAt(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    index("sso_login_states_expires_idx").on(t.expiresAt),
    index("sso_login_states_address_idx").on(t.addressHash, t.expiresAt),
  ],
);
