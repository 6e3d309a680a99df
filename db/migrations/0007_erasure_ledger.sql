-- Art. 17 erasures, without personal data: which client record went, of which organisation, when.
-- No foreign keys: an entry outlives the client and its organisation. A restored backup lacks the
-- entries made after it was taken; the same entries in a file outside the database bring them back.
CREATE TABLE "erasure_ledger" (
	"client_id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid,
	"erased_at" timestamp with time zone DEFAULT now() NOT NULL
);
