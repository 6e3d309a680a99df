import { DISTRICT_KEYS } from "#shared/domain.ts";
import type { Alternative } from "./expand.ts";
import type { FinderDoc, SearchIndex } from "./search-index.ts";

/** How much a word counts by where it stands: in a name, in provider/place/occupation, in a text. */
const FIELD_WEIGHT = [3, 2, 1, 1];

/** What the visitor filters by; the district filter is apart because the map counts every district. */
export type Filters = {
  phase?: number;
  type?: string;
  language?: string;
  targetGroup?: string;
  free?: boolean;
  district?: string;
};

export type Ranked = { doc: number; score: number; exact: boolean; km: number | null };

export type RunResult = {
  /** Matching offers per district, every filter applied except the district. */
  districtCounts: Map<string, number>;
  total: number;
  page: Ranked[];
  /** Whether any matching offer was found without typo tolerance. */
  anyExact: boolean;
};

const DISTRICT_AT = new Map<string, number>(DISTRICT_KEYS.map((ags, i) => [ags, i]));

/** The map's districts of an offer as positions in DISTRICT_KEYS (each once; unknown keys left out). */
export function districtPositions(districts: string[]): number[] {
  return [...new Set(districts.flatMap((ags) => DISTRICT_AT.get(ags) ?? []))];
}

function passes(doc: FinderDoc, f: Filters): boolean {
  if (f.phase !== undefined && !doc.phases.includes(f.phase)) return false;
  if (f.type !== undefined && doc.offerType !== f.type) return false;
  if (f.language !== undefined && !doc.languages.includes(f.language)) return false;
  if (f.targetGroup !== undefined && !doc.targetGroups.includes(f.targetGroup)) return false;
  if (f.free !== undefined && doc.free !== f.free) return false;
  return true;
}

const EARTH_KM = 6371.0088;
const rad = Math.PI / 180;

/** Straight-line distance to the nearest place of an offer, in km; null without a place. */
export function nearestKm(doc: FinderDoc, lat: number, lng: number): number | null {
  let best: number | null = null;
  for (let i = 0; i + 1 < doc.points.length; i += 2) {
    const dLat = ((doc.points[i] as number) - lat) * rad;
    const dLng = ((doc.points[i + 1] as number) - lng) * rad;
    const a =
      Math.sin(dLat / 2) ** 2 +
      Math.cos(lat * rad) * Math.cos((doc.points[i] as number) * rad) * Math.sin(dLng / 2) ** 2;
    const km = 2 * EARTH_KM * Math.asin(Math.min(1, Math.sqrt(a)));
    if (best === null || km < best) best = km;
  }
  return best;
}

/**
 * Scores every offer against the query: each group of typed words must be found (in any of its
 * alternatives); an offer's score is the sum over the groups of the best alternative's weight
 * times the weight of the field it stands in. Which offers match depends on the words alone —
 * filters only take away.
 */
function score(index: SearchIndex, groups: Alternative[][]) {
  const n = index.docs.length;
  const total = new Float32Array(n);
  const found = new Uint8Array(n);
  const exactGroups = new Uint8Array(n);
  const best = new Float32Array(n);
  const bestExact = new Float32Array(n);
  for (const group of groups) {
    const touched: number[] = [];
    for (const alt of group) {
      const postings = index.postings.get(alt.term);
      if (!postings) continue;
      for (const p of postings) {
        const doc = p >> 2;
        const s = alt.weight * (FIELD_WEIGHT[p & 3] as number);
        if (best[doc] === 0) touched.push(doc);
        if (s > (best[doc] as number)) best[doc] = s;
        if (!alt.close && s > (bestExact[doc] as number)) bestExact[doc] = s;
      }
    }
    for (const doc of touched) {
      total[doc] = (total[doc] as number) + (best[doc] as number);
      found[doc] = (found[doc] as number) + 1;
      if ((bestExact[doc] as number) > 0) exactGroups[doc] = (exactGroups[doc] as number) + 1;
      best[doc] = 0;
      bestExact[doc] = 0;
    }
  }
  return { total, found, exactGroups };
}

