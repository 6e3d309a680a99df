import { type SQL, sql } from "drizzle-orm";
import { invalidField } from "#server/platform/errors.ts";
import { ART9_FIELDS, type Art9Field, type SpecialLegalBasis } from "#shared/cases.ts";
import type { SpecialDataStatus } from "#shared/contracts/cases.ts";
import { contributions } from "./extensions.ts";
import { caseNotes, cases, clients } from "./tables.ts";

/**
 * Special categories (Art. 9 DSGVO) behind a purpose. A client record may hold health, religion or
 * ethnic origin only with a stated purpose and an Art. 9 Abs. 2 legal basis; a case whose data has
 * neither a documentation consent covering special categories nor a legal basis other than consent
 * is flagged, so that the counsellor records the consent or the basis, or removes the data.
 */

/** The client columns the rule reads. */
export type SpecialFields = {
  healthNote: string | null;
  religion: string | null;
  ethnicOrigin: string | null;
  specialPurpose: string | null;
  specialLegalBasis: SpecialLegalBasis | null;
};

const filled = (v: string | null | undefined) => typeof v === "string" && v.trim() !== "";

/** The Art. 9 fields of a client record that hold a value. */
export const art9FieldsOf = (c: SpecialFields): Art9Field[] => ART9_FIELDS.filter((f) => filled(c[f]));

/** Bases other than consent stand on their own; consent must be in the consent register. */
const basisWithoutConsent = (basis: string | null) => basis !== null && basis !== "art9_2a";

/**
 * Refuses a client record (as it would be after the write) that holds Art. 9 data without a stated
 * purpose or legal basis. `prefix` is where the client sits in the request body ("client." when a
 * case is opened with a new client), so the message lands beside the field.
 */
export function assertSpecialBasis(after: SpecialFields, prefix = ""): void {
  if (art9FieldsOf(after).length === 0) return;
  if (!filled(after.specialPurpose))
    throw invalidField(`${prefix}special.purpose`, "special_data.purpose_required");
  if (!after.specialLegalBasis)
    throw invalidField(`${prefix}special.legalBasis`, "special_data.legal_basis_required");
}

/** Whether the client record states why and on which basis special categories are recorded. */
export const purposeRecorded = (c: SpecialFields) => filled(c.specialPurpose) && c.specialLegalBasis !== null;

/** An active consent to counselling documentation that covers special categories, for `clients` (consents). */
export const documentationConsentSql = () => contributions().documentationConsent(clients.id);

/** Special-category notes of the case in `cases`. */
export const specialNotesSql = sql<number>`(select count(*)::int from ${caseNotes} where ${caseNotes.caseId} = ${cases.id} and ${caseNotes.special})`;

/** The condition on `cases` joined with `clients`: special data there, and nothing that covers it. */
export function uncoveredSpecialDataSql(): SQL {
  const art9 = ART9_FIELDS.map((f) => sql`coalesce(btrim(${clients[f]}), '') <> ''`);
  const holds = sql`(${sql.join(art9, sql` or `)} or ${specialNotesSql} > 0)`;
  const otherBasis = sql`(${clients.specialLegalBasis} in ('art9_2b', 'art9_2g', 'art9_2h') and coalesce(btrim(${clients.specialPurpose}), '') <> '')`;
  return sql`(${holds} and not ${otherBasis} and not ${documentationConsentSql()})`;
}

/** The status a counsellor sees on the case; the same rule as uncoveredSpecialDataSql. */
export function presentSpecialData(
  client: SpecialFields,
  specialNotes: number,
  documentationConsent: boolean,
): SpecialDataStatus {
  const fields = art9FieldsOf(client);
  const holds = fields.length > 0 || specialNotes > 0;
  const stated = purposeRecorded(client);
  const basis = client.specialLegalBasis ?? null;
  return {
    fields,
    specialNotes,
    purposeRecorded: stated,
    legalBasis: basis,
    documentationConsent,
    covered: !holds || documentationConsent || (stated && basisWithoutConsent(basis)),
  };
}
