import type { z } from "zod";
import type { Db } from "#server/db/client.ts";
import { type Alternative, expandWord, lowerBound, WEIGHT } from "#server/modules/finder/engine/expand.ts";
import { fold } from "#server/modules/finder/engine/normalize.ts";
import type { EscoCollection } from "#shared/competences.ts";
import type { EscoConcept } from "#shared/contracts/esco.ts";
import { type EscoIndex, type EscoKind, escoIndex, STEM, searchWords } from "./search-index.ts";
import { type EscoLang, stemTyped } from "./stems.ts";

/**
 * The ESCO skill and occupation search: every typed word must be found in one label of a concept —
 * as written, stemmed (snowball, German or English), as the start of a word, inside a German
 * compound, or with a small typo (the finder's expansion, expand.ts) —; a typed compound that is
 * found nowhere as written is also tried as two words ("Kinderbetreuung" → "kinder" + "betreuung").
 * Best first, by tiers:
 *
 *   9. the query is a preferred label (German or English, or a gender form of one);
 *   8. the query is an alternative label;
 *   7. a preferred label starts with the query;
 *   6. a preferred label holds every typed word as written;
 *   5. an alternative label starts with the query or holds every typed word as written;
 *   4. a preferred label holds every typed word, some only as the start of a word;
 *   3. an alternative label does;
 *   2. some typed word is found only by its stem, inside a compound or split in two;
 *   1. some typed word is found only with a typo.
 *
 * Within a tier: how well the words fit, the label starting with the first typed word, fewer words
 * beyond those typed, the label in the query's language, a shorter label. One hit per concept, by
 * its best label.
 */

export type EscoHit = z.infer<typeof EscoConcept>;
export type EscoSearch = {
  q: string;
  lang: EscoLang;
  collection?: EscoCollection | undefined;
  limit: number;
};

/** At most this many typed words count; more say nothing a label could hold. */
const MAX_WORDS = 12;
/** A typed word longer than this is no word of any label (and costs edit distance for nothing). */
const MAX_WORD = 60;

/** How a typed word was found in a label: as written, as a word's start, stemmed or in a compound, with a typo. */
const EXACT = 4;
const PREFIX = 3;
const STEMMED = 2;
const FUZZY = 1;
function classOf(weight: number): number {
  if (weight >= WEIGHT.exact) return EXACT;
  if (weight === WEIGHT.prefix) return PREFIX;
  return weight >= WEIGHT.compound ? STEMMED : FUZZY;
}

/** Per-label scratch of one search (searches run their synchronous part one at a time). */
let matched = new Uint8Array(0);
let sum = new Float32Array(0);
let worst = new Uint8Array(0);
let stamp = new Int32Array(0);
let round = 0;
let conceptScore = new Float64Array(0);
let conceptLabel = new Int32Array(0);

function scratch(labels: number, concepts: number) {
  if (matched.length < labels) {
    matched = new Uint8Array(labels);
    sum = new Float32Array(labels);
    worst = new Uint8Array(labels);
    stamp = new Int32Array(labels);
  }
  if (conceptScore.length < concepts) {
    conceptScore = new Float64Array(concepts);
    conceptLabel = new Int32Array(concepts);
  }
}

/** A part of a split compound: the term itself and up to 200 terms it starts, all counted as compound hits. */
function part(index: EscoIndex, word: string): Alternative[] {
  const sorted = index.sorted();
  const out: Alternative[] = [];
  for (let i = lowerBound(sorted, word); i < sorted.length && out.length < 200; i++) {
    const term = sorted[i] as string;
    if (!term.startsWith(word)) break;
    out.push({ term, weight: WEIGHT.compound, close: false });
  }
  return out;
}

/**
 * The alternatives of one typed word. A word of eight letters or more that is found nowhere as
 * written, as a start or stemmed may be a compound the labels write apart: "kinderbetreuung" →
 * "kinder" + "betreuung", both parts at least four letters and found, the split with the longer
 * shorter part winning. Then the word stands for two, each of them also met by the word's typos.
 */
function expand(index: EscoIndex, folded: string, stems: string[]): Alternative[][] {
  const own = expandWord(index, folded, stems);
  if (folded.length < 8 || own.some((a) => !a.close)) return [own];
  let best: Alternative[][] | null = null;
  let bestLength = 0;
  for (let at = 4; at <= folded.length - 4; at++) {
    const shorter = Math.min(at, folded.length - at);
    if (shorter <= bestLength) continue;
    const left = part(index, folded.slice(0, at));
    if (left.length === 0) continue;
    const right = part(index, folded.slice(at));
    if (right.length === 0) continue;
    best = [left, right];
    bestLength = shorter;
  }
  return best ? best.map((p) => [...p, ...own]) : [own];
}

/**
 * Expansions of typed words lately searched, per index: they depend on nothing but the word, its
 * stems and the index, which never changes in a process. The typo search of a long word is the
 * dearest part of a search (thousands of edit distances); a word typed again, as people do while
 * they refine a search, costs nothing. The oldest entries leave first.
 */
const EXPANSIONS = 5000;
const expansions = new WeakMap<EscoIndex, Map<string, Alternative[][]>>();

