import type pg from "pg";
import { from as copyFrom } from "pg-copy-streams";

/** Column lists of the COPY statements, in the order the generator writes its tab-separated fields. */
export const COLUMNS = {
  organisations: "id, name, type, district_ags, city, description, status, hsds",
  offers:
    "id, organisation_id, name, description, status, phases, offer_type, districts, free_of_charge, hsds",
  interfaces:
    "id, from_organisation_id, to_organisation_id, from_unit, to_unit, scope, agreement_what, channel, answer_within_days, complete_within_days, status",
  clients: "id, organisation_id, pseudonym, name, is_pseudonym, district_ags, created_at, updated_at",
  cases:
    "id, organisation_id, client_id, pseudonym, status, outcome, phase, opened_at, closed_at, created_at, updated_at",
  case_events: "case_id, at, kind, details",
  referrals:
    "id, case_id, from_organisation_id, to_organisation_id, offer_id, offer_name, interface_id, state, outcome, outcome_reason, decline_reason, sent_at, answer_due, complete_due, answered_at, closed_at, version, created_at, updated_at",
  referral_events:
    "referral_id, case_pseudonym, from_organisation_id, to_organisation_id, offer_id, offer_type, interface_id, from_state, to_state, actor_role, reason, at",
} as const;

/** Streams COPY text (tab-separated lines, \N for null) into a table with COPY … FROM STDIN. */
export function copyText(client: pg.PoolClient, table: keyof typeof COLUMNS, data: string | Uint8Array) {
  if (!data.length) return Promise.resolve();
  const stream = client.query(copyFrom(`COPY ${table} (${COLUMNS[table]}) FROM STDIN`));
  return new Promise<void>((resolve, reject) => {
    stream.on("error", reject);
    stream.on("finish", () => resolve());
    stream.end(data);
  });
}
