import { z } from "zod";
import { ISO_3166_1 } from "#shared/countries.ts";
import { OFFER_TYPES } from "#shared/directory.ts";
import {
  ANABIN_STATUSES,
  APPEAL_RESULTS,
  COMPENSATION_MEASURES,
  DIFFERENCE_KINDS,
  RECOGNITION_DECISIONS,
  RECOGNITION_LEGAL_BASES,
  RECOGNITION_NOTES,
  RECOGNITION_ROUTES,
  RECOGNITION_STATES,
  REGULATION_KINDS,
} from "#shared/recognition.ts";
import { DateOnly } from "./clients.ts";
import { Id, Timestamp } from "./common.ts";

const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();
export const QualificationParams = z.object({ qualificationId: Id });
export const ProcedureParams = z.object({ procedureId: Id });

export const QualificationInput = z
  .object({
    originalTitle: z.string().trim().min(1).max(300).describe("Title in the original language"),
    germanTitle: optionalText(300).describe("Title in German"),
    country: z.enum(ISO_3166_1).describe("Country where it was obtained, ISO 3166-1 alpha-2"),
    institution: optionalText(300),
    year: z.number().int().min(1940).max(2100).nullable().optional(),
    dqrLevel: z.number().int().min(1).max(8).nullable().optional().describe("DQR/EQF level 1–8"),
    iscedLevel: z.number().int().min(0).max(8).nullable().optional().describe("ISCED 2011 level 0–8"),
    anabinStatus: z.enum(ANABIN_STATUSES).default("unknown").describe("anabin status of the institution"),
  })
  .meta({ id: "QualificationCreate" });
export type QualificationInput = z.input<typeof QualificationInput>;
/** Fields left out stay as they are (so the anabin status has no default here). */
export const QualificationUpdate = QualificationInput.extend({ anabinStatus: z.enum(ANABIN_STATUSES) })
  .partial()
  .meta({ id: "QualificationUpdate" });

export const Difference = z
  .object({
    id: Id.optional().describe("Kept when editing; assigned by Lotse for a new difference"),
    kind: z.enum(DIFFERENCE_KINDS),
    description: z.string().trim().min(1).max(1000).describe("The difference as the decision states it"),
  })
  .meta({ id: "Difference" });

/** Opening a procedure for a qualification against a reference occupation. */
export const ProcedureCreate = z
  .object({
    qualificationId: Id,
    caseId: Id.nullable().optional().describe("The case in which the journey is counselled"),
    referenceOccupationCode: z
      .string()
      .regex(/^[0-9]{5}$/)
      .describe("KldB 2010 occupation (five digits)"),
    regulated: z.boolean().describe("Regulated profession (licence needed)"),
    legalBasis: z.enum(RECOGNITION_LEGAL_BASES).nullable().optional(),
    authorityOrganisationId: Id.nullable()
      .optional()
      .describe("Competent authority, an organisation of the directory"),
  })
  .meta({ id: "ProcedureCreate" });
export type ProcedureCreate = z.input<typeof ProcedureCreate>;

/**
 * A change of a procedure; fields left out stay as they are. `state` moves the journey and must be
 * an allowed move from the current state. Needs If-Match.
 */
export const ProcedureUpdate = z
  .object({
    state: z.enum(RECOGNITION_STATES).optional(),
    referenceOccupationCode: z
      .string()
      .regex(/^[0-9]{5}$/)
      .optional(),
    regulated: z.boolean().optional(),
    legalBasis: z.enum(RECOGNITION_LEGAL_BASES).nullable().optional(),
    authorityOrganisationId: Id.nullable().optional(),
    decision: z.enum(RECOGNITION_DECISIONS).nullable().optional(),
    differences: z.array(Difference).max(30).optional(),
    compensationMeasure: z.enum(COMPENSATION_MEASURES).nullable().optional(),
    appliedAt: DateOnly.nullable().optional(),
    documentsCompleteAt: DateOnly.nullable().optional(),
    decidedAt: DateOnly.nullable().optional(),
    appealFiledAt: DateOnly.nullable().optional(),
    appealResult: z.enum(APPEAL_RESULTS).nullable().optional(),
    permit16dUntil: DateOnly.nullable().optional().describe("End of a §16d AufenthG residence permit"),
  })
  .meta({ id: "ProcedureUpdate" });
export type ProcedureUpdate = z.infer<typeof ProcedureUpdate>;

/**
 * Whether the reference occupation is regulated in Germany and who is competent for recognition in
 * Sachsen-Anhalt (for regulated professions), or who assesses a foreign qualification (for the
 * others), as the Anerkennungs-Finder answers it — from the list Lotse ships with its sources.
 */
export const OccupationRecognition = z
  .object({
    regulated: z.boolean().describe("A licence or the right to the title is needed to work in it"),
    route: z.enum(RECOGNITION_ROUTES).describe("Who recognises or assesses, in short"),
    profession: z.string().nullable().describe("The regulated profession (German), when regulated"),
    kind: z.enum(REGULATION_KINDS).nullable().describe("Licence to practise, or the job title only"),
    law: z.string().nullable().describe("The legal basis of the regulation (German)"),
    legalBasis: z.enum(RECOGNITION_LEGAL_BASES).nullable().describe("To preset a procedure's legal basis"),
    bodies: z
      .array(
        z.object({
          name: z.string(),
          url: z.string().nullable().describe("Web address, only where Lotse is sure of it"),
          certain: z.boolean().describe("False where the sources leave the competence open"),
        }),
      )
      .describe("Competent authority (regulated) or the bodies that assess (not regulated)"),
    notes: z.array(z.enum(RECOGNITION_NOTES)),
  })
  .meta({ id: "OccupationRecognition" });
