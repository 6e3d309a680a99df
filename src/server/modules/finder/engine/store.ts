import { sql } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import type pg from "pg";
import type { Db } from "#server/db/client.ts";
import { shorten } from "#server/modules/finder/texts.ts";
import { occupationFields } from "#server/modules/recognition/kldb.ts";
import { FINDER_LOCALES } from "#shared/directory.ts";
import { DISTRICTS } from "#shared/domain.ts";
import { finderResources } from "#shared/i18n/finder/index.ts";
import { STOP_WORDS, tokens, variants } from "./normalize.ts";
import { districtPositions } from "./run.ts";
import { type DocWords, type FinderDoc, SearchIndex } from "./search-index.ts";
import { vocabulary } from "./vocabulary.ts";

/**
 * Keeps the finder's search index of one instance up to date with PostgreSQL. Before each search
 * one statement asks for the changes noted since the last look (finder_changes, by transaction)
 * and stems the typed words; the offers that changed are read again, or everything when an import
 * changed many. So a search on any instance sees every change committed before it began.
 */

/** The snowball stemmers PostgreSQL brings for the finder's languages (Ukrainian and Persian have none). */
const STEMMERS: Record<string, string> = {
  de: "german",
  en: "english",
  ar: "arabic",
  ru: "russian",
  tr: "turkish",
};

type Place = {
  name: string | null;
  city: string | null;
  postcode: string | null;
  lat: number | null;
  lng: number | null;
};
type OfferRow = {
  id: string;
  name: string;
  description: string | null;
  translations: Record<string, { name?: unknown; description?: unknown }> | null;
  offer_type: string | null;
  phases: number[];
  districts: string[];
  languages: string[];
  target_groups: string[];
  free_of_charge: boolean | null;
  occupation_fields: string[];
  organisation: string;
  places: Place[];
  /** Stems per stemmer: [name stems, text stems]. */
  stems: Record<string, [string[] | null, string[] | null]>;
};

const dialect = new PgDialect();

/** The pool behind Drizzle, for named prepared statements. */
const poolOf = (db: Db) => (db as unknown as { $client: pg.Pool }).$client;

function stemColumns(available: string[]) {
  const parts = available.map((lang) => {
    const config = STEMMERS[lang] as string;
    const name = lang === "de" ? sql`o.name` : sql`o.translations -> ${lang} ->> 'name'`;
    const text = lang === "de" ? sql`o.description` : sql`o.translations -> ${lang} ->> 'description'`;
    return sql`${lang}::text, json_build_array(
      tsvector_to_array(to_tsvector(${config}::regconfig, coalesce(${name}, ''))),
      tsvector_to_array(to_tsvector(${config}::regconfig, coalesce(${text}, ''))))`;
  });
  return parts.length > 0 ? sql`json_build_object(${sql.join(parts, sql`, `)})` : sql`'{}'::json`;
}

function offerQuery(available: string[], ids: string[] | null) {
  return sql`select o.id, o.name, o.description, o.translations, o.offer_type, o.phases, o.districts,
      o.languages, o.target_groups, o.free_of_charge, o.occupation_fields, g.name as organisation,
      coalesce((select json_agg(json_build_object('name', l.name, 'city', l.city, 'postcode', l.postcode,
          'lat', case when l.location_type = 'physical' then l.latitude end,
          'lng', case when l.location_type = 'physical' then l.longitude end) order by l.name, l.id)
        from offer_locations ol join locations l on l.id = ol.location_id where ol.offer_id = o.id), '[]') as places,
      ${stemColumns(available)} as stems
    from offers o join organisations g on g.id = o.organisation_id
    where o.status = 'active' and g.status = 'active'
      ${ids ? sql`and o.id = any(string_to_array(${ids.join(",")}, ',')::uuid[])` : sql``}`;
}

const districtNames = new Map<string, string>(DISTRICTS.map((d) => [d.ags, d.name]));
let fieldTitles: Map<string, string> | undefined;

function str(value: unknown): string | undefined {
  return typeof value === "string" && value.trim() !== "" ? value.trim() : undefined;
}

/** The matching spellings of a text's words, without stop words. */
function wordsOf(text: string | null | undefined, into: Set<string>) {
  if (!text) return;
  for (const token of tokens(text)) {
    if (STOP_WORDS.has(token.folded)) continue;
    for (const v of variants(token.folded)) into.add(v);
  }
}

