import fs from "node:fs";
import { referencePath } from "#server/paths.ts";
import { tokens } from "./normalize.ts";

/**
 * The network's vocabulary (reference/finder-vocabulary): what people type in any finder
 * language, mapped to the terms offers are called by. Read-only reference data, read once.
 */
type VocabularyFile = {
  concepts: Record<string, Record<string, string[]>>;
  occupationFields: Record<string, string[]>;
};

export type Vocabulary = {
  /** Phrases people type (folded words), longest first, with the concept they stand for. */
  triggers: { words: string[]; concept: string }[];
  /** Per concept, the single words that offers about it contain, in every language. */
  targets: Map<string, string[]>;
  /** Everyday occupation titles per KldB Berufshauptgruppe, as written. */
  occupationFields: Map<string, string[]>;
};

const FILE = referencePath("finder-vocabulary", "vocabulary.json");

let loaded: Vocabulary | undefined;

export function vocabulary(): Vocabulary {
  if (loaded) return loaded;
  const file = JSON.parse(fs.readFileSync(FILE, "utf8")) as VocabularyFile;
  const triggers: Vocabulary["triggers"] = [];
  const targets = new Map<string, string[]>();
  for (const [concept, byLanguage] of Object.entries(file.concepts)) {
    const single = new Set<string>();
    for (const phrase of Object.values(byLanguage).flat()) {
      const words = tokens(phrase).map((t) => t.folded);
      if (words.length === 0) continue;
      triggers.push({ words, concept });
      if (words.length === 1) single.add(words[0] as string);
    }
    targets.set(concept, [...single]);
  }
  triggers.sort((a, b) => b.words.length - a.words.length);
  loaded = {
    triggers,
    targets,
    occupationFields: new Map(Object.entries(file.occupationFields)),
  };
  return loaded;
}

/**
 * Whether a typed word is a vocabulary word, allowing for endings: «визнанням» is «визнання»,
 * «работу» is «работа». Short words must be written out: «Lehre» is not «Lehrer».
 */
export function sameWord(typed: string, term: string): boolean {
  if (typed === term) return true;
  if (typed.length < 6 || term.length < 6) return false;
  let common = 0;
  const max = Math.min(typed.length, term.length);
  while (common < max && typed[common] === term[common]) common++;
  return common >= Math.max(5, max - 2) && Math.abs(typed.length - term.length) <= 3;
}

/** The concepts a query's words stand for: each match names the words it covers. */
export function conceptsOf(words: string[]): { from: number; to: number; concept: string }[] {
  const found: { from: number; to: number; concept: string }[] = [];
  const taken = new Array<boolean>(words.length).fill(false);
  for (const trigger of vocabulary().triggers) {
    const n = trigger.words.length;
    for (let i = 0; i + n <= words.length; i++) {
      if (taken.slice(i, i + n).some(Boolean)) continue;
      if (trigger.words.every((w, k) => sameWord(words[i + k] as string, w))) {
        found.push({ from: i, to: i + n, concept: trigger.concept });
        if (n > 1) for (let k = i; k < i + n; k++) taken[k] = true;
      }
    }
  }
  return found;
}
