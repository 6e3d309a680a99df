import type {
  AccessRoute,
  AgeBand,
  CaseOutcome,
  CaseStatus,
  ContactMode,
  CounsellingType,
  Gender,
  ResidenceStatus,
} from "#shared/cases.ts";
import type {
  AnabinStatus,
  DifferenceKind,
  RecognitionDecision,
  RecognitionLegalBasis,
  RecognitionState,
} from "#shared/recognition.ts";

/**
 * The fictional counselling cases of the demo network. Every person here is invented. Days count
 * from the day the demo is seeded (negative: in the past), so due dates always sit around "today".
 * Who acts: `counsellor` is the demo login beratung@, `colleague` another counsellor of the same
 * organisation, `volunteer` the demo login ehrenamt@, `mo` the counsellor of the migrant organisation.
 */

export type Actor = "counsellor" | "colleague" | "volunteer" | "mo";

export type DemoCase = {
  org: "cs-iq-md" | "cs-iq-hal" | "mo-md";
  assignee: Actor;
  client: {
    name: string;
    dateOfBirth?: string;
    gender: Gender;
    ageBand: AgeBand;
    countryOfOrigin: string;
    qualificationCountry?: string;
    entryYear: number;
    preferredLanguages: string[];
    districtAgs: string;
    email?: string;
    phone?: string;
    residenceStatus?: ResidenceStatus;
  };
  openedDay: number;
  /** Phases the case moved through after opening, with the day of each move; the last is current. */
  phases: [number, ...{ phase: number; day: number }[]];
  status?: { status: CaseStatus; day: number; outcome?: CaseOutcome };
  goals: string;
  contacts: {
    day: number;
    mode: ContactMode;
    minutes: number;
    type: CounsellingType;
    by: Actor;
    accessRoute?: AccessRoute;
    summary: string;
  }[];
  notes: { day: number; by: Actor; body: string; special?: boolean }[];
  steps: {
    day: number;
    title: string;
    due: number | null;
    doneDay?: number;
    offer?: string;
    procedure?: boolean;
  }[];
  recognition?: {
    qualification: {
      originalTitle: string;
      germanTitle: string;
      country: string;
      institution: string;
      year: number;
      dqrLevel: number;
      iscedLevel: number;
      anabinStatus: AnabinStatus;
    };
    procedure: {
      /** KldB 2010 level 5 code and its official title. */
      code: string;
      title: string;
      regulated: boolean;
      legalBasis: RecognitionLegalBasis;
      authority?: string;
      states: [RecognitionState, number][];
      decision?: RecognitionDecision;
      differences?: { id: string; kind: DifferenceKind; description: string }[];
      permit16dDay?: number;
    };
  };
};

import { PARTNER_CASES } from "./case-catalogue-partners.ts";

