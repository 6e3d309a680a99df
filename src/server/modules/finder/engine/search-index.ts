/**
 * The finder's search index: an inverted index over the public offers' texts in every finder
 * language, their provider, places and occupations. It is a read model of PostgreSQL, kept in each
 * instance and brought up to date before every search (see store.ts), so all instances answer
 * alike; PostgreSQL stays the only place where offers are written.
 */

/** Where a word stands in an offer; the lower the code, the more it counts. */
export const FIELD = { name: 0, meta: 1, text: 2 } as const;
export type Field = (typeof FIELD)[keyof typeof FIELD];

/** What the finder shows and filters by, per offer. */
export type FinderDoc = {
  id: string;
  name: string;
  /** The German description, shortened for the result list. */
  summary: string | null;
  /** Translated name and shortened description per language. */
  texts: Record<string, { name?: string; summary?: string }>;
  organisation: string;
  offerType: string | null;
  phases: number[];
  districts: string[];
  /** The districts as positions in DISTRICT_KEYS, for counting. */
  districtPositions: number[];
  languages: string[];
  targetGroups: string[];
  free: boolean | null;
  city: string | null;
  /** Latitude, longitude of each physical place, in pairs. */
  points: number[];
};

/** The words of one offer per field; a word found in several fields counts in the best. */
export type DocWords = [name: Iterable<string>, meta: Iterable<string>, text: Iterable<string>];

const collator = new Intl.Collator("de", { sensitivity: "base", numeric: true });

export class SearchIndex {
  readonly docs: FinderDoc[] = [];
  readonly alive: boolean[] = [];
  private readonly byId = new Map<string, number>();
  /** term → postings (doc index × 4 + field), in rising doc order. */
  readonly postings = new Map<string, number[]>();
  /** Every term once, and its trigrams (for words inside compounds and close spellings). */
  readonly terms: string[] = [];
  readonly trigrams = new Map<string, number[]>();
  private sortedTerms: string[] | null = null;
  private byName: number[] | null = null;
  private rank: Int32Array | null = null;
  private deadCount = 0;
  /** Grows when a term is added: what is derived from the terms alone (expansions) stays valid until then. */
  termsVersion = 0;

  get size(): number {
    return this.docs.length - this.deadCount;
  }

  /** Share of replaced or removed offers that still take room: above a quarter, build anew. */
  get waste(): number {
    return this.docs.length === 0 ? 0 : this.deadCount / this.docs.length;
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  /** Adds an offer, or replaces the one with its id. */
  put(doc: FinderDoc, words: DocWords) {
    this.remove(doc.id);
    const index = this.docs.length;
    this.docs.push(doc);
    this.alive.push(true);
    this.byId.set(doc.id, index);
    const best = new Map<string, Field>();
    words.forEach((list, field) => {
      for (const word of list) {
        const known = best.get(word);
        if (known === undefined || field < known) best.set(word, field as Field);
      }
    });
    for (const [word, field] of best) {
      let list = this.postings.get(word);
      if (!list) {
        list = [];
        this.postings.set(word, list);
        this.addTerm(word);
      }
      list.push(index * 4 + field);
    }
    if (this.byName) this.byName.splice(this.namePosition(index), 0, index);
    this.rank = null;
  }

  private compareNames(a: number, b: number): number {
    const da = this.docs[a] as FinderDoc;
    const db = this.docs[b] as FinderDoc;
    return collator.compare(da.name, db.name) || (da.id < db.id ? -1 : da.id > db.id ? 1 : 0);
  }

  /** Where an offer goes in the name order (binary search). */
  private namePosition(doc: number): number {
    const list = this.byName as number[];
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.compareNames(list[mid] as number, doc) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  remove(id: string) {
    const index = this.byId.get(id);
    if (index === undefined) return;
    this.byId.delete(id);
    this.alive[index] = false;
    this.deadCount++;
    if (this.byName) this.byName.splice(this.byName.indexOf(index), 1);
    this.rank = null;
  }

  private addTerm(term: string) {
    const at = this.terms.length;
    this.terms.push(term);
    this.termsVersion++;
    if (this.sortedTerms) {
      const sorted = this.sortedTerms;
      let lo = 0;
      let hi = sorted.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if ((sorted[mid] as string) < term) lo = mid + 1;
        else hi = mid;
      }
      sorted.splice(lo, 0, term);
    }
    for (const gram of trigramsOf(term)) {
      let list = this.trigrams.get(gram);
      if (!list) {
        list = [];
        this.trigrams.set(gram, list);
      }
      list.push(at);
    }
  }

  /** The terms in code-point order, for prefix ranges. */
  sorted(): string[] {
    if (!this.sortedTerms) this.sortedTerms = [...this.terms].sort();
    return this.sortedTerms;
  }

  /** The offers in name order (German collation), and each offer's place in it. */
  names(): { byName: number[]; rank: Int32Array } {
    if (!this.byName) {
      const live: number[] = [];
      for (let i = 0; i < this.docs.length; i++) if (this.alive[i]) live.push(i);
      this.byName = live.sort((a, b) => this.compareNames(a, b));
    }
    if (!this.rank) {
      const rank = new Int32Array(this.docs.length).fill(-1);
      this.byName.forEach((doc, i) => {
        rank[doc] = i;
      });
      this.rank = rank;
    }
    return { byName: this.byName, rank: this.rank };
  }
}

/** The letter triples of a word (without padding): a word inside another shares all of them. */
export function trigramsOf(word: string): Set<string> {
  const chars = [...word];
  const out = new Set<string>();
  for (let i = 0; i + 3 <= chars.length; i++) out.add(chars.slice(i, i + 3).join(""));
  return out;
}
