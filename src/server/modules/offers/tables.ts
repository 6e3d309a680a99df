import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { createdAt, oneOf, tsvector, updatedAt } from "#server/db/columns.ts";
import { organisations } from "#server/platform/tables.ts";
import {
  type CefrLevel,
  type FundingRoute,
  LOCATION_TYPES,
  type LocationType,
  OFFER_STATUSES,
  type OfferStatus,
  type OfferType,
} from "#shared/directory.ts";

/**
 * An offer (Angebot; HSDS service). The columns are what Lotse searches, filters and counts by;
 * `hsds` keeps the rest of the HSDS object (phones, schedules, contacts, cost options, …) so that
 * an exchange round-trips without loss.
 */
export const offers = pgTable(
  "offers",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    description: text("description"),
    status: text("status").$type<OfferStatus>().notNull().default("active"),
    phases: smallint("phases").array().notNull().default(sql`'{}'`),
    offerType: text("offer_type").$type<OfferType>(),
    targetGroups: text("target_groups").array().notNull().default(sql`'{}'`),
    languages: text("languages").array().notNull().default(sql`'{}'`),
    minGermanLevel: text("min_german_level").$type<CefrLevel>(),
    fundingRoute: text("funding_route").$type<FundingRoute>(),
    districts: text("districts").array().notNull().default(sql`'{}'`),
    /** KldB 2010 occupation fields (Berufshauptgruppen, two digits) a qualification offer serves; empty: any. */
    occupationFields: text("occupation_fields").array().notNull().default(sql`'{}'`),
    freeOfCharge: boolean("free_of_charge"),
    capacityAvailable: integer("capacity_available"),
    capacityMaximum: integer("capacity_maximum"),
    capacityUpdatedAt: timestamp("capacity_updated_at", { withTimezone: true }),
    /** Public texts in other languages: { en: { name, description }, … }. */
    translations: jsonb("translations")
      .$type<Record<string, { name?: string; description?: string }>>()
      .notNull()
      .default({}),
    hsds: jsonb("hsds").$type<Record<string, unknown>>().notNull().default({}),
    search: tsvector("search").generatedAlwaysAs(
      sql`setweight(to_tsvector('german'::regconfig, coalesce(name, '')), 'A') || setweight(to_tsvector('german'::regconfig, coalesce(description, '')), 'B')`,
    ),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    check("offers_status_check", oneOf(t.status, OFFER_STATUSES)),
    check("offers_phases_check", sql`${t.phases} <@ array[1,2,3,4,5]::smallint[]`),
    index("offers_organisation_idx").on(t.organisationId),
    index("offers_search_idx").using("gin", t.search),
    index("offers_name_trgm_idx").using("gin", sql`${t.name} gin_trgm_ops`),
    index("offers_phases_idx").using("gin", t.phases),
    index("offers_districts_idx").using("gin", t.districts),
    index("offers_languages_idx").using("gin", t.languages),
    // The public finder and the matrix (bench/directory.ts): the finder's counts per district read
    // this covering index alone (index-only scan) instead of the wide rows; its result pages in name
    // order walk offers_name_order_idx. (The finder's words are searched in its own index, see
    // finder_changes.)
    index("offers_finder_idx")
      .on(t.organisationId, t.offerType, t.freeOfCharge, t.districts, t.phases, t.languages, t.targetGroups)
      .where(sql`${t.status} = 'active'`),
    index("offers_name_order_idx").on(t.name, t.id),
  ],
);

/** A place where offers are given (HSDS location); physical, postal or virtual. */
export const locations = pgTable(
  "locations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    locationType: text("location_type").$type<LocationType>().notNull().default("physical"),
    name: text("name"),
    description: text("description"),
    districtAgs: text("district_ags"),
    street: text("street"),
    postcode: text("postcode"),
    city: text("city"),
    latitude: doublePrecision("latitude"),
    longitude: doublePrecision("longitude"),
    hsds: jsonb("hsds").$type<Record<string, unknown>>().notNull().default({}),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    check("locations_type_check", oneOf(t.locationType, LOCATION_TYPES)),
    index("locations_organisation_idx").on(t.organisationId),
  ],
);

/** An offer given at a location (HSDS service_at_location). */
export const offerLocations = pgTable(
  "offer_locations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    offerId: uuid("offer_id")
      .notNull()
      .references(() => offers.id, { onDelete: "cascade" }),
    locationId: uuid("location_id")
      .notNull()
      .references(() => locations.id, { onDelete: "cascade" }),
    hsds: jsonb("hsds").$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [
    uniqueIndex("offer_locations_pair_unique").on(t.offerId, t.locationId),
    index("offer_locations_location_idx").on(t.locationId),
  ],
);

/** Change history of directory records (HSDS metadata): one row per changed field. */
export const directoryChanges = pgTable(
  "directory_changes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    resourceId: uuid("resource_id").notNull(),
    resourceType: text("resource_type").notNull(),
    actionDate: timestamp("action_date", { withTimezone: true }).notNull().defaultNow(),
    actionType: text("action_type").notNull(),
    fieldName: text("field_name").notNull(),
    previousValue: text("previous_value").notNull(),
    replacementValue: text("replacement_value").notNull(),
    updatedBy: text("updated_by").notNull(),
  },
  (t) => [index("directory_changes_resource_idx").on(t.resourceId, t.actionDate)],
);
