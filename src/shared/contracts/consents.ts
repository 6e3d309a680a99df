import { z } from "zod";
import { CONSENT_FORMS, CONSENT_PURPOSES, DATA_CATEGORIES, LEGAL_BASES } from "#shared/cases.ts";
import { ISO_639_1 } from "#shared/languages.ts";
import { Id, Timestamp } from "./common.ts";

export const ConsentParams = z.object({ consentId: Id });

/** Recording a consent the person gave for one purpose. */
export const ConsentCreate = z
  .object({
    purpose: z.enum(CONSENT_PURPOSES),
    recipientOrganisationId: Id.nullable()
      .optional()
      .describe("The receiving organisation; required for referral and competence-profile sharing"),
    legalBasis: z
      .enum(LEGAL_BASES)
      .describe("Art. 6(1)(a) for consent; Art. 9(2)(a) with special categories"),
    dataCategories: z
      .array(z.enum(DATA_CATEGORIES))
      .min(1)
      .refine((v) => new Set(v).size === v.length, { message: "duplicate" })
      .describe("Categories of data the consent covers"),
    recipients: z
      .string()
      .trim()
      .max(1000)
      .nullable()
      .optional()
      .describe("Recipients as named to the person"),
    informedLanguage: z.enum(ISO_639_1).describe("Language in which the person was informed, ISO 639-1"),
    form: z.enum(CONSENT_FORMS).describe("signed sheet, or oral with a file note"),
    fileNote: z
      .string()
      .trim()
      .max(2000)
      .nullable()
      .optional()
      .describe("How an oral consent was given; required for oral"),
    givenAt: Timestamp.optional().describe("When it was given; default now"),
  })
  .refine((v) => v.form !== "oral" || (v.fileNote ?? "").length > 0, {
    message: "file_note_required",
    path: ["fileNote"],
  })
  .meta({ id: "ConsentCreate" });
export type ConsentCreate = z.input<typeof ConsentCreate>;

export const ConsentDocumentInfo = z.object({
  fileName: z.string(),
  mediaType: z.string(),
  byteSize: z.number().int(),
  uploadedAt: Timestamp,
});

export const Consent = z
  .object({
    id: Id,
    clientId: Id,
    purpose: z.enum(CONSENT_PURPOSES),
    recipientOrganisation: z.object({ id: Id, name: z.string() }).nullable(),
    legalBasis: z.enum(LEGAL_BASES),
    dataCategories: z.array(z.enum(DATA_CATEGORIES)),
    recipients: z.string().nullable(),
    informedLanguage: z.string(),
    form: z.enum(CONSENT_FORMS),
    fileNote: z.string().nullable(),
    givenAt: Timestamp,
    withdrawnAt: Timestamp.nullable(),
    active: z.boolean(),
    recordedBy: z.object({ id: Id, name: z.string() }).nullable(),
    withdrawnBy: z.object({ id: Id, name: z.string() }).nullable(),
    document: ConsentDocumentInfo.nullable().describe("The scanned signed sheet, if uploaded"),
    abilities: z.object({ withdraw: z.boolean(), uploadDocument: z.boolean() }),
  })
  .meta({ id: "Consent" });
export type Consent = z.infer<typeof Consent>;
export const ConsentList = z.object({ items: z.array(Consent) }).meta({ id: "ConsentList" });

/** The printable information and consent sheet: German plus the person's language. */
export const ConsentSheetQuery = z.object({
  language: z
    .enum(ISO_639_1)
    .optional()
    .describe("Second language of the sheet; default the first preferred"),
  purposes: z
    .string()
    .refine((v) => v.split(",").every((p) => (CONSENT_PURPOSES as readonly string[]).includes(p.trim())), {
      message: "invalid_value",
    })
    .optional()
    .describe("Comma-separated purposes to print; default all five"),
});
