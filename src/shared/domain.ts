/** The roles a membership can hold (DOMAIN.md "Who uses it"). */
export const ROLES = [
  "network_coordinator",
  "org_admin",
  "counsellor",
  "volunteer",
  "trainer",
  "company_contact",
] as const;
export type Role = (typeof ROLES)[number];

/** Kinds of actor in the network. */
export const ORGANISATION_TYPES = [
  "network_coordination",
  "jobcenter",
  "employment_agency",
  "chamber",
  "migrant_organisation",
  "education_provider",
  "company",
  "city_administration",
  "counselling_service",
  "welfare_association",
  "other",
] as const;
export type OrganisationType = (typeof ORGANISATION_TYPES)[number];

/** Whether an organisation takes part in the network; an inactive one keeps its records. */
export const ORGANISATION_STATUSES = ["active", "inactive"] as const;
export type OrganisationStatus = (typeof ORGANISATION_STATUSES)[number];

/** Status of a user account and of a membership: a deactivated one cannot act. */
export const ACCOUNT_STATUSES = ["active", "deactivated"] as const;
export type AccountStatus = (typeof ACCOUNT_STATUSES)[number];

/** Where a mail stands in the outbox; held: no SMTP configured. */
export const OUTBOX_STATUSES = ["held", "pending", "sent", "failed"] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

/** Single-use tokens sent by mail. */
export const MAIL_TOKEN_KINDS = ["invitation", "password_reset"] as const;
export type MailTokenKind = (typeof MAIL_TOKEN_KINDS)[number];

/** The 14 districts of Sachsen-Anhalt (11 Landkreise, 3 kreisfreie Städte) by AGS key; BKG VG5000 2021. */
export const DISTRICTS = [
  { ags: "15001", name: "Dessau-Roßlau", kind: "kreisfreie_stadt" },
  { ags: "15002", name: "Halle (Saale)", kind: "kreisfreie_stadt" },
  { ags: "15003", name: "Magdeburg", kind: "kreisfreie_stadt" },
  { ags: "15081", name: "Altmarkkreis Salzwedel", kind: "landkreis" },
  { ags: "15082", name: "Anhalt-Bitterfeld", kind: "landkreis" },
  { ags: "15083", name: "Börde", kind: "landkreis" },
  { ags: "15084", name: "Burgenlandkreis", kind: "landkreis" },
  { ags: "15085", name: "Harz", kind: "landkreis" },
  { ags: "15086", name: "Jerichower Land", kind: "landkreis" },
  { ags: "15087", name: "Mansfeld-Südharz", kind: "landkreis" },
  { ags: "15088", name: "Saalekreis", kind: "landkreis" },
  { ags: "15089", name: "Salzlandkreis", kind: "landkreis" },
  { ags: "15090", name: "Stendal", kind: "landkreis" },
  { ags: "15091", name: "Wittenberg", kind: "landkreis" },
] as const;
export const DISTRICT_KEYS = DISTRICTS.map((d) => d.ags) as [string, ...string[]];

/** Languages of the staff interface; client-facing pages add more later. */
export const LOCALES = ["de", "en", "ar"] as const;
export type Locale = (typeof LOCALES)[number];
export const RTL_LOCALES: readonly string[] = ["ar", "fa"];
