import { eq, inArray } from "drizzle-orm";
import type { Tx } from "#server/db/client.ts";
import { clients } from "#server/modules/cases/tables.ts";
import { AppError, type FieldProblem } from "#server/platform/errors.ts";
import type { Actor } from "#server/platform/session.ts";
import { organisations } from "#server/platform/tables.ts";
import { can } from "#shared/permissions.ts";
import type { NoteFindingKind, NoteSubject } from "#shared/personal-data.ts";
import {
  checkReferral,
  type FindingScope,
  mayAcknowledge,
  type ReferralWarning,
  type ReferralWarningCode,
} from "#shared/referral-check.ts";

/**
 * The server's half of the referral check (src/shared/referral-check.ts explains what it checks
 * and why): it loads what the check looks for, refuses a referral whose warnings were not
 * acknowledged (422, naming each kind of finding but never its text), refuses an acknowledgement
 * the actor may not give (403: data outside the consent needs `referral.consent_override`, which
 * volunteers do not hold), and describes what was acknowledged for the audit log — kinds and
 * scopes only, never values.
 */

/** The client's data the note is searched for; the sender may see all of it on the case. */
export async function noteSubject(db: Tx, clientId: string): Promise<NoteSubject> {
  const [row] = await db
    .select({
      name: clients.name,
      email: clients.email,
      phone: clients.phone,
      dateOfBirth: clients.dateOfBirth,
    })
    .from(clients)
    .where(eq(clients.id, clientId));
  return row ?? { name: "", email: null, phone: null, dateOfBirth: null };
}

/**
 * Contact data that may stand in a note without a warning: the sender's own e-mail address and the
 * published contact data of the sending and the receiving organisation.
 */
export async function ownContacts(db: Tx, actor: Actor, organisationIds: string[]): Promise<string[]> {
  const rows = await db
    .select({ email: organisations.email, phone: organisations.phone })
    .from(organisations)
    .where(inArray(organisations.id, organisationIds));
  const values = [actor.email, ...rows.flatMap((r) => [r.email, r.phone])];
  return [...new Set(values.filter((v): v is string => Boolean(v)))];
}

/** The distinct kinds of note finding and their scope, in the order found. */
function noteKinds(warning: ReferralWarning): { kind: NoteFindingKind; scope: FindingScope }[] {
  if (warning.code !== "note_personal_data") return [];
  const seen = new Map<string, { kind: NoteFindingKind; scope: FindingScope }>();
  for (const f of warning.findings) seen.set(`${f.kind}:${f.scope}`, { kind: f.kind, scope: f.scope });
  return [...seen.values()];
}

function fieldErrors(warnings: ReferralWarning[]): FieldProblem[] {
  return warnings.flatMap((w) =>
    w.code === "empty_selection"
      ? [{ field: "items", code: "referral.empty_selection" }]
      : noteKinds(w).map((k) => ({ field: "note", code: `referral.note_${k.scope}.${k.kind}` })),
  );
}

/** What the audit log and the timeline keep of acknowledged warnings: codes, kinds and scopes. */
export type Acknowledgement = {
  acknowledged: ReferralWarningCode[];
  noteFindings: { kind: NoteFindingKind; scope: FindingScope }[];
  outsideConsent: boolean;
};

/**
 * Runs the shared check on the referral as it arrived and answers what was acknowledged; throws
 * when a warning was not acknowledged or the actor may not acknowledge it.
 */
export function assertWarningsAcknowledged(
  actor: Actor,
  input: Parameters<typeof checkReferral>[0] & { acknowledged: readonly ReferralWarningCode[] },
): Acknowledgement {
  const warnings = checkReferral(input);
  const open = warnings.filter((w) => !input.acknowledged.includes(w.code));
  if (open.length > 0) {
    const code = open.length === 1 ? `referral.${open[0]?.code}` : "referral.confirmation_required";
    throw new AppError(422, code, { fieldErrors: fieldErrors(open) });
  }
  const beyondConsent = can(actor.role, "referral.consent_override");
  const refused = warnings.filter((w) => !mayAcknowledge(w, beyondConsent));
  if (refused.length > 0) {
    const outside = refused.flatMap(noteKinds).filter((k) => k.scope === "outside_consent");
    throw new AppError(403, "referral.note_outside_consent_forbidden", {
      fieldErrors: outside.map((k) => ({ field: "note", code: `referral.note_outside_consent.${k.kind}` })),
    });
  }
  return {
    acknowledged: warnings.map((w) => w.code),
    noteFindings: warnings.flatMap(noteKinds),
    outsideConsent: warnings.some((w) => w.code === "note_personal_data" && w.outsideConsent),
  };
}
