import {
  FINDER_PAGE_SIZE,
  type FinderOfferSummary,
  type FinderResults,
  type FinderSearchQuery,
} from "#shared/contracts/finder.ts";
import { DISTRICT_KEYS } from "#shared/domain.ts";
import { type Alternative, expandTargets, expandWord } from "./engine/expand.ts";
import { STOP_WORDS, tokens, variants } from "./engine/normalize.ts";
import { type Filters, type Ranked, run } from "./engine/run.ts";
import type { FinderDoc, SearchIndex } from "./engine/search-index.ts";
import type { FinderStore } from "./engine/store.ts";
import { conceptsOf, vocabulary } from "./engine/vocabulary.ts";
import { labeller } from "./labels.ts";
import { resolvePlace } from "./places.ts";

/** At most this many words of a search count; more say nothing more about what is wanted. */
const MAX_WORDS = 8;

/**
 * Expansions of typed words, valid until a new term enters the index: the same words are typed
 * again and again. (Offers that leave the index leave their terms behind; they then match nothing.)
 */
let cache: { index: SearchIndex; termsVersion: number; groups: Map<string, Alternative[]> } | null = null;

function cached(index: SearchIndex, key: string, make: () => Alternative[]): Alternative[] {
  if (!cache || cache.index !== index || cache.termsVersion !== index.termsVersion) {
    cache = { index, termsVersion: index.termsVersion, groups: new Map() };
  }
  let alternatives = cache.groups.get(key);
  if (!alternatives) {
    alternatives = make();
    if (cache.groups.size >= 20_000) cache.groups.clear();
    cache.groups.set(key, alternatives);
  }
  return alternatives;
}

/**
 * The groups of alternatives a search must find, one per typed word (or per phrase of the
 * vocabulary, «мовний курс»): the word as written, stemmed, as a start, inside compounds and in
 * close spellings, and the terms of the vocabulary concepts it stands for. A word found nowhere
 * in the index is left out (it depends on the words alone, never on the filters); when no word is
 * found anywhere, nothing matches.
 */
function groupsOf(index: SearchIndex, folded: string[], stems: string[][]): Alternative[][] {
  const concepts = conceptsOf(folded);
  const targets = vocabulary().targets;
  const groups: Alternative[][] = [];
  const inPhrase = new Set<number>();
  for (const c of concepts) {
    if (c.to - c.from < 2) continue;
    for (let i = c.from; i < c.to; i++) inPhrase.add(i);
    groups.push(
      cached(index, `concept:${c.concept}`, () => expandTargets(index, targets.get(c.concept) ?? [])),
    );
  }
  folded.forEach((word, i) => {
    if (inPhrase.has(i)) return;
    const wordStems = (stems[i] ?? []).flatMap((stem) => tokens(stem).flatMap((t) => variants(t.folded)));
    const own = variants(word).flatMap((v) =>
      cached(index, `word:${v}:${wordStems.join(" ")}`, () => expandWord(index, v, wordStems)),
    );
    const fromConcepts = concepts
      .filter((c) => c.from === i && c.to === i + 1)
      .flatMap((c) =>
        cached(index, `concept:${c.concept}`, () => expandTargets(index, targets.get(c.concept) ?? [])),
      );
    groups.push([...own, ...fromConcepts]);
  });
  const found = groups.filter((g) => g.length > 0);
  return found.length > 0 ? found : [[]];
}

function presentSummary(doc: FinderDoc, hit: Ranked, lang: FinderSearchQuery["lang"]): FinderOfferSummary {
  const l = labeller(lang);
  const translated = doc.texts[lang];
  return {
    id: doc.id,
    name: translated?.name || doc.name,
    nameLang: translated?.name ? lang : "de",
    summary: translated?.summary || doc.summary,
    summaryLang: translated?.summary ? lang : "de",
    organisation: doc.organisation,
    type: l.type(doc.offerType),
    phases: [...doc.phases].sort().map(l.phase),
    districts: doc.districts.flatMap((d) => l.district(d) ?? []),
    languages: doc.languages.map(l.language),
    targetGroups: doc.targetGroups.map(l.targetGroup),
    freeOfCharge: doc.free,
    city: doc.city,
    distanceKm: hit.km === null ? null : Math.round(hit.km * 10) / 10,
  };
}

/**
 * The public finder's search: words in any finder language found in one blended ranking (see
 * groupsOf), filters that only ever take away, counts per district for the map, and with a
 * postcode or place the nearest offers first.
 */
export async function searchOffers({
  store,
  query,
}: {
  store: FinderStore;
  query: FinderSearchQuery;
}): Promise<FinderResults> {
  const q = query.q?.trim() ?? "";
  const typed = tokens(q);
  const significant = typed.filter((t) => !STOP_WORDS.has(t.folded));
  const words = (significant.length > 0 ? significant : typed).slice(0, MAX_WORDS);
  const { index, stems } = await store.ready(words.map((w) => w.raw));
  const groups =
    words.length > 0
      ? groupsOf(
          index,
          words.map((w) => w.folded),
          stems,
        )
      : null;
  const point = query.near ? resolvePlace(query.near) : null;
  const filters: Filters = {
    phase: query.phase,
    type: query.type,
    language: query.language,
    targetGroup: query.targetGroup,
    free: query.free === undefined ? undefined : query.free === "true",
    district: query.district,
  };
  const result = run(index, groups, filters, point, FINDER_PAGE_SIZE, query.page);
  return {
    items: result.page.map((hit) => presentSummary(index.docs[hit.doc] as FinderDoc, hit, query.lang)),
    total: result.total,
    page: query.page,
    pageSize: FINDER_PAGE_SIZE,
    match: !groups ? "all" : result.anyExact ? "exact" : "similar",
    near: query.near
      ? { found: point !== null, place: point?.place ?? null, postcode: point?.postcode ?? null }
      : null,
    districtCounts: DISTRICT_KEYS.map((ags) => ({ ags, count: result.districtCounts.get(ags) ?? 0 })),
  };
}
