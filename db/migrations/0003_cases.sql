CREATE TABLE "case_contacts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"date" date NOT NULL,
	"mode" text NOT NULL,
	"duration_minutes" integer NOT NULL,
	"counselling_type" text NOT NULL,
	"initiated_by" text NOT NULL,
	"access_route" text,
	"summary" text,
	"counsellor_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"kind" text NOT NULL,
	"actor_user_id" uuid,
	"subject_id" uuid,
	"special" boolean DEFAULT false NOT NULL,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_next_steps" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"title" text NOT NULL,
	"due_date" date,
	"offer_id" uuid,
	"procedure_id" uuid,
	"done_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_notes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"body" text NOT NULL,
	"special" boolean DEFAULT false NOT NULL,
	"author_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"pseudonym" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"outcome" text,
	"phase" smallint DEFAULT 1 NOT NULL,
	"goals" text,
	"assignee_user_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"opened_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cases_status_check" CHECK ("cases"."status" in ('open', 'paused', 'closed')),
	CONSTRAINT "cases_phase_check" CHECK ("cases"."phase" between 1 and 5),
	CONSTRAINT "cases_outcome_check" CHECK (("cases"."status" = 'closed') = ("cases"."outcome" is not null))
);
--> statement-breakpoint
CREATE TABLE "clients" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"pseudonym" text NOT NULL,
	"name" text NOT NULL,
	"is_pseudonym" boolean DEFAULT false NOT NULL,
	"date_of_birth" date,
	"email" text,
	"phone" text,
	"district_ags" text,
	"preferred_languages" text[] DEFAULT '{}' NOT NULL,
	"country_of_origin" text,
	"entry_year" smallint,
	"qualification_country" text,
	"gender" text,
	"age_band" text,
	"residence_status" text,
	"health_note" text,
	"religion" text,
	"ethnic_origin" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "consent_documents" (
	"consent_id" uuid PRIMARY KEY NOT NULL,
	"media_type" text NOT NULL,
	"file_name" text NOT NULL,
	"content" "bytea" NOT NULL,
	"byte_size" integer NOT NULL,
	"uploaded_by" uuid,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "consents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"purpose" text NOT NULL,
	"recipient_organisation_id" uuid,
	"legal_basis" text NOT NULL,
	"data_categories" text[] NOT NULL,
	"recipients" text,
	"informed_language" text NOT NULL,
	"form" text NOT NULL,
	"file_note" text,
	"given_at" timestamp with time zone NOT NULL,
	"withdrawn_at" timestamp with time zone,
	"recorded_by" uuid,
	"withdrawn_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "consents_form_check" CHECK ("consents"."form" in ('signed', 'oral')),
	CONSTRAINT "consents_oral_note_check" CHECK ("consents"."form" <> 'oral' or "consents"."file_note" is not null)
);
--> statement-breakpoint
CREATE TABLE "qualifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"original_title" text NOT NULL,
	"german_title" text,
	"country" text NOT NULL,
	"institution" text,
	"year" smallint,
	"dqr_level" smallint,
	"isced_level" smallint,
	"anabin_status" text DEFAULT 'unknown' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "qualifications_dqr_check" CHECK ("qualifications"."dqr_level" between 1 and 8),
	CONSTRAINT "qualifications_isced_check" CHECK ("qualifications"."isced_level" between 0 and 8)
);
--> statement-breakpoint
CREATE TABLE "recognition_procedures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"qualification_id" uuid NOT NULL,
	"case_id" uuid,
	"reference_occupation_code" text NOT NULL,
	"reference_occupation_title" text NOT NULL,
	"regulated" boolean NOT NULL,
	"legal_basis" text,
	"authority_organisation_id" uuid,
	"state" text DEFAULT 'enquiry' NOT NULL,
	"decision" text,
	"differences" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"compensation_measure" text,
	"applied_at" date,
	"documents_complete_at" date,
	"decided_at" date,
	"appeal_filed_at" date,
	"appeal_result" text,
	"permit_16d_until" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "recognition_state_changes" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"procedure_id" uuid NOT NULL,
	"from_state" text,
	"to_state" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_user_id" uuid
);
--> statement-breakpoint
ALTER TABLE "offers" ADD COLUMN "occupation_fields" text[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE "case_contacts" ADD CONSTRAINT "case_contacts_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_contacts" ADD CONSTRAINT "case_contacts_counsellor_user_id_users_id_fk" FOREIGN KEY ("counsellor_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_events" ADD CONSTRAINT "case_events_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_events" ADD CONSTRAINT "case_events_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_next_steps" ADD CONSTRAINT "case_next_steps_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_next_steps" ADD CONSTRAINT "case_next_steps_offer_id_offers_id_fk" FOREIGN KEY ("offer_id") REFERENCES "public"."offers"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_next_steps" ADD CONSTRAINT "case_next_steps_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_notes" ADD CONSTRAINT "case_notes_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_notes" ADD CONSTRAINT "case_notes_author_user_id_users_id_fk" FOREIGN KEY ("author_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_assignee_user_id_users_id_fk" FOREIGN KEY ("assignee_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clients" ADD CONSTRAINT "clients_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clients" ADD CONSTRAINT "clients_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consent_documents" ADD CONSTRAINT "consent_documents_consent_id_consents_id_fk" FOREIGN KEY ("consent_id") REFERENCES "public"."consents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consent_documents" ADD CONSTRAINT "consent_documents_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consents" ADD CONSTRAINT "consents_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consents" ADD CONSTRAINT "consents_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consents" ADD CONSTRAINT "consents_recipient_organisation_id_organisations_id_fk" FOREIGN KEY ("recipient_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consents" ADD CONSTRAINT "consents_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consents" ADD CONSTRAINT "consents_withdrawn_by_users_id_fk" FOREIGN KEY ("withdrawn_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qualifications" ADD CONSTRAINT "qualifications_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qualifications" ADD CONSTRAINT "qualifications_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recognition_procedures" ADD CONSTRAINT "recognition_procedures_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recognition_procedures" ADD CONSTRAINT "recognition_procedures_qualification_id_qualifications_id_fk" FOREIGN KEY ("qualification_id") REFERENCES "public"."qualifications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recognition_procedures" ADD CONSTRAINT "recognition_procedures_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recognition_procedures" ADD CONSTRAINT "recognition_procedures_authority_organisation_id_organisations_id_fk" FOREIGN KEY ("authority_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recognition_state_changes" ADD CONSTRAINT "recognition_state_changes_procedure_id_recognition_procedures_id_fk" FOREIGN KEY ("procedure_id") REFERENCES "public"."recognition_procedures"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recognition_state_changes" ADD CONSTRAINT "recognition_state_changes_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_contacts_case_idx" ON "case_contacts" USING btree ("case_id","date");--> statement-breakpoint
CREATE INDEX "case_events_case_idx" ON "case_events" USING btree ("case_id","at","id");--> statement-breakpoint
CREATE INDEX "case_next_steps_case_idx" ON "case_next_steps" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "case_next_steps_due_idx" ON "case_next_steps" USING btree ("due_date") WHERE "case_next_steps"."done_at" is null;--> statement-breakpoint
CREATE INDEX "case_notes_case_idx" ON "case_notes" USING btree ("case_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "cases_pseudonym_unique" ON "cases" USING btree ("pseudonym");--> statement-breakpoint
CREATE INDEX "cases_organisation_idx" ON "cases" USING btree ("organisation_id","status");--> statement-breakpoint
CREATE INDEX "cases_client_idx" ON "cases" USING btree ("client_id");--> statement-breakpoint
CREATE INDEX "cases_assignee_idx" ON "cases" USING btree ("assignee_user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "clients_pseudonym_unique" ON "clients" USING btree ("pseudonym");--> statement-breakpoint
CREATE INDEX "clients_organisation_idx" ON "clients" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "clients_name_trgm_idx" ON "clients" USING gin (lower("name") gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "consents_client_idx" ON "consents" USING btree ("client_id","purpose");--> statement-breakpoint
CREATE UNIQUE INDEX "consents_active_unique" ON "consents" USING btree ("client_id","purpose",coalesce("recipient_organisation_id", '00000000-0000-0000-0000-000000000000'::uuid)) WHERE "consents"."withdrawn_at" is null;--> statement-breakpoint
CREATE INDEX "qualifications_client_idx" ON "qualifications" USING btree ("client_id");--> statement-breakpoint
CREATE INDEX "recognition_procedures_qualification_idx" ON "recognition_procedures" USING btree ("qualification_id");--> statement-breakpoint
CREATE INDEX "recognition_procedures_case_idx" ON "recognition_procedures" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "recognition_procedures_org_idx" ON "recognition_procedures" USING btree ("organisation_id","state");--> statement-breakpoint
CREATE INDEX "recognition_state_changes_procedure_idx" ON "recognition_state_changes" USING btree ("procedure_id","at");