export type OccupationRecognition = z.infer<typeof OccupationRecognition>;

export const Procedure = z
  .object({
    id: Id,
    qualificationId: Id,
    caseId: Id.nullable(),
    referenceOccupation: z.object({ code: z.string(), title: z.string(), field: z.string() }),
    regulated: z.boolean(),
    legalBasis: z.enum(RECOGNITION_LEGAL_BASES).nullable(),
    authority: z.object({ id: Id, name: z.string() }).nullable(),
    recognition: OccupationRecognition.describe(
      "What Lotse's list says about the reference occupation in Sachsen-Anhalt (a hint beside what was recorded)",
    ),
    state: z.enum(RECOGNITION_STATES),
    nextStates: z.array(z.enum(RECOGNITION_STATES)).describe("Moves allowed from the current state"),
    decision: z.enum(RECOGNITION_DECISIONS).nullable(),
    differences: z.array(Difference.required({ id: true })),
    compensationMeasure: z.enum(COMPENSATION_MEASURES).nullable(),
    appliedAt: DateOnly.nullable(),
    documentsCompleteAt: DateOnly.nullable(),
    decisionDueAt: DateOnly.nullable().describe("Three months after the documents were complete"),
    decidedAt: DateOnly.nullable(),
    appealFiledAt: DateOnly.nullable(),
    appealResult: z.enum(APPEAL_RESULTS).nullable(),
    permit16dUntil: DateOnly.nullable(),
    history: z.array(
      z.object({
        fromState: z.enum(RECOGNITION_STATES).nullable(),
        toState: z.enum(RECOGNITION_STATES),
        at: Timestamp,
      }),
    ),
    version: z.number().int().describe("Send back as If-Match (also the ETag) when updating"),
    createdAt: Timestamp,
    updatedAt: Timestamp,
    abilities: z.object({ update: z.boolean() }),
  })
  .meta({ id: "Procedure" });
export type Procedure = z.infer<typeof Procedure>;

export const Qualification = z
  .object({
    id: Id,
    clientId: Id,
    originalTitle: z.string(),
    germanTitle: z.string().nullable(),
    country: z.string(),
    institution: z.string().nullable(),
    year: z.number().int().nullable(),
    dqrLevel: z.number().int().nullable(),
    iscedLevel: z.number().int().nullable(),
    anabinStatus: z.enum(ANABIN_STATUSES),
    procedures: z.array(Procedure),
    createdAt: Timestamp,
    updatedAt: Timestamp,
    abilities: z.object({ update: z.boolean() }),
  })
  .meta({ id: "Qualification" });
export type Qualification = z.infer<typeof Qualification>;
export const QualificationList = z
  .object({ items: z.array(Qualification) })
  .meta({ id: "QualificationList" });

/** KldB 2010 occupations (level 5) found by their title or by everyday job titles (ESCO, Lotse's own). */
export const OccupationQuery = z.object({
  q: z
    .string()
    .trim()
    .min(2)
    .max(100)
    .describe("A job title as people say it (Krankenschwester, Ingenieur), part of a KldB title, or a code"),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});
export const Occupation = z.object({
  code: z.string().describe("Five-digit KldB 2010 code"),
  title: z.string(),
  field: z.string().describe("Occupation field (Berufshauptgruppe), two digits"),
  fieldTitle: z.string(),
  matched: z
    .object({
      label: z.string().describe("The everyday title that matched, e.g. Krankenschwester"),
      source: z.enum(["esco", "lotse"]).describe("An ESCO label, or a title Lotse adds itself"),
      escoUri: z.string().nullable().describe("The ESCO occupation, when the title is ESCO's"),
    })
    .nullable()
    .describe("Set when an everyday title rather than the KldB title matched"),
  recognition: OccupationRecognition,
});
export const OccupationList = z.object({ items: z.array(Occupation) }).meta({ id: "OccupationList" });

/** Organisations that can act as competent authority, found by name. */
export const AuthorityQuery = z.object({ q: z.string().trim().max(100).optional() });
export const AuthorityList = z
  .object({ items: z.array(z.object({ id: Id, name: z.string(), type: z.string() })) })
  .meta({ id: "AuthorityList" });

/** Offers that can close the differences of a partial or negative decision. */
export const SuggestedOffer = z.object({
  id: Id,
  name: z.string(),
  organisationName: z.string(),
  offerType: z.enum(OFFER_TYPES),
  districts: z.array(z.string()),
  phases: z.array(z.number().int()),
  matchesOccupationField: z.boolean(),
  matchesDistrict: z.boolean(),
});
export const Suggestions = z
  .object({
    items: z.array(
      z.object({
        differenceId: Id,
        kind: z.enum(DIFFERENCE_KINDS),
        description: z.string(),
        offers: z.array(SuggestedOffer),
      }),
    ),
  })
  .meta({ id: "Suggestions" });
export type Suggestions = z.infer<typeof Suggestions>;

/** KldB 2010 occupation fields (Berufshauptgruppen) that qualification offers are tagged with. */
export const OccupationFieldList = z
  .object({ items: z.array(z.object({ code: z.string().describe("Two digits"), title: z.string() })) })
  .meta({ id: "OccupationFieldList" });
