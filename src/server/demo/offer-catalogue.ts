import type {
  CefrLevel,
  FundingRoute,
  IqPhase,
  OfferStatus,
  OfferType,
  TargetGroup,
} from "#shared/directory.ts";

/** What every offer of a type says and assumes, unless its spec says otherwise. */
type TypeDefaults = {
  de: string;
  en: string;
  groups: TargetGroup[];
  funding: FundingRoute;
  free: boolean;
  level: CefrLevel | null;
};

export const TYPE_DEFAULTS: Record<OfferType, TypeDefaults> = {
  anerkennungsberatung: {
    de: "Wir klären, welcher deutsche Referenzberuf zu Ihrem ausländischen Abschluss passt, welche Stelle zuständig ist und welche Unterlagen Sie brauchen. Wir begleiten Sie bis zum Bescheid.",
    en: "We find out which German reference occupation matches your foreign qualification, which authority is responsible and which documents you need. We support you until the decision.",
    groups: ["migrants_with_foreign_qualification", "refugees", "eu_citizens"],
    funding: "iq_programme",
    free: true,
    level: null,
  },
  qualifizierungsberatung: {
    de: "Nach einem Teil- oder Negativbescheid planen wir mit Ihnen die passende Anpassungs- oder Nachqualifizierung und klären die Finanzierung.",
    en: "After a partial or negative decision we plan the right adaptation or follow-up qualification with you and clarify funding.",
    groups: ["migrants_with_foreign_qualification", "academics", "skilled_trades"],
    funding: "iq_programme",
    free: true,
    level: "A2",
  },
  laufbahnberatung_kombi: {
    de: "Biografische Laufbahnberatung nach dem KomBI-Ansatz: Wir machen Ihre Kompetenzen aus Arbeit und Leben sichtbar und entwickeln mit Ihnen nächste Schritte.",
    en: "Biographical career counselling using the KomBI approach: we make the competences from your work and life visible and plan your next steps with you.",
    groups: ["migrants_with_foreign_qualification", "refugees", "women"],
    funding: "iq_programme",
    free: true,
    level: null,
  },
  kompetenzfeststellung: {
    de: "Praktische Kompetenzfeststellung mit Arbeitsproben: Sie zeigen, was Sie können – auch ohne Zeugnisse. Das Ergebnis wird dokumentiert.",
    en: "Practical competence assessment with work samples: you show what you can do, even without certificates. The result is documented.",
    groups: ["refugees", "skilled_trades", "young_adults"],
    funding: "sgb_ii",
    free: true,
    level: "A2",
  },
  anpassungsqualifizierung: {
    de: "Anpassungsqualifizierung zum Ausgleich der im Bescheid festgestellten wesentlichen Unterschiede, mit Theorie und betrieblicher Praxis.",
    en: "Adaptation qualification to make up the substantial differences named in the recognition decision, with theory and practice in a company.",
    groups: ["migrants_with_foreign_qualification", "health_professions", "skilled_trades"],
    funding: "iq_programme",
    free: true,
    level: "B1",
  },
  nachqualifizierung: {
    de: "Modulare Nachqualifizierung bis zum Berufsabschluss, auch in Teilqualifikationen und berufsbegleitend.",
    en: "Modular follow-up qualification leading to a vocational qualification, also in partial qualifications and alongside work.",
    groups: ["refugees", "skilled_trades", "young_adults"],
    funding: "sgb_iii",
    free: true,
    level: "A2",
  },
  berufssprachkurs: {
    de: "Berufsbezogener Deutschkurs (DeuFöV) mit Abschlussprüfung. Anmeldung über Jobcenter, Agentur für Arbeit oder direkt beim Träger mit Berechtigungsschein.",
    en: "Job-related German course (DeuFöV) with a final exam. Registration via Jobcenter, employment agency or directly with the provider with an entitlement certificate.",
    groups: ["migrants_with_foreign_qualification", "refugees", "eu_citizens"],
    funding: "bamf",
    free: true,
    level: "B1",
  },
  externenpruefung_validierung: {
    de: "Beratung und Zulassung zur Externenprüfung oder zum Validierungsverfahren nach dem Berufsvalidierungs- und -digitalisierungsgesetz: Berufserfahrung wird zum anerkannten Abschluss.",
    en: "Advice and admission to the external examination or to validation under the Vocational Training Validation and Digitalisation Act: work experience becomes a recognised qualification.",
    groups: ["skilled_trades", "refugees", "migrants_with_foreign_qualification"],
    funding: "other",
    free: false,
    level: "B1",
  },
  existenzgruendungsberatung: {
    de: "Beratung für Gründerinnen und Gründer mit Migrationsgeschichte: Geschäftsidee, Businessplan, Finanzierung, Genehmigungen und Aufenthaltsrecht.",
    en: "Counselling for founders with a migration background: business idea, business plan, funding, permits and residence law.",
    groups: ["migrants_with_foreign_qualification", "women", "academics"],
    funding: "iq_programme",
    free: true,
    level: "A2",
  },
  arbeitsvermittlung: {
    de: "Vermittlung in Arbeit und Ausbildung mit Profil, Bewerbungsunterstützung und Kontakten zu Arbeitgebern in der Region.",
    en: "Placement in work and training with a profile, application support and contacts to employers in the region.",
    groups: ["refugees", "migrants_with_foreign_qualification", "eu_citizens"],
    funding: "sgb_ii",
    free: true,
    level: null,
  },
  migrationsberatung: {
    de: "Erste Orientierung nach der Ankunft: Aufenthalt, Sprachkurse, Wohnen, Schule, Arbeit. Wir vermitteln an die passenden Stellen weiter und begleiten bei Bedarf.",
    en: "First orientation after arrival: residence, language courses, housing, school, work. We refer you to the right places and accompany you if needed.",
    groups: ["refugees", "eu_citizens", "women"],
    funding: "bamf",
    free: true,
    level: null,
  },
  diversity_ikoe_beratung: {
    de: "Beratung und Prozessbegleitung zur interkulturellen Öffnung: Selbstcheck, Maßnahmenplan, Schulungen für Führungskräfte und Teams.",
    en: "Counselling and process support for intercultural opening: self-assessment, action plan, training for managers and teams.",
    groups: ["employers", "counsellors_multipliers"],
    funding: "iq_programme",
    free: true,
    level: null,
  },
  faire_integration: {
    de: "Vertrauliche Beratung zu Arbeitsrecht und Sozialversicherung: Lohn, Arbeitszeit, Kündigung, Urlaub, Krankheit. Auf Wunsch anonym.",
    en: "Confidential advice on labour law and social insurance: wages, working hours, dismissal, holidays, sickness. Anonymous on request.",
    groups: ["refugees", "eu_citizens", "migrants_with_foreign_qualification"],
    funding: "iq_programme",
    free: true,
    level: null,
  },
};

