/**
 * The words of counselling (DOMAIN.md "Who uses it", "Data protection"): clients, cases, contacts,
 * consents. Codes are stable and go over the wire; labels live in the i18n catalogues under the
 * same code.
 */

/** Gender as the funder's statistics count it. */
export const GENDERS = ["female", "male", "diverse", "not_stated"] as const;
export type Gender = (typeof GENDERS)[number];

/** Age bands of the IQ reporting; kept even when no date of birth is recorded. */
export const AGE_BANDS = ["under_25", "25_34", "35_44", "45_54", "55_plus"] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

/** Residence status categories (Aufenthaltsstatus); a special-category field in Lotse. */
export const RESIDENCE_STATUSES = [
  "german_citizen",
  "eu_citizen",
  "settlement_permit",
  "residence_permit_employment",
  "residence_permit_16d",
  "residence_permit_humanitarian",
  "residence_permit_family",
  "temporary_protection_24",
  "asylum_seeker",
  "toleration",
  "other",
] as const;
export type ResidenceStatus = (typeof RESIDENCE_STATUSES)[number];

/**
 * Client fields that are special categories (Art. 9 DSGVO) or treated as such: hidden from
 * volunteers, never in analytics. The presenter and the export read this list.
 */
export const CLIENT_SPECIAL_FIELDS = ["residenceStatus", "healthNote", "religion", "ethnicOrigin"] as const;
export type ClientSpecialField = (typeof CLIENT_SPECIAL_FIELDS)[number];

/**
 * The client fields that are special categories in the sense of Art. 9 DSGVO (health, religion,
 * ethnic origin). The residence status is treated like them (hidden from volunteers) but is not an
 * Art. 9 category: only these three need a stated purpose and legal basis before they are recorded.
 */
export const ART9_FIELDS = ["healthNote", "religion", "ethnicOrigin"] as const;
export type Art9Field = (typeof ART9_FIELDS)[number];

/**
 * Legal bases that allow processing special categories (Art. 9 Abs. 2 DSGVO) in counselling:
 * explicit consent (which must then be recorded in the consent register), obligations of labour
 * and social law, a substantial public interest under § 22 BDSG, and health or social care.
 */
export const SPECIAL_LEGAL_BASES = ["art9_2a", "art9_2b", "art9_2g", "art9_2h"] as const;
export type SpecialLegalBasis = (typeof SPECIAL_LEGAL_BASES)[number];

/** States of a counselling case. */
export const CASE_STATUSES = ["open", "paused", "closed"] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** How a closed case ended. */
export const CASE_OUTCOMES = [
  "goal_reached",
  "referred_on",
  "employed",
  "in_qualification",
  "recognition_achieved",
  "client_withdrew",
  "client_unreachable",
  "moved_away",
  "other",
] as const;
export type CaseOutcome = (typeof CASE_OUTCOMES)[number];

/** Counselling types of the IQ counselling documentation. */
export const COUNSELLING_TYPES = [
  "anerkennungsberatung",
  "qualifizierungsberatung",
  "laufbahnberatung",
  "faire_integration",
  "existenzgruendungsberatung",
  "erstinformation",
  "sprachberatung",
  "other",
] as const;
export type CounsellingType = (typeof COUNSELLING_TYPES)[number];

/** How a counselling contact took place. */
export const CONTACT_MODES = ["in_person", "phone", "video", "email", "messenger", "outreach"] as const;
export type ContactMode = (typeof CONTACT_MODES)[number];

/** Who initiated a contact. */
export const CONTACT_INITIATORS = ["client", "counsellor", "referring_organisation", "third_party"] as const;
export type ContactInitiator = (typeof CONTACT_INITIATORS)[number];

/** How the person found the way to the counselling (Zugangsweg). */
export const ACCESS_ROUTES = [
  "self",
  "jobcenter",
  "employment_agency",
  "migrant_organisation",
  "migration_counselling",
  "chamber",
  "employer",
  "education_provider",
  "friends_family",
  "internet",
  "iq_network",
  "other",
] as const;
export type AccessRoute = (typeof ACCESS_ROUTES)[number];

/** The purposes a consent is given for (DOMAIN.md "Data protection"). */
export const CONSENT_PURPOSES = [
  "counselling_documentation",
  "statistics",
  "referral",
  "competence_profile_sharing",
  "follow_up_contact",
] as const;
export type ConsentPurpose = (typeof CONSENT_PURPOSES)[number];

/** Purposes that name a receiving organisation. */
export const PURPOSES_WITH_RECIPIENT: readonly ConsentPurpose[] = ["referral", "competence_profile_sharing"];

/** Legal bases under the DSGVO that Lotse records. */
export const LEGAL_BASES = ["art6_1a", "art9_2a", "art6_1b", "art6_1c", "art6_1e"] as const;
export type LegalBasis = (typeof LEGAL_BASES)[number];

/** Categories of personal data a consent covers. */
export const DATA_CATEGORIES = [
  "identity",
  "contact",
  "origin_and_residence",
  "qualifications",
  "recognition",
  "counselling_content",
  "competence_profile",
  "special_categories",
] as const;
export type DataCategory = (typeof DATA_CATEGORIES)[number];

/** How the consent was given. */
export const CONSENT_FORMS = ["signed", "oral"] as const;
export type ConsentForm = (typeof CONSENT_FORMS)[number];

/** Media types accepted for a scanned consent document. */
export const CONSENT_DOCUMENT_TYPES = ["application/pdf", "image/png", "image/jpeg"] as const;
/** Largest scanned consent document, in bytes. */
export const CONSENT_DOCUMENT_MAX_BYTES = 10 * 1024 * 1024;
