import { asc, getTableColumns, getTableName, inArray } from "drizzle-orm";
import type { AnyPgColumn, PgTable } from "drizzle-orm/pg-core";
import type { Tx } from "#server/db/client.ts";
import { CLIENT_ROOT } from "#server/modules/cases/personal-data.ts";
import type { Holding } from "#server/platform/personal-data.ts";
import { PERSONAL_DATA } from "./registry.ts";

export type { Holding };

/**
 * Everything Lotse holds on a client, as one tree: the holdings each module declares in its
 * personal-data.ts, in the order of the registry (registry.ts), parents before children. The
 * Art. 15 export reads this list; the erasure counts it and deletes the root (the foreign keys
 * cascade down the same tree). A test fails when a table hangs on the tree through a foreign key
 * but is missing from this list.
 */
export const CLIENT_HOLDINGS: readonly Holding[] = PERSONAL_DATA.flat();

/** The database tables that hold a client's data: the root and every holding. */
export const CLIENT_TABLES: string[] = [
  getTableName(CLIENT_ROOT),
  ...CLIENT_HOLDINGS.map((h) => getTableName(h.table)),
];

export type Row = Record<string, unknown>;

/**
 * Reads the holdings of a client, parents before children. With `idsOnly` it reads just the ids
 * (for counting and for finding audit entries) and leaves large columns such as scanned
 * documents on disk.
 */
export async function readHoldings(
  db: Tx,
  clientId: string,
  opts: { idsOnly?: boolean } = {},
): Promise<Record<string, Row[]>> {
  const ids: Record<string, unknown[]> = { client: [clientId] };
  const result: Record<string, Row[]> = {};
  for (const holding of CLIENT_HOLDINGS) {
    const parentIds = ids[holding.parent] ?? [];
    const rows: Row[] =
      parentIds.length === 0
        ? []
        : opts.idsOnly
          ? await db.select({ id: holding.id }).from(holding.table).where(inArray(holding.via, parentIds))
          : await db
              .select()
              .from(holding.table)
              .where(inArray(holding.via, parentIds))
              .orderBy(asc(holding.order), asc(holding.id));
    const ownIds = rows.map((row) => (opts.idsOnly ? row.id : row[columnKey(holding.table, holding.id)]));
    ids[holding.key] = ownIds;
    result[holding.key] = rows;
  }
  return result;
}

/** The property name under which Drizzle returns a column of a table. */
function columnKey(table: PgTable, column: AnyPgColumn): string {
  const entry = Object.entries(getTableColumns(table)).find(([, value]) => value === column);
  if (!entry) throw new Error(`column ${column.name} not in ${getTableName(table)}`);
  return entry[0];
}
