-- The public finder searches an index that every instance keeps (src/server/modules/finder/engine).
-- Each change to what the finder shows is noted here, with the transaction that made it, so that
-- an instance brings its index up to date before each search: it reads the notes of the
-- transactions that were not yet finished at its last look (`tx >= xmin` of that look's snapshot).
-- offer_id null: too many offers changed at once (an import), build anew.
CREATE TABLE "finder_changes" (
	"seq" bigserial PRIMARY KEY NOT NULL,
	"tx" xid8 DEFAULT pg_current_xact_id() NOT NULL,
	"offer_id" uuid,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "finder_changes_tx_idx" ON "finder_changes" USING btree ("tx");
--> statement-breakpoint
-- What was pruned last (the pruning job): an instance that looked before it builds anew.
CREATE TABLE "finder_state" (
	"id" boolean PRIMARY KEY DEFAULT true NOT NULL,
	"pruned_through" xid8 DEFAULT '0'::xid8 NOT NULL,
	CONSTRAINT "finder_state_one_row" CHECK ("id")
);
--> statement-breakpoint
INSERT INTO "finder_state" ("id") VALUES (true);
--> statement-breakpoint
CREATE FUNCTION finder_note_offers() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF (SELECT count(*) FROM changed_offers) > 1000 THEN
    INSERT INTO finder_changes (offer_id) VALUES (NULL);
  ELSE
    INSERT INTO finder_changes (offer_id) SELECT DISTINCT id FROM changed_offers;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION finder_note_offer_places() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF (SELECT count(*) FROM changed_places) > 1000 THEN
    INSERT INTO finder_changes (offer_id) VALUES (NULL);
  ELSE
    INSERT INTO finder_changes (offer_id) SELECT DISTINCT offer_id FROM changed_places;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION finder_note_everything() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO finder_changes (offer_id) VALUES (NULL);
  RETURN NULL;
END $$;
--> statement-breakpoint
-- An organisation's name or status, a place's address: the offers given by it or there.
CREATE FUNCTION finder_note_organisation() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO finder_changes (offer_id) SELECT id FROM offers WHERE organisation_id = NEW.id;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION finder_note_location() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO finder_changes (offer_id) SELECT offer_id FROM offer_locations WHERE location_id = NEW.id;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "offers_finder_insert" AFTER INSERT ON "offers" REFERENCING NEW TABLE AS changed_offers
	FOR EACH STATEMENT EXECUTE FUNCTION finder_note_offers();
--> statement-breakpoint
CREATE TRIGGER "offers_finder_update" AFTER UPDATE ON "offers" REFERENCING NEW TABLE AS changed_offers
	FOR EACH STATEMENT EXECUTE FUNCTION finder_note_offers();
--> statement-breakpoint
CREATE TRIGGER "offers_finder_delete" AFTER DELETE ON "offers" REFERENCING OLD TABLE AS changed_offers
	FOR EACH STATEMENT EXECUTE FUNCTION finder_note_offers();
--> statement-breakpoint
CREATE TRIGGER "offers_finder_truncate" AFTER TRUNCATE ON "offers"
	FOR EACH STATEMENT EXECUTE FUNCTION finder_note_everything();
--> statement-breakpoint
CREATE TRIGGER "offer_locations_finder_insert" AFTER INSERT ON "offer_locations" REFERENCING NEW TABLE AS changed_places
	FOR EACH STATEMENT EXECUTE FUNCTION finder_note_offer_places();
--> statement-breakpoint
CREATE TRIGGER "offer_locations_finder_delete" AFTER DELETE ON "offer_locations" REFERENCING OLD TABLE AS changed_places
	FOR EACH STATEMENT EXECUTE FUNCTION finder_note_offer_places();
--> statement-breakpoint
CREATE TRIGGER "organisations_finder_update" AFTER UPDATE OF "name", "status" ON "organisations"
	FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name OR OLD.status IS DISTINCT FROM NEW.status)
	EXECUTE FUNCTION finder_note_organisation();
--> statement-breakpoint
CREATE TRIGGER "organisations_finder_truncate" AFTER TRUNCATE ON "organisations"
	FOR EACH STATEMENT EXECUTE FUNCTION finder_note_everything();
--> statement-breakpoint
CREATE TRIGGER "locations_finder_update" AFTER UPDATE OF "name", "city", "postcode", "latitude", "longitude", "location_type" ON "locations"
	FOR EACH ROW EXECUTE FUNCTION finder_note_location();
--> statement-breakpoint
-- What the finder searches now: the German full text of `offers.search` and the trigram index on
-- the translated names have no reader left (the staff list searches by name with its own index).
DROP INDEX IF EXISTS "offers_translation_names_trgm_idx";
