CREATE TABLE "interfaces" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"from_organisation_id" uuid NOT NULL,
	"to_organisation_id" uuid NOT NULL,
	"from_unit" text DEFAULT '' NOT NULL,
	"to_unit" text DEFAULT '' NOT NULL,
	"scope" text NOT NULL,
	"agreement_what" text,
	"agreement_how" text,
	"channel" text,
	"from_contact" text,
	"to_contact" text,
	"answer_within_days" integer NOT NULL,
	"complete_within_days" integer NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "interfaces_scope_check" CHECK ("interfaces"."scope" in ('department', 'institution', 'external')),
	CONSTRAINT "interfaces_scope_fits_check" CHECK (("interfaces"."scope" = 'external') = ("interfaces"."from_organisation_id" <> "interfaces"."to_organisation_id")),
	CONSTRAINT "interfaces_status_check" CHECK ("interfaces"."status" in ('active', 'inactive')),
	CONSTRAINT "interfaces_times_check" CHECK ("interfaces"."answer_within_days" between 1 and 260 and "interfaces"."complete_within_days" between "interfaces"."answer_within_days" and 520)
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"user_id" uuid,
	"kind" text NOT NULL,
	"referral_id" uuid,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"read_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "referral_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"referral_id" uuid NOT NULL,
	"case_pseudonym" text NOT NULL,
	"from_organisation_id" uuid NOT NULL,
	"to_organisation_id" uuid NOT NULL,
	"offer_id" uuid,
	"offer_type" text,
	"interface_id" uuid,
	"from_state" text,
	"to_state" text NOT NULL,
	"actor_role" text,
	"reason" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "referral_messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"referral_id" uuid NOT NULL,
	"author_user_id" uuid,
	"author_organisation_id" uuid NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "referral_settings" (
	"id" smallint PRIMARY KEY DEFAULT 1 NOT NULL,
	"answer_within_days" integer DEFAULT 5 NOT NULL,
	"complete_within_days" integer DEFAULT 30 NOT NULL,
	"expire_after_days" integer DEFAULT 10 NOT NULL,
	"due_soon_days" integer DEFAULT 2 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "referral_settings_single_row" CHECK ("referral_settings"."id" = 1)
);
--> statement-breakpoint
CREATE TABLE "referrals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"from_organisation_id" uuid NOT NULL,
	"to_organisation_id" uuid NOT NULL,
	"offer_id" uuid,
	"offer_name" text NOT NULL,
	"interface_id" uuid,
	"without_interface" boolean DEFAULT false NOT NULL,
	"consent_id" uuid,
	"consent_override_reason" text,
	"state" text NOT NULL,
	"outcome" text,
	"outcome_reason" text,
	"decline_reason" text,
	"shared_items" text[] DEFAULT '{}' NOT NULL,
	"snapshot" jsonb,
	"note" text,
	"sent_by" uuid,
	"sent_at" timestamp with time zone,
	"answer_due" date,
	"complete_due" date,
	"answered_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"overdue_since" timestamp with time zone,
	"idempotency_key" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "referrals_state_check" CHECK ("referrals"."state" in ('draft', 'sent', 'accepted', 'in_progress', 'completed', 'declined', 'withdrawn', 'expired'))
);
--> statement-breakpoint
ALTER TABLE "interfaces" ADD CONSTRAINT "interfaces_from_organisation_id_organisations_id_fk" FOREIGN KEY ("from_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interfaces" ADD CONSTRAINT "interfaces_to_organisation_id_organisations_id_fk" FOREIGN KEY ("to_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_referral_id_referrals_id_fk" FOREIGN KEY ("referral_id") REFERENCES "public"."referrals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_messages" ADD CONSTRAINT "referral_messages_referral_id_referrals_id_fk" FOREIGN KEY ("referral_id") REFERENCES "public"."referrals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_messages" ADD CONSTRAINT "referral_messages_author_user_id_users_id_fk" FOREIGN KEY ("author_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_messages" ADD CONSTRAINT "referral_messages_author_organisation_id_organisations_id_fk" FOREIGN KEY ("author_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_from_organisation_id_organisations_id_fk" FOREIGN KEY ("from_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_to_organisation_id_organisations_id_fk" FOREIGN KEY ("to_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_offer_id_offers_id_fk" FOREIGN KEY ("offer_id") REFERENCES "public"."offers"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_interface_id_interfaces_id_fk" FOREIGN KEY ("interface_id") REFERENCES "public"."interfaces"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_consent_id_consents_id_fk" FOREIGN KEY ("consent_id") REFERENCES "public"."consents"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_sent_by_users_id_fk" FOREIGN KEY ("sent_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "interfaces_pair_unique" ON "interfaces" USING btree ("from_organisation_id","to_organisation_id","from_unit","to_unit");--> statement-breakpoint
CREATE INDEX "interfaces_to_idx" ON "interfaces" USING btree ("to_organisation_id");--> statement-breakpoint
CREATE INDEX "notifications_org_idx" ON "notifications" USING btree ("organisation_id","created_at");--> statement-breakpoint
CREATE INDEX "referral_events_referral_idx" ON "referral_events" USING btree ("referral_id","at");--> statement-breakpoint
CREATE INDEX "referral_events_interface_idx" ON "referral_events" USING btree ("from_organisation_id","to_organisation_id","at");--> statement-breakpoint
CREATE INDEX "referral_messages_referral_idx" ON "referral_messages" USING btree ("referral_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "referrals_idempotency_unique" ON "referrals" USING btree ("from_organisation_id","idempotency_key");--> statement-breakpoint
CREATE INDEX "referrals_case_idx" ON "referrals" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "referrals_to_state_idx" ON "referrals" USING btree ("to_organisation_id","state");--> statement-breakpoint
CREATE INDEX "referrals_from_state_idx" ON "referrals" USING btree ("from_organisation_id","state");--> statement-breakpoint
-- The event log is append-only: analytics read it, nothing rewrites it.
CREATE FUNCTION referral_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'referral_events is append-only';
END $$;--> statement-breakpoint
CREATE TRIGGER referral_events_no_change BEFORE UPDATE OR DELETE ON "referral_events"
  FOR EACH ROW EXECUTE FUNCTION referral_events_append_only();--> statement-breakpoint
INSERT INTO "referral_settings" ("id") VALUES (1) ON CONFLICT DO NOTHING;
