/**
 * One spelling for matching, the same for the offers' texts and for what visitors type: lower
 * case without diacritics (ä → a, é → e, ş → s, Arabic short vowels dropped), ß → ss, and the
 * letters that Arabic and Persian keyboards write differently unified (ي/ی, ك/ک, أ/إ/آ → ا, ة → ه).
 * Cyrillic й and ї keep their marks: they are letters of their own, not accents.
 */
const LETTERS: Record<string, string> = {
  ß: "ss",
  ı: "i",
  ي: "ی",
  ى: "ی",
  ئ: "ی",
  ك: "ک",
  أ: "ا",
  إ: "ا",
  آ: "ا",
  ٱ: "ا",
  ؤ: "و",
  ة: "ه",
  ё: "е",
};
const LETTER_RE = new RegExp(`[${Object.keys(LETTERS).join("")}]`, "gu");
const KEEP: [string, string][] = [
  ["й", "\ue000"],
  ["ї", "\ue001"],
];

/** The matching spelling of one word or text. */
export function fold(text: string): string {
  let s = text.toLowerCase();
  for (const [letter, mark] of KEEP) s = s.replaceAll(letter, mark);
  s = s.normalize("NFKD").replace(/\p{M}/gu, "");
  for (const [letter, mark] of KEEP) s = s.replaceAll(mark, letter);
  return s.replace(LETTER_RE, (c) => LETTERS[c] ?? c);
}

/** Joiners and the Arabic stretch (tatweel) sit inside words without being letters. */
const INVISIBLE = /\u200c|\u200d|\u0640|\u00ad/g;
const WORD = /[\p{L}\p{M}\p{N}]+/gu;
const ARABIC_SCRIPT = /^[\u0600-\u06ff]/;
/** The Arabic article with the particles that fuse with it: الاعتراف ↔ اعتراف, والعمل ↔ عمل. */
const ARTICLE = /^(?:وال|بال|فال|کال|ال|لل)(?=[\u0600-\u06ff]{3})/u;

/** A word as written (lower case, for the stemmers) and in its matching spelling. */
export type Token = { raw: string; folded: string };

/** The words of a text, each as written and folded. */
export function tokens(text: string): Token[] {
  const out: Token[] = [];
  for (const match of text.replace(INVISIBLE, "").normalize("NFC").matchAll(WORD)) {
    const raw = match[0].toLowerCase();
    const folded = fold(raw);
    if (folded) out.push({ raw, folded });
  }
  return out;
}

/** The matching spellings a word is found by: itself, and an Arabic word also without its article. */
export function variants(folded: string): string[] {
  if (!ARABIC_SCRIPT.test(folded)) return [folded];
  const bare = folded.replace(ARTICLE, "");
  return bare === folded ? [folded] : [folded, bare];
}

/**
 * Words that say nothing about an offer on their own, in the finder's languages. Left out of a
 * search unless nothing else is left.
 */
export const STOP_WORDS = new Set(
  [
    "der die das den dem des ein eine einer eines einem einen und oder für mit von vom zu zum zur im in an am auf aus bei nach über unter ich du wir sie es ist sind",
    "the a an and or for of to in on at with by from is are my me i",
    "ve ile bir için bu da de",
    "и в на с для по о от к или я",
    "і та у з до для по від або я",
    "و در به از با برای که را",
    "في من على إلى مع عن",
  ]
    .join(" ")
    .split(" ")
    .map(fold),
);