/** One offer of a demo organisation; unset fields come from the type's defaults. */
export type Spec = {
  type: OfferType;
  phases: IqPhase[];
  de: string;
  en: string;
  /** A sentence put before the type's description: [German, English]. */
  lead?: [string, string];
  langs?: string[];
  groups?: TargetGroup[];
  funding?: FundingRoute;
  free?: boolean;
  level?: CefrLevel | null;
  /** City of an extra location; the offer is then given there rather than at the main office. */
  at?: string;
  /** Districts served; default the district of the place where it is given. */
  serves?: string[];
  /** KldB 2010 occupation fields (two digits) a qualification offer suits; default none, i.e. any. */
  fields?: string[];
  status?: OfferStatus;
};

const NORTH = ["15003", "15081", "15083", "15085", "15086", "15089", "15090"];
const SOUTH = ["15001", "15002", "15082", "15084", "15087", "15088", "15091"];
const ALL = [...NORTH, ...SOUTH];

const outreach = (city: string, ags: string, langs: string[]): Spec => ({
  type: "anerkennungsberatung",
  phases: [2],
  de: `Außensprechstunde Anerkennungsberatung ${city}`,
  en: `Recognition counselling outreach hours ${city}`,
  lead: [
    `Einmal im Monat beraten wir vor Ort in ${city}, Termine nach Vereinbarung.`,
    `Once a month we advise on site in ${city}, by appointment.`,
  ],
  langs,
  at: city,
  serves: [ags],
});

