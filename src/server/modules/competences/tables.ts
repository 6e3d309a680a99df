import { sql } from "drizzle-orm";
import {
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
import { createdAt, oneOf, updatedAt, version } from "#server/db/columns.ts";
import { cases, clients } from "#server/modules/cases/tables.ts";
import { consents } from "#server/modules/consents/tables.ts";
import { organisations, users } from "#server/platform/tables.ts";
import { PROFILE_SECTIONS, type ProfileSection } from "#shared/competences.ts";
import type { ProfileContent } from "#shared/contracts/competences.ts";
import type { Snapshot } from "./sections.ts";

/** Why a share ended: the sender revoked it, or the client withdrew the consent it stood on. */
export const SHARE_END_REASONS = ["revoked", "consent_withdrawn"] as const;
export type ShareEndReason = (typeof SHARE_END_REASONS)[number];

/** `sections <@ array[…]`: a text[] column holds only profile sections. */
const onlySections = (column: unknown) =>
  sql`${column} <@ array[${sql.raw(PROFILE_SECTIONS.map((s) => `'${s}'`).join(", "))}]::text[]`;

/** The competence profile of a client: one document per client (decision 015). */
export const competenceProfiles = pgTable(
  "competence_profiles",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    clientId: uuid("client_id")
      .notNull()
      .references(() => clients.id, { onDelete: "cascade" }),
    /** The case whose next steps the goals feed. */
    caseId: uuid("case_id").references(() => cases.id, { onDelete: "set null" }),
    /** Bumped by every save: the ETag / If-Match value. */
    version: version(),
    content: jsonb("content").$type<ProfileContent>().notNull(),
    createdAt: createdAt(),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    updatedAt: updatedAt(),
    updatedBy: uuid("updated_by").references(() => users.id, { onDelete: "set null" }),
  },
  (t) => [
    uniqueIndex("competence_profiles_client_unique").on(t.clientId),
    index("competence_profiles_org_idx").on(t.organisationId, t.updatedAt),
  ],
);

/** One sitting of a profile: the content as it stood at the sitting's last save. */
export const competenceProfileVersions = pgTable(
  "competence_profile_versions",
  {
    profileId: uuid("profile_id")
      .notNull()
      .references(() => competenceProfiles.id, { onDelete: "cascade" }),
    version: integer("version").notNull(),
    content: jsonb("content").$type<ProfileContent>().notNull(),
    /** The sections the sitting changed against the version before. */
    sections: text("sections").array().$type<ProfileSection[]>().notNull().default(sql`'{}'`),
    startedAt: timestamp("started_at", { withTimezone: true }).notNull().defaultNow(),
    savedAt: timestamp("saved_at", { withTimezone: true }).notNull().defaultNow(),
    savedBy: uuid("saved_by").references(() => users.id, { onDelete: "set null" }),
  },
  (t) => [
    primaryKey({ columns: [t.profileId, t.version] }),
    check("competence_profile_versions_sections_check", onlySections(t.sections)),
  ],
);

/** A snapshot of chosen sections given to a recipient under the client's consent. */
export const competenceShares = pgTable(
  "competence_shares",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** The sending organisation (the profile's). */
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    profileId: uuid("profile_id")
      .notNull()
      .references(() => competenceProfiles.id, { onDelete: "cascade" }),
    consentId: uuid("consent_id")
      .notNull()
      .references(() => consents.id, { onDelete: "cascade" }),
    recipientOrganisationId: uuid("recipient_organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    /** A named person of the recipient; null: the organisation's readers. */
    recipientUserId: uuid("recipient_user_id").references(() => users.id, { onDelete: "cascade" }),
    sections: text("sections").array().$type<ProfileSection[]>().notNull(),
    /** Only the shared sections' parts of the content, as they stood when shared. */
    snapshot: jsonb("snapshot").$type<Snapshot>().notNull(),
    /** The client's name as shared with the recipient. */
    clientName: text("client_name").notNull(),
    version: integer("version").notNull(),
    sharedAt: timestamp("shared_at", { withTimezone: true }).notNull().defaultNow(),
    sharedBy: uuid("shared_by").references(() => users.id, { onDelete: "set null" }),
    endedAt: timestamp("ended_at", { withTimezone: true }),
    endReason: text("end_reason").$type<ShareEndReason>(),
  },
  (t) => [
    index("competence_shares_profile_idx").on(t.profileId),
    index("competence_shares_consent_idx").on(t.consentId),
    index("competence_shares_recipient_idx").on(t.recipientOrganisationId, t.endedAt),
    check("competence_shares_end_reason_check", oneOf(t.endReason, SHARE_END_REASONS)),
    check("competence_shares_sections_check", onlySections(t.sections)),
    check("competence_shares_ended_check", sql`(${t.endedAt} is null) = (${t.endReason} is null)`),
  ],
);
