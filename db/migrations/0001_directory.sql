-- pg_trgm is a trusted extension (PostgreSQL ≥ 13): the database owner may create it.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
CREATE TABLE "directory_changes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"resource_id" uuid NOT NULL,
	"resource_type" text NOT NULL,
	"action_date" timestamp with time zone DEFAULT now() NOT NULL,
	"action_type" text NOT NULL,
	"field_name" text NOT NULL,
	"previous_value" text NOT NULL,
	"replacement_value" text NOT NULL,
	"updated_by" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "locations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"location_type" text DEFAULT 'physical' NOT NULL,
	"name" text,
	"description" text,
	"district_ags" text,
	"street" text,
	"postcode" text,
	"city" text,
	"latitude" double precision,
	"longitude" double precision,
	"hsds" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "locations_type_check" CHECK ("locations"."location_type" in ('physical', 'postal', 'virtual'))
);
--> statement-breakpoint
CREATE TABLE "offer_locations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"offer_id" uuid NOT NULL,
	"location_id" uuid NOT NULL,
	"hsds" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "offers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"status" text DEFAULT 'active' NOT NULL,
	"phases" smallint[] DEFAULT '{}' NOT NULL,
	"offer_type" text,
	"target_groups" text[] DEFAULT '{}' NOT NULL,
	"languages" text[] DEFAULT '{}' NOT NULL,
	"min_german_level" text,
	"funding_route" text,
	"districts" text[] DEFAULT '{}' NOT NULL,
	"free_of_charge" boolean,
	"capacity_available" integer,
	"capacity_maximum" integer,
	"capacity_updated_at" timestamp with time zone,
	"translations" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"hsds" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"search" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('german'::regconfig, coalesce(name, '')), 'A') || setweight(to_tsvector('german'::regconfig, coalesce(description, '')), 'B')) STORED,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "offers_status_check" CHECK ("offers"."status" in ('active', 'inactive', 'defunct', 'temporarily closed')),
	CONSTRAINT "offers_phases_check" CHECK ("offers"."phases" <@ array[1,2,3,4,5]::smallint[])
);
--> statement-breakpoint
CREATE TABLE "taxonomies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"description" text NOT NULL,
	"uri" text,
	"version" text
);
--> statement-breakpoint
CREATE TABLE "taxonomy_terms" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"taxonomy_id" uuid,
	"code" text,
	"name" text NOT NULL,
	"description" text NOT NULL,
	"parent_id" uuid,
	"language" text,
	"term_uri" text,
	"labels" jsonb
);
--> statement-breakpoint
ALTER TABLE "organisations" ALTER COLUMN "district_ags" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "hsds" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "locations" ADD CONSTRAINT "locations_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offer_locations" ADD CONSTRAINT "offer_locations_offer_id_offers_id_fk" FOREIGN KEY ("offer_id") REFERENCES "public"."offers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offer_locations" ADD CONSTRAINT "offer_locations_location_id_locations_id_fk" FOREIGN KEY ("location_id") REFERENCES "public"."locations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offers" ADD CONSTRAINT "offers_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "taxonomy_terms" ADD CONSTRAINT "taxonomy_terms_taxonomy_id_taxonomies_id_fk" FOREIGN KEY ("taxonomy_id") REFERENCES "public"."taxonomies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "directory_changes_resource_idx" ON "directory_changes" USING btree ("resource_id","action_date");--> statement-breakpoint
CREATE INDEX "locations_organisation_idx" ON "locations" USING btree ("organisation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "offer_locations_pair_unique" ON "offer_locations" USING btree ("offer_id","location_id");--> statement-breakpoint
CREATE INDEX "offer_locations_location_idx" ON "offer_locations" USING btree ("location_id");--> statement-breakpoint
CREATE INDEX "offers_organisation_idx" ON "offers" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "offers_search_idx" ON "offers" USING gin ("search");--> statement-breakpoint
CREATE INDEX "offers_name_trgm_idx" ON "offers" USING gin ("name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "offers_phases_idx" ON "offers" USING gin ("phases");--> statement-breakpoint
CREATE INDEX "offers_districts_idx" ON "offers" USING gin ("districts");--> statement-breakpoint
CREATE INDEX "offers_languages_idx" ON "offers" USING gin ("languages");--> statement-breakpoint
CREATE INDEX "taxonomy_terms_taxonomy_code_idx" ON "taxonomy_terms" USING btree ("taxonomy_id","code");