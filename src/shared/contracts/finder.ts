import { z } from "zod";
import { FINDER_LOCALES, IQ_PHASES, OFFER_TYPES, TARGET_GROUPS } from "#shared/directory.ts";
import { DISTRICT_KEYS } from "#shared/domain.ts";
import { Id } from "./common.ts";

/** Offers per page of the finder's result list. */
export const FINDER_PAGE_SIZE = 20;

const Lang = z.enum(FINDER_LOCALES).default("de").describe("Language of texts and labels in the response");
/** A language of an offer: ISO 639-1 (or 639-3 where there is no two-letter code), lower case. */
export const LanguageCode = z.string().regex(/^[a-z]{2,3}$/);

export const FinderSearchQuery = z.object({
  q: z.string().trim().max(200).optional().describe("Search words, German stemming and typo tolerant"),
  phase: z.coerce
    .number()
    .int()
    .refine((n) => (IQ_PHASES as readonly number[]).includes(n))
    .optional()
    .describe("Phase of the IQ process chain (1–5)"),
  type: z.enum(OFFER_TYPES).optional().describe("Offer type"),
  district: z.enum(DISTRICT_KEYS).optional().describe("District (AGS key) the offer serves"),
  language: LanguageCode.optional().describe("A language the offer is given in"),
  targetGroup: z.enum(TARGET_GROUPS).optional(),
  free: z.enum(["true", "false"]).optional().describe("true: only free offers; false: only paid ones"),
  near: z
    .string()
    .trim()
    .max(100)
    .optional()
    .describe("A postcode or place in Sachsen-Anhalt: results nearest first, with their distance"),
  page: z.coerce.number().int().min(1).max(500).default(1).describe("Page of 20 results, from 1"),
  lang: Lang,
});
export type FinderSearchQuery = z.infer<typeof FinderSearchQuery>;

/** A code with its label in the requested language. */
export const Label = z.object({ code: z.string(), label: z.string() }).meta({ id: "FinderLabel" });
export type Label = z.infer<typeof Label>;

const TextLang = z.string().describe("Language the text is in (BCP 47), for lang= on the element");

export const FinderOfferSummary = z
  .object({
    id: Id,
    name: z.string().describe("Name, translated where a translation exists"),
    nameLang: TextLang,
    summary: z.string().nullable().describe("Start of the description, at most 240 characters"),
    summaryLang: TextLang,
    organisation: z.string().describe("Name of the organisation that gives the offer"),
    type: Label.nullable(),
    phases: z.array(Label),
    districts: z.array(Label).describe("Districts the offer serves"),
    languages: z.array(Label).describe("Languages the offer is given in"),
    targetGroups: z.array(Label),
    freeOfCharge: z.boolean().nullable().describe("Null: not stated"),
    city: z.string().nullable().describe("City of the first location"),
    distanceKm: z
      .number()
      .nullable()
      .describe("With near: straight-line distance of the nearest place of the offer, in km; null: no place"),
  })
  .meta({ id: "FinderOfferSummary" });
export type FinderOfferSummary = z.infer<typeof FinderOfferSummary>;

export const FinderResults = z
  .object({
    items: z.array(FinderOfferSummary),
    total: z.number().int().describe("Matching offers with every filter applied"),
    page: z.number().int(),
    pageSize: z.number().int(),
    match: z
      .enum(["all", "exact", "similar"])
      .describe(
        "all: no search words; exact: the words were found (as written, stemmed, as a start or part of a word, or through the network's vocabulary); similar: only close spellings were found",
      ),
    near: z
      .object({
        found: z.boolean().describe("false: the postcode or place is not known in Sachsen-Anhalt"),
        place: z.string().nullable().describe("The place the distances are measured from"),
        postcode: z.string().nullable(),
      })
      .nullable()
      .describe("With near: where the distances are measured from; null without near"),
    districtCounts: z
      .array(z.object({ ags: z.string(), count: z.number().int() }))
      .describe("For the map: matching offers per district, all filters applied except the district"),
  })
  .meta({ id: "FinderResults" });
export type FinderResults = z.infer<typeof FinderResults>;

export const FinderSchedule = z.object({
  days: z.array(z.enum(["MO", "TU", "WE", "TH", "FR", "SA", "SU"])).describe("Weekdays (RFC 5545 BYDAY)"),
  opensAt: z.string().nullable().describe("HH:MM"),
  closesAt: z.string().nullable().describe("HH:MM"),
  description: z.string().nullable().describe("Free text as the organisation wrote it (German)"),
});
export type FinderSchedule = z.infer<typeof FinderSchedule>;

export const FinderPhone = z.object({ number: z.string(), description: z.string().nullable() });

export const FinderLocation = z.object({
  id: Id,
  name: z.string().nullable(),
  kind: z.enum(["physical", "postal", "virtual"]),
  description: z.string().nullable().describe("How to find the place, as written (German)"),
  url: z.string().nullable().describe("Address of an online place"),
  street: z.string().nullable(),
  postcode: z.string().nullable(),
  city: z.string().nullable(),
  district: Label.nullable(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  accessibility: z
    .array(z.object({ description: z.string(), details: z.string().nullable(), url: z.string().nullable() }))
    .describe("Accessibility of the place (step-free access, hearing loop, …), as written (German)"),
  schedules: z.array(FinderSchedule),
  phones: z.array(FinderPhone),
});
export type FinderLocation = z.infer<typeof FinderLocation>;

export const FinderOffer = FinderOfferSummary.extend({
  description: z.string().nullable(),
  descriptionLang: TextLang,
  minGermanLevel: z.string().nullable().describe("Minimum German level (CEFR) to take part"),
  fees: z.string().nullable().describe("What it costs, as written (German)"),
  applicationProcess: z.string().nullable().describe("How to apply, as written (German)"),
  eligibility: z.string().nullable().describe("Who may take part, as written (German)"),
  contact: z.object({
    email: z.string().nullable(),
    website: z.string().nullable(),
    phones: z.array(FinderPhone),
    persons: z.array(
      z.object({
        name: z.string().nullable(),
        title: z.string().nullable(),
        email: z.string().nullable(),
        phone: z.string().nullable(),
      }),
    ),
  }),
  organisationContact: z.object({
    email: z.string().nullable(),
    phone: z.string().nullable(),
    website: z.string().nullable(),
  }),
  schedules: z.array(FinderSchedule).describe("Opening hours of the offer itself"),
  locations: z.array(FinderLocation),
}).meta({ id: "FinderOffer" });
export type FinderOffer = z.infer<typeof FinderOffer>;

export const FinderOfferParams = z.object({ id: Id });
export const FinderLangQuery = z.object({ lang: Lang });

export const DistrictMap = z
  .object({
    viewBox: z.string().describe("SVG viewBox of the map"),
    attribution: z.string().describe("Source note that must be shown with the map"),
    attributionUrl: z.string(),
    districts: z.array(
      z.object({
        ags: z.string(),
        name: z.string(),
        path: z.string().describe("SVG path data (fill-rule evenodd)"),
        labelX: z.number().describe("Where the count label goes"),
        labelY: z.number(),
      }),
    ),
  })
  .meta({ id: "DistrictMap" });
export type DistrictMap = z.infer<typeof DistrictMap>;
