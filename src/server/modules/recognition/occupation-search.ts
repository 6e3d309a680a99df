import fs from "node:fs";
import type { z } from "zod";
import { referencePath } from "#server/paths.ts";
import type { Occupation } from "#shared/contracts/recognition.ts";
import { level5Occupations, occupationByCode } from "./kldb.ts";
import { recognitionFor } from "./recognition-sa.ts";
import { spell, stem, wordFit, wordsScore } from "./title-match.ts";

/**
 * The reference occupation search: KldB 2010 level-5 occupations found by their official titles and
 * by the everyday titles people use — the German labels of the ESCO occupations mapped to a KldB
 * code (reference/esco/, built by scripts/build-esco-occupations.ts) and a few titles of Lotse's own.
 * Read-only reference data, indexed in memory on first use like kldb.ts.
 */

const TSV = referencePath("esco", "occupations.tsv");
const ESCO_OCCUPATION = "http://data.europa.eu/esco/occupation/";

type Source = "kldb" | "esco" | "lotse";
const SPELLINGS = ["plain", "folded"] as const;
/** A title's words in one spelling: as ids into the vocabulary, and joined for whole-title matches. */
type Words = { ids: Int32Array; words: string[]; joined: string; stemmed: string };
/** One title that leads to a KldB code. */
type Label = {
  text: string;
  code: string;
  source: Source;
  escoUri: string | null;
  boost: number;
  plain: Words;
  folded: Words;
};
/** Every word of every title once, so that a query's fit to a word is computed once per search. */
type Index = { labels: Label[]; vocabulary: string[]; stems: string[] };

let loaded: Index | undefined;

/** An ESCO preferred label names both forms ("Arzt für …/Ärztin für …"): each is a title of its own. */
const forms = (preferred: string) =>
  preferred
    .split(/(?<!-)\/(?=\s*\p{Lu})/u)
    .map((f) => f.trim())
    .filter(Boolean);

function load(): Index {
  const out: Label[] = [];
  const vocabulary: string[] = [];
  const ids = new Map<string, number>();
  const words = (list: string[]): Words => ({
    ids: Int32Array.from(list, (w) => {
      let id = ids.get(w);
      if (id === undefined) {
        id = vocabulary.push(w) - 1;
        ids.set(w, id);
      }
      return id;
    }),
    words: list,
    joined: list.join(" "),
    stemmed: list.map(stem).join(" "),
  });
  const add = (text: string, code: string, source: Source, escoUri: string | null, boost: number) => {
    const spelled = spell(text);
    if (spelled.plain.length === 0) return;
    out.push({
      text,
      code,
      source,
      escoUri,
      boost,
      plain: words(spelled.plain),
      folded: words(spelled.folded),
    });
  };
  for (const o of level5Occupations()) {
    add(o.title, o.code, "kldb", null, 0);
    if (o.short !== o.title) add(o.short, o.code, "kldb", null, -1);
  }
  for (const line of fs.readFileSync(TSV, "utf8").split("\n").slice(1)) {
    if (!line) continue;
    const [uri = "", , codes = "", mapping = "", preferred = "", alt = "", english = ""] = line.split("\t");
    for (const code of codes.split(",")) {
      if (occupationByCode(code)) addTitles(code, uri, mapping, preferred, alt, english);
    }
  }
  return { labels: out, vocabulary, stems: vocabulary.map(stem) };

  function addTitles(
    code: string,
    uri: string,
    mapping: string,
    preferred: string,
    alt: string,
    english: string,
  ) {
    const escoUri = uri ? `${ESCO_OCCUPATION}${uri}` : null;
    const source: Source = mapping === "lotse" ? "lotse" : "esco";
    // Curated titles are the common ones: they win a tie against a title handed down the hierarchy.
    const boost = mapping === "inherited" ? 0 : 4;
    const seen = new Set<string>();
    const once = (text: string, b: number) => {
      const key = text.toLowerCase();
      if (!seen.has(key)) {
        seen.add(key);
        add(text, code, source, escoUri, b);
      }
    };
    for (const f of forms(preferred)) once(f, boost + 1);
    for (const a of alt.split("|")) if (a) once(a, boost);
    if (english) once(english, boost - 2);
  }
}

export type OccupationHit = z.infer<typeof Occupation>;

function present(code: string, match: Label | null): OccupationHit {
  const o = occupationByCode(code);
  if (!o) throw new Error(`KldB code ${code} vanished from the classification`);
  return {
    ...o,
    matched:
      match && match.source !== "kldb"
        ? { label: match.text, source: match.source, escoUri: match.escoUri }
        : null,
    recognition: recognitionFor(code),
  };
}

/**
 * Level-5 occupations for what was typed, best first, one hit per KldB code with the title that
 * matched best: a whole title (or its other gender form) above a title's start, above all words
 * found at word starts, inside compounds, or with a small typo; a common (curated) title above a
 * rare one; then shorter titles (closer to what was typed) and the order of the classification.
 * A query of digits finds occupations by the start of their code.
 */
export function searchOccupations(q: string, limit: number): OccupationHit[] {
  loaded ??= load();
  const { labels, vocabulary, stems } = loaded;
  const query = q.trim();
  if (/^\d+$/.test(query)) {
    return level5Occupations()
      .filter((o) => o.code.startsWith(query))
      .slice(0, limit)
      .map((o) => present(o.code, null));
  }
  const typed = spell(query);
  if (typed.plain.length === 0) return [];
  // How each typed word fits each word of the vocabulary, per spelling: computed once per search.
  const table = (t: string, fuzzy: boolean) => {
    const ts = stem(t);
    const out = new Float32Array(vocabulary.length);
    for (let i = 0; i < vocabulary.length; i++) out[i] = wordFit(t, vocabulary[i] ?? "", fuzzy, ts, stems[i]);
    return out;
  };
  const fits = {
    plain: typed.plain.map((t) => table(t, true)),
    folded: typed.folded.map((t) => table(t, false)),
  };
  const joined = {
    plain: { words: typed.plain.join(" "), stems: typed.plain.map(stem).join(" ") },
    folded: { words: typed.folded.join(" "), stems: typed.folded.map(stem).join(" ") },
  };
  const best = new Map<string, { label: Label; score: number }>();
  for (const label of labels) {
    let fit = 0;
    for (const s of SPELLINGS) {
      const q = typed[s];
      const t = label[s];
      // Same scores as wholeScore in title-match.ts: the title as typed, its other gender form, its start.
      const whole = joined[s].words === t.joined ? 100 : joined[s].stems === t.stemmed ? 97 : 0;
      const start = whole || (t.joined.startsWith(joined[s].words) ? 85 : 0);
      if (start > 0) {
        fit = Math.max(fit, start);
        continue;
      }
      const perWord: number[] = [];
      for (const table of fits[s]) {
        let f = 0;
        for (const id of t.ids) f = Math.max(f, table[id] ?? 0);
        if (f === 0) break;
        perWord.push(f);
      }
      if (perWord.length === q.length) {
        const first = (fits[s][0]?.[t.ids[0] ?? -1] ?? 0) >= 0.85;
        fit = Math.max(fit, wordsScore(perWord, first, t.ids.length));
      }
    }
    if (fit === 0) continue;
    const score = fit + label.boost - Math.min(label.text.length, 80) / 40;
    const held = best.get(label.code);
    if (!held || score > held.score) best.set(label.code, { label, score });
  }
  return [...best.values()]
    .sort((a, b) => b.score - a.score || a.label.code.localeCompare(b.label.code))
    .slice(0, limit)
    .map(({ label }) => present(label.code, label));
}
