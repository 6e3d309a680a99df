import { drizzle, type NodePgDatabase } from "drizzle-orm/node-postgres";
import pg from "pg";
import * as schema from "./schema.ts";

export type Db = NodePgDatabase<typeof schema>;
/** A database handle or an open transaction on it; use cases accept either. */
export type Tx = Db | Parameters<Parameters<Db["transaction"]>[0]>[0];

/** Opens a pool on the given PostgreSQL and wraps it in Drizzle. */
export function connect(url: string, max = 10): { pool: pg.Pool; db: Db } {
  const pool = new pg.Pool({ connectionString: url, max, application_name: "lotse" });
  // An idle client losing its connection must not crash the process; the pool replaces it.
  pool.on("error", () => {});
  return { pool, db: drizzle(pool, { schema }) };
}
