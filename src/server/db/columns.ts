import { type SQL, sql } from "drizzle-orm";
import { type AnyPgColumn, customType, integer, timestamp } from "drizzle-orm/pg-core";

// Column helpers every tables file shares, so that a timestamp, a version or a CHECK list reads
// the same in each module's tables.ts.

/** When the row was made. */
export const createdAt = () => timestamp("created_at", { withTimezone: true }).notNull().defaultNow();
/** When the row was last changed; set by the use case that changes it. */
export const updatedAt = () => timestamp("updated_at", { withTimezone: true }).notNull().defaultNow();
/** The optimistic-locking version behind ETag / If-Match (platform/versioning.ts). */
export const version = () => integer("version").notNull().default(1);

/** PostgreSQL full-text search vector. */
export const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });
/** Raw bytes (a scanned document). */
export const bytea = customType<{ data: Buffer }>({ dataType: () => "bytea" });
/** An xid8 (a transaction id that never wraps around). */
export const xid8 = customType<{ data: string }>({ dataType: () => "xid8" });

/**
 * A CHECK condition `column in ('a', 'b', …)` built from a constant of src/shared, so that the
 * list in the database and the list in the code are one list (tests/api/check-constraints.test.ts
 * compares them with what PostgreSQL holds).
 */
export function oneOf(column: AnyPgColumn, values: readonly string[]): SQL {
  return sql`${column} in (${sql.raw(values.map(quote).join(", "))})`;
}

const quote = (value: string) => `'${value.replaceAll("'", "''")}'`;