function stemsOf(stems: string[] | null | undefined, into: Set<string>) {
  for (const stem of stems ?? []) wordsOf(stem, into);
}

/** An offer as the finder shows it, and its words per field. */
export function documentOf(row: OfferRow): { doc: FinderDoc; words: DocWords } {
  fieldTitles ??= new Map(occupationFields().map((f) => [f.code, f.title]));
  const name = new Set<string>();
  const meta = new Set<string>();
  const text = new Set<string>();
  const texts: FinderDoc["texts"] = {};
  wordsOf(row.name, name);
  wordsOf(row.description, text);
  for (const [lang, t] of Object.entries(row.translations ?? {})) {
    if (!(FINDER_LOCALES as readonly string[]).includes(lang) || lang === "de" || !t) continue;
    const n = str(t.name);
    const d = str(t.description);
    texts[lang] = { name: n, summary: shorten(d, 240) ?? undefined };
    wordsOf(n, name);
    wordsOf(d, text);
  }
  for (const [nameStems, textStems] of Object.values(row.stems ?? {})) {
    stemsOf(nameStems, name);
    stemsOf(textStems, text);
  }
  wordsOf(row.organisation, meta);
  for (const place of row.places) {
    wordsOf(place.name, meta);
    wordsOf(place.city, meta);
    wordsOf(place.postcode, meta);
  }
  for (const ags of row.districts) wordsOf(districtNames.get(ags), meta);
  for (const locale of FINDER_LOCALES) {
    const c = finderResources[locale];
    if (row.offer_type) wordsOf((c.offerTypes as Record<string, string>)[row.offer_type], meta);
    for (const group of row.target_groups) wordsOf((c.targetGroups as Record<string, string>)[group], meta);
  }
  const everyday = vocabulary().occupationFields;
  for (const field of row.occupation_fields) {
    wordsOf(fieldTitles.get(field), meta);
    for (const title of everyday.get(field) ?? []) wordsOf(title, meta);
  }
  const points: number[] = [];
  for (const place of row.places) {
    if (typeof place.lat === "number" && typeof place.lng === "number") points.push(place.lat, place.lng);
  }
  const doc: FinderDoc = {
    id: row.id,
    name: row.name,
    summary: shorten(row.description?.slice(0, 400), 240),
    texts,
    organisation: row.organisation,
    offerType: row.offer_type,
    phases: row.phases,
    // Each district once: the map counts an offer once per district.
    districts: [...new Set(row.districts)],
    districtPositions: districtPositions(row.districts),
    languages: row.languages,
    targetGroups: row.target_groups,
    free: row.free_of_charge,
    city: row.places.find((p) => p.city)?.city ?? null,
    points,
  };
  return { doc, words: [name, meta, text] };
}

type Check = {
  xmin: string;
  pruned: string;
  changes: [seq: number, offerId: string | null, tx: string][];
  stems: string[][] | null;
};

export class FinderStore {
  private index: SearchIndex | null = null;
  /** Every transaction below this had finished when the index was last brought up to date. */
  private xmin = 0n;
  /** Changes of transactions at or above xmin already in the index (seq → tx). */
  private applied = new Map<number, bigint>();
  private lock: Promise<unknown> = Promise.resolve();
  private stemmers: string[] | null = null;

  private readonly db: Db;
  constructor(db: Db) {
    this.db = db;
  }

  private async available(): Promise<string[]> {
    if (this.stemmers) return this.stemmers;
    const rows = await this.db.execute<{ cfgname: string }>(sql`select cfgname from pg_ts_config`);
    const names = new Set(rows.rows.map((r) => r.cfgname));
    this.stemmers = Object.keys(STEMMERS).filter((lang) => names.has(STEMMERS[lang] as string));
    return this.stemmers;
  }

