-- Special categories behind a purpose (issue 12), written by hand: a client record states why its
-- Art. 9 fields (health, religion, ethnic origin) are recorded and on which legal basis.
ALTER TABLE "clients" ADD COLUMN "special_purpose" text;--> statement-breakpoint
ALTER TABLE "clients" ADD COLUMN "special_legal_basis" text;--> statement-breakpoint
ALTER TABLE "clients" ADD CONSTRAINT "clients_special_legal_basis_check" CHECK ("clients"."special_legal_basis" in ('art9_2a', 'art9_2b', 'art9_2g', 'art9_2h'));
