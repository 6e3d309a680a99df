import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { SHARE_END_REASONS } from "../../src/server/modules/competences/tables.ts";
import { CASE_STATUSES, CONSENT_FORMS, SPECIAL_LEGAL_BASES } from "../../src/shared/cases.ts";
import { LOCATION_TYPES, OFFER_STATUSES } from "../../src/shared/directory.ts";
import {
  ACCOUNT_STATUSES,
  MAIL_TOKEN_KINDS,
  ORGANISATION_STATUSES,
  ORGANISATION_TYPES,
  OUTBOX_STATUSES,
} from "../../src/shared/domain.ts";
import { INTERFACE_SCOPES, INTERFACE_STATUSES, REFERRAL_STATES } from "../../src/shared/referrals.ts";
import {
  ATTENDANCE_STATUSES,
  CERTIFICATE_REVOKE_REASONS,
  COHORT_STATUSES,
  EVALUATION_LOCALES,
  EVALUATION_PHASES,
  FEED_KINDS,
  PARTICIPANT_ROLES,
  PARTICIPANT_STATUSES,
  SESSION_STATUSES,
} from "../../src/shared/trainings.ts";
import { createTestDatabase } from "../helpers/db.ts";

// The CHECK lists of enumerated columns are built from these constants (db/columns.ts oneOf), and
// the migrations hold what was generated from them. Reading what PostgreSQL enforces keeps the two
// from drifting: a value added to a constant without a migration fails here.
const LISTS: Record<string, readonly string[]> = {
  organisations_status_check: ORGANISATION_STATUSES,
  users_status_check: ACCOUNT_STATUSES,
  memberships_status_check: ACCOUNT_STATUSES,
  mail_tokens_kind_check: MAIL_TOKEN_KINDS,
  outbox_status_check: OUTBOX_STATUSES,
  offers_status_check: OFFER_STATUSES,
  locations_type_check: LOCATION_TYPES,
  cases_status_check: CASE_STATUSES,
  // Written by hand in migration 0010, not by drizzle-kit; held to its constant all the same.
  clients_special_legal_basis_check: SPECIAL_LEGAL_BASES,
  consents_form_check: CONSENT_FORMS,
  interfaces_scope_check: INTERFACE_SCOPES,
  interfaces_status_check: INTERFACE_STATUSES,
  referrals_state_check: REFERRAL_STATES,
  competence_shares_end_reason_check: SHARE_END_REASONS,
  training_cohorts_status_check: COHORT_STATUSES,
  training_participants_status_check: PARTICIPANT_STATUSES,
  training_participants_role_check: PARTICIPANT_ROLES,
  training_participants_organisation_type_check: ORGANISATION_TYPES,
  training_sessions_status_check: SESSION_STATUSES,
  training_attendance_status_check: ATTENDANCE_STATUSES,
  training_feeds_kind_check: FEED_KINDS,
  training_evaluation_links_phase_check: EVALUATION_PHASES,
  training_evaluation_links_locale_check: EVALUATION_LOCALES,
  training_evaluation_responses_phase_check: EVALUATION_PHASES,
  training_evaluation_responses_locale_check: EVALUATION_LOCALES,
  training_certificates_revoke_reason_check: CERTIFICATE_REVOKE_REASONS,
};

const { db } = await createTestDatabase();

/** Every CHECK constraint of the public schema that allows a list of text values, with its values. */
async function listChecks(): Promise<Map<string, string[]>> {
  const { rows } = await db.execute<{ name: string; definition: string }>(sql`
    select c.conname as name, pg_get_constraintdef(c.oid) as definition
    from pg_constraint c join pg_namespace n on n.oid = c.connamespace
    where c.contype = 'c' and n.nspname = 'public'`);
  const lists = new Map<string, string[]>();
  for (const { name, definition } of rows) {
    // PostgreSQL keeps `x in ('a', 'b')` as `x = ANY (ARRAY['a'::text, 'b'::text])`.
    if (!definition.includes("= ANY (ARRAY[")) continue;
    const values = [...definition.matchAll(/'((?:[^']|'')*)'::text/g)].map((m) =>
      (m[1] ?? "").replaceAll("''", "'"),
    );
    lists.set(name, values);
  }
  return lists;
}

describe("CHECK lists of enumerated columns", () => {
  it("allow exactly the values of their shared constant", async () => {
    const checks = await listChecks();
    for (const [name, values] of Object.entries(LISTS)) {
      expect(checks.get(name), name).toEqual([...values]);
    }
  });

  it("are all declared here with their constant", async () => {
    const checks = await listChecks();
    expect([...checks.keys()].sort()).toEqual(Object.keys(LISTS).sort());
  });
});
