CREATE TABLE "competence_profile_versions" (
	"profile_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"content" jsonb NOT NULL,
	"sections" text[] DEFAULT '{}' NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"saved_at" timestamp with time zone DEFAULT now() NOT NULL,
	"saved_by" uuid,
	CONSTRAINT "competence_profile_versions_profile_id_version_pk" PRIMARY KEY("profile_id","version"),
	CONSTRAINT "competence_profile_versions_sections_check" CHECK ("competence_profile_versions"."sections" <@ array['biography', 'education', 'work', 'languages', 'skills', 'informal', 'interests', 'goals', 'entrepreneurship']::text[])
);
--> statement-breakpoint
CREATE TABLE "competence_profiles" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"case_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"content" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid
);
--> statement-breakpoint
CREATE TABLE "competence_shares" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"profile_id" uuid NOT NULL,
	"consent_id" uuid NOT NULL,
	"recipient_organisation_id" uuid NOT NULL,
	"recipient_user_id" uuid,
	"sections" text[] NOT NULL,
	"snapshot" jsonb NOT NULL,
	"client_name" text NOT NULL,
	"version" integer NOT NULL,
	"shared_at" timestamp with time zone DEFAULT now() NOT NULL,
	"shared_by" uuid,
	"ended_at" timestamp with time zone,
	"end_reason" text,
	CONSTRAINT "competence_shares_end_reason_check" CHECK ("competence_shares"."end_reason" in ('revoked', 'consent_withdrawn')),
	CONSTRAINT "competence_shares_sections_check" CHECK ("competence_shares"."sections" <@ array['biography', 'education', 'work', 'languages', 'skills', 'informal', 'interests', 'goals', 'entrepreneurship']::text[]),
	CONSTRAINT "competence_shares_ended_check" CHECK (("competence_shares"."ended_at" is null) = ("competence_shares"."end_reason" is null))
);
--> statement-breakpoint
ALTER TABLE "competence_profile_versions" ADD CONSTRAINT "competence_profile_versions_profile_id_competence_profiles_id_fk" FOREIGN KEY ("profile_id") REFERENCES "public"."competence_profiles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competence_profile_versions" ADD CONSTRAINT "competence_profile_versions_saved_by_users_id_fk" FOREIGN KEY ("saved_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competence_profiles" ADD CONSTRAINT "competence_profiles_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competence_profiles" ADD CONSTRAINT "competence_profiles_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competence_profiles" ADD CONSTRAINT "competence_profiles_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competence_profiles" ADD CONSTRAINT "competence_profiles_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competence_profiles" ADD CONSTRAINT "competence_profiles_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competence_shares" ADD CONSTRAINT "competence_shares_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competence_shares" ADD CONSTRAINT "competence_shares_profile_id_competence_profiles_id_fk" FOREIGN KEY ("profile_id") REFERENCES "public"."competence_profiles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competence_shares" ADD CONSTRAINT "competence_shares_consent_id_consents_id_fk" FOREIGN KEY ("consent_id") REFERENCES "public"."consents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competence_shares" ADD CONSTRAINT "competence_shares_recipient_organisation_id_organisations_id_fk" FOREIGN KEY ("recipient_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competence_shares" ADD CONSTRAINT "competence_shares_recipient_user_id_users_id_fk" FOREIGN KEY ("recipient_user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competence_shares" ADD CONSTRAINT "competence_shares_shared_by_users_id_fk" FOREIGN KEY ("shared_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "competence_profiles_client_unique" ON "competence_profiles" USING btree ("client_id");--> statement-breakpoint
CREATE INDEX "competence_profiles_org_idx" ON "competence_profiles" USING btree ("organisation_id","updated_at");--> statement-breakpoint
CREATE INDEX "competence_shares_profile_idx" ON "competence_shares" USING btree ("profile_id");--> statement-breakpoint
CREATE INDEX "competence_shares_consent_idx" ON "competence_shares" USING btree ("consent_id");--> statement-breakpoint
CREATE INDEX "competence_shares_recipient_idx" ON "competence_shares" USING btree ("recipient_organisation_id","ended_at");