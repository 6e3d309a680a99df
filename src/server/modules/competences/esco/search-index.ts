import type { Db } from "#server/db/client.ts";
import type { TermIndex } from "#server/modules/finder/engine/expand.ts";
import { fold, STOP_WORDS, tokens } from "#server/modules/finder/engine/normalize.ts";
import { trigramsOf } from "#server/modules/finder/engine/search-index.ts";
import type { EscoCollection } from "#shared/competences.ts";
import { escoCatalogue } from "./catalogue.ts";
import { type EscoLang, rememberStems, stemAll } from "./stems.ts";

/**
 * The in-memory search index of the ESCO skills or occupations: every label (preferred and
 * alternative, German and English) with its words in the finder's matching spelling and their
 * snowball stems, an inverted index word → labels, and the terms with their trigrams and code-point
 * order, so that the finder's expansion (expandWord: stems, starts of words, words inside compounds,
 * small typos) runs on it unchanged. Reference data, read-only and the same on every instance: built
 * once per process on the first search.
 */

export type EscoKind = "skills" | "occupations";

/** What a search result shows of a concept. */
export type EscoConceptInfo = {
  uri: string;
  de: string | null;
  en: string | null;
  collections: EscoCollection[];
  kldb: string[];
};

export type EscoLabel = {
  concept: number;
  text: string;
  lang: EscoLang;
  /** A preferred label (or one of its gender forms); otherwise an alternative one. */
  preferred: boolean;
  /** The label's words (without stop words) in the matching spelling, joined by spaces. */
  joined: string;
  /** How many words it has. */
  size: number;
};

/**
 * Stems are terms of their own, marked with this character: a typed word's stem meets a label
 * word's stem (a "stemmed" hit), but a typed word as written never meets a stem as if it were
 * written ("excel" is not the word "excellence", whose English stem it is). Marked terms are only in
 * the postings (not among the terms with trigrams), so starts, compounds and typos never reach them.
 */
export const STEM = "\u0001";

export class EscoIndex implements TermIndex {
  readonly concepts: EscoConceptInfo[] = [];
  readonly labels: EscoLabel[] = [];
  /** term → the labels holding it (ascending, once each). */
  readonly postings = new Map<string, number[]>();
  readonly terms: string[] = [];
  readonly trigrams = new Map<string, number[]>();
  private sortedTerms: string[] | null = null;

  sorted(): string[] {
    if (!this.sortedTerms) this.sortedTerms = [...this.terms].sort();
    return this.sortedTerms;
  }

  /** Notes that a label holds a term. */
  post(term: string, label: number) {
    let list = this.postings.get(term);
    if (!list) {
      list = [];
      this.postings.set(term, list);
      if (!term.startsWith(STEM)) this.addTerm(term);
    }
    if (list[list.length - 1] !== label) list.push(label);
  }

  private addTerm(term: string) {
    const at = this.terms.push(term) - 1;
    for (const gram of trigramsOf(term)) {
      let grams = this.trigrams.get(gram);
      if (!grams) {
        grams = [];
        this.trigrams.set(gram, grams);
      }
      grams.push(at);
    }
  }
}

/** A label to index: its text, language and whether it is preferred. */
type Source = { text: string; lang: EscoLang; preferred: boolean };

/** An ESCO occupation's preferred label names both forms ("Physiker/Physikerin"): each is a label. */
const forms = (preferred: string) =>
  preferred
    .split(/(?<!-)\/(?=\s*\p{Lu})/u)
    .map((f) => f.trim())
    .filter(Boolean);

/** The words of a text that count in a search: the matching spelling, without stop words (unless nothing else is left). */
export function searchWords(text: string): { raw: string; folded: string }[] {
  const all = tokens(text);
  const kept = all.filter((t) => !STOP_WORDS.has(t.folded));
  return kept.length > 0 ? kept : all;
}

function sourcesOf(kind: EscoKind): { info: EscoConceptInfo; sources: Source[] }[] {
  const catalogue = escoCatalogue();
  const labels = (list: string[], lang: EscoLang, preferred: boolean) =>
    list.map((text): Source => ({ text, lang, preferred }));
  if (kind === "skills") {
    return catalogue.skills.map((s) => ({
      info: { uri: s.uri, de: s.de, en: s.en, collections: s.collections, kldb: [] },
      sources: [
        ...labels(s.de ? [s.de] : [], "de", true),
        ...labels(s.en ? [s.en] : [], "en", true),
        ...labels(s.altDe, "de", false),
        ...labels(s.altEn, "en", false),
      ],
    }));
  }
  return catalogue.occupations.map((o) => ({
    info: { uri: o.uri, de: o.de, en: o.en, collections: [], kldb: o.kldb },
    sources: [
      ...labels(o.de ? forms(o.de) : [], "de", true),
      ...labels(o.en ? [o.en] : [], "en", true),
      ...labels([...o.altDe, ...o.titlesDe], "de", false),
      ...labels(o.altEn, "en", false),
    ],
  }));
}

/** Builds the index of skills or occupations; the stems come from PostgreSQL in two statements. */
export async function buildEscoIndex(db: Db, kind: EscoKind): Promise<EscoIndex> {
  const concepts = sourcesOf(kind);
  const raw: Record<EscoLang, Set<string>> = { de: new Set(), en: new Set() };
  const prepared = concepts.map(({ info, sources }) => ({
    info,
    labels: sources.map((s) => {
      const words = searchWords(s.text);
      for (const w of words) raw[s.lang].add(w.raw);
      return { ...s, words };
    }),
  }));
  const stems: Record<EscoLang, Map<string, string[]>> = { de: new Map(), en: new Map() };
  for (const lang of ["de", "en"] as const) {
    const words = [...raw[lang]];
    const stemmed = await stemAll(db, lang, words);
    rememberStems(lang, words, stemmed);
    words.forEach((w, i) => {
      stems[lang].set(w, (stemmed[i] ?? []).map(fold));
    });
  }
  const index = new EscoIndex();
  for (const { info, labels } of prepared) {
    const concept = index.concepts.push(info) - 1;
    const seen = new Set<string>();
    for (const { text, lang, preferred, words } of labels) {
      if (words.length === 0) continue;
      const joined = words.map((w) => w.folded).join(" ");
      // The same words twice in one concept (a label in both languages, a form repeated) count once.
      const key = `${preferred ? 1 : 0}${joined}`;
      if (seen.has(key) || (!preferred && seen.has(`1${joined}`))) continue;
      seen.add(key);
      const label = index.labels.push({ concept, text, lang, preferred, joined, size: words.length }) - 1;
      for (const w of words) {
        index.post(w.folded, label);
        for (const stem of stems[lang].get(w.raw) ?? []) index.post(`${STEM}${stem}`, label);
      }
    }
  }
  index.sorted();
  return index;
}

const built: Partial<Record<EscoKind, Promise<EscoIndex>>> = {};

/** The index of this process, built on first use (a failed build is tried again by the next search). */
export function escoIndex(db: Db, kind: EscoKind): Promise<EscoIndex> {
  let pending = built[kind];
  if (!pending) {
    pending = buildEscoIndex(db, kind);
    built[kind] = pending;
    pending.catch(() => {
      if (built[kind] === pending) delete built[kind];
    });
  }
  return pending;
}