function expandCached(index: EscoIndex, folded: string, stems: string[]): Alternative[][] {
  let cache = expansions.get(index);
  if (!cache) {
    cache = new Map();
    expansions.set(index, cache);
  }
  const key = `${folded} ${stems.join(" ")}`;
  let found = cache.get(key);
  if (!found) {
    found = expand(index, folded, stems).map((group) => [...group].sort((a, b) => b.weight - a.weight));
    if (cache.size >= EXPANSIONS) {
      const oldest = cache.keys().next().value;
      if (oldest !== undefined) cache.delete(oldest);
    }
    cache.set(key, found);
  }
  return found;
}

/** The score of a label that holds every typed word: its tier × 100 and the score within the tier. */
function labelScore(
  index: EscoIndex,
  label: number,
  words: number,
  typedJoined: string,
  firstFits: boolean,
  lang: EscoLang,
): number {
  const l = index.labels[label];
  if (!l) return 0;
  const low = worst[label] as number;
  const whole = l.joined === typedJoined;
  const starts = !whole && low >= PREFIX && l.joined.startsWith(typedJoined);
  let tier: number;
  if (whole) tier = l.preferred ? 9 : 8;
  else if (starts && l.preferred) tier = 7;
  else if (low === EXACT) tier = l.preferred ? 6 : 5;
  else if (starts) tier = 5;
  else if (low === PREFIX) tier = l.preferred ? 4 : 3;
  else tier = low;
  const fit = (sum[label] as number) / words;
  const within =
    40 * fit +
    (starts || firstFits ? 10 : 0) +
    (tier <= STEMMED && l.preferred ? 8 : 0) -
    2 * Math.min(Math.max(0, l.size - words), 10) +
    (l.lang === lang ? 3 : 0) -
    Math.min(l.text.length, 120) / 60;
  return tier * 100 + within;
}

/** Skills or occupations for what was typed, best first. */
export async function searchEsco(db: Db, kind: EscoKind, query: EscoSearch): Promise<EscoHit[]> {
  const typed = searchWords(query.q)
    .filter((w) => w.folded.length <= MAX_WORD)
    .slice(0, MAX_WORDS);
  if (typed.length === 0) return [];
  if (kind === "occupations" && query.collection) return [];
  const [index, stems] = await Promise.all([
    escoIndex(db, kind),
    stemTyped(
      db,
      query.lang,
      typed.map((w) => w.raw),
    ),
  ]);
  // From here on synchronous: the scratch arrays are this search's alone.
  const groups: Alternative[][] = [];
  typed.forEach((w, i) => {
    const own = (stems[i] ?? []).map((s) => `${STEM}${fold(s)}`);
    groups.push(...expandCached(index, w.folded, own));
  });
  if (groups.some((g) => g.length === 0)) return [];
  const typedJoined = typed.map((w) => w.folded).join(" ");
  scratch(index.labels.length, index.concepts.length);

  // Every typed word in turn narrows the labels down to those holding all words so far; the
  // alternatives go best first, so a label's first hit for a word is its best fit.
  let candidates: number[] = [];
  const words = groups.length;
  for (let g = 0; g < words; g++) {
    round++;
    const next: number[] = [];
    for (const { term, weight } of groups[g] as Alternative[]) {
      for (const label of index.postings.get(term) ?? []) {
        if (stamp[label] === round) continue;
        if (g === 0) {
          matched[label] = 1;
          sum[label] = weight;
          worst[label] = classOf(weight);
        } else {
          if (matched[label] !== g) continue;
          matched[label] = g + 1;
          sum[label] = (sum[label] as number) + weight;
          const c = classOf(weight);
          if (c < (worst[label] as number)) worst[label] = c;
        }
        stamp[label] = round;
        next.push(label);
      }
    }
    for (const label of candidates) if (matched[label] !== g + 1) matched[label] = 0;
    candidates = next;
  }
  for (const label of candidates) matched[label] = 0;

  // The first word's alternatives that fit a label's first word (for the "starts with" bonus).
  const firstTerms = new Set((groups[0] ?? []).filter((a) => a.weight >= WEIGHT.prefix).map((a) => a.term));
  const touched: number[] = [];
  for (const label of candidates) {
    const l = index.labels[label];
    if (!l) continue;
    const concept = index.concepts[l.concept];
    if (query.collection && !concept?.collections.includes(query.collection)) continue;
    const space = l.joined.indexOf(" ");
    const first = space < 0 ? l.joined : l.joined.slice(0, space);
    const score = labelScore(index, label, words, typedJoined, firstTerms.has(first), query.lang);
    if (conceptScore[l.concept] === 0) touched.push(l.concept);
    if (score > (conceptScore[l.concept] as number)) {
      conceptScore[l.concept] = score;
      conceptLabel[l.concept] = label;
    }
  }
  const ranked = touched.sort(
    (a, b) =>
      (conceptScore[b] as number) - (conceptScore[a] as number) ||
      (index.labels[conceptLabel[a] as number]?.text.length ?? 0) -
        (index.labels[conceptLabel[b] as number]?.text.length ?? 0) ||
      a - b,
  );
  const hits = ranked.slice(0, query.limit).map((c): EscoHit => {
    const info = index.concepts[c];
    const label = index.labels[conceptLabel[c] as number];
    if (!info || !label) throw new Error("ESCO index out of step");
    return {
      uri: info.uri,
      de: info.de,
      en: info.en,
      matched: label.preferred ? null : label.text,
      collections: info.collections,
      kldb: info.kldb,
    };
  });
  for (const c of touched) conceptScore[c] = 0;
  return hits;
}
