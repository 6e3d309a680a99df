import { z } from "zod";
import {
  BUSINESS_STAGES,
  CEFR_LEVELS,
  EDUCATION_KINDS,
  ENTRECOMP_KEYS,
  ESCO_OCCUPATION_URI,
  ESCO_SKILL_URI,
  EVIDENCE_KINDS,
  GOAL_STEPS_MAX,
  KOMBI_STEPS,
  LANGUAGE_CERTIFICATES,
  LEARNING_CONTEXTS,
  PHASE_KINDS,
  PROFILE_SECTIONS,
} from "#shared/competences.ts";
import { ISO_3166_1 } from "#shared/countries.ts";
import { ISO_639_1 } from "#shared/languages.ts";
import { DateOnly } from "./clients.ts";
import { Id, Timestamp } from "./common.ts";

// The competence profile is one document per client (decision 015): its content below is the
// contract of every save, every version, every share snapshot, the PDF and the Europass export.

const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) => z.string().trim().max(max).nullable().default(null);
/** An item id: kept when editing, made by the client for a new item (crypto.randomUUID()). */
const ItemId = z.uuid().describe("Identifier of the item within the profile");
/** Month precision is what a biography knows: YYYY-MM. */
export const Month = z
  .string()
  .regex(/^(19[0-9]{2}|20[0-9]{2}|2100)-(0[1-9]|1[0-2])$/)
  .describe("Month, YYYY-MM");
const Country = z.enum(ISO_3166_1).nullable().default(null).describe("Country, ISO 3166-1 alpha-2");
const Rating = z.number().int().min(1).max(4).nullable().default(null).describe("1 beginning … 4 expert");
/**
 * An entry touching special categories (Art. 9 DSGVO: health, religion, …): never shown to
 * volunteers, never shared unless the sharing consent covers special categories.
 */
const Special = z.boolean().default(false).describe("Touches special categories of personal data (Art. 9)");

export const EscoSkillUri = z.string().regex(ESCO_SKILL_URI).describe("ESCO skill URI (v1.2)");
export const EscoOccupationUri = z.string().regex(ESCO_OCCUPATION_URI).describe("ESCO occupation URI (v1.2)");
export const KldbCode = z
  .string()
  .regex(/^[0-9]{5}$/)
  .describe("KldB 2010 occupation (five digits)");

export const Activity = z
  .object({
    id: ItemId,
    description: text(1000).describe("What the client did, in the client's words"),
    special: Special,
  })
  .meta({ id: "CompetenceActivity" });

export const Phase = z
  .object({
    id: ItemId,
    kind: z.enum(PHASE_KINDS),
    title: text(300),
    from: Month,
    to: Month.nullable().default(null).describe("Last month; null while it lasts"),
    country: Country,
    place: optionalText(200),
    activities: z.array(Activity).max(50).default([]),
    special: Special,
  })
  .meta({ id: "CompetencePhase" });

export const Evidence = z
  .object({ kind: z.enum(EVIDENCE_KINDS), note: optionalText(500) })
  .meta({ id: "CompetenceEvidence" });

/** A competence derived from activities (KomBI step 3); coded to ESCO where ESCO has it. */
export const Competence = z
  .object({
    id: ItemId,
    title: text(300).describe("The competence in words (the ESCO label when coded)"),
    escoUri: EscoSkillUri.nullable().default(null),
    context: z.enum(LEARNING_CONTEXTS).default("informal"),
    activityIds: z.array(ItemId).max(50).default([]).describe("The activities it was derived from"),
    evidence: z.array(Evidence).max(10).default([]),
    clientRating: Rating,
    counsellorRating: Rating,
    special: Special,
  })
  .meta({ id: "Competence" });

