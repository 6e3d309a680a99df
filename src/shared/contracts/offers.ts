import { z } from "zod";
import {
  CEFR_LEVELS,
  FINDER_LOCALES,
  FUNDING_ROUTES,
  IQ_PHASES,
  LOCATION_TYPES,
  OFFER_STATUSES,
  OFFER_TYPES,
  TARGET_GROUPS,
} from "#shared/directory.ts";
import { DISTRICT_KEYS } from "#shared/domain.ts";
import { ISO_639_1 } from "#shared/languages.ts";
import { OCCUPATION_FIELD_CODES } from "#shared/occupations.ts";
import { Id, PageQuery, page, Timestamp } from "./common.ts";

const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();

/** A tag (`<b>`, `</p>`, `<!-- -->`) or a character reference (`&amp;`, `&#60;`). */
const MARKUP = /<[/!?]?[a-z][^>]*>|<!--|&(#\d+|#x[\da-f]+|[a-z]+);/i;
/**
 * A text the public finder shows: plain text, no HTML. The finder would show markup as it is,
 * and an exchange partner (HSDS) that renders HTML would run it.
 */
const plainText = (text: z.ZodString) => text.refine((v) => !MARKUP.test(v), { message: "no_html" });
const publicText = (min: number, max: number) => plainText(z.string().trim().min(min).max(max));
const optionalPublicText = (max: number) => plainText(z.string().trim().max(max)).nullable().optional();
/** A list without repeats; the order the user chose is kept. */
const distinct = <T extends z.ZodType>(item: T, max: number) =>
  z
    .array(item)
    .max(max)
    .refine((v) => new Set(v).size === v.length, { message: "duplicate" });

export const WEEKDAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"] as const;
export type Weekday = (typeof WEEKDAYS)[number];
const Time = z
  .string()
  .regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$/)
  .describe("Local time in Sachsen-Anhalt, HH:MM");

/** One line of the opening hours: the same hours on one or more weekdays (HSDS schedule, weekly). */
export const ScheduleEntry = z
  .object({
    weekdays: distinct(z.enum(WEEKDAYS), 7).min(1).describe("Days of the week these hours apply to"),
    opensAt: Time.describe("When the offer opens on those days, HH:MM"),
    closesAt: Time.describe("When it closes on those days, HH:MM"),
    description: optionalText(300).describe("A note for visitors, e.g. 'only with appointment'"),
  })
  .refine((v) => v.opensAt < v.closesAt, { message: "closes_before_opens", path: ["closesAt"] })
  .meta({ id: "ScheduleEntry" });
export type ScheduleEntry = z.infer<typeof ScheduleEntry>;

/** How people reach the offer (HSDS phones, contacts and e-mail of the service). */
export const OfferContact = z
  .object({
    person: optionalText(200).describe("Name of the contact person, e.g. 'Frau Schulz'"),
    phone: optionalText(50).describe("Phone number for enquiries"),
    email: z.email().max(254).nullable().optional().describe("E-mail address for enquiries"),
  })
  .meta({ id: "OfferContact" });

const TranslatedText = z.object({
  name: publicText(2, 200).describe("Name of the offer in this language, plain text"),
  description: optionalPublicText(4000).describe("Description of the offer in this language, plain text"),
});
/** The finder's languages besides German, the source: the languages an offer is translated into. */
export const TRANSLATION_LOCALES = FINDER_LOCALES.filter(
  (l): l is Exclude<(typeof FINDER_LOCALES)[number], "de"> => l !== "de",
);
export type TranslationLocale = (typeof TRANSLATION_LOCALES)[number];
/** Public texts in the finder's other languages; German is the source in name and description. */
export const OfferTranslations = z
  .object(
    Object.fromEntries(TRANSLATION_LOCALES.map((l) => [l, TranslatedText.optional()])) as Record<
      TranslationLocale,
      z.ZodOptional<typeof TranslatedText>
    >,
  )
  .describe("Translations of name and description, by language, e.g. { en: { name, description } }")
  .meta({ id: "OfferTranslations" });
export type OfferTranslations = z.infer<typeof OfferTranslations>;

