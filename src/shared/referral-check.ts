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

/** Kinds of personal data the note check finds. */
export const NOTE_FINDING_KINDS = ["name", "email", "phone", "address", "postcode", "date_of_birth"] as const;
export type NoteFindingKind = (typeof NOTE_FINDING_KINDS)[number];

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
export type NoteFinding = {
  kind: NoteFindingKind;
  scope: FindingScope;
  /** Offsets in the note as sent (UTF-16 code units, end exclusive). */
  start: number;
  end: number;
  /** The text found, for the sender's own screen; the server never echoes it. */
  text: string;
};

export type ReferralWarning =
  | { code: "empty_selection" }
  | { code: "note_personal_data"; findings: NoteFinding[]; outsideConsent: boolean };

/** The person the referral is about: what the note is searched for. */
export type NoteSubject = {
  name: string;
  email: string | null;
  phone: string | null;
  /** YYYY-MM-DD */
  dateOfBirth: string | null;
};

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

// ---------------------------------------------------------------------------------------------
// Finding personal data in a text

type Found = Omit<NoteFinding, "scope">;

/**
 * Every place in the text that holds the subject's name, contact data or date of birth, or
 * anything that looks like contact data; overlapping finds are merged into the longest.
 */
export function findPersonalData(
  text: string,
  subject: NoteSubject,
  ownContacts: readonly string[] = [],
): Found[] {
  if (!text.trim()) return [];
  const own = ownContactKeys(ownContacts);
  const found: Found[] = [
    ...findNames(text, subject.name),
    ...findEmails(text, own),
    ...findPhones(text, subject.phone, own),
    ...findDatesOfBirth(text, subject.dateOfBirth),
    ...findAddresses(text),
  ];
  return withoutOverlaps(text, found);
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}\p{M}]/u;
const isWordChar = (ch: string | undefined) => ch !== undefined && LETTER_OR_DIGIT.test(ch);

function* matches(text: string, pattern: RegExp): Generator<{ start: number; end: number; text: string }> {
  for (const m of text.matchAll(pattern)) {
    const start = m.index ?? 0;
    yield { start, end: start + m[0].length, text: m[0] };
  }
}

/** Overlapping finds become one, spanning both, of the kind of the longer (an e-mail holding a name). */
function withoutOverlaps(text: string, found: Found[]): Found[] {
  const sorted = [...found].sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: (Found & { length: number })[] = [];
  for (const f of sorted) {
    const last = kept.at(-1);
    if (last && f.start < last.end) {
      const kind = f.end - f.start > last.length ? f.kind : last.kind;
      last.end = Math.max(last.end, f.end);
      last.kind = kind;
      last.length = Math.max(last.length, f.end - f.start);
      continue;
    }
    kept.push({ ...f, length: f.end - f.start });
  }
  return kept.map(({ length: _length, ...f }) => ({ ...f, text: text.slice(f.start, f.end) }));
}

// Names ----------------------------------------------------------------------------------------

/** Particles and titles that are part of many names but name nobody on their own. */
const NAME_PARTICLES = new Set([
  "al",
  "el",
  "bin",
  "bint",
  "ibn",
  "abu",
  "abd",
  "von",
  "van",
  "der",
  "den",
  "de",
  "da",
  "di",
  "du",
  "del",
  "della",
  "dos",
  "das",
  "la",
  "le",
  "zu",
  "ten",
  "ter",
  "y",
  "herr",
  "frau",
  "dr",
  "prof",
  "mr",
  "mrs",
  "ms",
]);

/** German transliterations, so that "Müller", "Mueller" and "Muller" find each other. */
const UMLAUTS: Record<string, string> = { ä: "ae", ö: "oe", ü: "ue", Ä: "Ae", Ö: "Oe", Ü: "Ue" };
/** Letters that Arabic writes in more than one way; NFKD already folds the hamza and madda forms. */
const ARABIC: Record<string, string> = { ة: "ه", ى: "ي", ـ: "" };

/**
 * Folds a text for comparison — lower case, no diacritics, ß as ss, optionally umlauts as ae/oe/ue —
 * and keeps, for every folded code unit, the offset of the original character it came from.
 */
function fold(text: string, expandUmlauts: boolean): { folded: string; origin: number[] } {
  let folded = "";
  const origin: number[] = [];
  let offset = 0;
  for (const ch of text) {
    let f = expandUmlauts && UMLAUTS[ch] ? (UMLAUTS[ch] as string) : ch;
    f = f.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase().replace(/ß/g, "ss");
    f = [...f].map((c) => ARABIC[c] ?? c).join("");
    for (let i = 0; i < f.length; i++) origin.push(offset);
    folded += f;
    offset += ch.length;
  }
  origin.push(offset);
  return { folded, origin };
}