/** Education and qualifications of the profile's own; foreign qualifications come from recognition. */
export const Education = z
  .object({
    id: ItemId,
    kind: z.enum(EDUCATION_KINDS),
    title: text(300),
    institution: optionalText(300),
    country: Country,
    from: Month.nullable().default(null),
    to: Month.nullable().default(null),
    completed: z.boolean().default(true),
    eqfLevel: z.number().int().min(1).max(8).nullable().default(null).describe("DQR/EQF level 1–8"),
    iscedLevel: z.number().int().min(0).max(8).nullable().default(null).describe("ISCED 2011 level 0–8"),
  })
  .meta({ id: "CompetenceEducation" });

export const WorkExperience = z
  .object({
    id: ItemId,
    title: text(300).describe("The occupation as the client names it"),
    escoOccupationUri: EscoOccupationUri.nullable().default(null),
    kldbCode: KldbCode.nullable().default(null),
    employer: optionalText(300),
    country: Country,
    from: Month,
    to: Month.nullable().default(null),
    tasks: optionalText(2000),
  })
  .meta({ id: "CompetenceWork" });

const CefrLevel = z.enum(CEFR_LEVELS).nullable().default(null);
export const LanguageCertificate = z
  .object({
    kind: z.enum(LANGUAGE_CERTIFICATES),
    name: optionalText(200).describe("Name of the exam, e.g. telc Deutsch B1·B2 Pflege"),
    level: z.enum(CEFR_LEVELS).nullable().default(null),
    date: DateOnly.nullable().default(null),
  })
  .meta({ id: "LanguageCertificate" });
export const LanguageSkill = z
  .object({
    language: z.enum(ISO_639_1),
    listening: CefrLevel,
    reading: CefrLevel,
    spokenInteraction: CefrLevel,
    spokenProduction: CefrLevel,
    writing: CefrLevel,
    certificates: z.array(LanguageCertificate).max(10).default([]),
  })
  .meta({ id: "LanguageSkill" });
export const Languages = z
  .object({
    motherTongues: z.array(z.enum(ISO_639_1)).max(5).default([]),
    other: z.array(LanguageSkill).max(20).default([]),
  })
  .meta({ id: "CompetenceLanguages" });

export const Interest = z
  .object({ id: ItemId, text: text(500), special: Special })
  .meta({ id: "CompetenceInterest" });

/** A goal; its next steps live in the case (taken over, not typed twice): `caseNextStepIds`. */
export const Goal = z
  .object({
    id: ItemId,
    text: text(1000),
    selfEmployment: z.boolean().default(false).describe("The goal is self-employment"),
    caseNextStepIds: z
      .array(Id)
      .max(GOAL_STEPS_MAX)
      .default([])
      .describe("Next steps of the case taken over from this goal"),
    special: Special,
  })
  .meta({ id: "CompetenceGoal" });

export const Entrepreneurship = z
  .object({
    businessIdea: z
      .object({
        field: text(300).describe("Field of the business"),
        stage: z.enum(BUSINESS_STAGES),
        description: optionalText(2000),
        needs: optionalText(2000).describe("What is needed: capital, premises, licences, advice …"),
      })
      .nullable()
      .default(null),
    entreComp: z
      .array(
        z.object({
          competence: z.enum(ENTRECOMP_KEYS),
          level: z.number().int().min(1).max(8).describe("EntreComp progression level 1–8"),
          note: optionalText(500),
        }),
      )
      .max(15)
      .default([]),
  })
  .meta({ id: "CompetenceEntrepreneurship" });

/** The whole content of a profile. */
export const ProfileContent = z
  .object({
    step: z.enum(KOMBI_STEPS).default("phases").describe("The KomBI step to resume at"),
    phases: z.array(Phase).max(60).default([]),
    competences: z.array(Competence).max(200).default([]),
    education: z.array(Education).max(40).default([]),
    work: z.array(WorkExperience).max(60).default([]),
    languages: Languages.default({ motherTongues: [], other: [] }),
    interests: z.array(Interest).max(40).default([]),
    goals: z.array(Goal).max(30).default([]),
    entrepreneurship: Entrepreneurship.default({ businessIdea: null, entreComp: [] }),
  })
  .meta({ id: "CompetenceProfileContent" });
