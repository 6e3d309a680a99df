import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  boolean,
  check,
  date,
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
import { bytea, createdAt, oneOf, updatedAt, version } from "#server/db/columns.ts";
import { organisations, users } from "#server/platform/tables.ts";
import { ORGANISATION_TYPES, type OrganisationType } from "#shared/domain.ts";
import {
  ATTENDANCE_STATUSES,
  type AttendanceStatus,
  CERTIFICATE_REVOKE_REASONS,
  type CertificateRevokeReason,
  COHORT_STATUSES,
  type CohortStatus,
  EVALUATION_LOCALES,
  EVALUATION_PHASES,
  type EvaluationLocale,
  type EvaluationPhase,
  FEED_KINDS,
  type FeedKind,
  PARTICIPANT_ROLES,
  PARTICIPANT_STATUSES,
  type ParticipantRole,
  type ParticipantStatus,
  SESSION_STATUSES,
  type SessionStatus,
} from "#shared/trainings.ts";

/** A text in the staff languages; German is the source and always present. */
export type GoalText = { de: string; en?: string; ar?: string };
/** One answer of a self-assessment: a learning goal, its rating 1–5, an optional comment. */
export type EvaluationAnswer = { goalId: string; rating: number; comment?: string };
/** What a certificate confirms, frozen when it is issued (the verification page shows this). */
export type CertificateContent = {
  participantName: string;
  organisationName: string | null;
  programmeTitle: string;
  cohortTitle: string;
  startsOn: string;
  endsOn: string;
  goals: GoalText[];
  /** Hours of the sessions attended, and of all sessions held. */
  hoursAttended: number;
  hoursHeld: number;
  sessionsAttended: number;
  sessionsHeld: number;
  issuerName: string;
};

/** A training programme: what every cohort of it teaches, and its certificate rule. */
export const trainingProgrammes = pgTable(
  "training_programmes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** Set for the programmes every installation starts with (SEED_PROGRAMME_KEYS). */
    key: text("key"),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    targetGroups: text("target_groups").notNull().default(""),
    modules: integer("modules").notNull().default(1),
    hours: integer("hours").notNull(),
    /** Certificate rule: share of the held sessions attended (present or late). */
    minAttendancePercent: integer("min_attendance_percent").notNull().default(80),
    version: version(),
    createdAt: createdAt(),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("training_programmes_key_unique").on(t.key),
    check(
      "training_programmes_hours_check",
      sql`${t.hours} between 1 and 2000 and ${t.modules} between 1 and 100`,
    ),
    check("training_programmes_attendance_check", sql`${t.minAttendancePercent} between 1 and 100`),
  ],
);

/** A learning goal of a programme, in order. */
export const trainingGoals = pgTable(
  "training_goals",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    programmeId: uuid("programme_id")
      .notNull()
      .references(() => trainingProgrammes.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    text: jsonb("text").$type<GoalText>().notNull(),
  },
  (t) => [uniqueIndex("training_goals_position_unique").on(t.programmeId, t.position)],
);

/** One run of a programme: dates, place, capacity; organised by the coordination office. */
export const trainingCohorts = pgTable(
  "training_cohorts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    programmeId: uuid("programme_id")
      .notNull()
      .references(() => trainingProgrammes.id, { onDelete: "restrict" }),
    /** The coordination office that runs it and issues its certificates. */
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "restrict" }),
    title: text("title").notNull(),
    startsOn: date("starts_on").notNull(),
    endsOn: date("ends_on").notNull(),
    location: text("location"),
    online: boolean("online").notNull().default(false),
    capacity: integer("capacity").notNull(),
    /** Whether people without an account may apply through the public form. */
    registrationOpen: boolean("registration_open").notNull().default(true),
    status: text("status").$type<CohortStatus>().notNull().default("planned"),
    version: version(),
    createdAt: createdAt(),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    updatedAt: updatedAt(),
  },
  (t) => [
    check("training_cohorts_status_check", oneOf(t.status, COHORT_STATUSES)),
    check("training_cohorts_dates_check", sql`${t.endsOn} >= ${t.startsOn}`),
    check("training_cohorts_capacity_check", sql`${t.capacity} between 1 and 500`),
    index("training_cohorts_programme_idx").on(t.programmeId, t.startsOn),
  ],
);

