import type { DemoProfile } from "./competence-catalogue.ts";

const skill = (id: string) => `http://data.europa.eu/esco/skill/${id}`;
const occupation = (id: string) => `http://data.europa.eu/esco/occupation/${id}`;

/** Profiles of the partner organisations' clients: an engineer in Halle, a bookkeeper who wants to found. */
export const DEMO_PARTNER_PROFILES: DemoProfile[] = [
  {
    client: "Oleksandr Melnyk",
    sittings: [
      {
        daysAgo: 70,
        parts: {
          step: "activities",
          phases: [
            {
              id: "study",
              kind: "study",
              title: "Studium Bauingenieurwesen, Polytechnikum Charkiw",
              from: "2001-09",
              to: "2006-06",
              country: "UA",
            },
            {
              id: "site",
              kind: "work",
              title: "Bauleiter im Straßen- und Tiefbau, Charkiw",
              from: "2006-08",
              to: "2022-02",
              country: "UA",
              activities: [
                { id: "a-site-1", description: "Bauzeichnungen auf der Baustelle geprüft, Abnahmen gemacht" },
                { id: "a-site-2", description: "Vermessungen für Trassen veranlasst und ausgewertet" },
              ],
            },
            {
              id: "flight",
              kind: "migration",
              title: "Flucht nach Deutschland",
              from: "2022-03",
              to: "2022-04",
            },
          ],
        },
      },
      {
        daysAgo: 35,
        parts: {
          step: "goals",
          work: [
            {
              id: "w-site",
              title: "Bauingenieur, Bauleitung",
              escoOccupationUri: occupation("d7d986e1-7333-431b-9719-0c5c6939e360"),
              kldbCode: "31104",
              country: "UA",
              from: "2006-08",
              to: "2022-02",
            },
          ],
          education: [
            {
              id: "e-study",
              kind: "higher",
              title: "Spezialist Bauingenieurwesen",
              institution: "Polytechnikum Charkiw",
              country: "UA",
              from: "2001-09",
              to: "2006-06",
              eqfLevel: 7,
              iscedLevel: 7,
            },
          ],
          competences: [
            {
              id: "c-drawings",
              title: "Bauzeichnungen auf der Baustelle überprüfen",
              escoUri: skill("2bc4d0cc-5f2b-41cf-954c-a8d3d5783396"),
              context: "formal",
              activityIds: ["a-site-1"],
              clientRating: 4,
              counsellorRating: 4,
            },
            {
              id: "c-survey",
              title: "Vermessungstätigkeiten für Bauzwecke durchführen",
              escoUri: skill("321f42d0-5ba9-46a8-8d20-8cbdccc3c8c6"),
              context: "formal",
              activityIds: ["a-site-2"],
              clientRating: 3,
            },
          ],
          languages: {
            motherTongues: ["uk", "ru"],
            other: [
              {
                language: "de",
                listening: "A2",
                reading: "B1",
                spokenInteraction: "A2",
                spokenProduction: "A2",
                writing: "A2",
              },
            ],
          },
          goals: [{ id: "g-site", text: "Anerkennung als Bauingenieur klären und im Tiefbau arbeiten" }],
        },
      },
    ],
  },
  {
    client: "Halyna Shevchenko",
    steps: {
      "g-found": { title: "Erstgespräch bei der Gründungsberatung der Handwerkskammer", dueInDays: 14 },
    },
    sittings: [
      {
        daysAgo: 80,
        parts: {
          step: "activities",
          phases: [
            {
              id: "books",
              kind: "work",
              title: "Buchhalterin in einem Handelsunternehmen, Lwiw",
              from: "2004-03",
              to: "2022-02",
              country: "UA",
              activities: [
                { id: "a-books-1", description: "Buchführung und Lohnabrechnung für 40 Beschäftigte" },
                { id: "a-books-2", description: "Steuererklärungen des Unternehmens vorbereitet" },
              ],
            },
            {
              id: "self",
              kind: "self_employment",
              title: "Nebenberuflich Buchführung für kleine Betriebe",
              from: "2012-01",
              to: "2022-02",
              country: "UA",
              activities: [{ id: "a-self-1", description: "Kundschaft gewonnen und selbst betreut" }],
            },
          ],
        },
      },
      {
        daysAgo: 45,
        parts: {
          step: "competences",
          work: [
            {
              id: "w-books",
              title: "Buchhalterin",
              escoOccupationUri: occupation("c3aae59e-1441-4b3e-bdd1-6da50dc7cf42"),
              kldbCode: "72213",
              country: "UA",
              from: "2004-03",
              to: "2022-02",
            },
          ],
          competences: [
            {
              id: "c-records",
              title: "Buchführungsunterlagen überprüfen",
              escoUri: skill("5f1ebff6-98ec-411f-a1d4-0bf04bd03bdf"),
              context: "formal",
              activityIds: ["a-books-1"],
              clientRating: 4,
              counsellorRating: 4,
            },
            {
              id: "c-tax",
              title: "Steuererklärungsformulare vorbereiten",
              escoUri: skill("22a173f5-868c-4d82-87e6-beed500ce070"),
              context: "formal",
              activityIds: ["a-books-2"],
              clientRating: 3,
            },
            {
              id: "c-initiative",
              title: "Initiative zeigen",
              escoUri: skill("001115fb-569f-4ee6-8381-c6807ef2527f"),
              context: "informal",
              activityIds: ["a-self-1"],
              evidence: [{ kind: "observed", note: "In der Beratung beobachtet" }],
              clientRating: 4,
              counsellorRating: 4,
            },
          ],
          languages: {
            motherTongues: ["uk"],
            other: [
              {
                language: "ru",
                listening: "C2",
                reading: "C2",
                spokenInteraction: "C2",
                spokenProduction: "C2",
                writing: "C1",
              },
              {
                language: "de",
                listening: "A2",
                reading: "A2",
                spokenInteraction: "A2",
                spokenProduction: "A1",
                writing: "A1",
              },
            ],
          },
        },
      },
      {
        daysAgo: 10,
        parts: {
          step: "goals",
          goals: [
            {
              id: "g-found",
              text: "Ein eigenes Buchführungsbüro für ukrainische Kleinbetriebe gründen",
              selfEmployment: true,
            },
          ],
          entrepreneurship: {
            businessIdea: {
              field: "Buchführung und Lohnabrechnung für kleine Betriebe",
              stage: "idea",
              description: "Zweisprachige Buchführung (Ukrainisch/Deutsch) für Betriebe von Zugewanderten",
              needs: "Anerkennung der Qualifikation, Gründungszuschuss, Büroraum in Magdeburg",
            },
            entreComp: [
              { competence: "spotting_opportunities", level: 4, note: "Bedarf in der Community erkannt" },
              { competence: "financial_economic_literacy", level: 6, note: null },
              { competence: "taking_the_initiative", level: 5, note: null },
            ],
          },
        },
      },
    ],
  },
];