/** Everything an organisation admin edits on an offer. */
export const OfferInput = z.object({
  name: publicText(2, 200).describe("Name of the offer in German, as the public finder shows it; plain text"),
  description: optionalPublicText(4000).describe("What the offer does and for whom, in German; plain text"),
  status: z
    .enum(OFFER_STATUSES)
    .describe("active: takes people; temporarily closed: pauses; inactive: not offered now; defunct: ended"),
  phases: distinct(z.number().int().min(1).max(5), IQ_PHASES.length)
    .min(1)
    .describe("Phases of the IQ process chain the offer serves (1 access … 5 stabilisation)"),
  offerType: z.enum(OFFER_TYPES).describe("Kind of offer, from the Lotse offer-type taxonomy"),
  targetGroups: distinct(z.enum(TARGET_GROUPS), TARGET_GROUPS.length).describe(
    "Groups of people the offer addresses",
  ),
  languages: distinct(z.enum(ISO_639_1), 30).describe(
    "Languages the offer is given in, ISO 639-1 codes, e.g. de, ar, uk",
  ),
  minGermanLevel: z
    .enum(CEFR_LEVELS)
    .nullable()
    .describe("German a participant needs at least (CEFR); null when none is needed"),
  fundingRoute: z.enum(FUNDING_ROUTES).nullable().describe("How the offer is financed"),
  districts: distinct(z.enum(DISTRICT_KEYS), DISTRICT_KEYS.length).describe(
    "Districts of Sachsen-Anhalt the offer serves, by AGS key",
  ),
  occupationFields: distinct(z.enum(OCCUPATION_FIELD_CODES), OCCUPATION_FIELD_CODES.length).describe(
    "Occupation fields (KldB 2010 Berufshauptgruppen, two digits) a qualification offer suits; empty: any",
  ),
  freeOfCharge: z.boolean().nullable().describe("Whether participants pay nothing; null when not known"),
  website: z.url().max(500).nullable().optional().describe("Web page of the offer"),
  translations: OfferTranslations.optional(),
  schedules: z
    .array(ScheduleEntry)
    .max(30)
    .optional()
    .describe("Opening hours, one entry per set of weekdays"),
  contact: OfferContact.optional(),
  locationIds: distinct(Id, 50)
    .optional()
    .describe("Locations of the same organisation where the offer is given"),
});
export const OfferCreate = OfferInput.extend({
  status: OfferInput.shape.status.default("active"),
  targetGroups: OfferInput.shape.targetGroups.default([]),
  languages: OfferInput.shape.languages.default(["de"]),
  minGermanLevel: OfferInput.shape.minGermanLevel.default(null),
  fundingRoute: OfferInput.shape.fundingRoute.default(null),
  districts: OfferInput.shape.districts.default([]),
  occupationFields: OfferInput.shape.occupationFields.default([]),
  freeOfCharge: OfferInput.shape.freeOfCharge.default(null),
});
export const OfferUpdate = OfferInput.partial().refine((v) => Object.values(v).some((x) => x !== undefined), {
  message: "nothing_to_change",
});

export const LocationSummary = z.object({
  id: Id,
  name: z.string().nullable(),
  city: z.string().nullable(),
  districtAgs: z.string().nullable(),
});

/** An offer as staff see it, with what the reader may do with it. */
export const Offer = z
  .object({
    id: Id,
    organisationId: Id.describe("Organisation that gives the offer"),
    organisationName: z.string(),
    name: z.string(),
    description: z.string().nullable(),
    status: z.enum(OFFER_STATUSES),
    phases: z.array(z.number().int()),
    offerType: z.enum(OFFER_TYPES).nullable().describe("Null for an imported offer without a Lotse type"),
    targetGroups: z.array(z.string()),
    languages: z.array(z.string()),
    minGermanLevel: z.enum(CEFR_LEVELS).nullable(),
    fundingRoute: z.enum(FUNDING_ROUTES).nullable(),
    districts: z.array(z.string()),
    occupationFields: z.array(z.string()).describe("KldB 2010 occupation fields (two digits); empty: any"),
    freeOfCharge: z.boolean().nullable(),
    website: z.string().nullable(),
    translations: OfferTranslations,
    schedules: z.array(ScheduleEntry),
    contact: z.object({
      person: z.string().nullable(),
      phone: z.string().nullable(),
      email: z.string().nullable(),
    }),
    locations: z.array(LocationSummary).describe("Where the offer is given"),
    createdAt: Timestamp,
    updatedAt: Timestamp,
    abilities: z.object({
      update: z.boolean().describe("May edit the offer and set its status"),
      delete: z.boolean().describe("May remove it for good (the coordination only)"),
      history: z.boolean(),
    }),
  })
  .meta({ id: "Offer" });
