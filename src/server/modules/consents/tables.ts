import { sql } from "drizzle-orm";
import { check, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { bytea, createdAt, oneOf } from "#server/db/columns.ts";
import { clients } from "#server/modules/cases/tables.ts";
import { organisations, users } from "#server/platform/tables.ts";
import { CONSENT_FORMS, type ConsentForm, type ConsentPurpose, type LegalBasis } from "#shared/cases.ts";

/** Consent of a client for one purpose (and, for referrals and sharing, one receiving organisation). */
export const consents = pgTable(
  "consents",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    clientId: uuid("client_id")
      .notNull()
      .references(() => clients.id, { onDelete: "cascade" }),
    purpose: text("purpose").$type<ConsentPurpose>().notNull(),
    recipientOrganisationId: uuid("recipient_organisation_id").references(() => organisations.id, {
      onDelete: "cascade",
    }),
    legalBasis: text("legal_basis").$type<LegalBasis>().notNull(),
    dataCategories: text("data_categories").array().notNull(),
    /** Who else receives the data, in the words of the information sheet. */
    recipients: text("recipients"),
    informedLanguage: text("informed_language").notNull(),
    form: text("form").$type<ConsentForm>().notNull(),
    /** Required for an oral consent: the file note of how it was given. */
    fileNote: text("file_note"),
    givenAt: timestamp("given_at", { withTimezone: true }).notNull(),
    withdrawnAt: timestamp("withdrawn_at", { withTimezone: true }),
    recordedBy: uuid("recorded_by").references(() => users.id, { onDelete: "set null" }),
    withdrawnBy: uuid("withdrawn_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [
    index("consents_client_idx").on(t.clientId, t.purpose),
    check("consents_form_check", oneOf(t.form, CONSENT_FORMS)),
    check("consents_oral_note_check", sql`${t.form} <> 'oral' or ${t.fileNote} is not null`),
    // One active consent per client, purpose and recipient: giving it again replaces nothing silently.
    uniqueIndex("consents_active_unique")
      .on(
        t.clientId,
        t.purpose,
        sql`coalesce(${t.recipientOrganisationId}, '00000000-0000-0000-0000-000000000000'::uuid)`,
      )
      .where(sql`${t.withdrawnAt} is null`),
  ],
);

/** The scanned signed consent sheet, kept beside the consent. */
export const consentDocuments = pgTable("consent_documents", {
  consentId: uuid("consent_id")
    .primaryKey()
    .references(() => consents.id, { onDelete: "cascade" }),
  mediaType: text("media_type").notNull(),
  fileName: text("file_name").notNull(),
  content: bytea("content").notNull(),
  byteSize: integer("byte_size").notNull(),
  uploadedBy: uuid("uploaded_by").references(() => users.id, { onDelete: "set null" }),
  uploadedAt: timestamp("uploaded_at", { withTimezone: true }).notNull().defaultNow(),
});