/** Who teaches a cohort: trainers see and run only their own cohorts. */
export const trainingCohortTrainers = pgTable(
  "training_cohort_trainers",
  {
    cohortId: uuid("cohort_id")
      .notNull()
      .references(() => trainingCohorts.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
  },
  (t) => [
    primaryKey({ columns: [t.cohortId, t.userId] }),
    index("training_cohort_trainers_user_idx").on(t.userId),
  ],
);

/** A person in a cohort: a member registered by their admin, or an applicant without an account. */
export const trainingParticipants = pgTable(
  "training_participants",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    cohortId: uuid("cohort_id")
      .notNull()
      .references(() => trainingCohorts.id, { onDelete: "cascade" }),
    /** Set when the participant has an account; null for an applicant from outside. */
    userId: uuid("user_id").references(() => users.id, { onDelete: "set null" }),
    name: text("name").notNull(),
    email: text("email").notNull(),
    /** The network organisation they come from; null if it is not (yet) in the directory. */
    organisationId: uuid("organisation_id").references(() => organisations.id, { onDelete: "set null" }),
    organisationName: text("organisation_name").notNull(),
    organisationType: text("organisation_type").$type<OrganisationType>().notNull(),
    role: text("role").$type<ParticipantRole>().notNull(),
    status: text("status").$type<ParticipantStatus>().notNull(),
    /** What an applicant wrote about why they apply. */
    motivation: text("motivation"),
    /** Who registered them; null for a public application. */
    registeredBy: uuid("registered_by").references(() => users.id, { onDelete: "set null" }),
    decidedBy: uuid("decided_by").references(() => users.id, { onDelete: "set null" }),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    check("training_participants_status_check", oneOf(t.status, PARTICIPANT_STATUSES)),
    check("training_participants_role_check", oneOf(t.role, PARTICIPANT_ROLES)),
    check("training_participants_organisation_type_check", oneOf(t.organisationType, ORGANISATION_TYPES)),
    uniqueIndex("training_participants_email_unique").on(t.cohortId, sql`lower(${t.email})`),
    uniqueIndex("training_participants_user_unique")
      .on(t.cohortId, t.userId)
      .where(sql`${t.userId} is not null`),
    index("training_participants_user_idx").on(t.userId),
    index("training_participants_organisation_idx").on(t.organisationId),
  ],
);

/** A session of a cohort; a moved session bumps `sequence`, a cancelled one stays in the feed. */
export const trainingSessions = pgTable(
  "training_sessions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    cohortId: uuid("cohort_id")
      .notNull()
      .references(() => trainingCohorts.id, { onDelete: "cascade" }),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    endsAt: timestamp("ends_at", { withTimezone: true }).notNull(),
    topic: text("topic").notNull(),
    /** The programme's learning goals this session covers. */
    goalIds: uuid("goal_ids").array().notNull().default(sql`'{}'`),
    place: text("place"),
    status: text("status").$type<SessionStatus>().notNull().default("planned"),
    /** iCal SEQUENCE: bumped by every change a calendar must take over. */
    sequence: integer("sequence").notNull().default(0),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    check("training_sessions_status_check", oneOf(t.status, SESSION_STATUSES)),
    check("training_sessions_times_check", sql`${t.endsAt} > ${t.startsAt}`),
    index("training_sessions_cohort_idx").on(t.cohortId, t.startsAt),
  ],
);

/** Attendance of one participant at one session. */
export const trainingAttendance = pgTable(
  "training_attendance",
  {
    sessionId: uuid("session_id")
      .notNull()
      .references(() => trainingSessions.id, { onDelete: "cascade" }),
    participantId: uuid("participant_id")
      .notNull()
      .references(() => trainingParticipants.id, { onDelete: "cascade" }),
    status: text("status").$type<AttendanceStatus>().notNull(),
    recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull().defaultNow(),
    recordedBy: uuid("recorded_by").references(() => users.id, { onDelete: "set null" }),
  },
  (t) => [
    primaryKey({ columns: [t.sessionId, t.participantId] }),
    check("training_attendance_status_check", oneOf(t.status, ATTENDANCE_STATUSES)),
    index("training_attendance_participant_idx").on(t.participantId),
  ],
);

/** A subscribable iCal address; only the token's SHA-256 is stored, revoking ends it at once. */
export const trainingFeeds = pgTable(
  "training_feeds",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    kind: text("kind").$type<FeedKind>().notNull(),
    cohortId: uuid("cohort_id")
      .notNull()
      .references(() => trainingCohorts.id, { onDelete: "cascade" }),
    /** Set for a participant's own feed. */
    participantId: uuid("participant_id").references(() => trainingParticipants.id, { onDelete: "cascade" }),
    tokenHash: text("token_hash").notNull(),
    createdAt: createdAt(),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (t) => [
    check("training_feeds_kind_check", oneOf(t.kind, FEED_KINDS)),
    check(
      "training_feeds_participant_check",
      sql`(${t.kind} = 'participant') = (${t.participantId} is not null)`,
    ),
    uniqueIndex("training_feeds_token_unique").on(t.tokenHash),
  ],
);