  /**
   * The index, up to date with every change committed before this call, and the stems of the
   * typed words (as written, lower case) from every stemmer.
   */
  async ready(words: string[]): Promise<{ index: SearchIndex; stems: string[][] }> {
    const available = await this.available();
    // Constant configuration names only: the words themselves are a parameter.
    const stemmed = available
      .map((lang) => `tsvector_to_array(to_tsvector('${STEMMERS[lang]}'::regconfig, w.word))`)
      .join(" || ");
    const check = (
      await poolOf(this.db).query<Check>({
        name: `finder_check_${available.join("_")}`,
        text: `select pg_snapshot_xmin(pg_current_snapshot())::text as xmin,
          (select pruned_through::text from finder_state) as pruned,
          coalesce((select json_agg(json_build_array(c.seq, c.offer_id, c.tx::text) order by c.seq)
            from finder_changes c where c.tx >= $1::xid8), '[]') as changes,
          (select json_agg(array(select distinct s from unnest(${stemmed || "array[]::text[]"}) s) order by w.n)
            from unnest($2::text[]) with ordinality w(word, n)) as stems`,
        values: [this.xmin.toString(), words],
      })
    ).rows[0] as Check;
    const fresh = check.changes.filter(([seq]) => !this.applied.has(seq));
    if (!this.index || BigInt(check.pruned) >= this.xmin || fresh.length > 0) {
      await this.exclusive(() => this.catchUp(check, available));
    }
    return { index: this.index as SearchIndex, stems: check.stems ?? words.map(() => []) };
  }

  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    const next = this.lock.then(work, work);
    this.lock = next.catch(() => undefined);
    return next;
  }

  private async catchUp(check: Check, available: string[]) {
    const fresh = check.changes.filter(([seq]) => !this.applied.has(seq));
    if (!this.index || BigInt(check.pruned) >= this.xmin || fresh.some(([, id]) => id === null)) {
      await this.rebuild(available);
      return;
    }
    if (fresh.length === 0) return;
    const ids = [...new Set(fresh.map(([, id]) => id as string))];
    const rows = await this.load(available, ids);
    const index = this.index;
    const seen = new Set<string>();
    for (const row of rows) {
      const { doc, words } = documentOf(row);
      index.put(doc, words);
      seen.add(row.id);
    }
    for (const id of ids) if (!seen.has(id)) index.remove(id);
    for (const [seq, , tx] of fresh) this.applied.set(seq, BigInt(tx));
    this.advance(BigInt(check.xmin));
    if (index.waste > 0.25) await this.rebuild(available);
  }

  private advance(xmin: bigint) {
    if (xmin > this.xmin) this.xmin = xmin;
    for (const [seq, tx] of this.applied) if (tx < this.xmin) this.applied.delete(seq);
  }

  /** Reads every public offer in one snapshot and builds a new index. */
  private async rebuild(available: string[]) {
    const client = await poolOf(this.db).connect();
    try {
      await client.query("begin isolation level repeatable read read only");
      const head = await client.query<{ xmin: string; pruned: string }>(
        "select pg_snapshot_xmin(pg_current_snapshot())::text as xmin, (select pruned_through::text from finder_state) as pruned",
      );
      const { xmin } = head.rows[0] as { xmin: string };
      const seen = await client.query<{ seq: string; tx: string }>(
        "select seq::text, tx::text from finder_changes where tx >= $1::xid8",
        [xmin],
      );
      const rows = await this.query(client, offerQuery(available, null));
      await client.query("commit");
      const index = new SearchIndex();
      for (const row of rows) {
        const { doc, words } = documentOf(row);
        index.put(doc, words);
      }
      this.index = index;
      this.applied = new Map(seen.rows.map((r) => [Number(r.seq), BigInt(r.tx)]));
      this.xmin = BigInt(xmin);
    } catch (error) {
      await client.query("rollback").catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  private async load(available: string[], ids: string[]): Promise<OfferRow[]> {
    const client = await poolOf(this.db).connect();
    try {
      return await this.query(client, offerQuery(available, ids));
    } finally {
      client.release();
    }
  }

  private async query(client: pg.PoolClient, query: ReturnType<typeof offerQuery>): Promise<OfferRow[]> {
    const { sql: text, params } = dialect.sqlToQuery(query);
    return (await client.query<OfferRow>(text, params as unknown[])).rows;
  }
}

/**
 * Removes change notes older than a day; an instance that has not looked since (its xmin at or
 * below what was pruned) builds its index anew at its next search.
 */
export async function pruneFinderChanges(db: Db): Promise<number> {
  const rows = await db.execute<{ n: number }>(sql`
    with gone as (delete from finder_changes where changed_at < now() - interval '1 day' returning tx),
    mark as (
      update finder_state set pruned_through = greatest(pruned_through, (select max(tx) from gone))
      where exists (select 1 from gone) returning 1
    )
    select count(*)::int as n from gone`);
  return rows.rows[0]?.n ?? 0;
}
