import path from "node:path";
import { fileURLToPath } from "node:url";
import { drizzle } from "drizzle-orm/node-postgres";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import type pg from "pg";

/** The SQL migrations and drizzle's journal of them. */
export const migrationsFolder = path.join(path.dirname(fileURLToPath(import.meta.url)), "migrations");
// Arbitrary constant shared by every instance: only one of them migrates at a time.
export const MIGRATION_LOCK = 4_711_2026;

/** Applies pending SQL migrations; safe when several instances start at once. */
export async function runMigrations(pool: pg.Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query("select pg_advisory_lock($1)", [MIGRATION_LOCK]);
    await migrate(drizzle(client), { migrationsFolder });
  } finally {
    await client.query("select pg_advisory_unlock($1)", [MIGRATION_LOCK]).catch(() => {});
    client.release();
  }
}