export type ProfileContent = z.output<typeof ProfileContent>;
export type ProfileContentInput = z.input<typeof ProfileContent>;

/** A save of a sitting: the parts sent replace the profile's parts; left out stays. Needs If-Match. */
// Built from the inner schemas without their defaults: `.partial()` would fill a key left out
// with its default (an empty list) and so erase it.
export const ProfileUpdate = z
  .object({
    step: ProfileContent.shape.step.unwrap().optional(),
    phases: ProfileContent.shape.phases.unwrap().optional(),
    competences: ProfileContent.shape.competences.unwrap().optional(),
    education: ProfileContent.shape.education.unwrap().optional(),
    work: ProfileContent.shape.work.unwrap().optional(),
    languages: ProfileContent.shape.languages.unwrap().optional(),
    interests: ProfileContent.shape.interests.unwrap().optional(),
    goals: ProfileContent.shape.goals.unwrap().optional(),
    entrepreneurship: ProfileContent.shape.entrepreneurship.unwrap().optional(),
  })
  .meta({ id: "CompetenceProfileUpdate" });
export type ProfileUpdate = z.input<typeof ProfileUpdate>;

export const ProfileCreate = z
  .object({
    caseId: Id.nullable().default(null).describe("The case whose next steps the goals feed"),
  })
  .meta({ id: "CompetenceProfileCreate" });

export const ProfileParams = z.object({ profileId: Id });
export const ShareParams = z.object({ shareId: Id });

/** Labels of the ESCO and KldB codes a profile uses, in German and English. */
export const CodeLabels = z.record(
  z.string(),
  z.object({ de: z.string().nullable(), en: z.string().nullable() }),
);

/** A foreign qualification of the recognition module, shown in the education section (read only). */
export const LinkedQualification = z.object({
  id: Id,
  originalTitle: z.string(),
  germanTitle: z.string().nullable(),
  country: z.string(),
  year: z.number().int().nullable(),
  eqfLevel: z.number().int().nullable(),
  iscedLevel: z.number().int().nullable(),
  recognitionState: z.string().nullable().describe("State of its latest recognition procedure"),
});

export const LinkedNextStep = z.object({
  id: Id,
  title: z.string(),
  dueDate: DateOnly.nullable(),
  doneAt: Timestamp.nullable(),
});

export const Profile = z
  .object({
    id: Id,
    clientId: Id,
    caseId: Id.nullable(),
    version: z.number().int().describe("Send back in If-Match when saving"),
    content: ProfileContent,
    /** Volunteers get the content without special-category entries; this says so. */
    withheldSpecial: z.boolean(),
    qualifications: z.array(LinkedQualification),
    nextSteps: z.array(LinkedNextStep).describe("The case's next steps the goals point at"),
    labels: CodeLabels,
    createdAt: Timestamp,
    updatedAt: Timestamp,
    updatedByName: z.string().nullable(),
  })
  .meta({ id: "CompetenceProfile" });
export type Profile = z.infer<typeof Profile>;

export const ProfileSummary = z.object({
  id: Id,
  clientId: Id,
  clientName: z.string(),
  step: z.enum(KOMBI_STEPS),
  version: z.number().int(),
  updatedAt: Timestamp,
});
export const ProfileList = z.object({ items: z.array(ProfileSummary), total: z.number().int() });