export type Offer = z.infer<typeof Offer>;

export const OfferListQuery = PageQuery.extend({
  q: z.string().trim().max(100).optional().describe("Part of the name"),
  status: z.enum(OFFER_STATUSES).optional(),
  phase: z.coerce
    .number()
    .int()
    .refine((p) => (IQ_PHASES as readonly number[]).includes(p), { message: "invalid_value" })
    .optional()
    .describe("Only offers serving this phase"),
  offerType: z.enum(OFFER_TYPES).optional(),
  districtAgs: z.enum(DISTRICT_KEYS).optional().describe("Only offers serving this district"),
});
export const OfferList = page(Offer);
export const OfferParams = z.object({ id: Id });

export { LOCATION_TYPES };

/** Everything an organisation admin edits on a location. */
export const LocationInput = z.object({
  locationType: z
    .enum(LOCATION_TYPES)
    .describe("physical: people come here; postal: letters only; virtual: online"),
  name: optionalText(200).describe("Name of the place, e.g. 'Beratungsbüro Hasselbachplatz'"),
  description: optionalText(2000).describe("How to find it, accessibility, parking"),
  districtAgs: z.enum(DISTRICT_KEYS).nullable().optional().describe("District of Sachsen-Anhalt (AGS key)"),
  street: optionalText(200).describe("Street and house number"),
  postcode: z
    .string()
    .regex(/^[0-9]{5}$/)
    .nullable()
    .optional()
    .describe("German postcode, five digits"),
  city: optionalText(100).describe("Town or city"),
  latitude: z.number().min(-90).max(90).nullable().optional().describe("WGS84 latitude, for the map"),
  longitude: z.number().min(-180).max(180).nullable().optional().describe("WGS84 longitude, for the map"),
  url: z.url().max(500).nullable().optional().describe("Address of an online location"),
});
export const LocationCreate = LocationInput.extend({
  locationType: LocationInput.shape.locationType.default("physical"),
});
export const LocationUpdate = LocationInput.partial().refine(
  (v) => Object.values(v).some((x) => x !== undefined),
  { message: "nothing_to_change" },
);

export const Location = z
  .object({
    id: Id,
    organisationId: Id,
    locationType: z.enum(LOCATION_TYPES),
    name: z.string().nullable(),
    description: z.string().nullable(),
    districtAgs: z.string().nullable(),
    street: z.string().nullable(),
    postcode: z.string().nullable(),
    city: z.string().nullable(),
    latitude: z.number().nullable(),
    longitude: z.number().nullable(),
    url: z.string().nullable(),
    offerCount: z.number().int().describe("Offers given here"),
    createdAt: Timestamp,
    updatedAt: Timestamp,
    abilities: z.object({ update: z.boolean(), delete: z.boolean(), history: z.boolean() }),
  })
  .meta({ id: "Location" });
export type Location = z.infer<typeof Location>;
export const LocationList = page(Location);
export const LocationListQuery = PageQuery.extend({
  q: z.string().trim().max(100).optional().describe("Part of name, street or city"),
});
export const LocationParams = z.object({ id: Id });

/** One changed field of a directory record. */
export const DirectoryChange = z
  .object({
    id: Id,
    at: Timestamp.describe("When the change was made"),
    action: z.string().describe("create, update or delete"),
    field: z.string().describe("Name of the changed field, e.g. phases or translations.en.name"),
    previous: z.string().describe("Value before the change, as text; empty when there was none"),
    replacement: z.string().describe("Value after the change, as text; empty when removed"),
    byUserId: z.string().describe("Who made the change: a user id, or an importer's name"),
    byName: z.string().nullable().describe("Name of that user, when known"),
  })
  .meta({ id: "DirectoryChange" });
export const DirectoryChangeList = page(DirectoryChange);
