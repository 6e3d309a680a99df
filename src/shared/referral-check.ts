import { type Found, findPersonalData, type NoteFindingKind, type NoteSubject } from "./personal-data.ts";
import { DATA_ITEM_CATEGORY, type ReferralDataItem } from "./referrals.ts";

/**
 * The check a referral passes before it goes, run by the wizard while the sender writes and again
 * by the server when it arrives — one function, so what the sender was warned about is exactly
 * what the server refuses without an acknowledgement.
 *
 * What a data-protection officer expects of it, and what it is and is not:
 *
 * - Purpose limitation and consent (Art. 6(1)(a), 7 DSGVO): a referral carries the data items the
 *   client consented to share with this recipient, and the sender chooses from those. The free-text
 *   note travels too, so it must not become a back door around that choice. The check looks for the
 *   client's own identifying and contact data in the note (name parts, e-mail, phone, date of birth)
 *   and for anything that looks like contact data at all (e-mail addresses, phone numbers, street
 *   addresses, postcodes, dates marked as a birth date), and tells whether the selection covers it,
 *   only the consent covers it (the sender left the item out on purpose, or by mistake), or nothing
 *   covers it.
 * - Data minimisation (Art. 5(1)(c)): a referral with no data at all is legal but usually useless
 *   — the receiver cannot reach the person — so the sender confirms it deliberately instead of
 *   sending an empty referral by accident. A referral sent without consent (a staff counsellor's
 *   stated, audited override) carries no selection by design; its reason is that decision, so no
 *   second confirmation is asked for the empty selection — the note is still checked.
 * - Accountability (Art. 5(2)): every warning needs an explicit acknowledgement in the request;
 *   the server records which warnings were acknowledged and which kinds of data were found (never
 *   the values) in the audit log and on the case's timeline.
 * - Who may decide: sharing data the consent does not cover is a judgement only staff counsellors
 *   may make (the same permission as sending without consent, `referral.consent_override`).
 *   Volunteers refer within consent only: they can confirm an empty selection and data the consent
 *   covers but they did not select, never data outside the consent — they remove it instead.
 * - It is a safety net, not a guarantee. It is tuned to warn rather than miss (a surname that is
 *   also a German word, a caseworker's phone number, an unrelated street will be flagged), and it
 *   cannot see indirect identifiers (nicknames, misspellings, "the Syrian doctor from the second
 *   floor"). The wizard's hint asks for the purpose of the referral in the note, not for data about
 *   the person. The sender's and the receiver's own organisation contact data and the sender's own
 *   e-mail address are not flagged: pointing the receiver back to the sender is the note's job.
 * - Nothing of the note leaves this function except positions and kinds: the server's problem
 *   details name the kind of finding, not the text, so no personal value reaches a log or a proxy.
 */

/** Warnings a sender must acknowledge before a referral goes. */
export const REFERRAL_WARNINGS = ["empty_selection", "note_personal_data"] as const;
export type ReferralWarningCode = (typeof REFERRAL_WARNINGS)[number];

/** The data item that would carry each kind of finding: the selection or the consent covers it through that item. */
export const FINDING_ITEM: Record<NoteFindingKind, ReferralDataItem> = {
  name: "name",
  email: "contact",
  phone: "contact",
  address: "contact",
  postcode: "contact",
  date_of_birth: "date_of_birth",
};

/**
 * Whether the data found is covered by the consent but was not selected (the sender may still
 * confirm it), or is not covered by the consent at all (only a staff counsellor may confirm it).
 */
export type FindingScope = "not_selected" | "outside_consent";

/** One place in the note holding personal data that the selection does not cover. */
export type NoteFinding = Found & { scope: FindingScope };

export type ReferralWarning =
  | { code: "empty_selection" }
  | { code: "note_personal_data"; findings: NoteFinding[]; outsideConsent: boolean };

export type ReferralCheckInput = {
  items: readonly ReferralDataItem[];
  note: string | null | undefined;
  subject: NoteSubject;
  /** Items the client's active consent for this recipient covers; empty without a consent. */
  covered: readonly ReferralDataItem[];
  /** Contact data of the sender and the receiving organisation: never a finding. */
  ownContacts?: readonly string[];
  /** Sent without a consent, with a stated reason: nothing could be selected, so no empty-selection warning. */
  consentOverride?: boolean;
};

/** The items a consent with these data categories covers, in the order of the item list. */
export function itemsCoveredBy(
  categories: readonly string[],
  items: readonly ReferralDataItem[],
): ReferralDataItem[] {
  return items.filter((item) => categories.includes(DATA_ITEM_CATEGORY[item]));
}

/** The warnings for a referral as it would be sent now; empty when it may go without a question. */
export function checkReferral(input: ReferralCheckInput): ReferralWarning[] {
  const warnings: ReferralWarning[] = [];
  if (input.items.length === 0 && !input.consentOverride) warnings.push({ code: "empty_selection" });
  const findings = findPersonalData(input.note ?? "", input.subject, input.ownContacts ?? [])
    .filter((f) => !input.items.includes(FINDING_ITEM[f.kind]))
    .map((f) => ({
      ...f,
      scope: (input.covered.includes(FINDING_ITEM[f.kind])
        ? "not_selected"
        : "outside_consent") as FindingScope,
    }));
  if (findings.length > 0) {
    warnings.push({
      code: "note_personal_data",
      findings,
      outsideConsent: findings.some((f) => f.scope === "outside_consent"),
    });
  }
  return warnings;
}

/**
 * Whether the actor may send despite the warning: anyone may confirm an empty selection and note
 * data the consent covers; note data outside the consent needs the right to share beyond consent.
 */
export function mayAcknowledge(warning: ReferralWarning, mayShareBeyondConsent: boolean): boolean {
  return warning.code === "empty_selection" || !warning.outsideConsent || mayShareBeyondConsent;
}

/** The placeholder that stands where data was taken out of a note. */
export const REMOVED_MARK = "[…]";

/** The note with the findings replaced by a placeholder (what "remove from the note" does). */
export function removeFindings(
  note: string,
  findings: readonly Pick<NoteFinding, "start" | "end">[],
): string {
  let out = note;
  for (const f of [...findings].sort((a, b) => b.start - a.start)) {
    out = out.slice(0, f.start) + REMOVED_MARK + out.slice(f.end);
  }
  return out;
}
