import type { CefrSkill, EntreCompKey, LanguageCertificate, LearningContext } from "#shared/competences.ts";

/**
 * The words of the Europass export. An EDC carries language-tagged strings; Lotse writes German
 * and English (the credential's display languages), the client's own words stay as written.
 */
export type Bilingual = { de: string; en: string };

export const CREDENTIAL_TITLE: Bilingual = {
  de: "Kompetenzdokumentation (KomBI)",
  en: "Competence documentation (KomBI)",
};
export const CREDENTIAL_DESCRIPTION: Bilingual = {
  de: "Kompetenzen, Qualifikationen und Sprachkenntnisse, dokumentiert in der Beratung",
  en: "Competences, qualifications and language skills documented in counselling",
};

export const CONTEXT_TITLES: Record<LearningContext, Bilingual> = {
  formal: { de: "Kompetenzen aus formalem Lernen", en: "Competences from formal learning" },
  non_formal: { de: "Kompetenzen aus nicht-formalem Lernen", en: "Competences from non-formal learning" },
  informal: { de: "Kompetenzen aus informellem Lernen", en: "Competences from informal learning" },
};

export const CEFR_SKILL_WORDS: Record<CefrSkill, Bilingual> = {
  listening: { de: "Hören", en: "Listening" },
  reading: { de: "Lesen", en: "Reading" },
  spoken_interaction: { de: "An Gesprächen teilnehmen", en: "Spoken interaction" },
  spoken_production: { de: "Zusammenhängendes Sprechen", en: "Spoken production" },
  writing: { de: "Schreiben", en: "Writing" },
};
export const CEFR_SCHEME: Bilingual = {
  de: "Gemeinsamer Europäischer Referenzrahmen für Sprachen (GER), Niveaus A1–C2",
  en: "Common European Framework of Reference for Languages (CEFR), levels A1–C2",
};
export const CEFR_SELF_ASSESSMENT: Bilingual = {
  de: "Selbsteinschätzung nach GER, dokumentiert in der Beratung",
  en: "CEFR self-assessment documented in counselling",
};
export const LANGUAGE_SKILLS = (name: Bilingual): Bilingual => ({
  de: `${name.de} – Sprachkenntnisse`,
  en: `${name.en} – language skills`,
});
export const MOTHER_TONGUE = (name: Bilingual): Bilingual => ({
  de: `${name.de} – Muttersprache`,
  en: `${name.en} – mother tongue`,
});

export const CERTIFICATES: Record<LanguageCertificate, Bilingual> = {
  dtz: { de: "Deutsch-Test für Zuwanderer (DTZ)", en: "German test for immigrants (DTZ)" },
  dtb: { de: "Deutsch-Test für den Beruf (DTB)", en: "German test for the workplace (DTB)" },
  telc: { de: "telc-Sprachprüfung", en: "telc language examination" },
  goethe: { de: "Goethe-Zertifikat", en: "Goethe certificate" },
  testdaf: { de: "TestDaF", en: "TestDaF" },
  dsh: {
    de: "Deutsche Sprachprüfung für den Hochschulzugang (DSH)",
    en: "DSH (German for university entrance)",
  },
  osd: { de: "Österreichisches Sprachdiplom Deutsch (ÖSD)", en: "Austrian German language diploma (ÖSD)" },
  ielts: { de: "IELTS", en: "IELTS" },
  toefl: { de: "TOEFL", en: "TOEFL" },
  cambridge: { de: "Cambridge English", en: "Cambridge English" },
  other: { de: "Sprachzertifikat", en: "Language certificate" },
};
export const NO_LEVEL: Bilingual = { de: "ohne Niveauangabe", en: "no level stated" };

export const INSTITUTION_UNKNOWN = (country: Bilingual | null): Bilingual =>
  country
    ? { de: `Bildungseinrichtung in ${country.de}`, en: `Educational institution in ${country.en}` }
    : { de: "Bildungseinrichtung (nicht angegeben)", en: "Educational institution (not stated)" };
export const FOREIGN_QUALIFICATION: Bilingual = {
  de: "Ausländische Qualifikation (Anerkennungsberatung)",
  en: "Foreign qualification (recognition counselling)",
};

export const ENTRECOMP_TITLE: Bilingual = {
  de: "Unternehmerische Kompetenzen (EntreComp)",
  en: "Entrepreneurial competences (EntreComp)",
};
export const ENTRECOMP_LEVEL = (level: number): Bilingual => {
  const stage = [
    { de: "Grundstufe", en: "Foundation" },
    { de: "Mittelstufe", en: "Intermediate" },
    { de: "Fortgeschritten", en: "Advanced" },
    { de: "Expertenstufe", en: "Expert" },
  ][Math.ceil(level / 2) - 1] ?? { de: "", en: "" };
  return { de: `Progressionsstufe ${level} (${stage.de})`, en: `progression level ${level} (${stage.en})` };
};
/** EntreComp (Bacigalupo et al. 2016, Figure 1), English titles as published, German as used in the DE edition. */
export const ENTRECOMP_WORDS: Record<EntreCompKey, Bilingual> = {
  spotting_opportunities: { de: "Chancen erkennen", en: "Spotting opportunities" },
  creativity: { de: "Kreativität", en: "Creativity" },
  vision: { de: "Vision", en: "Vision" },
  valuing_ideas: { de: "Ideen bewerten", en: "Valuing ideas" },
  ethical_sustainable_thinking: {
    de: "Ethisches und nachhaltiges Denken",
    en: "Ethical and sustainable thinking",
  },
  self_awareness_self_efficacy: {
    de: "Selbstwahrnehmung und Selbstwirksamkeit",
    en: "Self-awareness and self-efficacy",
  },
  motivation_perseverance: { de: "Motivation und Ausdauer", en: "Motivation and perseverance" },
  mobilising_resources: { de: "Ressourcen mobilisieren", en: "Mobilising resources" },
  financial_economic_literacy: {
    de: "Finanzielle und wirtschaftliche Kompetenz",
    en: "Financial and economic literacy",
  },
  mobilising_others: { de: "Andere mobilisieren", en: "Mobilising others" },
  taking_the_initiative: { de: "Initiative ergreifen", en: "Taking the initiative" },
  planning_management: { de: "Planung und Management", en: "Planning and management" },
  coping_with_uncertainty: {
    de: "Umgang mit Ungewissheit, Mehrdeutigkeit und Risiko",
    en: "Coping with uncertainty, ambiguity and risk",
  },
  working_with_others: { de: "Mit anderen zusammenarbeiten", en: "Working with others" },
  learning_through_experience: { de: "Aus Erfahrung lernen", en: "Learning through experience" },
};
