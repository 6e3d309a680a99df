import { ProfileContent, type ProfileContentInput } from "#shared/contracts/competences.ts";
import type { FinderLocale } from "#shared/directory.ts";
import type { CompetencePdfInput } from "./render.ts";

/**
 * A rich sample profile for the PDF's tests and benchmark (bench/competence-pdf.ts): an
 * Arabic-speaking nurse and baker, with every section filled. The ESCO and KldB labels are those of
 * ESCO v1.2 (reference/esco) and KldB 2010 (reference/kldb2010).
 */
const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;

export const SAMPLE_ARABIC_ACTIVITY = "رعاية المرضى بعد العمليات الجراحية وتوزيع الأدوية في القسم";

const ESCO = {
  firstAid: "http://data.europa.eu/esco/skill/1d21f6ad-340f-45da-a0a3-4e83867f47a6",
  customers: "http://data.europa.eu/esco/skill/0da516ee-e70e-4384-be13-f5ff80be8127",
  pastry: "http://data.europa.eu/esco/skill/15d5041a-4ff3-4527-ba5c-2445a4fd044a",
  spreadsheets: "http://data.europa.eu/esco/skill/1973c966-f236-40c9-b2d4-5d71a89019be",
  nurse: "http://data.europa.eu/esco/occupation/8d3e8aaa-791b-4c75-a465-f3f827028f50",
};

export const SAMPLE_LABELS: CompetencePdfInput["labels"] = {
  [ESCO.firstAid]: { de: "Erste Hilfe leisten", en: "provide first aid" },
  [ESCO.customers]: { de: "mit Kunden kommunizieren", en: "communicate with customers" },
  [ESCO.pastry]: { de: "Gebäck zubereiten", en: "cook pastry products" },
  [ESCO.spreadsheets]: { de: "Tabellenkalkulationsprogramme verwenden", en: "use spreadsheets software" },
  [ESCO.nurse]: {
    de: "Krankenpfleger Allgemeine Krankenpflege/Krankenschwester Allgemeine Krankenpflege",
    en: "nurse responsible for general care",
  },
  "81302": {
    de: "Berufe in der Gesundheits- und Krankenpflege (ohne Spezialisierung) – fachlich ausgerichtete Tätigkeiten",
    en: null,
  },
};

