import { type SQL, sql } from "drizzle-orm";
import {
  FINDER_PAGE_SIZE,
  type FinderOfferSummary,
  type FinderResults,
  type FinderSearchQuery,
} from "#shared/contracts/finder.ts";
import { DISTRICT_KEYS } from "#shared/domain.ts";
import type { Db } from "../../db/client.ts";
import { containsPattern } from "../../platform/like.ts";
import { labeller } from "./labels.ts";
import { preparedRows } from "./prepared.ts";
import { shorten } from "./texts.ts";

/**
 * What the public may see: active offers of active organisations. The conditions apply to
 * `offers o`; the district filter is left out because the map counts the
 * offers of every district.
 */
function filters(query: FinderSearchQuery): SQL[] {
  // NOT IN over the (few, usually no) inactive organisations is cheaper than joining every offer.
  const where = [
    sql`o.status = 'active'`,
    sql`o.organisation_id not in (select id from organisations where status <> 'active')`,
  ];
  if (query.phase) where.push(sql`o.phases @> array[${query.phase}]::smallint[]`);
  if (query.type) where.push(sql`o.offer_type = ${query.type}`);
  if (query.language) where.push(sql`o.languages @> array[${query.language}]::text[]`);
  if (query.targetGroup) where.push(sql`o.target_groups @> array[${query.targetGroup}]::text[]`);
  if (query.free === "true") where.push(sql`o.free_of_charge`);
  if (query.free === "false") where.push(sql`o.free_of_charge = false`);
  return where;
}

/** A condition on `offers o` with the rank it gives, e.g. full text or trigram similarity. */
type Hit = { where: SQL; rank: SQL };

/** German full text: "Anerkennungsberatungen" and "Anerkennungsberatung" share the stem. */
function exactHits(q: string): Hit[] {
  const tsquery = sql`websearch_to_tsquery('german', ${q})`;
  return [{ where: sql`o.search @@ ${tsquery}`, rank: sql`ts_rank(o.search, ${tsquery})` }];
}

/**
 * The fallback when the full text finds nothing: any one word, stemmed or close in spelling to a
 * word of the name (trigram word similarity), or the whole query inside a translated name (a visitor
 * typing in Arabic or English). One branch per GIN index, so each condition is checked once.
 */
function similarHits(q: string): Hit[] {
  const words = [...new Set(q.toLowerCase().match(/[\p{L}\p{N}]{3,}/gu) ?? [])].slice(0, 4);
  const hits: Hit[] = [];
  if (words.length > 0) {
    const anyWord = sql`websearch_to_tsquery('german', ${words.join(" or ")})`;
    hits.push({ where: sql`o.search @@ ${anyWord}`, rank: sql`ts_rank(o.search, ${anyWord})` });
    for (const word of words) {
      hits.push({ where: sql`${word} <% o.name`, rank: sql`word_similarity(${word}, o.name)` });
    }
  }
  if (q.length >= 3) {
    const names = sql`jsonb_path_query_array(o.translations, '$.*.name')::text`;
    hits.push({ where: sql`${names} ilike ${containsPattern(q)}`, rank: sql`1` });
  }
  return hits;
}

type ItemRow = {
  id: string;
  name: string;
  description: string | null;
  tr: { name?: string; description?: string } | null;
  organisation: string;
  offer_type: string | null;
  phases: number[];
  districts: string[];
  languages: string[];
  target_groups: string[];
  free_of_charge: boolean | null;
  city: string | null;
};
type Run = { allCount: number; total: number; counts: Map<string, number>; items: ItemRow[] };

const itemColumns = (lang: string) => sql`o.id, o.name, left(o.description, 400) as description,
  o.translations -> ${lang} as tr, g.name as organisation, o.offer_type, o.phases, o.districts,
  o.languages, o.target_groups, o.free_of_charge,
  (select l.city from offer_locations ol join locations l on l.id = ol.location_id
    where ol.offer_id = o.id and l.city is not null order by l.name limit 1) as city`;

/** Offers per list of districts: few distinct lists, so the map's counts are summed up here. */
function tally(
  groups: { districts: string; n: number }[],
  district: string | undefined,
  items: ItemRow[],
): Run {
  const counts = new Map<string, number>();
  let allCount = 0;
  let total = 0;
  for (const group of groups) {
    const { n } = group;
    const districts = group.districts ? group.districts.split(",") : [];
    allCount += n;
    if (!district || districts.includes(district)) total += n;
    for (const d of new Set(districts)) counts.set(d, (counts.get(d) ?? 0) + n);
  }
  return { allCount, total, counts, items };
}

