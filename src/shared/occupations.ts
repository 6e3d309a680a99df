/**
 * The occupation fields of the KldB 2010 (Berufshauptgruppen, level 2, two digits) that qualification
 * offers are tagged with. Copied from the reference data (reference/kldb2010, © Bundesagentur
 * für Arbeit); a unit test keeps both the same. Kept here so that contracts can validate the codes.
 */
export const OCCUPATION_FIELDS = [
  { code: "01", title: "Angehörige der regulären Streitkräfte" },
  { code: "11", title: "Land-, Tier- und Forstwirtschaftsberufe" },
  { code: "12", title: "Gartenbauberufe und Floristik" },
  {
    code: "21",
    title: "Rohstoffgewinnung und -aufbereitung, Glas- und Keramikherstellung und -verarbeitung",
  },
  { code: "22", title: "Kunststoffherstellung und -verarbeitung, Holzbe- und -verarbeitung" },
  { code: "23", title: "Papier- und Druckberufe, technische Mediengestaltung" },
  { code: "24", title: "Metallerzeugung und -bearbeitung, Metallbauberufe" },
  { code: "25", title: "Maschinen- und Fahrzeugtechnikberufe" },
  { code: "26", title: "Mechatronik-, Energie- und Elektroberufe" },
  {
    code: "27",
    title: "Technische Forschungs-, Entwicklungs-, Konstruktions- und Produktionssteuerungsberufe",
  },
  { code: "28", title: "Textil- und Lederberufe" },
  { code: "29", title: "Lebensmittelherstellung und -verarbeitung" },
  { code: "31", title: "Bauplanungs-, Architektur- und Vermessungsberufe" },
  { code: "32", title: "Hoch- und Tiefbauberufe" },
  { code: "33", title: "(Innen-)Ausbauberufe" },
  { code: "34", title: "Gebäude- und versorgungstechnische Berufe" },
  { code: "41", title: "Mathematik-, Biologie-, Chemie- und Physikberufe" },
  { code: "42", title: "Geologie-, Geografie- und Umweltschutzberufe" },
  { code: "43", title: "Informatik-, Informations- und Kommunikationstechnologieberufe" },
  { code: "51", title: "Verkehrs- und Logistikberufe (außer Fahrzeugführung)" },
  { code: "52", title: "Führer/innen von Fahrzeug- und Transportgeräten" },
  { code: "53", title: "Schutz-, Sicherheits- und Überwachungsberufe" },
  { code: "54", title: "Reinigungsberufe" },
  { code: "61", title: "Einkaufs-, Vertriebs- und Handelsberufe" },
  { code: "62", title: "Verkaufsberufe" },
  { code: "63", title: "Tourismus-, Hotel- und Gaststättenberufe" },
  { code: "71", title: "Berufe in Unternehmensführung und -organisation" },
  { code: "72", title: "Berufe in Finanzdienstleistungen, Rechnungswesen und Steuerberatung" },
  { code: "73", title: "Berufe in Recht und Verwaltung" },
  { code: "81", title: "Medizinische Gesundheitsberufe" },
  { code: "82", title: "Nichtmedizinische Gesundheits-, Körperpflege- und Wellnessberufe, Medizintechnik" },
  { code: "83", title: "Erziehung, soziale und hauswirtschaftliche Berufe, Theologie" },
  { code: "84", title: "Lehrende und ausbildende Berufe" },
  {
    code: "91",
    title: "Sprach-, literatur-, geistes-, gesellschafts- und wirtschaftswissenschaftliche Berufe",
  },
  { code: "92", title: "Werbung, Marketing, kaufmännische und redaktionelle Medienberufe" },
  { code: "93", title: "Produktdesign und kunsthandwerkliche Berufe, bildende Kunst, Musikinstrumentenbau" },
  { code: "94", title: "Darstellende und unterhaltende Berufe" },
] as const;

export type OccupationField = (typeof OCCUPATION_FIELDS)[number]["code"];
export const OCCUPATION_FIELD_CODES = OCCUPATION_FIELDS.map((f) => f.code) as [
  OccupationField,
  ...OccupationField[],
];
