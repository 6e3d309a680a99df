import { drizzle } from "drizzle-orm/node-postgres";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import type pg from "pg";
import { MIGRATIONS_DIR } from "#server/paths.ts";

/** The SQL migrations and drizzle's journal of them. */
export const migrationsFolder = MIGRATIONS_DIR;
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
