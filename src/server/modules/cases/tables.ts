import { sql } from "drizzle-orm";
import {
  bigserial,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { createdAt, oneOf, updatedAt, version } from "#server/db/columns.ts";
import { offers } from "#server/modules/offers/tables.ts";
import { organisations, users } from "#server/platform/tables.ts";
import {
  type AccessRoute,
  type AgeBand,
  CASE_STATUSES,
  type CaseOutcome,
  type CaseStatus,
  type ContactInitiator,
  type ContactMode,
  type CounsellingType,
  type Gender,
  type ResidenceStatus,
  type SpecialLegalBasis,
} from "#shared/cases.ts";
import type { CaseEventKind } from "#shared/contracts/cases.ts";

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
    gender: text("gender").$type<Gender>(),
    ageBand: text("age_band").$type<AgeBand>(),
    residenceStatus: text("residence_status").$type<ResidenceStatus>(),
    healthNote: text("health_note"),
    religion: text("religion"),
    ethnicOrigin: text("ethnic_origin"),
    /** Why the special categories (Art. 9) are recorded, as the counsellor stated it (issue 12). */
    specialPurpose: text("special_purpose"),
    /** The Art. 9 Abs. 2 legal basis for them (SPECIAL_LEGAL_BASES). */
    specialLegalBasis: text("special_legal_basis").$type<SpecialLegalBasis>(),
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
    status: text("status").$type<CaseStatus>().notNull().default("open"),
    outcome: text("outcome").$type<CaseOutcome>(),
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
    check("cases_status_check", oneOf(t.status, CASE_STATUSES)),
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
    mode: text("mode").$type<ContactMode>().notNull(),
    durationMinutes: integer("duration_minutes").notNull(),
    counsellingType: text("counselling_type").$type<CounsellingType>().notNull(),
    initiatedBy: text("initiated_by").$type<ContactInitiator>().notNull(),
    accessRoute: text("access_route").$type<AccessRoute>(),
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
    kind: text("kind").$type<CaseEventKind>().notNull(),
    actorUserId: uuid("actor_user_id").references(() => users.id, { onDelete: "set null" }),
    /** The record the event is about (contact, note, next step, consent, procedure …). */
    subjectId: uuid("subject_id"),
    /** Hidden from volunteers: the event concerns a special-category note or field. */
    special: boolean("special").notNull().default(false),
    details: jsonb("details").$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [index("case_events_case_idx").on(t.caseId, t.at, t.id)],
);