/** Cases of the IQ counselling in Magdeburg, where the demo counsellor mostly works. */
const MAGDEBURG_CASES: DemoCase[] = [
  {
    org: "cs-iq-md",
    assignee: "counsellor",
    client: {
      name: "Rania Al-Khatib",
      dateOfBirth: "1991-05-14",
      gender: "female",
      ageBand: "25_34",
      countryOfOrigin: "SY",
      qualificationCountry: "SY",
      entryYear: 2016,
      preferredLanguages: ["ar", "de"],
      districtAgs: "15003",
      email: "rania.alkhatib@mail.example",
      residenceStatus: "residence_permit_humanitarian",
    },
    openedDay: -150,
    phases: [1, { phase: 2, day: -140 }],
    goals: "Als Pflegefachfrau im Krankenhaus arbeiten; Anerkennung des syrischen Pflegeabschlusses.",
    contacts: [
      {
        day: -150,
        mode: "in_person",
        minutes: 60,
        type: "erstinformation",
        by: "counsellor",
        accessRoute: "jobcenter",
        summary: "Erstgespräch: Abschluss, Berufserfahrung und Deutschkenntnisse (B1) besprochen.",
      },
      {
        day: -140,
        mode: "in_person",
        minutes: 90,
        type: "anerkennungsberatung",
        by: "counsellor",
        summary: "Referenzberuf Pflegefachfrau festgelegt, Unterlagenliste ausgehändigt.",
      },
      {
        day: -96,
        mode: "video",
        minutes: 30,
        type: "anerkennungsberatung",
        by: "counsellor",
        summary: "Antrag gemeinsam geprüft und abgeschickt.",
      },
    ],
    notes: [
      {
        day: -140,
        by: "counsellor",
        body: "Zeugnisse liegen im Original vor; Übersetzungen über das Förderprogramm beantragt.",
      },
      {
        day: -96,
        by: "counsellor",
        body: "Rückenbeschwerden, ärztlich bestätigt: nur Tätigkeiten ohne schweres Heben, vorerst Teilzeit.",
        special: true,
      },
    ],
    steps: [
      { day: -60, title: "Anmeldung zur Fachsprachprüfung Pflege (B2) einreichen", due: -4 },
      { day: -20, title: "Beim Landesverwaltungsamt nach dem Stand des Bescheids fragen", due: 10 },
      { day: -90, title: "Übersetzungen der Zeugnisse abholen", due: -80, doneDay: -82 },
    ],
    recognition: {
      qualification: {
        originalTitle: "إجازة في التمريض",
        germanTitle: "Bachelor in Krankenpflege",
        country: "SY",
        institution: "Universität Damaskus, Fakultät für Krankenpflege",
        year: 2013,
        dqrLevel: 6,
        iscedLevel: 6,
        anabinStatus: "h_plus",
      },
      procedure: {
        code: "81302",
        title:
          "Berufe in der Gesundheits- und Krankenpflege (ohne Spezialisierung) – fachlich ausgerichtete Tätigkeiten",
        regulated: true,
        legalBasis: "federal_profession_law",
        states: [
          ["enquiry", -145],
          ["counselled", -140],
          ["collecting_documents", -138],
          ["applied", -96],
          ["documents_complete", -75],
        ],
      },
    },
  },
  {
    org: "cs-iq-md",
    assignee: "counsellor",
    client: {
      name: "Mohammad Rezaei",
      dateOfBirth: "1988-02-20",
      gender: "male",
      ageBand: "35_44",
      countryOfOrigin: "IR",
      qualificationCountry: "IR",
      entryYear: 2021,
      preferredLanguages: ["fa", "en"],
      districtAgs: "15083",
      phone: "+49 170 0000101",
    },
    openedDay: -120,
    phases: [2, { phase: 4, day: -35 }],
    goals: "Stelle als Softwareentwickler in Magdeburg oder im Homeoffice.",
    contacts: [
      {
        day: -120,
        mode: "in_person",
        minutes: 60,
        type: "laufbahnberatung",
        by: "counsellor",
        accessRoute: "employment_agency",
        summary: "Berufsbiografie erfasst; Zeugnisbewertung der ZAB liegt vor.",
      },
      {
        day: -35,
        mode: "video",
        minutes: 45,
        type: "laufbahnberatung",
        by: "counsellor",
        summary: "Bewerbungsstrategie besprochen, drei Stellenanzeigen ausgewählt.",
      },
    ],
    notes: [
      { day: -35, by: "counsellor", body: "Deutsch B2 (telc) bestanden; Englisch verhandlungssicher." },
    ],
    steps: [
      { day: -35, title: "Lebenslauf und Anschreiben für Softwareentwicklung überarbeiten", due: 5 },
      { day: -35, title: "Bewerbung bei Elbtal Maschinenbau abschicken", due: 12 },
    ],
  },
  {
    org: "cs-iq-md",
    assignee: "colleague",
    client: {
      name: "Tran Thi Lan",
      dateOfBirth: "1993-08-09",
      gender: "female",
      ageBand: "25_34",
      countryOfOrigin: "VN",
      qualificationCountry: "VN",
      entryYear: 2023,
      preferredLanguages: ["vi", "de"],
      districtAgs: "15003",
    },
    openedDay: -70,
    phases: [2, { phase: 3, day: -28 }],
    goals: "Ausbildung als Köchin abschließen; berufsbezogenes Deutsch auf B1 bringen.",
    contacts: [
      {
        day: -70,
        mode: "in_person",
        minutes: 50,
        type: "qualifizierungsberatung",
        by: "colleague",
        accessRoute: "migrant_organisation",
        summary: "Berufserfahrung in der Gastronomie erfasst, Wunsch nach Ausbildung.",
      },
      {
        day: -28,
        mode: "phone",
        minutes: 15,
        type: "sprachberatung",
        by: "colleague",
        summary: "Platz im Berufssprachkurs gefunden.",
      },
    ],
    notes: [],
    steps: [{ day: -28, title: "Anmeldung zum Berufssprachkurs B1 abgeben", due: 12 }],
  },
  {
    org: "cs-iq-md",
    assignee: "counsellor",
    client: {
      name: "Mehmet Aydın",
      dateOfBirth: "1984-03-30",
      gender: "male",
      ageBand: "35_44",
      countryOfOrigin: "TR",
      qualificationCountry: "TR",
      entryYear: 2019,
      preferredLanguages: ["tr", "de"],
      districtAgs: "15003",
    },
    openedDay: -300,
    phases: [2, { phase: 3, day: -220 }, { phase: 4, day: -90 }],
    status: { status: "closed", day: -20, outcome: "employed" },
    goals: "Arbeit als Elektroniker für Energie- und Gebäudetechnik.",
    contacts: [
      {
        day: -300,
        mode: "in_person",
        minutes: 60,
        type: "anerkennungsberatung",
        by: "counsellor",
        accessRoute: "chamber",
        summary: "Gleichwertigkeit über die Handwerkskammer besprochen.",
      },
      {
        day: -20,
        mode: "phone",
        minutes: 10,
        type: "other",
        by: "counsellor",
        summary: "Arbeitsvertrag unterschrieben; Fall abgeschlossen.",
      },
    ],
    notes: [],
    steps: [{ day: -90, title: "Vorstellungsgespräch vorbereiten", due: -60, doneDay: -61 }],
  },
  {
    org: "cs-iq-md",
    assignee: "counsellor",
    client: {
      name: "Fatima Noori",
      dateOfBirth: "1992-10-05",
      gender: "female",
      ageBand: "25_34",
      countryOfOrigin: "AF",
      qualificationCountry: "IR",
      entryYear: 2022,
      preferredLanguages: ["fa", "de"],
      districtAgs: "15003",
    },
    openedDay: -35,
    phases: [1, { phase: 2, day: -21 }],
    goals: "Als Erzieherin in einer Kita arbeiten; Studium im Iran abgeschlossen.",
    contacts: [
      {
        day: -35,
        mode: "in_person",
        minutes: 50,
        type: "erstinformation",
        by: "counsellor",
        accessRoute: "migration_counselling",
        summary: "Von der Migrationsberatung verwiesen; Abschluss und Sprachstand besprochen.",
      },
      {
        day: -21,
        mode: "phone",
        minutes: 25,
        type: "laufbahnberatung",
        by: "counsellor",
        summary: "Hospitation in einer Kita als erster Schritt vereinbart.",
      },
    ],
    notes: [],
    steps: [{ day: -21, title: "Hospitation in der Kita am Nordpark absprechen", due: 30 }],
  },
];

export const DEMO_CASES: DemoCase[] = [...MAGDEBURG_CASES, ...PARTNER_CASES];