/** Keeps the best `k` of what it is offered, by a comparison. */
class TopK<T> {
  readonly items: T[] = [];
  private readonly k: number;
  private readonly before: (a: T, b: T) => boolean;
  constructor(k: number, before: (a: T, b: T) => boolean) {
    this.k = k;
    this.before = before;
  }
  offer(item: T) {
    const items = this.items;
    // Deep pages: keep everything and sort once (see done()).
    if (this.k > 200) {
      items.push(item);
      return;
    }
    if (items.length === this.k && !this.before(item, items[items.length - 1] as T)) return;
    let at = items.length;
    while (at > 0 && this.before(item, items[at - 1] as T)) at--;
    items.splice(at, 0, item);
    if (items.length > this.k) items.pop();
  }
  done(): T[] {
    if (this.k > 200) {
      this.items.sort((a, b) => (this.before(a, b) ? -1 : this.before(b, a) ? 1 : 0));
      this.items.length = Math.min(this.items.length, this.k);
    }
    return this.items;
  }
}

/**
 * One search: the offers that match the words (all offers without words), filtered, counted per
 * district, ranked (by score, or by distance when a point is given; then by name) and paged.
 */
export function run(
  index: SearchIndex,
  groups: Alternative[][] | null,
  filters: Filters,
  near: { lat: number; lng: number } | null,
  pageSize: number,
  pageNumber: number,
): RunResult {
  const { rank } = index.names();
  const scored = groups ? score(index, groups) : null;
  const want = groups ? groups.length : 0;
  const perDistrict = new Int32Array(DISTRICT_KEYS.length);
  const noFilters =
    filters.phase === undefined &&
    filters.type === undefined &&
    filters.language === undefined &&
    filters.targetGroup === undefined &&
    filters.free === undefined;
  let total = 0;
  let anyExact = false;
  const k = pageSize * pageNumber;
  const before = (a: Ranked, b: Ranked) => {
    if (near) {
      const da = a.km ?? Number.POSITIVE_INFINITY;
      const db = b.km ?? Number.POSITIVE_INFINITY;
      if (da !== db) return da < db;
    }
    if (a.score !== b.score) return a.score > b.score;
    return (rank[a.doc] as number) < (rank[b.doc] as number);
  };
  const top = new TopK<Ranked>(k, before);
  // Without words and without a point, the name order is the ranking: the first k are the page.
  const inNameOrder = !scored && !near;
  const pageDocs: number[] = [];
  const consider = (doc: number) => {
    const d = index.docs[doc] as FinderDoc;
    if (!noFilters && !passes(d, filters)) return;
    for (const at of d.districtPositions) perDistrict[at] = (perDistrict[at] as number) + 1;
    if (filters.district !== undefined && !d.districts.includes(filters.district)) return;
    total++;
    const exact = scored ? scored.exactGroups[doc] === want : true;
    if (exact) anyExact = true;
    if (inNameOrder) {
      if (pageDocs.length < k) pageDocs.push(doc);
      return;
    }
    top.offer({
      doc,
      score: scored ? (scored.total[doc] as number) : 0,
      exact,
      km: near ? nearestKm(d, near.lat, near.lng) : null,
    });
  };
  if (scored) {
    for (let doc = 0; doc < index.docs.length; doc++) {
      if (scored.found[doc] === want && index.alive[doc]) consider(doc);
    }
  } else {
    for (const doc of index.names().byName) consider(doc);
  }
  const districtCounts = new Map(DISTRICT_KEYS.map((ags, i) => [ags, perDistrict[i] as number]));
  if (inNameOrder) {
    const page = pageDocs
      .slice((pageNumber - 1) * pageSize)
      .map((doc) => ({ doc, score: 0, exact: true, km: null }));
    return { districtCounts, total, page, anyExact };
  }
  return { districtCounts, total, page: top.done().slice((pageNumber - 1) * pageSize), anyExact };
}
