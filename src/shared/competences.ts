/**
 * The competence documentation (DOMAIN.md "Competence documentation"): the KomBI steps, the kinds of
 * a biography, evidence, CEFR, language certificates and the EntreComp framework.
 */

/** The four KomBI steps, in the order a counsellor walks them with the client. */
export const KOMBI_STEPS = ["phases", "activities", "competences", "goals"] as const;
export type KombiStep = (typeof KOMBI_STEPS)[number];

/** Kinds of a life and work phase on the biography timeline. */
export const PHASE_KINDS = [
  "school",
  "vocational_training",
  "study",
  "work",
  "family_care",
  "migration",
  "volunteering",
  "self_employment",
] as const;
export type PhaseKind = (typeof PHASE_KINDS)[number];

/** What a competence is shown by. */
export const EVIDENCE_KINDS = [
  "certificate",
  "work_sample",
  "reference",
  "observed",
  "self_reported",
] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

/** Where a competence was learnt (EU Council recommendation on validation, 2012). */
export const LEARNING_CONTEXTS = ["formal", "non_formal", "informal"] as const;
export type LearningContext = (typeof LEARNING_CONTEXTS)[number];

/** Rating of a competence by the client and by the counsellor: 1 (beginning) to 4 (expert). */
export const RATINGS = [1, 2, 3, 4] as const;
export type Rating = (typeof RATINGS)[number];

/** Common European Framework of Reference for Languages, global scale. */
export const CEFR_LEVELS = ["A1", "A2", "B1", "B2", "C1", "C2"] as const;
export type CefrLevel = (typeof CEFR_LEVELS)[number];

/** The five CEFR skills of the Europass self-assessment grid. */
export const CEFR_SKILLS = [
  "listening",
  "reading",
  "spoken_interaction",
  "spoken_production",
  "writing",
] as const;
export type CefrSkill = (typeof CEFR_SKILLS)[number];

/** German (and other) language certificates met in integration work. */
export const LANGUAGE_CERTIFICATES = [
  "dtz",
  "dtb",
  "telc",
  "goethe",
  "testdaf",
  "dsh",
  "osd",
  "ielts",
  "toefl",
  "cambridge",
  "other",
] as const;
export type LanguageCertificate = (typeof LANGUAGE_CERTIFICATES)[number];

/** Kinds of an education entry of the profile (foreign qualifications come from recognition). */
export const EDUCATION_KINDS = ["school", "vocational", "higher", "course", "other"] as const;
export type EducationKind = (typeof EDUCATION_KINDS)[number];

/** Stage of a business idea (entrepreneurial integration). */
export const BUSINESS_STAGES = ["idea", "planning", "founding", "running"] as const;
export type BusinessStage = (typeof BUSINESS_STAGES)[number];

/**
 * EntreComp, the European Entrepreneurship Competence Framework: 3 areas, 15 competences.
 * Source: Bacigalupo, M., Kampylis, P., Punie, Y., Van den Brande, G. (2016). EntreComp: The
 * Entrepreneurship Competence Framework. Luxembourg: Publication Office of the European Union;
 * EUR 27939 EN; doi:10.2791/593884 (JRC101581), Figure 1 and Table 1.
 */
export const ENTRECOMP_AREAS = ["ideas_and_opportunities", "resources", "into_action"] as const;
export type EntreCompArea = (typeof ENTRECOMP_AREAS)[number];
export const ENTRECOMP = [
  { key: "spotting_opportunities", area: "ideas_and_opportunities", number: "1.1" },
  { key: "creativity", area: "ideas_and_opportunities", number: "1.2" },
  { key: "vision", area: "ideas_and_opportunities", number: "1.3" },
  { key: "valuing_ideas", area: "ideas_and_opportunities", number: "1.4" },
  { key: "ethical_sustainable_thinking", area: "ideas_and_opportunities", number: "1.5" },
  { key: "self_awareness_self_efficacy", area: "resources", number: "2.1" },
  { key: "motivation_perseverance", area: "resources", number: "2.2" },
  { key: "mobilising_resources", area: "resources", number: "2.3" },
  { key: "financial_economic_literacy", area: "resources", number: "2.4" },
  { key: "mobilising_others", area: "resources", number: "2.5" },
  { key: "taking_the_initiative", area: "into_action", number: "3.1" },
  { key: "planning_management", area: "into_action", number: "3.2" },
  { key: "coping_with_uncertainty", area: "into_action", number: "3.3" },
  { key: "working_with_others", area: "into_action", number: "3.4" },
  { key: "learning_through_experience", area: "into_action", number: "3.5" },
] as const satisfies readonly { key: string; area: EntreCompArea; number: string }[];
export const ENTRECOMP_KEYS = ENTRECOMP.map((c) => c.key) as unknown as readonly [
  (typeof ENTRECOMP)[number]["key"],
  ...(typeof ENTRECOMP)[number]["key"][],
];
export type EntreCompKey = (typeof ENTRECOMP)[number]["key"];
/** EntreComp's progression model: Foundation (1–2), Intermediate (3–4), Advanced (5–6), Expert (7–8). */
export const ENTRECOMP_LEVELS = [1, 2, 3, 4, 5, 6, 7, 8] as const;

/**
 * The sections of a profile: what a version records as changed and what a share may contain.
 * `skills` are the competences coded to ESCO or learnt formally, `informal` the non-formal and
 * informal ones without an ESCO code.
 */
export const PROFILE_SECTIONS = [
  "biography",
  "education",
  "work",
  "languages",
  "skills",
  "informal",
  "interests",
  "goals",
  "entrepreneurship",
] as const;
export type ProfileSection = (typeof PROFILE_SECTIONS)[number];

/** Consecutive saves by one person less than this apart belong to one sitting (one version). */
export const SITTING_GAP_MINUTES = 60;

/** How many next steps of the case one goal of a profile can lead to. */
export const GOAL_STEPS_MAX = 20;

/** ESCO concept URIs: what a coded skill or occupation holds. */
export const ESCO_SKILL_URI = /^http:\/\/data\.europa\.eu\/esco\/skill\/[0-9a-f-]{36}$/;
export const ESCO_OCCUPATION_URI = /^http:\/\/data\.europa\.eu\/esco\/occupation\/[0-9a-f-]{36}$/;
/** ESCO's collections a skill may belong to. */
export const ESCO_COLLECTIONS = ["digital", "green", "language", "transversal"] as const;
export type EscoCollection = (typeof ESCO_COLLECTIONS)[number];
