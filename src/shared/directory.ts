/** The five phases of the IQ process chain (DOMAIN.md). */
export const IQ_PHASES = [1, 2, 3, 4, 5] as const;
export type IqPhase = (typeof IQ_PHASES)[number];

/** Offer types of the Lotse taxonomy (taxonomy "lotse-offer-type"); the code is stable, labels are translated. */
export const OFFER_TYPES = [
  "anerkennungsberatung",
  "qualifizierungsberatung",
  "laufbahnberatung_kombi",
  "kompetenzfeststellung",
  "anpassungsqualifizierung",
  "nachqualifizierung",
  "berufssprachkurs",
  "externenpruefung_validierung",
  "existenzgruendungsberatung",
  "arbeitsvermittlung",
  "migrationsberatung",
  "diversity_ikoe_beratung",
  "faire_integration",
] as const;
export type OfferType = (typeof OFFER_TYPES)[number];

/** Target groups an offer addresses (taxonomy "lotse-target-group"). */
export const TARGET_GROUPS = [
  "migrants_with_foreign_qualification",
  "refugees",
  "eu_citizens",
  "women",
  "young_adults",
  "academics",
  "skilled_trades",
  "health_professions",
  "employers",
  "counsellors_multipliers",
] as const;
export type TargetGroup = (typeof TARGET_GROUPS)[number];

/** Common European Framework of Reference levels. */
export const CEFR_LEVELS = ["A1", "A2", "B1", "B2", "C1", "C2"] as const;
export type CefrLevel = (typeof CEFR_LEVELS)[number];

/** How an offer is financed (taxonomy "lotse-funding-route"). */
export const FUNDING_ROUTES = [
  "iq_programme",
  "esf_plus",
  "sgb_ii",
  "sgb_iii",
  "bamf",
  "land",
  "municipality",
  "employer",
  "self_paid",
  "other",
] as const;
export type FundingRoute = (typeof FUNDING_ROUTES)[number];

/** HSDS 3.0 service status values. */
/** Kinds of place (HSDS location_type): people come, letters only, online. */
export const LOCATION_TYPES = ["physical", "postal", "virtual"] as const;
export type LocationType = (typeof LOCATION_TYPES)[number];

export const OFFER_STATUSES = ["active", "inactive", "defunct", "temporarily closed"] as const;
export type OfferStatus = (typeof OFFER_STATUSES)[number];

/** Languages of the public offer finder: German source, English, Arabic, Ukrainian, Russian, Persian, Turkish. */
export const FINDER_LOCALES = ["de", "en", "ar", "uk", "ru", "fa", "tr"] as const;
export type FinderLocale = (typeof FINDER_LOCALES)[number];

/** Each finder language in its own name and script, for language switches and the offer form's tabs. */
export const FINDER_LOCALE_NAMES: Record<FinderLocale, string> = {
  de: "Deutsch",
  en: "English",
  ar: "العربية",
  uk: "Українська",
  ru: "Русский",
  fa: "فارسی",
  tr: "Türkçe",
};
