import { sql } from "drizzle-orm";
import type { Db } from "#server/db/client.ts";

/**
 * German and English stems from the snowball stemmers PostgreSQL brings — the same stemmers the
 * finder uses (finder/engine/store.ts), so that a word is stemmed alike in every search of Lotse.
 * The ESCO index stems its vocabulary once per process; a search stems only the typed words it has
 * not seen lately (a small cache in front of one round trip).
 */

export type EscoLang = "de" | "en";
const CONFIG: Record<EscoLang, string> = { de: "german", en: "english" };

/** Stems of many words in one statement: one list per word (empty for a stop word). */
export async function stemAll(db: Db, lang: EscoLang, words: string[]): Promise<string[][]> {
  if (words.length === 0) return [];
  // The configuration name is a constant of ours; the words (letters and digits only) one parameter.
  const { rows } = await db.execute<{ stems: string[][] | null }>(sql`
    select json_agg(tsvector_to_array(to_tsvector(${sql.raw(`'${CONFIG[lang]}'`)}::regconfig, w)) order by n) as stems
      from unnest(string_to_array(${words.join(" ")}, ' ')) with ordinality t(w, n)`);
  return rows[0]?.stems ?? words.map(() => []);
}

const CACHE_SIZE = 20_000;
const cache: Record<EscoLang, Map<string, string[]>> = { de: new Map(), en: new Map() };

/** Remembers the stems of words (e.g. the index's vocabulary), so typed words like them need no round trip. */
export function rememberStems(lang: EscoLang, words: string[], stems: string[][]) {
  const known = cache[lang];
  words.forEach((w, i) => {
    if (known.size < CACHE_SIZE * 4) known.set(w, stems[i] ?? []);
  });
}

/** Stems of typed words (lower case, as written), from the cache or PostgreSQL. */
export async function stemTyped(db: Db, lang: EscoLang, words: string[]): Promise<string[][]> {
  const known = cache[lang];
  const missing = [...new Set(words.filter((w) => !known.has(w)))];
  if (missing.length > 0) {
    const stems = await stemAll(db, lang, missing);
    missing.forEach((w, i) => {
      // Typed words beyond the vocabulary: the oldest leave first.
      if (known.size >= CACHE_SIZE * 5) {
        const oldest = known.keys().next().value;
        if (oldest !== undefined) known.delete(oldest);
      }
      known.set(w, stems[i] ?? []);
    });
  }
  return words.map((w) => known.get(w) ?? []);
}
