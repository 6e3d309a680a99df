CREATE TABLE "training_attendance" (
	"session_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"status" text NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"recorded_by" uuid,
	CONSTRAINT "training_attendance_session_id_participant_id_pk" PRIMARY KEY("session_id","participant_id"),
	CONSTRAINT "training_attendance_status_check" CHECK ("training_attendance"."status" in ('present', 'late', 'excused', 'absent'))
);
--> statement-breakpoint
CREATE TABLE "training_certificates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cohort_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"code" text NOT NULL,
	"content" jsonb NOT NULL,
	"issued_at" timestamp with time zone DEFAULT now() NOT NULL,
	"issued_by" uuid,
	"revoked_at" timestamp with time zone,
	"revoked_by" uuid,
	"revoke_reason" text,
	CONSTRAINT "training_certificates_revoke_reason_check" CHECK ("training_certificates"."revoke_reason" in ('issued_in_error', 'attendance_corrected', 'other')),
	CONSTRAINT "training_certificates_revoked_check" CHECK (("training_certificates"."revoked_at" is null) = ("training_certificates"."revoke_reason" is null))
);
--> statement-breakpoint
CREATE TABLE "training_cohort_trainers" (
	"cohort_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	CONSTRAINT "training_cohort_trainers_cohort_id_user_id_pk" PRIMARY KEY("cohort_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "training_cohorts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"programme_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"title" text NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"location" text,
	"online" boolean DEFAULT false NOT NULL,
	"capacity" integer NOT NULL,
	"registration_open" boolean DEFAULT true NOT NULL,
	"status" text DEFAULT 'planned' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "training_cohorts_status_check" CHECK ("training_cohorts"."status" in ('planned', 'running', 'completed', 'cancelled')),
	CONSTRAINT "training_cohorts_dates_check" CHECK ("training_cohorts"."ends_on" >= "training_cohorts"."starts_on"),
	CONSTRAINT "training_cohorts_capacity_check" CHECK ("training_cohorts"."capacity" between 1 and 500)
);
--> statement-breakpoint
CREATE TABLE "training_evaluation_links" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"participant_id" uuid NOT NULL,
	"phase" text NOT NULL,
	"locale" text DEFAULT 'de' NOT NULL,
	"token_hash" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	CONSTRAINT "training_evaluation_links_phase_check" CHECK ("training_evaluation_links"."phase" in ('pre', 'post')),
	CONSTRAINT "training_evaluation_links_locale_check" CHECK ("training_evaluation_links"."locale" in ('de', 'en', 'ar'))
);
--> statement-breakpoint
CREATE TABLE "training_evaluation_responses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cohort_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"phase" text NOT NULL,
	"locale" text NOT NULL,
	"answers" jsonb NOT NULL,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "training_evaluation_responses_phase_check" CHECK ("training_evaluation_responses"."phase" in ('pre', 'post')),
	CONSTRAINT "training_evaluation_responses_locale_check" CHECK ("training_evaluation_responses"."locale" in ('de', 'en', 'ar'))
);
--> statement-breakpoint
CREATE TABLE "training_feeds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"cohort_id" uuid NOT NULL,
	"participant_id" uuid,
	"token_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "training_feeds_kind_check" CHECK ("training_feeds"."kind" in ('cohort', 'participant')),
	CONSTRAINT "training_feeds_participant_check" CHECK (("training_feeds"."kind" = 'participant') = ("training_feeds"."participant_id" is not null))
);
--> statement-breakpoint
CREATE TABLE "training_goals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"programme_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"text" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "training_materials" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cohort_id" uuid NOT NULL,
	"title" text NOT NULL,
	"file_name" text,
	"media_type" text,
	"content" "bytea",
	"size" integer,
	"url" text,
	"uploaded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "training_materials_kind_check" CHECK (("training_materials"."content" is null) <> ("training_materials"."url" is null))
);
--> statement-breakpoint
CREATE TABLE "training_participants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cohort_id" uuid NOT NULL,
	"user_id" uuid,
	"name" text NOT NULL,
	"email" text NOT NULL,
	"organisation_id" uuid,
	"organisation_name" text NOT NULL,
	"organisation_type" text NOT NULL,
	"role" text NOT NULL,
	"status" text NOT NULL,
	"motivation" text,
	"registered_by" uuid,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "training_participants_status_check" CHECK ("training_participants"."status" in ('applied', 'declined', 'waitlisted', 'enrolled', 'withdrawn')),
	CONSTRAINT "training_participants_role_check" CHECK ("training_participants"."role" in ('volunteer', 'staff')),
	CONSTRAINT "training_participants_organisation_type_check" CHECK ("training_participants"."organisation_type" in ('network_coordination', 'jobcenter', 'employment_agency', 'chamber', 'migrant_organisation', 'education_provider', 'company', 'city_administration', 'counselling_service', 'welfare_association', 'other'))
);
--> statement-breakpoint
CREATE TABLE "training_posts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cohort_id" uuid NOT NULL,
	"parent_id" uuid,
	"author_id" uuid,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"edited_at" timestamp with time zone,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "training_programmes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"key" text,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"target_groups" text DEFAULT '' NOT NULL,
	"modules" integer DEFAULT 1 NOT NULL,
	"hours" integer NOT NULL,
	"min_attendance_percent" integer DEFAULT 80 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "training_programmes_hours_check" CHECK ("training_programmes"."hours" between 1 and 2000 and "training_programmes"."modules" between 1 and 100),
	CONSTRAINT "training_programmes_attendance_check" CHECK ("training_programmes"."min_attendance_percent" between 1 and 100)
);
--> statement-breakpoint
CREATE TABLE "training_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cohort_id" uuid NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"topic" text NOT NULL,
	"goal_ids" uuid[] DEFAULT '{}' NOT NULL,
	"place" text,
	"status" text DEFAULT 'planned' NOT NULL,
	"sequence" integer DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "training_sessions_status_check" CHECK ("training_sessions"."status" in ('planned', 'held', 'cancelled')),
	CONSTRAINT "training_sessions_times_check" CHECK ("training_sessions"."ends_at" > "training_sessions"."starts_at")
);
--> statement-breakpoint
ALTER TABLE "training_attendance" ADD CONSTRAINT "training_attendance_session_id_training_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."training_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_attendance" ADD CONSTRAINT "training_attendance_participant_id_training_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."training_participants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_attendance" ADD CONSTRAINT "training_attendance_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_certificates" ADD CONSTRAINT "training_certificates_cohort_id_training_cohorts_id_fk" FOREIGN KEY ("cohort_id") REFERENCES "public"."training_cohorts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_certificates" ADD CONSTRAINT "training_certificates_participant_id_training_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."training_participants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_certificates" ADD CONSTRAINT "training_certificates_issued_by_users_id_fk" FOREIGN KEY ("issued_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_certificates" ADD CONSTRAINT "training_certificates_revoked_by_users_id_fk" FOREIGN KEY ("revoked_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_cohort_trainers" ADD CONSTRAINT "training_cohort_trainers_cohort_id_training_cohorts_id_fk" FOREIGN KEY ("cohort_id") REFERENCES "public"."training_cohorts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_cohort_trainers" ADD CONSTRAINT "training_cohort_trainers_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_cohorts" ADD CONSTRAINT "training_cohorts_programme_id_training_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."training_programmes"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_cohorts" ADD CONSTRAINT "training_cohorts_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_cohorts" ADD CONSTRAINT "training_cohorts_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_evaluation_links" ADD CONSTRAINT "training_evaluation_links_participant_id_training_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."training_participants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_evaluation_links" ADD CONSTRAINT "training_evaluation_links_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_evaluation_responses" ADD CONSTRAINT "training_evaluation_responses_cohort_id_training_cohorts_id_fk" FOREIGN KEY ("cohort_id") REFERENCES "public"."training_cohorts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_evaluation_responses" ADD CONSTRAINT "training_evaluation_responses_participant_id_training_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."training_participants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_feeds" ADD CONSTRAINT "training_feeds_cohort_id_training_cohorts_id_fk" FOREIGN KEY ("cohort_id") REFERENCES "public"."training_cohorts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_feeds" ADD CONSTRAINT "training_feeds_participant_id_training_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."training_participants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_feeds" ADD CONSTRAINT "training_feeds_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_goals" ADD CONSTRAINT "training_goals_programme_id_training_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."training_programmes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_materials" ADD CONSTRAINT "training_materials_cohort_id_training_cohorts_id_fk" FOREIGN KEY ("cohort_id") REFERENCES "public"."training_cohorts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_materials" ADD CONSTRAINT "training_materials_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_participants" ADD CONSTRAINT "training_participants_cohort_id_training_cohorts_id_fk" FOREIGN KEY ("cohort_id") REFERENCES "public"."training_cohorts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_participants" ADD CONSTRAINT "training_participants_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_participants" ADD CONSTRAINT "training_participants_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_participants" ADD CONSTRAINT "training_participants_registered_by_users_id_fk" FOREIGN KEY ("registered_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_participants" ADD CONSTRAINT "training_participants_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_posts" ADD CONSTRAINT "training_posts_cohort_id_training_cohorts_id_fk" FOREIGN KEY ("cohort_id") REFERENCES "public"."training_cohorts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_posts" ADD CONSTRAINT "training_posts_parent_id_training_posts_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."training_posts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_posts" ADD CONSTRAINT "training_posts_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_programmes" ADD CONSTRAINT "training_programmes_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_sessions" ADD CONSTRAINT "training_sessions_cohort_id_training_cohorts_id_fk" FOREIGN KEY ("cohort_id") REFERENCES "public"."training_cohorts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "training_attendance_participant_idx" ON "training_attendance" USING btree ("participant_id");--> statement-breakpoint
CREATE UNIQUE INDEX "training_certificates_code_unique" ON "training_certificates" USING btree ("code");--> statement-breakpoint
CREATE UNIQUE INDEX "training_certificates_current_unique" ON "training_certificates" USING btree ("participant_id") WHERE "training_certificates"."revoked_at" is null;--> statement-breakpoint
CREATE INDEX "training_certificates_cohort_idx" ON "training_certificates" USING btree ("cohort_id");--> statement-breakpoint
CREATE INDEX "training_cohort_trainers_user_idx" ON "training_cohort_trainers" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "training_cohorts_programme_idx" ON "training_cohorts" USING btree ("programme_id","starts_on");--> statement-breakpoint
CREATE UNIQUE INDEX "training_evaluation_links_token_unique" ON "training_evaluation_links" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "training_evaluation_links_participant_idx" ON "training_evaluation_links" USING btree ("participant_id","phase");--> statement-breakpoint
CREATE UNIQUE INDEX "training_evaluation_responses_unique" ON "training_evaluation_responses" USING btree ("participant_id","phase");--> statement-breakpoint
CREATE INDEX "training_evaluation_responses_cohort_idx" ON "training_evaluation_responses" USING btree ("cohort_id","phase");--> statement-breakpoint
CREATE UNIQUE INDEX "training_feeds_token_unique" ON "training_feeds" USING btree ("token_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "training_goals_position_unique" ON "training_goals" USING btree ("programme_id","position");--> statement-breakpoint
CREATE INDEX "training_materials_cohort_idx" ON "training_materials" USING btree ("cohort_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "training_participants_email_unique" ON "training_participants" USING btree ("cohort_id",lower("email"));--> statement-breakpoint
CREATE UNIQUE INDEX "training_participants_user_unique" ON "training_participants" USING btree ("cohort_id","user_id") WHERE "training_participants"."user_id" is not null;--> statement-breakpoint
CREATE INDEX "training_participants_user_idx" ON "training_participants" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "training_participants_organisation_idx" ON "training_participants" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "training_posts_cohort_idx" ON "training_posts" USING btree ("cohort_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "training_programmes_key_unique" ON "training_programmes" USING btree ("key");--> statement-breakpoint
CREATE INDEX "training_sessions_cohort_idx" ON "training_sessions" USING btree ("cohort_id","starts_at");