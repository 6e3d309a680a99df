import type { Spec } from "./offer-catalogue.ts";

const language = (
  city: string,
  level: "B1" | "B2" | "C1",
  topic: [string, string],
  extra: Partial<Spec> = {},
): Spec => ({
  type: "berufssprachkurs",
  phases: [3],
  de: `Berufssprachkurs ${level}${topic[0] ? ` ${topic[0]}` : ""} – ${city}`,
  en: `Job-related German ${level}${topic[1] ? ` ${topic[1]}` : ""} – ${city}`,
  level: level === "B1" ? "A2" : level === "B2" ? "B1" : "B2",
  at: city,
  ...extra,
});

/** Offers of the course providers (Bildungsträger), by organisation key. */
export const PROVIDER_CATALOGUE: Record<string, Spec[]> = {
  "bt-md": [
    language("Magdeburg", "B1", ["", ""], { serves: ["15003", "15083"] }),
    language("Magdeburg", "B2", ["", ""], { serves: ["15003", "15083"] }),
    language("Haldensleben", "B1", ["", ""]),
    {
      type: "kompetenzfeststellung",
      phases: [2],
      de: "Kompetenzfeststellung in Metall- und Holzwerkstätten",
      en: "Competence assessment in metal and wood workshops",
      langs: ["ar", "fa"],
    },
    {
      type: "nachqualifizierung",
      phases: [3],
      de: "Nachqualifizierung Fachkraft Metalltechnik",
      en: "Follow-up qualification metal technology specialist",
      serves: ["15083", "15003"],
      fields: ["24", "25"],
    },
  ],
  "bt-hal": [
    language("Halle (Saale)", "B1", ["", ""]),
    language("Halle (Saale)", "B2", ["", ""]),
    language("Halle (Saale)", "C1", ["akademische Berufe", "for academic professions"], {
      groups: ["academics"],
      fields: ["27", "41", "43", "72", "73", "84", "91"],
    }),
    language("Halle (Saale)", "B2", ["Gesundheit und Pflege", "health and care"], {
      groups: ["health_professions"],
      fields: ["81", "82"],
    }),
    language("Merseburg", "B1", ["Technik", "technical"], {
      groups: ["skilled_trades"],
      fields: ["24", "25", "26"],
      status: "temporarily closed",
    }),
  ],
  "bt-blk": [
    language("Naumburg (Saale)", "B1", ["", ""]),
    language("Weißenfels", "B1", ["Lager und Logistik", "warehouse and logistics"], { fields: ["51"] }),
    language("Zeitz", "B2", ["", ""], { status: "inactive" }),
    {
      type: "anpassungsqualifizierung",
      phases: [3],
      de: "Anpassungsqualifizierung Elektrotechnik",
      en: "Adaptation qualification electrical engineering",
      langs: ["en"],
      serves: ["15084"],
      fields: ["26"],
    },
    {
      type: "nachqualifizierung",
      phases: [3],
      de: "Teilqualifizierung Fachlagerist/in",
      en: "Partial qualification warehouse clerk",
      langs: ["ar", "uk"],
      funding: "sgb_ii",
      serves: ["15084"],
      fields: ["51"],
    },
  ],
  "bt-msh": [
    language("Sangerhausen", "B2", ["Technik", "technical"], {
      groups: ["skilled_trades"],
      fields: ["24", "25", "26"],
    }),
    language("Lutherstadt Eisleben", "B1", ["", ""]),
    {
      type: "anpassungsqualifizierung",
      phases: [3],
      de: "Anpassungsqualifizierung Mechatronik",
      en: "Adaptation qualification mechatronics",
      langs: ["en", "ru"],
      serves: ["15087"],
      fields: ["25", "26"],
    },
    {
      type: "kompetenzfeststellung",
      phases: [2],
      de: "Kompetenzcheck Handwerk und Technik",
      en: "Competence check crafts and technology",
      langs: ["ar", "uk"],
      at: "Hettstedt",
      serves: ["15087"],
    },
  ],
  "bt-abi": [
    {
      type: "anpassungsqualifizierung",
      phases: [3],
      de: "Anpassungslehrgang Pflegefachfrau/Pflegefachmann",
      en: "Adaptation course for nursing professionals",
      langs: ["en"],
      groups: ["health_professions"],
      level: "B2",
      serves: ["15082", "15001"],
      fields: ["81"],
    },
    {
      type: "anpassungsqualifizierung",
      phases: [3],
      de: "Vorbereitung auf die Kenntnisprüfung Pflege",
      en: "Preparation for the nursing knowledge examination",
      langs: ["en", "ar"],
      groups: ["health_professions"],
      level: "B2",
      serves: ["15001", "15002", "15082", "15088", "15091"],
      fields: ["81"],
    },
    language("Bitterfeld-Wolfen", "B2", ["Pflege", "nursing"], {
      groups: ["health_professions"],
      fields: ["81"],
    }),
    language("Dessau-Roßlau", "B1", ["", ""]),
    language("Zerbst/Anhalt", "B1", ["", ""], { status: "defunct" }),
  ],
};