/** A personal, single-use, expiring link to one self-assessment; only the token's SHA-256 is kept. */
export const trainingEvaluationLinks = pgTable(
  "training_evaluation_links",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    participantId: uuid("participant_id")
      .notNull()
      .references(() => trainingParticipants.id, { onDelete: "cascade" }),
    phase: text("phase").$type<EvaluationPhase>().notNull(),
    locale: text("locale").$type<EvaluationLocale>().notNull().default("de"),
    tokenHash: text("token_hash").notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
    createdAt: createdAt(),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
  },
  (t) => [
    check("training_evaluation_links_phase_check", oneOf(t.phase, EVALUATION_PHASES)),
    check("training_evaluation_links_locale_check", oneOf(t.locale, EVALUATION_LOCALES)),
    uniqueIndex("training_evaluation_links_token_unique").on(t.tokenHash),
    index("training_evaluation_links_participant_idx").on(t.participantId, t.phase),
  ],
);

/**
 * A submitted self-assessment. The participant is kept only to pair pre with post; no route ever
 * shows an answer with its participant, and no figure rests on fewer than MIN_EVALUATION_ANSWERS.
 */
export const trainingEvaluationResponses = pgTable(
  "training_evaluation_responses",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    cohortId: uuid("cohort_id")
      .notNull()
      .references(() => trainingCohorts.id, { onDelete: "cascade" }),
    participantId: uuid("participant_id")
      .notNull()
      .references(() => trainingParticipants.id, { onDelete: "cascade" }),
    phase: text("phase").$type<EvaluationPhase>().notNull(),
    locale: text("locale").$type<EvaluationLocale>().notNull(),
    answers: jsonb("answers").$type<EvaluationAnswer[]>().notNull(),
    submittedAt: timestamp("submitted_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("training_evaluation_responses_phase_check", oneOf(t.phase, EVALUATION_PHASES)),
    check("training_evaluation_responses_locale_check", oneOf(t.locale, EVALUATION_LOCALES)),
    uniqueIndex("training_evaluation_responses_unique").on(t.participantId, t.phase),
    index("training_evaluation_responses_cohort_idx").on(t.cohortId, t.phase),
  ],
);

/** A certificate of attendance, verifiable by its code on the public verification page. */
export const trainingCertificates = pgTable(
  "training_certificates",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    cohortId: uuid("cohort_id")
      .notNull()
      .references(() => trainingCohorts.id, { onDelete: "cascade" }),
    participantId: uuid("participant_id")
      .notNull()
      .references(() => trainingParticipants.id, { onDelete: "cascade" }),
    /** The verification code printed on the certificate and carried by its QR code. */
    code: text("code").notNull(),
    content: jsonb("content").$type<CertificateContent>().notNull(),
    issuedAt: timestamp("issued_at", { withTimezone: true }).notNull().defaultNow(),
    issuedBy: uuid("issued_by").references(() => users.id, { onDelete: "set null" }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    revokedBy: uuid("revoked_by").references(() => users.id, { onDelete: "set null" }),
    revokeReason: text("revoke_reason").$type<CertificateRevokeReason>(),
  },
  (t) => [
    check("training_certificates_revoke_reason_check", oneOf(t.revokeReason, CERTIFICATE_REVOKE_REASONS)),
    check("training_certificates_revoked_check", sql`(${t.revokedAt} is null) = (${t.revokeReason} is null)`),
    uniqueIndex("training_certificates_code_unique").on(t.code),
    uniqueIndex("training_certificates_current_unique")
      .on(t.participantId)
      .where(sql`${t.revokedAt} is null`),
    index("training_certificates_cohort_idx").on(t.cohortId),
  ],
);

/** A message in a cohort's exchange space; it outlives the cohort. */
export const trainingPosts = pgTable(
  "training_posts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    cohortId: uuid("cohort_id")
      .notNull()
      .references(() => trainingCohorts.id, { onDelete: "cascade" }),
    /** The post it answers, for a thread. */
    parentId: uuid("parent_id").references((): AnyPgColumn => trainingPosts.id, { onDelete: "cascade" }),
    authorId: uuid("author_id").references(() => users.id, { onDelete: "set null" }),
    body: text("body").notNull(),
    createdAt: createdAt(),
    editedAt: timestamp("edited_at", { withTimezone: true }),
    deletedAt: timestamp("deleted_at", { withTimezone: true }),
  },
  (t) => [index("training_posts_cohort_idx").on(t.cohortId, t.createdAt)],
);

/** A shared material of a cohort's exchange space: a file, or a link. */
export const trainingMaterials = pgTable(
  "training_materials",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    cohortId: uuid("cohort_id")
      .notNull()
      .references(() => trainingCohorts.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    fileName: text("file_name"),
    mediaType: text("media_type"),
    content: bytea("content"),
    size: integer("size"),
    url: text("url"),
    uploadedBy: uuid("uploaded_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [
    check("training_materials_kind_check", sql`(${t.content} is null) <> (${t.url} is null)`),
    index("training_materials_cohort_idx").on(t.cohortId, t.createdAt),
  ],
);
