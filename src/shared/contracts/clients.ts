import { z } from "zod";
import { AGE_BANDS, GENDERS, RESIDENCE_STATUSES, SPECIAL_LEGAL_BASES } from "#shared/cases.ts";
import { ISO_3166_1 } from "#shared/countries.ts";
import { DISTRICT_KEYS } from "#shared/domain.ts";
import { ISO_639_1 } from "#shared/languages.ts";
import { Id, Timestamp } from "./common.ts";

const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();
/** A calendar date, YYYY-MM-DD. */
export const DateOnly = z.iso.date().describe("Calendar date, YYYY-MM-DD");
export const ClientParams = z.object({ clientId: Id });

/**
 * Special categories of personal data (Art. 9 DSGVO) and the residence status, which Lotse treats
 * alike: hidden from volunteers, never in analytics, exported and erased with the client.
 */
export const ClientSpecial = z
  .object({
    residenceStatus: z.enum(RESIDENCE_STATUSES).nullable().optional().describe("Residence status category"),
    healthNote: optionalText(2000).describe("Health restrictions relevant to work or training (Art. 9)"),
    religion: optionalText(200).describe("Religion, only where the person wants it recorded (Art. 9)"),
    ethnicOrigin: optionalText(200).describe(
      "Ethnic origin, only where the person wants it recorded (Art. 9)",
    ),
    purpose: optionalText(1000).describe(
      "Why the Art. 9 fields are needed for the counselling; required while any of them holds a value",
    ),
    legalBasis: z
      .enum(SPECIAL_LEGAL_BASES)
      .nullable()
      .optional()
      .describe(
        "Art. 9 Abs. 2 legal basis of the Art. 9 fields; art9_2a needs a documentation consent covering special categories",
      ),
  })
  .meta({ id: "ClientSpecial" });
export type ClientSpecial = z.infer<typeof ClientSpecial>;

/** What a counsellor records about a person: no more than counselling needs. */
export const ClientInput = z.object({
  name: z.string().trim().min(1).max(200).describe("Name, or a pseudonym if the person prefers"),
  isPseudonym: z.boolean().default(false).describe("The name is a pseudonym chosen with the person"),
  dateOfBirth: DateOnly.nullable().optional().describe("Date of birth, optional"),
  email: z.email().max(254).nullable().optional().describe("E-mail address"),
  phone: optionalText(50).describe("Phone number"),
  districtAgs: z.enum(DISTRICT_KEYS).nullable().optional().describe("District of residence (AGS key)"),
  preferredLanguages: z
    .array(z.enum(ISO_639_1))
    .max(10)
    .default([])
    .describe("Languages the person prefers, ISO 639-1, first is the main one"),
  countryOfOrigin: z.enum(ISO_3166_1).nullable().optional().describe("Country of origin, ISO 3166-1 alpha-2"),
  entryYear: z.number().int().min(1940).max(2100).nullable().optional().describe("Year of entry to Germany"),
  qualificationCountry: z
    .enum(ISO_3166_1)
    .nullable()
    .optional()
    .describe("Country where the (main) qualification was obtained"),
  gender: z.enum(GENDERS).nullable().optional(),
  ageBand: z.enum(AGE_BANDS).nullable().optional().describe("Age band, kept even without a date of birth"),
  special: ClientSpecial.optional().describe("Special-category fields; only counsellors see and write them"),
});
export type ClientInput = z.infer<typeof ClientInput>;

/** Creating a client: a possible duplicate in the organisation must be confirmed. */
export const ClientCreate = ClientInput.extend({
  confirmNotDuplicate: z
    .boolean()
    .default(false)
    .describe("The counsellor has seen the possible duplicates and still creates a new record"),
}).meta({ id: "ClientCreate" });
export type ClientCreate = z.input<typeof ClientCreate>;

/**
 * A change of a client record; fields left out stay as they are. Needs If-Match. The fields with a
 * default in ClientInput are redeclared without it: zod keeps a default under partial(), which would
 * silently reset them on every update that leaves them out.
 */
const withoutDefault = <T extends z.ZodType>(field: z.ZodDefault<T>) =>
  field.unwrap().describe(field.description ?? "");
export const ClientUpdate = ClientInput.extend({
  isPseudonym: withoutDefault(ClientInput.shape.isPseudonym),
  preferredLanguages: withoutDefault(ClientInput.shape.preferredLanguages),
})
  .partial()
  .meta({ id: "ClientUpdate" });
export type ClientUpdate = z.infer<typeof ClientUpdate>;

export const Client = z
  .object({
    id: Id,
    organisationId: Id,
    pseudonym: z.string().describe("Code that stands for the person in logs and analytics"),
    name: z.string(),
    isPseudonym: z.boolean(),
    dateOfBirth: DateOnly.nullable(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    districtAgs: z.string().nullable(),
    preferredLanguages: z.array(z.string()),
    countryOfOrigin: z.string().nullable(),
    entryYear: z.number().int().nullable(),
    qualificationCountry: z.string().nullable(),
    gender: z.enum(GENDERS).nullable(),
    ageBand: z.enum(AGE_BANDS).nullable(),
    special: ClientSpecial.nullable().describe("Null when the caller may not see special categories"),
    version: z.number().int().describe("Send back as If-Match (also the ETag) when updating"),
    createdAt: Timestamp,
    updatedAt: Timestamp,
    abilities: z.object({
      update: z.boolean(),
      readSpecial: z.boolean(),
      export: z.boolean(),
      erase: z.boolean(),
      manageConsents: z.boolean(),
      manageRecognition: z.boolean(),
    }),
  })
  .meta({ id: "Client" });
export type Client = z.infer<typeof Client>;

export const DuplicateCheck = z
  .object({
    name: z.string().trim().min(1).max(200),
    dateOfBirth: DateOnly.nullable().optional(),
  })
  .meta({ id: "DuplicateCheck" });

/** A record of the same organisation that may be the same person. */
export const DuplicateCandidate = z.object({
  id: Id,
  pseudonym: z.string(),
  name: z.string(),
  dateOfBirth: DateOnly.nullable(),
  openCaseIds: z.array(Id).describe("Open or paused cases of that record the caller may open"),
});
export const DuplicateCandidates = z
  .object({ candidates: z.array(DuplicateCandidate) })
  .meta({ id: "DuplicateCandidates" });
export type DuplicateCandidates = z.infer<typeof DuplicateCandidates>;
