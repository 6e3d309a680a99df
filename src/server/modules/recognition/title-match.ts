/**
 * Matching of occupation titles as people type them: without regard to case, umlauts (Ärztin,
 * Aerztin, Arztin), gender forms (Lehrerin → Lehrer, Kauffrau → Kaufmann), with prefixes ("Kranken"),
 * words inside German compounds ("ingenieur" in "Bauingenieur") and small typos. Pure functions, so
 * that the index in occupations.ts and a unit test share them.
 */

/** A title in the two spellings matched against: `folded` writes ä as ae, `plain` drops the dots. */
export type Spelled = { folded: string[]; plain: string[] };

const strip = (s: string) => s.normalize("NFD").replace(/\p{M}/gu, "");

/** The words of a text in both spellings, lower case, ß as ss. */
export function spell(text: string): Spelled {
  const words = text
    .toLowerCase()
    .replaceAll("ß", "ss")
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  return {
    folded: words.map((w) => strip(w.replaceAll("ä", "ae").replaceAll("ö", "oe").replaceAll("ü", "ue"))),
    plain: words.map(strip),
  };
}

/**
 * The word with a feminine or plural ending taken off, so that Lehrerin, Lehrerinnen and Lehrer,
 * Ärztin and Arzt (plain spelling), Kauffrau and Kaufmann meet. Applied to both sides alike, so an
 * odd stem ("mediz" of "medizin") does no harm.
 */
export function stem(word: string): string {
  if (word.length <= 4) return word;
  if (word.endsWith("frau")) return `${word.slice(0, -4)}mann`;
  if (word.endsWith("innen")) return word.slice(0, -5);
  if (word.endsWith("in")) return word.slice(0, -2);
  return word;
}

/** Edits allowed for a typo in a word of this length: none below 4 letters, 1 up to 8, then 2. */
export function allowedEdits(length: number): number {
  return length < 4 ? 0 : length <= 8 ? 1 : 2;
}

/** Optimal string alignment distance (Damerau–Levenshtein without repeated edits), capped at max+1. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev2: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        d = Math.min(d, (prev2[j - 2] ?? 0) + 1);
      }
      cur.push(d);
      rowMin = Math.min(rowMin, d);
    }
    if (rowMin > max) return max + 1;
    prev2 = prev;
    prev = cur;
  }
  return prev[b.length] ?? max + 1;
}

/**
 * How well a typed word fits one word of a title, 0 to 1: the same word or gender form 1, the start
 * of the word 0.85, inside a compound (at least four letters, e.g. "ingenieur" in "bauingenieur")
 * 0.6, a small typo of the word or of its start 0.5. Typos are looked for only when `fuzzy` (in one
 * spelling, so that ae/ä do not count as edits) and only in words with the same first letter, where
 * nearly all typos are.
 */
export function wordFit(typed: string, word: string, fuzzy = true, t = stem(typed), w = stem(word)): number {
  if (typed === word || t === w) return 1;
  if (word.startsWith(typed)) return 0.85;
  if (typed.length >= 4 && word.includes(typed)) return 0.6;
  if (!fuzzy || typed[0] !== word[0]) return 0;
  const edits = allowedEdits(typed.length);
  if (edits === 0) return 0;
  if (editDistance(t, w, edits) <= edits) return 0.5;
  // A typo in what is so far only the start of a longer word ("krankenschw" of "krankenschwester").
  if (word.length > typed.length && editDistance(typed, word.slice(0, typed.length), edits) <= edits) {
    return 0.5;
  }
  return 0;
}

/** The score of a whole title typed — 100 —, of its other gender form — 97 — or of its start — 85 — else 0. */
export function wholeScore(typed: string[], title: string[]): number {
  const qs = typed.join(" ");
  const ts = title.join(" ");
  if (qs === ts) return 100;
  if (typed.map(stem).join(" ") === title.map(stem).join(" ")) return 97;
  return ts.startsWith(qs) ? 85 : 0;
}

/**
 * The score when every typed word fits some word of the title (`fits`, one per typed word, all above
 * 0): between 45 and 70 by how well they fit, 3 more when the first typed word fits the title's first
 * word, less for each word of the title beyond those typed (a longer title is a less exact hit).
 */
export function wordsScore(fits: number[], firstFits: boolean, titleWords: number): number {
  const sum = fits.reduce((a, b) => a + b, 0);
  const extra = Math.max(0, titleWords - fits.length);
  return 45 + (25 * sum) / fits.length + (firstFits ? 3 : 0) - Math.min(extra, 6) * 2;
}

/**
 * How well a query fits a title, 0 (no match) to 100; each spelling of the query is compared with the
 * same spelling of the title and the better one counts. The index in occupation-search.ts computes the
 * same with the word fits looked up once per query.
 */
export function titleScore(query: Spelled, title: Spelled): number {
  let best = 0;
  for (const s of ["plain", "folded"] as const) {
    const q = query[s];
    const t = title[s];
    if (q.length === 0 || t.length === 0) continue;
    const whole = wholeScore(q, t);
    if (whole > 0) {
      best = Math.max(best, whole);
      continue;
    }
    const fits = q.map((typed) => Math.max(...t.map((word) => wordFit(typed, word, s === "plain"))));
    if (fits.every((f) => f > 0)) {
      const firstFits = wordFit(q[0] ?? "", t[0] ?? "", s === "plain") >= 0.85;
      best = Math.max(best, wordsScore(fits, firstFits, t.length));
    }
  }
  return best;
}
