import { sql } from "drizzle-orm";
import {
  bigserial,
  boolean,
  check,
  customType,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";

const createdAt = () => timestamp("created_at", { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp("updated_at", { withTimezone: true }).notNull().defaultNow();

/** A partner organisation of the network: the tenant that owns records with personal data. */
export const organisations = pgTable(
  "organisations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull(),
    type: text("type").notNull(),
    /** Null for an organisation that came with an import and has no address in Sachsen-Anhalt. */
    districtAgs: text("district_ags"),
    street: text("street"),
    postcode: text("postcode"),
    city: text("city"),
    email: text("email"),
    phone: text("phone"),
    website: text("website"),
    description: text("description"),
    status: text("status").notNull().default("active"),
    /** HSDS organization fields Lotse does not use itself (alternate_name, legal_status, …), kept for exchange. */
    hsds: jsonb("hsds").$type<Record<string, unknown>>().notNull().default({}),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    check("organisations_status_check", sql`${t.status} in ('active', 'inactive')`),
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
    locale: text("locale").notNull().default("de"),
    status: text("status").notNull().default("active"),
    lastLoginAt: timestamp("last_login_at", { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("users_email_unique").on(sql`lower(${t.email})`),
    check("users_status_check", sql`${t.status} in ('active', 'deactivated')`),
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
    role: text("role").notNull(),
    status: text("status").notNull().default("active"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("memberships_user_org_unique").on(t.userId, t.organisationId),
    index("memberships_org_idx").on(t.organisationId),
    check("memberships_status_check", sql`${t.status} in ('active', 'deactivated')`),
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
    kind: text("kind").notNull(),
    tokenHash: text("token_hash").notNull(),
    email: text("email").notNull(),
    userId: uuid("user_id").references(() => users.id, { onDelete: "cascade" }),
    organisationId: uuid("organisation_id").references(() => organisations.id, { onDelete: "cascade" }),
    role: text("role"),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("mail_tokens_hash_unique").on(t.tokenHash),
    check("mail_tokens_kind_check", sql`${t.kind} in ('invitation', 'password_reset')`),
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
    template: text("template").notNull(),
    status: text("status").notNull(),
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error"),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }).notNull().defaultNow(),
    createdAt: createdAt(),
    sentAt: timestamp("sent_at", { withTimezone: true }),
  },
  (t) => [
    index("outbox_pending_idx").on(t.status, t.nextAttemptAt),
    check("outbox_status_check", sql`${t.status} in ('held', 'pending', 'sent', 'failed')`),
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

const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });

/** A taxonomy (HSDS taxonomy): Lotse's own (phases, offer types, …) or one that came with an import. */
export const taxonomies = pgTable("taxonomies", {
  id: uuid("id").primaryKey().defaultRandom(),
  name: text("name").notNull(),
  description: text("description").notNull(),
  uri: text("uri"),
  version: text("version"),
});

/** A term of a taxonomy (HSDS taxonomy_term); labels holds translated names by locale. */
export const taxonomyTerms = pgTable(
  "taxonomy_terms",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    taxonomyId: uuid("taxonomy_id").references(() => taxonomies.id, { onDelete: "cascade" }),
    code: text("code"),
    name: text("name").notNull(),
    description: text("description").notNull(),
    parentId: uuid("parent_id"),
    language: text("language"),
    termUri: text("term_uri"),
    labels: jsonb("labels").$type<Record<string, string>>(),
  },
  (t) => [index("taxonomy_terms_taxonomy_code_idx").on(t.taxonomyId, t.code)],
);

/**
 * An offer (Angebot; HSDS service). The columns are what Lotse searches, filters and counts by;
 * `hsds` keeps the rest of the HSDS object (phones, schedules, contacts, cost options, …) so that
 * an exchange round-trips without loss.
 */
export const offers = pgTable(
  "offers",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    description: text("description"),
    status: text("status").notNull().default("active"),
    phases: smallint("phases").array().notNull().default(sql`'{}'`),
    offerType: text("offer_type"),
    targetGroups: text("target_groups").array().notNull().default(sql`'{}'`),
    languages: text("languages").array().notNull().default(sql`'{}'`),
    minGermanLevel: text("min_german_level"),
    fundingRoute: text("funding_route"),
    districts: text("districts").array().notNull().default(sql`'{}'`),
    /** KldB 2010 occupation fields (Berufshauptgruppen, two digits) a qualification offer serves; empty: any. */
    occupationFields: text("occupation_fields").array().notNull().default(sql`'{}'`),
    freeOfCharge: boolean("free_of_charge"),
    capacityAvailable: integer("capacity_available"),
    capacityMaximum: integer("capacity_maximum"),
    capacityUpdatedAt: timestamp("capacity_updated_at", { withTimezone: true }),
    /** Public texts in other languages: { en: { name, description }, … }. */
    translations: jsonb("translations")
      .$type<Record<string, { name?: string; description?: string }>>()
      .notNull()
      .default({}),
    hsds: jsonb("hsds").$type<Record<string, unknown>>().notNull().default({}),
    search: tsvector("search").generatedAlwaysAs(
      sql`setweight(to_tsvector('german'::regconfig, coalesce(name, '')), 'A') || setweight(to_tsvector('german'::regconfig, coalesce(description, '')), 'B')`,
    ),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    check("offers_status_check", sql`${t.status} in ('active', 'inactive', 'defunct', 'temporarily closed')`),
    check("offers_phases_check", sql`${t.phases} <@ array[1,2,3,4,5]::smallint[]`),
    index("offers_organisation_idx").on(t.organisationId),
    index("offers_search_idx").using("gin", t.search),
    index("offers_name_trgm_idx").using("gin", sql`${t.name} gin_trgm_ops`),
    index("offers_phases_idx").using("gin", t.phases),
    index("offers_districts_idx").using("gin", t.districts),
    index("offers_languages_idx").using("gin", t.languages),
    // The public finder and the matrix (bench/directory.ts): the finder's counts per district read
    // this covering index alone (index-only scan) instead of the wide rows; its result pages in name
    // order walk offers_name_order_idx. (The finder's words are searched in its own index, see
    // finder_changes.)
    index("offers_finder_idx")
      .on(t.organisationId, t.offerType, t.freeOfCharge, t.districts, t.phases, t.languages, t.targetGroups)
      .where(sql`${t.status} = 'active'`),
    index("offers_name_order_idx").on(t.name, t.id),
  ],
);

/** A place where offers are given (HSDS location); physical, postal or virtual. */
export const locations = pgTable(
  "locations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    locationType: text("location_type").notNull().default("physical"),
    name: text("name"),
    description: text("description"),
    districtAgs: text("district_ags"),
    street: text("street"),
    postcode: text("postcode"),
    city: text("city"),
    latitude: doublePrecision("latitude"),
    longitude: doublePrecision("longitude"),
    hsds: jsonb("hsds").$type<Record<string, unknown>>().notNull().default({}),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    check("locations_type_check", sql`${t.locationType} in ('physical', 'postal', 'virtual')`),
    index("locations_organisation_idx").on(t.organisationId),
  ],
);

/** An offer given at a location (HSDS service_at_location). */
export const offerLocations = pgTable(
  "offer_locations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    offerId: uuid("offer_id")
      .notNull()
      .references(() => offers.id, { onDelete: "cascade" }),
    locationId: uuid("location_id")
      .notNull()
      .references(() => locations.id, { onDelete: "cascade" }),
    hsds: jsonb("hsds").$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [
    uniqueIndex("offer_locations_pair_unique").on(t.offerId, t.locationId),
    index("offer_locations_location_idx").on(t.locationId),
  ],
);

/** Change history of directory records (HSDS metadata): one row per changed field. */
export const directoryChanges = pgTable(
  "directory_changes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    resourceId: uuid("resource_id").notNull(),
    resourceType: text("resource_type").notNull(),
    actionDate: timestamp("action_date", { withTimezone: true }).notNull().defaultNow(),
    actionType: text("action_type").notNull(),
    fieldName: text("field_name").notNull(),
    previousValue: text("previous_value").notNull(),
    replacementValue: text("replacement_value").notNull(),
    updatedBy: text("updated_by").notNull(),
  },
  (t) => [index("directory_changes_resource_idx").on(t.resourceId, t.actionDate)],
);

const bytea = customType<{ data: Buffer }>({ dataType: () => "bytea" });
const version = () => integer("version").notNull().default(1);

/**
 * A person counselled by an organisation (Ratsuchende). Personal data throughout; the columns
 * named in CLIENT_SPECIAL_FIELDS are special categories (Art. 9 DSGVO). Erasing a client deletes
 * this row and, by cascade, everything that hangs on it.
 */
export const clients = pgTable(
  "clients",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    /** Random code that stands for the person where no identity may appear (audit, analytics). */
    pseudonym: text("pseudonym").notNull(),
    name: text("name").notNull(),
    isPseudonym: boolean("is_pseudonym").notNull().default(false),
    dateOfBirth: date("date_of_birth"),
    email: text("email"),
    phone: text("phone"),
    districtAgs: text("district_ags"),
    preferredLanguages: text("preferred_languages").array().notNull().default(sql`'{}'`),
    countryOfOrigin: text("country_of_origin"),
    entryYear: smallint("entry_year"),
    qualificationCountry: text("qualification_country"),
    gender: text("gender"),
    ageBand: text("age_band"),
    residenceStatus: text("residence_status"),
    healthNote: text("health_note"),
    religion: text("religion"),
    ethnicOrigin: text("ethnic_origin"),
    /** Why the special categories (Art. 9) are recorded, as the counsellor stated it (issue 12). */
    specialPurpose: text("special_purpose"),
    /** The Art. 9 Abs. 2 legal basis for them (SPECIAL_LEGAL_BASES). */
    specialLegalBasis: text("special_legal_basis"),
    version: version(),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("clients_pseudonym_unique").on(t.pseudonym),
    index("clients_organisation_idx").on(t.organisationId),
    index("clients_name_trgm_idx").using("gin", sql`lower(${t.name}) gin_trgm_ops`),
  ],
);

