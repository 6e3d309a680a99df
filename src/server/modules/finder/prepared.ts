import { createHash } from "node:crypto";
import type { SQL } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import type pg from "pg";
import type { Db } from "#server/db/client.ts";

const dialect = new PgDialect();

/**
 * Runs a query as a named prepared statement. The finder sends a few dozen shapes of query (one
 * per combination of filters) thousands of times; PostgreSQL then parses each shape once per
 * connection and can reuse its plan, which saves about a millisecond per statement.
 */
export async function preparedRows<R extends pg.QueryResultRow>(db: Db, query: SQL): Promise<R[]> {
  const { sql: text, params } = dialect.sqlToQuery(query);
  const name = `finder_${createHash("sha1").update(text).digest("base64url").slice(0, 24)}`;
  const pool = (db as unknown as { $client: pg.Pool }).$client;
  const result = await pool.query<R>({ name, text, values: params as unknown[] });
  return result.rows;
}