/** The parts of a name worth looking for: two letters or more, no particles, no digits. */
export function nameParts(name: string): string[] {
  const parts = name
    .split(/[^\p{L}\p{M}]+/u)
    .filter((p) => p.length > 0)
    .filter((p) => {
      const f = fold(p, false).folded;
      return f.length >= 2 && !NAME_PARTICLES.has(f);
    });
  return [...new Set(parts)];
}

/** Endings a name may carry and still be the name: the German genitive ("Aminas"), "Amina's". */
const NAME_ENDINGS = ["'s", "’s", "s", ""];

function findNames(text: string, name: string): Found[] {
  const found: Found[] = [];
  for (const expand of [false, true]) {
    const { folded, origin } = fold(text, expand);
    for (const part of nameParts(name)) {
      const needle = fold(part, expand).folded;
      let at = folded.indexOf(needle);
      while (at >= 0) {
        const after = at + needle.length;
        const ending = NAME_ENDINGS.find(
          (e) => folded.startsWith(e, after) && !isWordChar(folded[after + e.length]),
        );
        if (!isWordChar(folded[at - 1]) && ending !== undefined) {
          const start = origin[at] ?? 0;
          const end = origin[after + ending.length] ?? text.length;
          found.push({ kind: "name", start, end, text: text.slice(start, end) });
        }
        at = folded.indexOf(needle, at + 1);
      }
    }
  }
  return joinNameParts(text, found);
}

/** Name parts written together ("Rania Al-Khatib") become one finding, particles in between included. */
function joinNameParts(text: string, found: Found[]): Found[] {
  const sorted = [...found].sort((a, b) => a.start - b.start || b.end - a.end);
  const joined: Found[] = [];
  for (const f of sorted) {
    const last = joined.at(-1);
    const gap = last && f.start >= last.end ? text.slice(last.end, f.start) : null;
    const onlyParticles =
      gap !== null &&
      /^[\s\-‐'’.]*$/u.test(
        gap.replace(/\p{L}+/gu, (w) => (NAME_PARTICLES.has(fold(w, false).folded) ? "" : "x")),
      );
    if (last && onlyParticles && gap.length <= 12) {
      last.end = f.end;
      last.text = text.slice(last.start, last.end);
      continue;
    }
    if (last && f.start < last.end) continue;
    joined.push({ ...f });
  }
  return joined;
}

// Contact data ---------------------------------------------------------------------------------

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;

/** The last seven digits: enough to know a number again, written with +49, 0049 or a leading 0. */
function phoneKey(value: string): string {
  const digits = value.replace(/\D/g, "");
  return digits.slice(-7);
}

function ownContactKeys(values: readonly string[]) {
  return {
    emails: new Set(values.filter((v) => v.includes("@")).map((v) => v.trim().toLowerCase())),
    phones: new Set(
      values.filter((v) => !v.includes("@") && v.replace(/\D/g, "").length >= 7).map((v) => phoneKey(v)),
    ),
  };
}

function findEmails(text: string, own: ReturnType<typeof ownContactKeys>): Found[] {
  return [...matches(text, EMAIL)]
    .filter((m) => !own.emails.has(m.text.toLowerCase()))
    .map((m) => ({ kind: "email" as const, ...m }));
}

/** A run of digits with the separators phone numbers are written with (no dots: those are dates). */
const DIGIT_RUN = /(?:\+|\(\+?)?\d[\d \u00a0\-/()]*\d\)?/g;
const DATE_LIKE = /^\d{1,2}\s*[/-]\s*\d{1,2}\s*[/-]\s*\d{2,4}$/;

function findPhones(
  text: string,
  subjectPhone: string | null,
  own: ReturnType<typeof ownContactKeys>,
): Found[] {
  const subjectKey =
    subjectPhone && subjectPhone.replace(/\D/g, "").length >= 7 ? phoneKey(subjectPhone) : null;
  const found: Found[] = [];
  for (const m of matches(text, DIGIT_RUN)) {
    if (isWordChar(text[m.start - 1]) || isWordChar(text[m.end])) continue;
    const run = m.text.trim();
    if (DATE_LIKE.test(run)) continue;
    const digits = run.replace(/\D/g, "");
    if (digits.length < 7 || digits.length > 15) continue;
    const key = phoneKey(run);
    if (own.phones.has(key)) continue;
    const international =
      run.startsWith("+") || run.startsWith("(+") || run.startsWith("(0") || digits.startsWith("0");
    if (international || key === subjectKey) found.push({ kind: "phone", ...m });
  }
  return found;
}

// Dates of birth -------------------------------------------------------------------------------