/** A counselling case (Beratungsfall) of one organisation for one client. */
export const cases = pgTable(
  "cases",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    clientId: uuid("client_id")
      .notNull()
      .references(() => clients.id, { onDelete: "cascade" }),
    /** Stands for the case in event logs and analytics; never derived from the person. */
    pseudonym: text("pseudonym").notNull(),
    status: text("status").notNull().default("open"),
    outcome: text("outcome"),
    phase: smallint("phase").notNull().default(1),
    goals: text("goals"),
    assigneeUserId: uuid("assignee_user_id").references(() => users.id, { onDelete: "set null" }),
    version: version(),
    openedAt: timestamp("opened_at", { withTimezone: true }).notNull().defaultNow(),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("cases_pseudonym_unique").on(t.pseudonym),
    index("cases_organisation_idx").on(t.organisationId, t.status),
    index("cases_client_idx").on(t.clientId),
    index("cases_assignee_idx").on(t.assigneeUserId),
    check("cases_status_check", sql`${t.status} in ('open', 'paused', 'closed')`),
    check("cases_phase_check", sql`${t.phase} between 1 and 5`),
    check("cases_outcome_check", sql`(${t.status} = 'closed') = (${t.outcome} is not null)`),
  ],
);

/** A counselling contact of a case. */
export const caseContacts = pgTable(
  "case_contacts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id, { onDelete: "cascade" }),
    date: date("date").notNull(),
    mode: text("mode").notNull(),
    durationMinutes: integer("duration_minutes").notNull(),
    counsellingType: text("counselling_type").notNull(),
    initiatedBy: text("initiated_by").notNull(),
    accessRoute: text("access_route"),
    summary: text("summary"),
    counsellorUserId: uuid("counsellor_user_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [index("case_contacts_case_idx").on(t.caseId, t.date)],
);

/** A note of a case; a special-category note is hidden from volunteers. */
export const caseNotes = pgTable(
  "case_notes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id, { onDelete: "cascade" }),
    body: text("body").notNull(),
    special: boolean("special").notNull().default(false),
    authorUserId: uuid("author_user_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [index("case_notes_case_idx").on(t.caseId, t.createdAt)],
);

/** A next step agreed in a case, with a due date; may point to an offer of the directory. */
export const caseNextSteps = pgTable(
  "case_next_steps",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    dueDate: date("due_date"),
    offerId: uuid("offer_id").references(() => offers.id, { onDelete: "set null" }),
    /** The recognition procedure whose differences the step closes, when it came from a suggestion. */
    procedureId: uuid("procedure_id"),
    doneAt: timestamp("done_at", { withTimezone: true }),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [
    index("case_next_steps_case_idx").on(t.caseId),
    index("case_next_steps_due_idx").on(t.dueDate).where(sql`${t.doneAt} is null`),
  ],
);

/**
 * The case timeline: one row per event, appended by the use case that caused it, in the same
 * transaction. `details` holds codes and ids (from/to values), never personal text.
 */
export const caseEvents = pgTable(
  "case_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id, { onDelete: "cascade" }),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    kind: text("kind").notNull(),
    actorUserId: uuid("actor_user_id").references(() => users.id, { onDelete: "set null" }),
    /** The record the event is about (contact, note, next step, consent, procedure …). */
    subjectId: uuid("subject_id"),
    /** Hidden from volunteers: the event concerns a special-category note or field. */
    special: boolean("special").notNull().default(false),
    details: jsonb("details").$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [index("case_events_case_idx").on(t.caseId, t.at, t.id)],
);

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
    purpose: text("purpose").notNull(),
    recipientOrganisationId: uuid("recipient_organisation_id").references(() => organisations.id, {
      onDelete: "cascade",
    }),
    legalBasis: text("legal_basis").notNull(),
    dataCategories: text("data_categories").array().notNull(),
    /** Who else receives the data, in the words of the information sheet. */
    recipients: text("recipients"),
    informedLanguage: text("informed_language").notNull(),
    form: text("form").notNull(),
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
    check("consents_form_check", sql`${t.form} in ('signed', 'oral')`),
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

/** A foreign qualification of a client. */
export const qualifications = pgTable(
  "qualifications",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    clientId: uuid("client_id")
      .notNull()
      .references(() => clients.id, { onDelete: "cascade" }),
    originalTitle: text("original_title").notNull(),
    germanTitle: text("german_title"),
    country: text("country").notNull(),
    institution: text("institution"),
    year: smallint("year"),
    dqrLevel: smallint("dqr_level"),
    iscedLevel: smallint("isced_level"),
    anabinStatus: text("anabin_status").notNull().default("unknown"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("qualifications_client_idx").on(t.clientId),
    check("qualifications_dqr_check", sql`${t.dqrLevel} between 1 and 8`),
    check("qualifications_isced_check", sql`${t.iscedLevel} between 0 and 8`),
  ],
);

/** A recognition procedure of one qualification against a German reference occupation. */
export const recognitionProcedures = pgTable(
  "recognition_procedures",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    qualificationId: uuid("qualification_id")
      .notNull()
      .references(() => qualifications.id, { onDelete: "cascade" }),
    /** The case in which the journey is counselled; its timeline gets the procedure's events. */
    caseId: uuid("case_id").references(() => cases.id, { onDelete: "set null" }),
    referenceOccupationCode: text("reference_occupation_code").notNull(),
    referenceOccupationTitle: text("reference_occupation_title").notNull(),
    regulated: boolean("regulated").notNull(),
    legalBasis: text("legal_basis"),
    authorityOrganisationId: uuid("authority_organisation_id").references(() => organisations.id, {
      onDelete: "set null",
    }),
    state: text("state").notNull().default("enquiry"),
    decision: text("decision"),
    /** Substantial differences of the decision: [{ id, kind, description }]. */
    differences: jsonb("differences")
      .$type<{ id: string; kind: string; description: string }[]>()
      .notNull()
      .default([]),
    compensationMeasure: text("compensation_measure"),
    appliedAt: date("applied_at"),
    documentsCompleteAt: date("documents_complete_at"),
    decidedAt: date("decided_at"),
    appealFiledAt: date("appeal_filed_at"),
    appealResult: text("appeal_result"),
    /** End of a residence permit for recognition measures (§16d AufenthG). */
    permit16dUntil: date("permit_16d_until"),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("recognition_procedures_qualification_idx").on(t.qualificationId),
    index("recognition_procedures_case_idx").on(t.caseId),
    index("recognition_procedures_org_idx").on(t.organisationId, t.state),
  ],
);

/** Every state change of a recognition procedure, for the picture of the journey. */
export const recognitionStateChanges = pgTable(
  "recognition_state_changes",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    procedureId: uuid("procedure_id")
      .notNull()
      .references(() => recognitionProcedures.id, { onDelete: "cascade" }),
    fromState: text("from_state"),
    toState: text("to_state").notNull(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    actorUserId: uuid("actor_user_id").references(() => users.id, { onDelete: "set null" }),
  },
  (t) => [index("recognition_state_changes_procedure_idx").on(t.procedureId, t.at)],
);

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
    scope: text("scope").notNull(),
    /** What is handed over. */
    agreementWhat: text("agreement_what"),
    /** How the handover is done (procedure, documents). */
    agreementHow: text("agreement_how"),
    channel: text("channel"),
    fromContact: text("from_contact"),
    toContact: text("to_contact"),
    answerWithinDays: integer("answer_within_days").notNull(),
    completeWithinDays: integer("complete_within_days").notNull(),
    status: text("status").notNull().default("active"),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("interfaces_pair_unique").on(t.fromOrganisationId, t.toOrganisationId, t.fromUnit, t.toUnit),
    index("interfaces_to_idx").on(t.toOrganisationId),
    check("interfaces_scope_check", sql`${t.scope} in ('department', 'institution', 'external')`),
    check(
      "interfaces_scope_fits_check",
      sql`(${t.scope} = 'external') = (${t.fromOrganisationId} <> ${t.toOrganisationId})`,
    ),
    check("interfaces_status_check", sql`${t.status} in ('active', 'inactive')`),
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
    state: text("state").notNull(),
    outcome: text("outcome"),
    outcomeReason: text("outcome_reason"),
    declineReason: text("decline_reason"),
    /** Names of the shared data items. */
    sharedItems: text("shared_items").array().notNull().default(sql`'{}'`),
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
    check(
      "referrals_state_check",
      sql`${t.state} in ('draft', 'sent', 'accepted', 'in_progress', 'completed', 'declined', 'withdrawn', 'expired')`,
    ),
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
    offerType: text("offer_type"),
    interfaceId: uuid("interface_id"),
    fromState: text("from_state"),
    toState: text("to_state").notNull(),
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
    kind: text("kind").notNull(),
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
    offerType: text("offer_type"),
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
    state: text("state").notNull(),
  },
  (t) => [
    index("analytics_referral_facts_sent_idx").on(t.sentAt),
    index("analytics_referral_facts_from_idx").on(t.fromOrganisationId, t.sentAt),
    index("analytics_referral_facts_to_idx").on(t.toOrganisationId, t.sentAt),
  ],
);

// ── Single sign-on (module sso) ──

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

// ── Erasure ledger (module privacy) ──

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

/** An xid8 (a transaction id that never wraps around). */
const xid8 = customType<{ data: string }>({ dataType: () => "xid8" });

/**
 * A change to what the public finder shows (an offer, its places, its organisation), noted by
 * triggers with the transaction that made it; each instance's search index catches up from here
 * (src/server/modules/finder/engine/store.ts). offer_id null: rebuild everything.
 */
export const finderChanges = pgTable(
  "finder_changes",
  {
    seq: bigserial("seq", { mode: "number" }).primaryKey(),
    tx: xid8("tx").notNull().default(sql`pg_current_xact_id()`),
    offerId: uuid("offer_id"),
    changedAt: timestamp("changed_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("finder_changes_tx_idx").on(t.tx)],
);

/** One row: up to which transaction old finder changes were pruned. */
export const finderState = pgTable(
  "finder_state",
  {
    id: boolean("id").primaryKey().default(true),
    prunedThrough: xid8("pruned_through").notNull().default(sql`'0'::xid8`),
  },
  (t) => [check("finder_state_one_row", sql`${t.id}`)],
);
