CREATE TABLE "notification_reads" (
	"notification_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"read_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "notification_reads_notification_id_user_id_pk" PRIMARY KEY("notification_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "rate_limit_counters" (
	"bucket" text NOT NULL,
	"key" text NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	"hits" integer NOT NULL,
	CONSTRAINT "rate_limit_counters_bucket_key_window_start_pk" PRIMARY KEY("bucket","key","window_start")
);
--> statement-breakpoint
DROP TABLE "rate_limit_hits" CASCADE;--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "recipient_roles" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "notification_reads" ADD CONSTRAINT "notification_reads_notification_id_notifications_id_fk" FOREIGN KEY ("notification_id") REFERENCES "public"."notifications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification_reads" ADD CONSTRAINT "notification_reads_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "notification_reads_user_idx" ON "notification_reads" USING btree ("user_id");--> statement-breakpoint
-- Organisation-wide notifications so far went to counsellors and company contacts; who read them was
-- one flag for all. Keep what each person had: a read flag becomes a read row for every member
-- who saw it, so nobody gets old notifications back as unread.
UPDATE "notifications" SET "recipient_roles" = ARRAY['counsellor', 'company_contact']::text[] WHERE "user_id" IS NULL;--> statement-breakpoint
INSERT INTO "notification_reads" ("notification_id", "user_id", "read_at")
  SELECT n."id", n."user_id", n."read_at" FROM "notifications" n
  WHERE n."read_at" IS NOT NULL AND n."user_id" IS NOT NULL;--> statement-breakpoint
INSERT INTO "notification_reads" ("notification_id", "user_id", "read_at")
  SELECT n."id", m."user_id", n."read_at" FROM "notifications" n
  JOIN "memberships" m ON m."organisation_id" = n."organisation_id" AND m."role" = ANY(n."recipient_roles")
  WHERE n."read_at" IS NOT NULL AND n."user_id" IS NULL
  ON CONFLICT DO NOTHING;--> statement-breakpoint
ALTER TABLE "notifications" DROP COLUMN "read_at";