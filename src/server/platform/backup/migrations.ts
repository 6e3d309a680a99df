// Drizzle's migrations, applied inside the restore's own transaction. Drizzle's migrator applies
// everything pending in a transaction of its own; a restore needs the schema exactly at the
// backup's level before loading, the newer migrations after, and all of it atomic with the load.
// So this applies the same files the same way: statements, then a row in drizzle's table.

import { readMigrationFiles } from "drizzle-orm/migrator";
import type pg from "pg";
import { migrationsFolder } from "#server/db/migrate.ts";
import { BackupError, type Header } from "./format.ts";

export type LocalMigration = { hash: string; createdAt: number; statements: string[] };

/** This Lotse's migrations, in the journal's order (the order drizzle applies them in). */
export function localMigrations(): LocalMigration[] {
  return readMigrationFiles({ migrationsFolder }).map((m) => ({
    hash: m.hash,
    createdAt: m.folderMillis,
    statements: m.sql,
  }));
}

/** The migrations applied to a database, or null when it has none (not a Lotse database). */
export async function appliedMigrations(client: pg.ClientBase): Promise<Header["migrations"] | null> {
  const exists = await client.query(`select to_regclass('drizzle.__drizzle_migrations') is not null as ok`);
  if (!exists.rows[0]?.ok) return null;
  const rows = await client.query<{ hash: string; created_at: string }>(
    `select hash, created_at from drizzle.__drizzle_migrations order by created_at, id`,
  );
  return rows.rows.map((r) => ({ hash: r.hash, createdAt: Number(r.created_at) }));
}

/**
 * Splits this Lotse's migrations into those that bring an empty database to the backup's level and
 * those that follow after loading; refuses a backup with migrations this Lotse does not know.
 * Like drizzle, a migration counts as pending only if it is newer than the newest applied one.
 */
export function planMigrations(
  backup: Header["migrations"],
  local: LocalMigration[],
): { before: LocalMigration[]; after: LocalMigration[] } {
  const known = new Set(local.map((m) => m.hash));
  const unknown = backup.filter((m) => !known.has(m.hash));
  if (unknown.length > 0) {
    const newest = new Date(Math.max(...unknown.map((m) => m.createdAt))).toISOString().slice(0, 10);
    throw new BackupError(
      `The backup comes from a newer Lotse: its database has ${unknown.length} migration(s) that this Lotse does not know ` +
        `(the newest from ${newest}). Restore it with the Lotse version that made it, or a later one.`,
    );
  }
  const inBackup = new Set(backup.map((m) => m.hash));
  const level = Math.max(0, ...backup.map((m) => m.createdAt));
  return {
    before: local.filter((m) => inBackup.has(m.hash)),
    after: local.filter((m) => !inBackup.has(m.hash) && m.createdAt > level),
  };
}

/** Applies migrations on a client that is inside a transaction, recording each as drizzle does. */
export async function applyMigrations(client: pg.ClientBase, migrations: LocalMigration[]): Promise<void> {
  await client.query(`create schema if not exists "drizzle"`);
  await client.query(
    `create table if not exists "drizzle"."__drizzle_migrations" (id serial primary key, hash text not null, created_at bigint)`,
  );
  for (const migration of migrations) {
    for (const statement of migration.statements) await client.query(statement);
    await client.query(
      `insert into "drizzle"."__drizzle_migrations" ("hash", "created_at") values ($1, $2)`,
      [migration.hash, migration.createdAt],
    );
  }
}
