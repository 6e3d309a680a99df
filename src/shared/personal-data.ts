/**
 * Finding personal data in a free text: a person's name (however it is written), e-mail
 * addresses, phone numbers, dates of birth, street addresses and postcodes. The referral check
 * (referral-check.ts) uses it on a referral's note; it is tuned to warn rather than to miss, and
 * says where in the text it found what, so that a caller can point at it or take it out.
 */

/** Kinds of personal data the note check finds. */
export const NOTE_FINDING_KINDS = ["name", "email", "phone", "address", "postcode", "date_of_birth"] as const;
export type NoteFindingKind = (typeof NOTE_FINDING_KINDS)[number];

/** The person the referral is about: what the note is searched for. */
export type NoteSubject = {
  name: string;
  email: string | null;
  phone: string | null;
  /** YYYY-MM-DD */
  dateOfBirth: string | null;
};

/** One place in the text that holds personal data. */
export type Found = {
  kind: NoteFindingKind;
  /** Offsets in the text (UTF-16 code units, end exclusive). */
  start: number;
  end: number;
  /** The text found. */
  text: string;
};

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