export const ProfileVersion = z.object({
  version: z.number().int(),
  at: Timestamp.describe("When the sitting ended (its last save)"),
  startedAt: Timestamp,
  byName: z.string().nullable(),
  sections: z.array(z.enum(PROFILE_SECTIONS)).describe("Sections the sitting changed"),
});
export const ProfileVersionList = z.object({ items: z.array(ProfileVersion) });
/** Versions are PostgreSQL integers: a larger number names none and must not reach the query. */
const VersionNumber = z.coerce.number().int().min(1).max(2_147_483_647);
export const CompareQuery = z.object({ from: VersionNumber, to: VersionNumber });
/** What changed in one section between two versions, item by item. */
export const SectionChange = z.object({
  section: z.enum(PROFILE_SECTIONS),
  added: z.array(z.string()).describe("Items only in the later version, in words"),
  removed: z.array(z.string()).describe("Items only in the earlier version"),
  changed: z.array(z.object({ item: z.string(), fields: z.array(z.string()) })),
});
export const ProfileComparison = z.object({
  from: ProfileVersion,
  to: ProfileVersion,
  sections: z.array(SectionChange).describe("Only sections with a change"),
});

export const NextStepFromGoal = z
  .object({
    goalId: ItemId,
    title: text(500),
    dueDate: DateOnly.nullable().default(null),
    offerId: Id.nullable().default(null).describe("An offer of the directory, e.g. a start-up offer"),
  })
  .meta({ id: "CompetenceNextStepFromGoal" });

export const StartupOffer = z.object({
  id: Id,
  name: z.string(),
  organisationId: Id,
  organisationName: z.string(),
  city: z.string().nullable(),
});
export const StartupOfferList = z.object({ items: z.array(StartupOffer) });

export const PdfQuery = z.object({
  language: z
    .string()
    .optional()
    .describe("The client's language beside German; default: the client's first language"),
});
export const EuropassQuery = z.object({
  format: z.enum(["jsonld", "jws"]).default("jsonld").describe("jws: signed with the installation's key"),
});

export const ShareCreate = z
  .object({
    recipientOrganisationId: Id,
    recipientUserId: Id.nullable()
      .default(null)
      .describe("A named person of the recipient (e.g. a company contact); null: the organisation"),
    sections: z.array(z.enum(PROFILE_SECTIONS)).min(1).max(PROFILE_SECTIONS.length),
  })
  .meta({ id: "CompetenceShareCreate" });

/** Who a profile can be shared with: the organisations the client consented to, and their people. */
export const ShareRecipientList = z.object({
  items: z.array(
    z.object({
      organisationId: Id,
      organisationName: z.string(),
      people: z.array(z.object({ userId: Id, name: z.string(), role: z.string() })),
    }),
  ),
});

export const Share = z
  .object({
    id: Id,
    profileId: Id,
    recipientOrganisationId: Id,
    recipientOrganisationName: z.string(),
    recipientUserId: Id.nullable(),
    recipientUserName: z.string().nullable(),
    sections: z.array(z.enum(PROFILE_SECTIONS)),
    version: z.number().int().describe("The profile version the snapshot was taken of"),
    sharedAt: Timestamp,
    sharedByName: z.string().nullable(),
    endedAt: Timestamp.nullable(),
    endReason: z.enum(["revoked", "consent_withdrawn"]).nullable(),
  })
  .meta({ id: "CompetenceShare" });
export const ShareList = z.object({ items: z.array(Share) });

/** What a recipient sees: the snapshot of exactly the shared sections. */
export const ReceivedShare = z
  .object({
    id: Id,
    senderOrganisationName: z.string(),
    clientName: z.string().describe("The client's name as the consent allows it to be shared"),
    sections: z.array(z.enum(PROFILE_SECTIONS)),
    sharedAt: Timestamp,
    content: ProfileUpdate.describe("Only the shared sections' parts"),
    qualifications: z.array(LinkedQualification),
    labels: CodeLabels,
  })
  .meta({ id: "CompetenceReceivedShare" });
export const ReceivedShareSummary = z.object({
  id: Id,
  senderOrganisationName: z.string(),
  clientName: z.string(),
  sections: z.array(z.enum(PROFILE_SECTIONS)),
  sharedAt: Timestamp,
});
export const ReceivedShareList = z.object({ items: z.array(ReceivedShareSummary) });