const MONTHS: string[][] = [
  ["januar", "jan", "january", "jänner"],
  ["februar", "feb", "february"],
  ["märz", "maerz", "mär", "mar", "march"],
  ["april", "apr"],
  ["mai", "may"],
  ["juni", "jun", "june"],
  ["juli", "jul", "july"],
  ["august", "aug"],
  ["september", "sep", "sept"],
  ["oktober", "okt", "october", "oct"],
  ["november", "nov"],
  ["dezember", "dez", "december", "dec"],
];
const ALL_MONTHS = MONTHS.flat().join("|");
const ANY_DATE = `(?:\\d{1,2}\\.\\s?\\d{1,2}\\.\\s?(?:\\d{4}|\\d{2})|\\d{4}-\\d{2}-\\d{2}|\\d{1,2}/\\d{1,2}/(?:\\d{4}|\\d{2})|\\d{1,2}\\.?\\s+(?:${ALL_MONTHS})\\.?\\s+\\d{4})`;
/** A date introduced as a birth date, whoever's it is. */
const MARKED_BIRTH_DATE = new RegExp(
  `(?<![\\p{L}])(?:geb\\.|geboren(?:\\s+am)?|geburtsdatum|geb\\.-datum|born(?:\\s+on)?|date\\s+of\\s+birth|dob)\\s*:?\\s*${ANY_DATE}(?![\\p{N}])`,
  "giu",
);

function findDatesOfBirth(text: string, dateOfBirth: string | null): Found[] {
  const found: Found[] = [...matches(text, MARKED_BIRTH_DATE)].map((m) => ({
    kind: "date_of_birth" as const,
    ...m,
  }));
  const parts = dateOfBirth?.match(/^(\d{4})-(\d{2})-(\d{2})$/);
  if (parts) {
    const [, y = "", mo = "", d = ""] = parts;
    const day = `0?${Number(d)}`;
    const month = `0?${Number(mo)}`;
    const year = `(?:${y}|${y.slice(2)})`;
    const names = (MONTHS[Number(mo) - 1] ?? []).join("|");
    const known = new RegExp(
      `(?<![\\p{N}])(?:${day}\\s*[./-]\\s*${month}\\s*[./-]\\s*${year}|${y}-${mo}-${d}|${day}\\.?\\s+(?:${names})\\.?\\s+${y})(?![\\p{N}])`,
      "giu",
    );
    for (const m of matches(text, known)) found.push({ kind: "date_of_birth", ...m });
  }
  return found;
}

// Addresses ------------------------------------------------------------------------------------

/** Endings of street names written as one word ("Hauptstraße", "Elbdamm"). */
const STREET_ENDINGS = "straße|strasse|str\\.|weg|allee|platz|gasse|ring|damm|ufer|chaussee|steig|pfad";
/** Street words written apart ("Breiter Weg", "Halberstädter Straße"). */
const STREET_WORDS = "Straße|Strasse|Str\\.|Weg|Allee|Platz|Gasse|Ring|Damm|Ufer|Chaussee|Steig|Pfad";
/** Up to three digits: a four-digit number after "Arbeitsmarkt" is a year, not a house. */
const HOUSE_NUMBER = "\\s*\\d{1,3}\\s?[a-z]?(?![\\p{L}\\p{N}])";
/** "Hauptstraße 5", "Breiter Weg 12", "Am Krökentor 3", "An der Elbe 1a". */
const STREET = new RegExp(
  `(?<![\\p{L}])(?:[\\p{L}-]+(?:${STREET_ENDINGS})|\\p{Lu}[\\p{L}-]+\\s(?:${STREET_WORDS})|(?:Am|An der|An den|Auf dem|Auf der|Im|In der|Zum|Zur)\\s\\p{Lu}[\\p{L}-]+)${HOUSE_NUMBER}`,
  "gu",
);
/** Words after five digits that make them an amount, not a postcode and place. */
const NOT_A_PLACE = new Set([
  "euro",
  "eur",
  "stunden",
  "std",
  "tage",
  "personen",
  "menschen",
  "zeichen",
  "einwohner",
]);
const POSTCODE = /(?<![\p{L}\p{N}])(?:D-)?\d{5}\s+(\p{Lu}[\p{L}-]+)|(?<![\p{L}])PLZ:?\s*\d{5}(?![\p{N}])/gu;

function findAddresses(text: string): Found[] {
  const streets = [...matches(text, STREET)].map((m) => ({ kind: "address" as const, ...m }));
  const postcodes = [...text.matchAll(POSTCODE)]
    .filter((m) => !NOT_A_PLACE.has((m[1] ?? "").toLowerCase()))
    .map((m) => {
      const start = m.index ?? 0;
      return { kind: "postcode" as const, start, end: start + m[0].length, text: m[0] };
    });
  return [...streets, ...postcodes];
}