const content: ProfileContentInput = {
  step: "goals",
  phases: [
    { id: id(1), kind: "school", title: "Schule in Damaskus", from: "2000-09", to: "2008-06", country: "SY" },
    {
      id: id(2),
      kind: "study",
      title: "Studium der Krankenpflege",
      from: "2008-09",
      to: "2012-06",
      country: "SY",
      place: "Damaskus",
      activities: [{ id: id(21), description: "Praktika auf der Intensivstation und in der Notaufnahme" }],
    },
    {
      id: id(3),
      kind: "work",
      title: "ممرضة في مستشفى المواساة الجامعي",
      from: "2012-09",
      to: "2015-08",
      country: "SY",
      place: "دمشق",
      activities: [
        { id: id(31), description: SAMPLE_ARABIC_ACTIVITY },
        { id: id(32), description: "Einarbeitung neuer Kolleginnen, Dienstpläne für 12 Personen" },
      ],
    },
    {
      id: id(4),
      kind: "migration",
      title: "Flucht über die Türkei",
      from: "2015-09",
      to: "2016-03",
      country: "TR",
    },
    {
      id: id(5),
      kind: "family_care",
      title: "Familie: drei Kinder, Pflege der Schwiegermutter",
      from: "2016-04",
      to: "2018-12",
      country: "DE",
      place: "Magdeburg",
      activities: [
        { id: id(51), description: "Arzttermine, Behördengänge und Haushalt für sechs Personen organisiert" },
      ],
    },
    {
      id: id(6),
      kind: "volunteering",
      title: "Sprachmittlung und Backen im Frauencafé",
      from: "2019-01",
      country: "DE",
      place: "Magdeburg",
      activities: [
        { id: id(61), description: "Dolmetschen Arabisch–Deutsch bei Elternabenden" },
        { id: id(62), description: "Syrisches Gebäck für Feste und den Verkauf am Stand gebacken" },
      ],
    },
  ],
  competences: [
    {
      id: id(101),
      title: "Erste Hilfe leisten",
      escoUri: ESCO.firstAid,
      context: "formal",
      activityIds: [id(21), id(31)],
      evidence: [{ kind: "certificate", note: "Bachelor-Zeugnis, Universität Damaskus" }],
      clientRating: 4,
      counsellorRating: 3,
    },
    {
      id: id(102),
      title: "mit Kunden kommunizieren",
      escoUri: ESCO.customers,
      context: "informal",
      activityIds: [id(62)],
      evidence: [{ kind: "observed" }],
      clientRating: 3,
      counsellorRating: 3,
    },
    {
      id: id(103),
      title: "Arabisches Gebäck (Maamoul, Baklava) in großen Mengen backen",
      escoUri: ESCO.pastry,
      context: "non_formal",
      activityIds: [id(62)],
      evidence: [{ kind: "work_sample", note: "Fotos vom Stand beim Stadtteilfest 2023" }],
      clientRating: 4,
      counsellorRating: 4,
    },
    {
      id: id(104),
      title: "Tabellenkalkulationsprogramme verwenden",
      escoUri: ESCO.spreadsheets,
      context: "formal",
      evidence: [{ kind: "self_reported" }],
      clientRating: 2,
    },
    {
      id: id(105),
      title: "Einen Haushalt mit sechs Personen und Pflege organisieren",
      context: "informal",
      activityIds: [id(51)],
      evidence: [{ kind: "reference", note: "Bestätigung des Pflegedienstes" }],
      clientRating: 4,
      counsellorRating: 4,
      special: true,
    },
    {
      id: id(106),
      title: "التوسط اللغوي بين العائلات والمدرسة",
      context: "non_formal",
      activityIds: [id(61)],
    },
  ],
  education: [
    {
      id: id(201),
      kind: "higher",
      title: "Bachelor Krankenpflege",
      institution: "Universität Damaskus",
      country: "SY",
      from: "2008-09",
      to: "2012-06",
      eqfLevel: 6,
      iscedLevel: 6,
    },
    {
      id: id(202),
      kind: "course",
      title: "Integrationskurs mit Berufssprachkurs Pflege",
      institution: "Volkshochschule Magdeburg",
      country: "DE",
      from: "2017-02",
      to: "2018-06",
      completed: true,
    },
  ],
  work: [
    {
      id: id(301),
      title: "Krankenschwester",
      escoOccupationUri: ESCO.nurse,
      kldbCode: "81302",
      employer: "Al-Mouwasat-Universitätskrankenhaus",
      country: "SY",
      from: "2012-09",
      to: "2015-08",
      tasks: "Chirurgische Station, 30 Betten: Grundpflege, Wundversorgung, Medikamente, Dokumentation",
    },
  ],
  languages: {
    motherTongues: ["ar"],
    other: [
      {
        language: "de",
        listening: "B2",
        reading: "B1",
        spokenInteraction: "B1",
        spokenProduction: "B1",
        writing: "A2",
        certificates: [
          { kind: "dtz", level: "B1", date: "2018-06-14" },
          { kind: "telc", name: "telc Deutsch B1·B2 Pflege", level: "B2", date: "2024-03-08" },
        ],
      },
      {
        language: "en",
        listening: "B2",
        reading: "B2",
        spokenInteraction: "B1",
        spokenProduction: "B1",
        writing: "B1",
      },
      { language: "tr", listening: "A2", spokenInteraction: "A1" },
    ],
  },
  interests: [
    { id: id(401), text: "Backen und Gastfreundschaft" },
    { id: id(402), text: "الطب البديل والأعشاب" },
  ],
  goals: [
    { id: id(501), text: "Anerkennung als Pflegefachfrau und Arbeit im Krankenhaus" },
    { id: id(502), text: "Ein kleines Café mit syrischem Gebäck eröffnen", selfEmployment: true },
  ],
  entrepreneurship: {
    businessIdea: {
      field: "Gastronomie: Café mit syrischem Gebäck",
      stage: "planning",
      description: "Ein Café im Stadtteil mit Gebäck auf Bestellung für Feste",
      needs: "Startkapital, Räume mit Küche, Hygieneschulung, Gewerbeanmeldung",
    },
    entreComp: [
      { competence: "creativity", level: 4, note: "Neue Rezepte für den deutschen Geschmack" },
      { competence: "spotting_opportunities", level: 3 },
      { competence: "financial_economic_literacy", level: 2, note: "Kalkulation noch unsicher" },
      { competence: "coping_with_uncertainty", level: 2 },
      { competence: "working_with_others", level: 5 },
    ],
  },
};

/** The sample as the PDF takes it, in the given language. */
export function samplePdfInput(language: FinderLocale): CompetencePdfInput {
  return {
    language,
    profile: ProfileContent.parse(content),
    client: { name: "Amal Haddad", dateOfBirth: "1990-04-17", motherTongues: ["ar"] },
    qualifications: [
      {
        id: "10000000-0000-4000-8000-000000000001",
        originalTitle: "إجازة في التمريض",
        germanTitle: "Bachelor Krankenpflege",
        country: "SY",
        year: 2012,
        eqfLevel: 6,
        iscedLevel: 6,
        recognitionState: "decided",
      },
    ],
    labels: SAMPLE_LABELS,
    organisationName: "Migrationsberatung Magdeburg e. V.",
    printedAt: new Date("2026-12-06T10:00:00Z"),
  };
}