/** The offers of each demo organisation, by the organisation's key (see organisations.ts). */
export const CATALOGUE: Record<string, Spec[]> = {
  coordination: [
    {
      type: "laufbahnberatung_kombi",
      phases: [2],
      de: "Weiterbildung KomBI-Laufbahnberatung für Ehren- und Hauptamtliche",
      en: "Training: KomBI career counselling for volunteers and staff",
      lead: [
        "Zwölf Teilnehmende aus Migrantenorganisationen, Jobcentern, Unternehmen und Berufsschulen lernen die KomBI-Methode.",
        "Twelve participants from migrant organisations, Jobcenters, companies and vocational schools learn the KomBI method.",
      ],
      groups: ["counsellors_multipliers"],
      serves: ALL,
    },
    {
      type: "diversity_ikoe_beratung",
      phases: [5],
      de: "Weiterbildung Diversity-Beratung in eigener Organisation",
      en: "Training: diversity advice in your own organisation",
      lead: [
        "Vierzehn Diversity-Berater*innen aus Unternehmen, Bildung, Verwaltung und Zivilgesellschaft gestalten die interkulturelle Öffnung ihrer Organisation.",
        "Fourteen diversity advisors from companies, education, administration and civil society lead the intercultural opening of their organisation.",
      ],
      serves: ALL,
    },
    {
      type: "diversity_ikoe_beratung",
      phases: [1, 5],
      de: "Netzwerkberatung Schnittstellen und Verweiswege",
      en: "Network counselling on interfaces and referral routes",
      lead: [
        "Für Partnerorganisationen: Wir klären Übergaben, Zuständigkeiten und Bearbeitungszeiten zwischen Ihren Angeboten.",
        "For partner organisations: we clarify handovers, responsibilities and processing times between your offers.",
      ],
      groups: ["counsellors_multipliers", "employers"],
      serves: ALL,
    },
  ],
  "cs-iq-md": [
    {
      type: "anerkennungsberatung",
      phases: [2],
      de: "IQ Anerkennungsberatung Magdeburg",
      en: "IQ recognition counselling Magdeburg",
      langs: ["en", "ru"],
      serves: NORTH,
    },
    {
      type: "anerkennungsberatung",
      phases: [1, 2],
      de: "Anerkennungsberatung auf Arabisch",
      en: "Recognition counselling in Arabic",
      lead: [
        "Beratung durch eine arabischsprachige Beraterin, auch per Video.",
        "Counselling by an Arabic-speaking counsellor, also by video.",
      ],
      langs: ["ar"],
      serves: ["15003", "15083", "15086"],
    },
    {
      type: "anerkennungsberatung",
      phases: [2],
      de: "Anerkennungsberatung auf Ukrainisch und Russisch",
      en: "Recognition counselling in Ukrainian and Russian",
      langs: ["uk", "ru"],
      serves: NORTH,
    },
    {
      type: "anerkennungsberatung",
      phases: [2],
      de: "Anerkennungsberatung auf Persisch (Dari/Farsi)",
      en: "Recognition counselling in Persian (Dari/Farsi)",
      langs: ["fa"],
      serves: ["15003"],
      status: "temporarily closed",
    },
    {
      type: "qualifizierungsberatung",
      phases: [2, 3],
      de: "Qualifizierungsberatung nach dem Anerkennungsbescheid",
      en: "Qualification counselling after the recognition decision",
      langs: ["en", "ar"],
      serves: NORTH,
    },
    {
      type: "laufbahnberatung_kombi",
      phases: [2],
      de: "KomBI-Laufbahnberatung Magdeburg",
      en: "KomBI career counselling Magdeburg",
      langs: ["en", "ar", "tr"],
    },
    {
      type: "existenzgruendungsberatung",
      phases: [4],
      de: "Gründungsberatung für Migrantinnen und Migranten (Nord)",
      en: "Start-up counselling for migrants (north)",
      langs: ["en", "ar", "tr"],
      serves: NORTH,
    },
    {
      type: "diversity_ikoe_beratung",
      phases: [5],
      de: "Diversity-Beratung für kleine und mittlere Unternehmen",
      en: "Diversity counselling for small and medium-sized enterprises",
      serves: NORTH,
    },
    outreach("Salzwedel", "15081", ["en", "uk"]),
    outreach("Haldensleben", "15083", ["en", "ar"]),
    outreach("Halberstadt", "15085", ["en", "ar", "ru"]),
    outreach("Burg", "15086", ["en"]),
    outreach("Bernburg (Saale)", "15089", ["en", "ar"]),
    outreach("Stendal", "15090", ["en", "uk", "ru"]),
  ],
  "cs-iq-hal": [
    {
      type: "anerkennungsberatung",
      phases: [2],
      de: "IQ Anerkennungsberatung Halle (Saale)",
      en: "IQ recognition counselling Halle (Saale)",
      langs: ["en", "ar", "fr"],
      serves: SOUTH,
    },
    {
      type: "anerkennungsberatung",
      phases: [2],
      de: "Anerkennungsberatung auf Türkisch",
      en: "Recognition counselling in Turkish",
      langs: ["tr"],
      serves: ["15002", "15088"],
    },
    {
      type: "anerkennungsberatung",
      phases: [2],
      de: "Anerkennungsberatung für akademische Heilberufe",
      en: "Recognition counselling for academic health professions",
      lead: [
        "Für Ärztinnen, Zahnärzte und Apotheker: Approbation, Berufserlaubnis, Kenntnis- und Fachsprachprüfung.",
        "For doctors, dentists and pharmacists: licence to practise, temporary permit, knowledge and specialist language exam.",
      ],
      langs: ["en", "ar", "ru"],
      groups: ["health_professions", "academics"],
      serves: ALL,
    },
    {
      type: "qualifizierungsberatung",
      phases: [2, 3],
      de: "Qualifizierungsberatung Süd",
      en: "Qualification counselling south",
      langs: ["en", "ru"],
      serves: SOUTH,
    },
    {
      type: "laufbahnberatung_kombi",
      phases: [2],
      de: "KomBI-Laufbahnberatung für Frauen",
      en: "KomBI career counselling for women",
      lead: ["Mit Kinderbetreuung während der Beratung.", "With childcare during the counselling."],
      langs: ["ar", "fa"],
      groups: ["women"],
    },
    {
      type: "existenzgruendungsberatung",
      phases: [4, 5],
      de: "Gründungsberatung für Migrantinnen und Migranten (Süd)",
      en: "Start-up counselling for migrants (south)",
      langs: ["en", "ar", "tr", "ru"],
      serves: SOUTH,
    },
    {
      type: "diversity_ikoe_beratung",
      phases: [5],
      de: "Diversity-Check für Verwaltungen und Bildungsträger",
      en: "Diversity check for administrations and education providers",
      serves: SOUTH,
    },
    outreach("Dessau-Roßlau", "15001", ["en", "ar"]),
    outreach("Köthen (Anhalt)", "15082", ["en"]),
    outreach("Naumburg (Saale)", "15084", ["en", "ru"]),
    outreach("Sangerhausen", "15087", ["en", "ar"]),
    outreach("Merseburg", "15088", ["en", "uk"]),
    outreach("Lutherstadt Wittenberg", "15091", ["en", "ar", "uk"]),
  ],
  "cs-fi": [
    {
      type: "faire_integration",
      phases: [4, 5],
      de: "Faire Integration – Beratung zu Arbeitsrecht",
      en: "Fair Integration – advice on labour law",
      langs: ["en", "ar", "fa", "ru", "uk", "tr", "pl", "ro"],
      serves: ALL,
    },
    {
      type: "faire_integration",
      phases: [1],
      de: "Workshop „Meine Rechte bei der Arbeit“",
      en: "Workshop “My rights at work”",
      lead: [
        "Workshops in Sprachkursen und Gemeinschaftsunterkünften, auf Anfrage.",
        "Workshops in language courses and shared accommodation, on request.",
      ],
      langs: ["en", "ar", "uk"],
      serves: ALL,
    },
    {
      type: "faire_integration",
      phases: [4, 5],
      de: "Faire Integration – Sprechstunde Halle",
      en: "Fair Integration – consultation hours Halle",
      langs: ["en", "ar", "ro", "pl"],
      at: "Halle (Saale)",
      serves: ["15002", "15088"],
    },
    {
      type: "faire_integration",
      phases: [4, 5],
      de: "Faire Integration – Sprechstunde Stendal",
      en: "Fair Integration – consultation hours Stendal",
      langs: ["en", "uk", "ru"],
      at: "Stendal",
      serves: ["15090", "15081"],
    },
    {
      type: "faire_integration",
      phases: [5],
      de: "Faire Integration – Saisonarbeit und Fleischindustrie",
      en: "Fair Integration – seasonal work and meat industry",
      langs: ["ro", "pl", "bg"],
      at: "Weißenfels",
      serves: ["15084", "15088"],
    },
  ],
};