/** Without search words: counts from the covering index, the page in name order from the name index. */
async function browse(db: Db, query: FinderSearchQuery): Promise<Run> {
  const where = sql.join(filters(query), sql` and `);
  const from = sql`offers o join organisations g on g.id = o.organisation_id`;
  const inDistrict = query.district ? sql`o.districts @> array[${query.district}]::text[]` : sql`true`;
  const [groups, items] = await Promise.all([
    preparedRows<{ districts: string; n: number }>(
      db,
      // Grouped by the list as a string: hashing strings is cheaper than hashing arrays.
      sql`select array_to_string(o.districts, ',') as districts, count(*)::int as n
        from offers o where ${where} group by 1`,
    ),
    preparedRows<ItemRow>(
      db,
      sql`select ${itemColumns(query.lang)} from ${from} where ${where} and ${inDistrict}
        order by o.name, o.id limit ${FINDER_PAGE_SIZE} offset ${(query.page - 1) * FINDER_PAGE_SIZE}`,
    ),
  ]);
  return tally(groups, query.district, items);
}

/** With search words: the hits are filtered and ranked once, then counted and paged. */
async function searchHits(db: Db, query: FinderSearchQuery, hits: Hit[]): Promise<Run> {
  const where = sql.join(filters(query), sql` and `);
  const branches = hits.map(
    (hit) => sql`select o.id, o.name, o.districts, (${hit.rank})::real as r
      from offers o where ${hit.where} and ${where}`,
  );
  const inDistrict = query.district ? sql`m.districts @> array[${query.district}]::text[]` : sql`true`;
  const [row] = await preparedRows<{ groups: { districts: string; n: number }[]; items: ItemRow[] }>(
    db,
    sql`
    with m as materialized (
      select id, name, districts, max(r) as rank from (${sql.join(branches, sql` union all `)}) h
      group by id, name, districts
    ),
    page as (
      select m.id, m.rank, m.name from m where ${inDistrict}
      order by m.rank desc, m.name, m.id limit ${FINDER_PAGE_SIZE} offset ${(query.page - 1) * FINDER_PAGE_SIZE}
    )
    select
      (select coalesce(json_agg(json_build_object('districts', districts, 'n', n)), '[]')
        from (select array_to_string(districts, ',') as districts, count(*)::int as n from m group by 1) c) as groups,
      (select coalesce(json_agg(i order by i.rank desc, i.name, i.id), '[]') from (
        select ${itemColumns(query.lang)}, p.rank
        from page p join offers o on o.id = p.id join organisations g on g.id = o.organisation_id) i) as items`,
  );
  return tally(row?.groups ?? [], query.district, row?.items ?? []);
}

function presentSummary(row: ItemRow, lang: FinderSearchQuery["lang"]): FinderOfferSummary {
  const l = labeller(lang);
  const name = row.tr?.name?.trim();
  const description = row.tr?.description?.trim();
  return {
    id: row.id,
    name: name || row.name,
    nameLang: name ? lang : "de",
    summary: shorten(description || row.description, 240),
    summaryLang: description ? lang : "de",
    organisation: row.organisation,
    type: l.type(row.offer_type),
    phases: [...row.phases].sort().map(l.phase),
    districts: row.districts.flatMap((d) => l.district(d) ?? []),
    languages: row.languages.map(l.language),
    targetGroups: row.target_groups.map(l.targetGroup),
    freeOfCharge: row.free_of_charge,
    city: row.city,
    distanceKm: null,
  };
}

/** The public finder's search: full text with a typo-tolerant fallback, filters, and counts for the map. */
export async function searchOffers({
  db,
  query,
}: {
  db: Db;
  query: FinderSearchQuery;
}): Promise<FinderResults> {
  const q = query.q?.trim() ?? "";
  let match: FinderResults["match"] = "all";
  let result: Run;
  if (!q) {
    result = await browse(db, query);
  } else {
    match = "exact";
    result = await searchHits(db, query, exactHits(q));
    const similar = result.allCount === 0 ? similarHits(q) : [];
    if (similar.length > 0) {
      match = "similar";
      result = await searchHits(db, query, similar);
    }
  }
  return {
    items: result.items.map((item) => presentSummary(item, query.lang)),
    total: result.total,
    page: query.page,
    pageSize: FINDER_PAGE_SIZE,
    match,
    near: null,
    districtCounts: DISTRICT_KEYS.map((ags) => ({ ags, count: result.counts.get(ags) ?? 0 })),
  };
}
