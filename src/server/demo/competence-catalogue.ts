import type { ProfileSection } from "#shared/competences.ts";
import type { ProfileUpdate } from "#shared/contracts/competences.ts";

/**
 * The demo's competence profiles: five clients of the demo cases in five languages, each built as a
 * counsellor builds one with the client over two or three sittings (KomBI: phases, activities,
 * competences, goals). Every person is invented; every ESCO URI and KldB code is real (ESCO v1.2,
 * KldB 2010). Item ids are written as short keys and turned into fixed UUIDs when seeded.
 */

const skill = (id: string) => `http://data.europa.eu/esco/skill/${id}`;
const occupation = (id: string) => `http://data.europa.eu/esco/occupation/${id}`;

export type DemoSitting = {
  /** Days before the seeding day. */
  daysAgo: number;
  /** The parts the sitting saved (item ids are keys, see the seeder). */
  parts: ProfileUpdate;
};
export type DemoProfile = {
  client: string;
  /** Goal key → the next step taken over into the case. */
  steps?: Record<string, { title: string; dueInDays: number }>;
  share?: { recipientOrg: string; recipientEmail: string; sections: ProfileSection[]; language: string };
  sittings: DemoSitting[];
};

export const DEMO_PROFILES: DemoProfile[] = [
  {
    client: "Rania Al-Khatib",
    steps: { work: { title: "Praktikum auf einer Station des Klinikums vereinbaren", dueInDays: 21 } },
    sittings: [
      {
        daysAgo: 120,
        parts: {
          step: "activities",
          phases: [
            {
              id: "school",
              kind: "school",
              title: "Abitur in Damaskus",
              from: "2003-09",
              to: "2009-06",
              country: "SY",
            },
            {
              id: "study",
              kind: "study",
              title: "Studium der Krankenpflege, Universität Damaskus",
              from: "2009-09",
              to: "2013-07",
              country: "SY",
            },
            {
              id: "ward",
              kind: "work",
              title: "Krankenpflegerin, Chirurgische Station, Krankenhaus Al-Mouwasat",
              from: "2013-09",
              to: "2015-10",
              country: "SY",
              activities: [
                {
                  id: "a-ward-1",
                  description: "Patientinnen und Patienten nach Operationen versorgt und überwacht",
                },
                {
                  id: "a-ward-2",
                  description: "Medikamente nach ärztlicher Anordnung gestellt und verabreicht",
                },
              ],
            },
            {
              id: "flight",
              kind: "migration",
              title: "Flucht über die Türkei nach Deutschland",
              from: "2015-11",
              to: "2016-03",
            },
            {
              id: "family",
              kind: "family_care",
              title: "Pflege der Schwiegermutter",
              from: "2017-01",
              to: "2020-12",
              country: "DE",
              activities: [
                { id: "a-family-1", description: "Pflege zu Hause organisiert, Arzttermine begleitet" },
              ],
            },
          ],
        },
      },
      {
        daysAgo: 90,
        parts: {
          step: "competences",
          work: [
            {
              id: "w-ward",
              title: "Krankenpflegerin",
              escoOccupationUri: occupation("8d3e8aaa-791b-4c75-a465-f3f827028f50"),
              kldbCode: "81302",
              employer: "Krankenhaus Al-Mouwasat, Damaskus",
              country: "SY",
              from: "2013-09",
              to: "2015-10",
              tasks: "Postoperative Pflege, Medikamentengabe, Dokumentation",
            },
          ],
          competences: [
            {
              id: "c-vital",
              title: "Wichtige Körperfunktionen von Patientinnen und Patienten überwachen",
              escoUri: skill("d3b74d50-7fc9-4051-9335-58d129a4a064"),
              context: "formal",
              activityIds: ["a-ward-1"],
              evidence: [{ kind: "certificate", note: "Abschlusszeugnis Krankenpflege" }],
              clientRating: 4,
              counsellorRating: 3,
            },
            {
              id: "c-meds",
              title: "verordnete Medikamente verabreichen",
              escoUri: skill("1fd57242-267e-46df-bd8c-849fdd593a50"),
              context: "formal",
              activityIds: ["a-ward-2"],
              evidence: [{ kind: "reference", note: "Arbeitszeugnis des Krankenhauses" }],
              clientRating: 4,
              counsellorRating: 4,
            },
            {
              id: "c-homecare",
              title: "Häusliche Pflege eines Familienmitglieds organisieren",
              context: "informal",
              activityIds: ["a-family-1"],
              evidence: [{ kind: "self_reported" }],
              clientRating: 3,
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
                writing: "B1",
                certificates: [{ kind: "dtz", level: "B1", date: "2019-06-21" }],
              },
              {
                language: "en",
                listening: "B1",
                reading: "B1",
                spokenInteraction: "A2",
                spokenProduction: "A2",
                writing: "A2",
              },
            ],
          },
        },
      },
      {
        daysAgo: 40,
        parts: {
          step: "goals",
          interests: [{ id: "i-1", text: "Anleitung von Auszubildenden in der Pflege" }],
          goals: [{ id: "work", text: "Als Pflegefachfrau auf einer chirurgischen Station arbeiten" }],
        },
      },
    ],
  },
  {
    client: "Mehmet Aydın",
    share: {
      recipientOrg: "co-md",
      recipientEmail: "unternehmen@lotse.example",
      sections: ["work", "skills", "languages"],
      language: "tr",
    },
    sittings: [
      {
        daysAgo: 60,
        parts: {
          step: "activities",
          phases: [
            {
              id: "school",
              kind: "vocational_training",
              title: "Berufsfachschule Elektrotechnik, Izmir",
              from: "2008-09",
              to: "2012-06",
              country: "TR",
            },
            {
              id: "job",
              kind: "work",
              title: "Elektriker in einem Installationsbetrieb, Izmir",
              from: "2012-08",
              to: "2021-09",
              country: "TR",
              activities: [
                {
                  id: "a-job-1",
                  description:
                    "Elektroinstallationen in Wohn- und Geschäftshäusern nach Schaltplan ausgeführt",
                },
                { id: "a-job-2", description: "Sicherheitstechnik und Sensoren verkabelt" },
              ],
            },
            {
              id: "move",
              kind: "migration",
              title: "Umzug nach Magdeburg",
              from: "2021-10",
              to: "2021-10",
              country: "DE",
            },
          ],
        },
      },
      {
        daysAgo: 30,
        parts: {
          step: "goals",
          work: [
            {
              id: "w-job",
              title: "Elektriker",
              escoOccupationUri: occupation("5dbb9cf0-b226-402c-a295-2f42ef05ff8b"),
              kldbCode: "26212",
              employer: "Installationsbetrieb in Izmir",
              country: "TR",
              from: "2012-08",
              to: "2021-09",
            },
          ],
          competences: [
            {
              id: "c-plans",
              title: "Schaltpläne lesen",
              escoUri: skill("02c71cde-f513-43da-8952-0974763c7568"),
              context: "formal",
              activityIds: ["a-job-1"],
              evidence: [{ kind: "certificate", note: "Diplom der Berufsfachschule" }],
              clientRating: 4,
              counsellorRating: 3,
            },
            {
              id: "c-sensors",
              title: "Sicherheitssensoren verkabeln",
              escoUri: skill("1c8658c0-8f1e-4bf1-8e81-0a3a6033847e"),
              context: "non_formal",
              activityIds: ["a-job-2"],
              evidence: [{ kind: "work_sample", note: "Fotos eigener Installationen" }],
              clientRating: 3,
              counsellorRating: 3,
            },
          ],
          languages: {
            motherTongues: ["tr"],
            other: [
              {
                language: "de",
                listening: "B1",
                reading: "B1",
                spokenInteraction: "A2",
                spokenProduction: "A2",
                writing: "A2",
                certificates: [{ kind: "telc", name: "telc Deutsch B1", level: "B1", date: "2023-03-10" }],
              },
            ],
          },
          goals: [
            { id: "g-job", text: "Arbeit als Elektroniker für Energie- und Gebäudetechnik in Magdeburg" },
          ],
        },
      },
    ],
  },
  {
    client: "Mohammad Rezaei",
    sittings: [
      {
        daysAgo: 50,
        parts: {
          step: "activities",
          phases: [
            {
              id: "study",
              kind: "study",
              title: "Bachelor Informatik, Universität Isfahan",
              from: "2010-09",
              to: "2014-07",
              country: "IR",
            },
            {
              id: "dev",
              kind: "work",
              title: "Softwareentwickler in einem Start-up, Teheran",
              from: "2014-09",
              to: "2021-12",
              country: "IR",
              activities: [
                { id: "a-dev-1", description: "Webanwendungen mit JavaScript und Python entwickelt" },
              ],
            },
          ],
        },
      },
      {
        daysAgo: 20,
        parts: {
          step: "goals",
          work: [
            {
              id: "w-dev",
              title: "Softwareentwickler",
              escoOccupationUri: occupation("f2b15a0e-e65a-438a-affb-29b9d50b77d1"),
              kldbCode: "43414",
              country: "IR",
              from: "2014-09",
              to: "2021-12",
            },
          ],
          competences: [
            {
              id: "c-js",
              title: "JavaScript",
              escoUri: skill("3cd569a2-4f88-4c1e-9995-8dce8c5e51a7"),
              context: "formal",
              activityIds: ["a-dev-1"],
              evidence: [{ kind: "work_sample", note: "Code auf GitHub" }],
              clientRating: 4,
              counsellorRating: 4,
            },
            {
              id: "c-py",
              title: "Python (Computerprogrammierung)",
              escoUri: skill("ccd0a1d9-afda-43d9-b901-96344886e14d"),
              context: "formal",
              activityIds: ["a-dev-1"],
              clientRating: 3,
            },
          ],
          languages: {
            motherTongues: ["fa"],
            other: [
              {
                language: "en",
                listening: "C1",
                reading: "C1",
                spokenInteraction: "B2",
                spokenProduction: "B2",
                writing: "B2",
                certificates: [{ kind: "ielts", level: "B2", date: "2021-02-01" }],
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
          goals: [{ id: "g-dev", text: "Stelle als Softwareentwickler, anfangs auf Englisch" }],
        },
      },
    ],
  },
];
