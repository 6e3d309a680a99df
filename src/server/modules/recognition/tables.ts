import { sql } from "drizzle-orm";
import {
  bigserial,
  boolean,
  check,
  date,
  index,
  jsonb,
  pgTable,
  smallint,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { createdAt, updatedAt, version } from "#server/db/columns.ts";
import { cases, clients } from "#server/modules/cases/tables.ts";
import { organisations, users } from "#server/platform/tables.ts";
import type {
  AnabinStatus,
  AppealResult,
  CompensationMeasure,
  RecognitionDecision,
  RecognitionLegalBasis,
  RecognitionState,
} from "#shared/recognition.ts";

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
    anabinStatus: text("anabin_status").$type<AnabinStatus>().notNull().default("unknown"),
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
    legalBasis: text("legal_basis").$type<RecognitionLegalBasis>(),
    authorityOrganisationId: uuid("authority_organisation_id").references(() => organisations.id, {
      onDelete: "set null",
    }),
    state: text("state").$type<RecognitionState>().notNull().default("enquiry"),
    decision: text("decision").$type<RecognitionDecision>(),
    /** Substantial differences of the decision: [{ id, kind, description }]. */
    differences: jsonb("differences")
      .$type<{ id: string; kind: string; description: string }[]>()
      .notNull()
      .default([]),
    compensationMeasure: text("compensation_measure").$type<CompensationMeasure>(),
    appliedAt: date("applied_at"),
    documentsCompleteAt: date("documents_complete_at"),
    decidedAt: date("decided_at"),
    appealFiledAt: date("appeal_filed_at"),
    appealResult: text("appeal_result").$type<AppealResult>(),
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
    fromState: text("from_state").$type<RecognitionState>(),
    toState: text("to_state").$type<RecognitionState>().notNull(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    actorUserId: uuid("actor_user_id").references(() => users.id, { onDelete: "set null" }),
  },
  (t) => [index("recognition_state_changes_procedure_idx").on(t.procedureId, t.at)],
);
