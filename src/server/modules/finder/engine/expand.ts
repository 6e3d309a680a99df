import { type SearchIndex, trigramsOf } from "./search-index.ts";

/**
 * How a typed word can be found in the index, each way with its weight, blended in one ranking:
 * as written, stemmed, as the start of a longer word, inside a compound («Anerkennung» in
 * «Berufsanerkennungsberatung»), through the network's vocabulary, and spelt a little differently.
 */
export const WEIGHT = {
  exact: 1,
  stem: 0.95,
  vocabulary: 0.9,
  prefix: 0.75,
  stemPrefix: 0.7,
  compound: 0.6,
  close: 0.45,
  closeInside: 0.35,
} as const;
export type Kind = keyof typeof WEIGHT;

/**
 * What the expansion reads of an index: its terms, their trigrams, their code-point order and which
 * terms have postings. The finder passes its SearchIndex; the ESCO search its own term index.
 */
export type TermIndex = Pick<SearchIndex, "postings" | "terms" | "trigrams" | "sorted">;

/** A term of the index that stands for a typed word; `close` ones are the typo-tolerant kinds. */
export type Alternative = { term: string; weight: number; close: boolean };

const MAX_PREFIX_TERMS = 400;
const MAX_COMPOUND_TERMS = 600;
const MAX_CLOSE_CHECKS = 4000;

/** The first position in `sorted` whose entry is not below `key` (binary search). */
export function lowerBound(sorted: string[], key: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as string) < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Terms that start with a prefix, at most `max`. */
function startingWith(index: TermIndex, prefix: string, max: number): string[] {
  const sorted = index.sorted();
  const out: string[] = [];
  for (let i = lowerBound(sorted, prefix); i < sorted.length && out.length < max; i++) {
    const term = sorted[i] as string;
    if (!term.startsWith(prefix)) break;
    out.push(term);
  }
  return out;
}

/** Reused counters per term (one search at a time runs this synchronous code). */
let counts = new Uint16Array(0);

/** Terms sharing trigrams with a word: those sharing at least `need`, with how many. */
function sharingTrigrams(index: TermIndex, word: string, need: number): number[] {
  if (counts.length < index.terms.length) counts = new Uint16Array(index.terms.length * 2);
  const touched: number[] = [];
  for (const gram of trigramsOf(word)) {
    for (const term of index.trigrams.get(gram) ?? []) {
      if (counts[term] === 0) touched.push(term);
      counts[term] = (counts[term] as number) + 1;
    }
  }
  const out: number[] = [];
  for (const term of touched) {
    if ((counts[term] as number) >= need) out.push(term);
    counts[term] = 0;
  }
  return out;
}

/** Edit distance with transpositions (optimal string alignment), or `max + 1` once it is exceeded. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const n = b.length;
  let prevPrev = new Array<number>(n + 1).fill(0);
  let prev = Array.from({ length: n + 1 }, (_, j) => j);
  let row = new Array<number>(n + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    row[0] = i;
    let best = i;
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min((prev[j] as number) + 1, (row[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        v = Math.min(v, (prevPrev[j - 2] as number) + 1);
      }
      row[j] = v;
      if (v < best) best = v;
    }
    if (best > max) return max + 1;
    [prevPrev, prev, row] = [prev, row, prevPrev];
  }
  return prev[n] as number;
}

/** The fewest edits that make `word` a part of `text` (approximate substring match). */
export function distanceInside(word: string, text: string, max: number): number {
  const n = text.length;
  let prev = new Array<number>(n + 1).fill(0);
  let row = new Array<number>(n + 1).fill(0);
  for (let i = 1; i <= word.length; i++) {
    row[0] = i;
    let best = i;
    for (let j = 1; j <= n; j++) {
      const cost = word[i - 1] === text[j - 1] ? 0 : 1;
      const v = Math.min((prev[j] as number) + 1, (row[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
      row[j] = v;
      if (v < best) best = v;
    }
    if (best > max) return max + 1;
    [prev, row] = [row, prev];
  }
  return Math.min(...prev);
}

/** Edits a word of this length may have and still be found. */
export function allowedEdits(length: number): number {
  return length >= 8 ? 2 : length >= 5 ? 1 : 0;
}

/**
 * The alternatives of one typed word in its matching spelling, with the stems the stemmers gave
 * for it. Numbers (postcodes) are found as written or as a start only.
 */
export function expandWord(index: TermIndex, word: string, stems: string[]): Alternative[] {
  const found = new Map<string, Alternative>();
  const add = (term: string, kind: Kind) => {
    if (!index.postings.has(term)) return;
    const weight = WEIGHT[kind];
    const known = found.get(term);
    if (!known || known.weight < weight) {
      found.set(term, { term, weight, close: kind === "close" || kind === "closeInside" });
    }
  };
  add(word, "exact");
  for (const stem of stems) add(stem, "stem");
  // «Aerztin» typed without umlauts is «Ärztin», which matches as «arztin».
  if (/[aou]e/.test(word)) add(word.replace(/([aou])e/g, "$1"), "stem");
  const numeric = /^\p{N}+$/u.test(word);
  if (word.length >= 3) for (const term of startingWith(index, word, MAX_PREFIX_TERMS)) add(term, "prefix");
  if (numeric) return [...found.values()];
  if (word.length >= 6) {
    const root = word.slice(0, Math.max(5, word.length - 2));
    for (const term of startingWith(index, root, MAX_PREFIX_TERMS)) add(term, "stemPrefix");
  }
  const grams = trigramsOf(word).size;
  if (word.length >= 4) {
    let compounds = 0;
    for (const t of sharingTrigrams(index, word, grams)) {
      const term = index.terms[t] as string;
      if (term.length > word.length && term.includes(word)) {
        add(term, "compound");
        if (++compounds >= MAX_COMPOUND_TERMS) break;
      }
    }
  }
  const edits = allowedEdits(word.length);
  if (edits > 0) {
    let checks = 0;
    for (const t of sharingTrigrams(index, word, Math.max(1, grams - 3 * edits))) {
      if (++checks > MAX_CLOSE_CHECKS) break;
      const term = index.terms[t] as string;
      if (found.has(term)) continue;
      if (Math.abs(term.length - word.length) <= edits) {
        if (editDistance(word, term, edits) <= edits) add(term, "close");
      } else if (word.length >= 7 && term.length > word.length) {
        if (distanceInside(word, term, edits - 1 || 1) <= (edits - 1 || 1)) add(term, "closeInside");
      }
    }
  }
  return [...found.values()];
}

/** The alternatives of a vocabulary concept: the terms offers about it contain, and their compounds. */
export function expandTargets(index: SearchIndex, targets: string[]): Alternative[] {
  const found = new Map<string, Alternative>();
  for (const target of targets) {
    if (index.postings.has(target))
      found.set(target, { term: target, weight: WEIGHT.vocabulary, close: false });
    if (target.length < 5) continue;
    for (const t of sharingTrigrams(index, target, trigramsOf(target).size)) {
      const term = index.terms[t] as string;
      if (term.length > target.length && term.includes(target) && !found.has(term)) {
        found.set(term, { term, weight: WEIGHT.compound, close: false });
      }
    }
  }
  return [...found.values()];
}
