import { type SQL, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Tx } from "#server/db/client.ts";
import { labeller } from "#server/modules/finder/labels.ts";
import type { Matrix, MatrixCellQuery, MatrixDimension, MatrixOffer } from "#shared/contracts/matrix.ts";
import { IQ_PHASES, OFFER_TYPES } from "#shared/directory.ts";
import { DISTRICT_KEYS, DISTRICTS, type Locale } from "#shared/domain.ts";

// The matrix counts what the public finder shows: active offers of active organisations.
const visible = sql`o.status = 'active' and g.status = 'active'`;
const knownDistrict = sql`d = any(${sql.raw(`array[${DISTRICT_KEYS.map((k) => `'${k}'`).join(",")}]`)})`;

/** The row key of an offer: each of its phases, or its offer type. */
function rowKeys(by: MatrixDimension): SQL {
  return by === "phase" ? sql`unnest(o.phases)::text` : sql`o.offer_type`;
}

type CountRow = { k: string | null; d: string | null; n: number; gk: number; gd: number };

/** Active offers per phase (or offer type) and district, with the empty cells flagged as gaps. */
export async function directoryMatrix({
  db,
  by,
  locale,
}: {
  db: Tx;
  by: MatrixDimension;
  locale: Locale;
}): Promise<Matrix> {
  // One pass with grouping sets: the cells, the row totals, the column totals and the grand
  // total, each counting an offer once however many phases or districts it has.
  const result = await db.execute<CountRow>(sql`
    select k, d, count(distinct x.id)::int as n, grouping(k) as gk, grouping(d) as gd
    from (
      select o.id, ${rowKeys(by)} as k, o.districts
      from offers o join organisations g on g.id = o.organisation_id
      where ${visible}
    ) x
    cross join lateral unnest(x.districts) d
    where x.k is not null and ${knownDistrict}
    group by grouping sets ((k, d), (k), (d), ())
  `);
  const cells = new Map<string, number>();
  const rowTotals = new Map<string, number>();
  const columnTotals = new Map<string, number>();
  let total = 0;
  for (const r of result.rows) {
    if (r.gk === 0 && r.gd === 0) cells.set(`${r.k}|${r.d}`, r.n);
    else if (r.gk === 0) rowTotals.set(r.k ?? "", r.n);
    else if (r.gd === 0) columnTotals.set(r.d ?? "", r.n);
    else total = r.n;
  }
  const l = labeller(locale);
  const keys: string[] = by === "phase" ? IQ_PHASES.map(String) : [...OFFER_TYPES];
  const rows = keys.map((key) => {
    const row = DISTRICT_KEYS.map((ags) => {
      const count = cells.get(`${key}|${ags}`) ?? 0;
      return { ags, count, gap: count === 0 };
    });
    return {
      key,
      label: by === "phase" ? l.phase(Number(key)).label : (l.type(key)?.label ?? key),
      total: rowTotals.get(key) ?? 0,
      gaps: row.filter((c) => c.gap).length,
      cells: row,
    };
  });
  return {
    by,
    districts: DISTRICTS.map((d) => ({ ags: d.ags, name: d.name, total: columnTotals.get(d.ags) ?? 0 })),
    rows,
    total,
    gaps: rows.reduce((sum, r) => sum + r.gaps, 0),
  };
}

/** The offers behind one cell (or one row) of the matrix. */
export async function matrixCellOffers({
  db,
  query,
  locale,
}: {
  db: Tx;
  query: z.infer<typeof MatrixCellQuery>;
  locale: Locale;
}): Promise<{ items: MatrixOffer[]; total: number }> {
  const where = [visible];
  if (query.phase !== undefined) where.push(sql`o.phases @> array[${query.phase}]::smallint[]`);
  if (query.type !== undefined) where.push(sql`o.offer_type = ${query.type}`);
  where.push(
    query.district
      ? sql`o.districts @> array[${query.district}]::text[]`
      : sql`o.districts && ${sql.raw(`array[${DISTRICT_KEYS.map((k) => `'${k}'`).join(",")}]`)}::text[]`,
  );
  const result = await db.execute<{
    id: string;
    name: string;
    organisation_id: string;
    organisation_name: string;
    offer_type: string | null;
    phases: number[];
    districts: string[];
    total: number;
  }>(sql`
    select o.id, o.name, o.organisation_id, g.name as organisation_name, o.offer_type, o.phases,
           o.districts, count(*) over ()::int as total
    from offers o join organisations g on g.id = o.organisation_id
    where ${sql.join(where, sql` and `)}
    order by o.name, o.id
    limit ${query.limit} offset ${query.offset}
  `);
  const l = labeller(locale);
  let total = result.rows[0]?.total;
  if (total === undefined) {
    // A page past the end has no row to carry the total.
    const counted = await db.execute<{ n: number }>(sql`
      select count(*)::int as n from offers o join organisations g on g.id = o.organisation_id
      where ${sql.join(where, sql` and `)}`);
    total = counted.rows[0]?.n ?? 0;
  }
  return {
    items: result.rows.map((r) => ({
      id: r.id,
      name: r.name,
      organisationId: r.organisation_id,
      organisationName: r.organisation_name,
      offerType: l.type(r.offer_type)?.label ?? null,
      phases: [...r.phases].sort(),
      districts: r.districts,
    })),
    total,
  };
}
