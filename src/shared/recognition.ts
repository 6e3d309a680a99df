import type { OfferType } from "./directory.ts";

/**
 * The recognition journey of a foreign qualification (DOMAIN.md "Recognition"): states, the moves
 * between them, decisions and the measures that close substantial differences.
 */

/** anabin status of the institution that awarded the qualification. */
export const ANABIN_STATUSES = ["h_plus", "h_plus_minus", "h_minus", "unknown"] as const;
export type AnabinStatus = (typeof ANABIN_STATUSES)[number];

/** DQR/EQF levels 1–8. */
export const DQR_LEVELS = [1, 2, 3, 4, 5, 6, 7, 8] as const;
/** ISCED 2011 levels 0–8. */
export const ISCED_LEVELS = [0, 1, 2, 3, 4, 5, 6, 7, 8] as const;

/** Legal basis of the recognition procedure. */
export const RECOGNITION_LEGAL_BASES = [
  "bqfg",
  "hwo",
  "bbig",
  "federal_profession_law",
  "state_law",
  "zab_statement",
  "other",
] as const;
export type RecognitionLegalBasis = (typeof RECOGNITION_LEGAL_BASES)[number];

/** The stages of the journey, in their ideal order. */
export const RECOGNITION_STATES = [
  "enquiry",
  "counselled",
  "collecting_documents",
  "applied",
  "documents_complete",
  "decided",
  "appeal",
  "measure_planned",
  "measure_in_progress",
  "measure_completed",
  "full_recognition",
  "job_search",
  "employed_at_level",
  "employed_below_level",
  "not_employed",
] as const;
export type RecognitionState = (typeof RECOGNITION_STATES)[number];

/** The moves the journey allows; anything else is refused. */
export const RECOGNITION_TRANSITIONS: Record<RecognitionState, readonly RecognitionState[]> = {
  enquiry: ["counselled"],
  counselled: ["collecting_documents"],
  collecting_documents: ["applied"],
  applied: ["documents_complete"],
  documents_complete: ["decided"],
  decided: ["appeal", "measure_planned", "full_recognition", "job_search"],
  appeal: ["decided"],
  measure_planned: ["measure_in_progress"],
  measure_in_progress: ["measure_completed"],
  measure_completed: ["applied", "full_recognition", "job_search"],
  full_recognition: ["job_search"],
  job_search: ["employed_at_level", "employed_below_level", "not_employed"],
  employed_at_level: [],
  employed_below_level: ["job_search"],
  not_employed: ["job_search"],
};

/** Decisions of an authority; which apply depends on whether the profession is regulated. */
export const RECOGNITION_DECISIONS = [
  "full",
  "compensation_required",
  "rejected",
  "partial",
  "none",
] as const;
export type RecognitionDecision = (typeof RECOGNITION_DECISIONS)[number];
export const REGULATED_DECISIONS: readonly RecognitionDecision[] = [
  "full",
  "compensation_required",
  "rejected",
];
export const NON_REGULATED_DECISIONS: readonly RecognitionDecision[] = ["full", "partial", "none"];
/** Decisions that list substantial differences (§7(2) BQFG) and lead to suggestions. */
export const DECISIONS_WITH_DIFFERENCES: readonly RecognitionDecision[] = [
  "compensation_required",
  "rejected",
  "partial",
  "none",
];

/** Compensation measures for regulated professions. */
export const COMPENSATION_MEASURES = ["anpassungslehrgang", "kenntnispruefung", "eignungspruefung"] as const;
export type CompensationMeasure = (typeof COMPENSATION_MEASURES)[number];

/** What a substantial difference concerns; decides which kinds of offer can close it. */
export const DIFFERENCE_KINDS = [
  "theoretical_knowledge",
  "practical_skills",
  "professional_experience",
  "legal_knowledge",
  "language",
  "whole_qualification",
] as const;
export type DifferenceKind = (typeof DIFFERENCE_KINDS)[number];

/** Offer types of the directory that can close a difference of each kind, best first. */
export const OFFER_TYPES_FOR_DIFFERENCE: Record<DifferenceKind, readonly OfferType[]> = {
  theoretical_knowledge: ["nachqualifizierung", "anpassungsqualifizierung"],
  practical_skills: ["anpassungsqualifizierung", "nachqualifizierung"],
  professional_experience: ["anpassungsqualifizierung", "externenpruefung_validierung"],
  legal_knowledge: ["anpassungsqualifizierung", "nachqualifizierung"],
  language: ["berufssprachkurs"],
  whole_qualification: ["externenpruefung_validierung", "nachqualifizierung"],
};

/** Outcome of an appeal (Widerspruch). */
export const APPEAL_RESULTS = ["pending", "upheld", "dismissed", "withdrawn"] as const;
export type AppealResult = (typeof APPEAL_RESULTS)[number];

/** The authority has three months to decide once the documents are complete (§6(3) BQFG). */
export const AUTHORITY_DECISION_MONTHS = 3;
/** How far ahead the start page shows a deadline. */
export const DEADLINE_HORIZON_DAYS = 42;

/**
 * How recognition works for a reference occupation in Sachsen-Anhalt (the Anerkennungs-Finder's
 * answer): a regulated profession with its competent authority, or, for the others, who assesses.
 */
export const RECOGNITION_ROUTES = [
  "regulated",
  "craft",
  "ihk",
  "other_chamber",
  "agriculture",
  "academic",
  "vocational_or_academic",
  "helper",
  "check",
] as const;
export type RecognitionRoute = (typeof RECOGNITION_ROUTES)[number];

/** What is regulated: the licence to practise (Approbation, Berufserlaubnis) or the job title only. */
export const REGULATION_KINDS = ["licence", "title"] as const;
export type RegulationKind = (typeof REGULATION_KINDS)[number];

/** Remarks on a route, shown in words. */
export const RECOGNITION_NOTES = [
  "authority_unconfirmed",
  "authority_unknown",
  "title_only_helper",
  "title_only_engineer",
  "eu_only",
  "meister_required",
  "also_industry",
] as const;
export type RecognitionNote = (typeof RECOGNITION_NOTES)[number];
