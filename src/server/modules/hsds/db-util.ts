import { getTableColumns, inArray, type SQL, sql } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import type { Tx } from "#server/db/client.ts";
import { offers } from "#server/modules/offers/tables.ts";

const CHUNK = 5000;

/** Runs a query per chunk of ids and concatenates the rows: one query per 5,000 ids, never one per record. */
export async function byIds<T>(
  ids: Iterable<string>,
  query: (chunk: string[]) => Promise<T[]>,
): Promise<T[]> {
  const all = [...new Set(ids)];
  const out: T[] = [];
  for (let i = 0; i < all.length; i += CHUNK) out.push(...(await query(all.slice(i, i + CHUNK))));
  return out;
}

export const idIn = (column: PgColumn, ids: string[]): SQL => inArray(column, ids);

/** Inserts rows or, for an existing id, overwrites every given column (plus updated_at when the table has it). */
export async function upsertRows<T extends PgTable>(tx: Tx, table: T, rows: Record<string, unknown>[]) {
  if (rows.length === 0) return;
  const columns = getTableColumns(table) as Record<string, PgColumn>;
  const keys = Object.keys(rows[0] ?? {}).filter((k) => k !== "id" && k in columns);
  const set: Record<string, SQL> = {};
  for (const k of keys) set[k] = sql.raw(`excluded."${columns[k]?.name}"`);
  if ("updatedAt" in columns) set.updatedAt = sql`now()`;
  const idColumn = columns.id;
  if (!idColumn) throw new Error("table without id");
  for (let i = 0; i < rows.length; i += 500) {
    await tx
      .insert(table)
      .values(rows.slice(i, i + 500) as never)
      .onConflictDoUpdate({ target: idColumn, set: set as never });
  }
}

/** JSON with object keys sorted, so that two values compare equal whatever order jsonb gave them. */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (_k, v) =>
    v && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
        )
      : v,
  );
}

/** Every offer column but the generated search vector. */
export function offerSelection() {
  return {
    id: offers.id,
    organisationId: offers.organisationId,
    name: offers.name,
    description: offers.description,
    status: offers.status,
    phases: offers.phases,
    offerType: offers.offerType,
    targetGroups: offers.targetGroups,
    languages: offers.languages,
    minGermanLevel: offers.minGermanLevel,
    fundingRoute: offers.fundingRoute,
    districts: offers.districts,
    occupationFields: offers.occupationFields,
    freeOfCharge: offers.freeOfCharge,
    capacityAvailable: offers.capacityAvailable,
    capacityMaximum: offers.capacityMaximum,
    capacityUpdatedAt: offers.capacityUpdatedAt,
    translations: offers.translations,
    hsds: offers.hsds,
    createdAt: offers.createdAt,
    updatedAt: offers.updatedAt,
  };
}
