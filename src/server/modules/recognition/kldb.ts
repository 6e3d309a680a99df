import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The KldB 2010 (© Bundesagentur für Arbeit, see reference/kldb2010/PROVENANCE.md) in memory: read-only
 * reference data that is the same on every instance, read once on first use.
 */

const CSV = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  "../../reference/kldb2010/kldb2010.csv",
);

export type KldbOccupation = { code: string; title: string; field: string; fieldTitle: string };
/** One spelling of a title with the positions where its words begin. */
type Haystack = { text: string; starts: number[] };
type Indexed = KldbOccupation & { titles: Haystack[]; short: string[] };
type Kldb = {
  occupations: Indexed[];
  byCode: Map<string, KldbOccupation>;
  fields: { code: string; title: string }[];
};

let loaded: Kldb | undefined;

/**
 * Two spellings of a text for matching without case and umlauts: `folded` writes ä as ae (how
 * people type on a keyboard without umlauts), `plain` drops the dots (ä → a). A query matches
 * when either of its spellings is found in the same spelling of the title.
 */
function spellings(text: string): { folded: string; plain: string } {
  const lower = text.toLowerCase().replaceAll("ß", "ss");
  const strip = (s: string) => s.normalize("NFD").replace(/\p{M}/gu, "");
  return {
    folded: strip(lower.replaceAll("ä", "ae").replaceAll("ö", "oe").replaceAll("ü", "ue")),
    plain: strip(lower),
  };
}

/** Where the words of a (plain-spelled) title begin. */
function wordStarts(text: string): number[] {
  const starts: number[] = [];
  for (let i = 0; i < text.length; i++) {
    if (/[\p{L}\p{N}]/u.test(text[i] ?? "") && (i === 0 || !/[\p{L}\p{N}]/u.test(text[i - 1] ?? ""))) {
      starts.push(i);
    }
  }
  return starts;
}

function load(): Kldb {
  const lines = fs.readFileSync(CSV, "utf8").split("\n").slice(1);
  const fields = new Map<string, string>();
  const level5: { code: string; title: string; short: string }[] = [];
  for (const line of lines) {
    if (!line) continue;
    const [code = "", level, title = "", short = ""] = line.split(";");
    if (level === "2") fields.set(code, title);
    if (level === "5") level5.push({ code, title, short });
  }
  const occupations = level5.map(({ code, title, short }): Indexed => {
    const field = code.slice(0, 2);
    const t = spellings(title);
    const s = spellings(short);
    return {
      code,
      title,
      field,
      fieldTitle: fields.get(field) ?? "",
      titles: [t.plain, t.folded].map((text) => ({ text, starts: wordStarts(text) })),
      short: [s.plain, s.folded],
    };
  });
  return {
    occupations,
    byCode: new Map(
      occupations.map(({ code, title, field, fieldTitle }) => [code, { code, title, field, fieldTitle }]),
    ),
    fields: [...fields].map(([code, title]) => ({ code, title })),
  };
}

function kldb(): Kldb {
  loaded ??= load();
  return loaded;
}

/** The level-5 occupation (Berufsgattung) with this five-digit code. */
export function occupationByCode(code: string): KldbOccupation | undefined {
  return kldb().byCode.get(code);
}

/** The occupation fields (Berufshauptgruppen, level 2) in the order of the classification. */
export function occupationFields(): { code: string; title: string }[] {
  return kldb().fields;
}

/**
 * How well one query word sits in a title: 3 at the start of the title, 2 at the start of a word,
 * 1 inside a word, 0 not at all; each spelling of the word is looked for in the same spelling of
 * the title. The short title only counts as found (1): it names the requirement level in words
 * people search for (Fachkraft, Experte), but its abbreviations would make odd word starts.
 */
function wordScore(o: Indexed, word: { folded: string; plain: string }): number {
  let best = 0;
  [word.plain, word.folded].forEach((needle, i) => {
    const { text, starts } = o.titles[i] as Haystack;
    for (let at = text.indexOf(needle); at !== -1 && best < 3; at = text.indexOf(needle, at + 1)) {
      best = Math.max(best, at === 0 ? 3 : starts.includes(at) ? 2 : 1);
    }
  });
  if (best === 0 && (o.short[0]?.includes(word.plain) || o.short[1]?.includes(word.folded))) best = 1;
  return best;
}

/**
 * Level-5 occupations whose title holds every word of the query, in any order, without regard to
 * case and umlauts; best first: words at the start of the title or of a word of it rank above
 * words found inside a word; equal ones keep the order of the classification (by code), which keeps
 * the four requirement levels of an occupation together.
 * A query of digits finds occupations by the start of their code.
 */
export function searchOccupations(q: string, limit: number): KldbOccupation[] {
  const { occupations } = kldb();
  const query = q.trim();
  if (/^\d+$/.test(query)) {
    return occupations
      .filter((o) => o.code.startsWith(query))
      .slice(0, limit)
      .map(({ code, title, field, fieldTitle }) => ({ code, title, field, fieldTitle }));
  }
  const words = query
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .map((w) => spellings(w));
  if (words.length === 0) return [];
  const hits: { o: Indexed; score: number }[] = [];
  for (const o of occupations) {
    let score = 0;
    for (const word of words) {
      const s = wordScore(o, word);
      if (s === 0) {
        score = -1;
        break;
      }
      score += s;
    }
    if (score > 0) hits.push({ o, score });
  }
  hits.sort((a, b) => b.score - a.score || a.o.code.localeCompare(b.o.code));
  return hits
    .slice(0, limit)
    .map(({ o: { code, title, field, fieldTitle } }) => ({ code, title, field, fieldTitle }));
}
