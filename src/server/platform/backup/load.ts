// Restoring a backup into an empty database, in one transaction: the schema at the backup's level,
// the data table by table with COPY … FROM STDIN, the sequences, this Lotse's newer migrations and
// the replay of the erasure ledger. Until the commit nothing is visible; any failure leaves the
// target as empty as it was.

import { once } from "node:events";
import { finished } from "node:stream/promises";
import { drizzle } from "drizzle-orm/node-postgres";
import type pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { MIGRATION_LOCK } from "#server/db/migrate.ts";
import * as schema from "#server/db/schema.ts";
import { type ReplayReport, replayLedger } from "#server/modules/privacy/ledger.ts";
import type { LedgerEntry } from "#server/modules/privacy/ledger-file.ts";
import { BackupError, type Header, readFrames, readHeader, Sequences, verifyBackupFile } from "./format.ts";
import { appliedMigrations, applyMigrations, localMigrations, planMigrations } from "./migrations.ts";

export type RestoreProgress = { bytes: number; size: number; table: string | null };
export type RestoreReport = {
  tables: number;
  rows: number;
  /** COPY text loaded (before compression). */
  bytes: number;
  newerMigrations: number;
  replay: ReplayReport;
  ms: number;
};
export type InspectedBackup = { file: string; size: number; header: Header };

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

/**
 * Checks a backup completely before anything is touched: a Lotse backup, whole and undamaged, in a
 * format and at a schema level this Lotse can restore.
 */
export async function inspectBackup(file: string): Promise<InspectedBackup> {
  const { size } = await verifyBackupFile(file);
  const header = await readHeader(file, size);
  planMigrations(header.migrations, localMigrations());
  return { file, size, header };
}

/** Refuses any target that holds a table or an applied migration: a restore never overwrites. */
async function assertEmpty(client: pg.ClientBase): Promise<void> {
  const tables = await client.query<{ n: number }>(
    `select count(*)::int as n from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind in ('r', 'p', 'v', 'm', 'f')`,
  );
  const applied = await appliedMigrations(client);
  const n = tables.rows[0]?.n ?? 0;
  if (n > 0 || (applied && applied.length > 0)) {
    throw new BackupError(
      `The target database is not empty (${n} tables, ${applied?.length ?? 0} migrations applied). ` +
        "A restore goes into an empty data directory or an empty database only; nothing was changed.",
    );
  }
}

/** Tables whose own triggers must not fire while rows come back as they were (e.g. append-only guards). */
async function tablesWithUserTriggers(client: pg.ClientBase, names: string[]): Promise<string[]> {
  const rows = await client.query<{ name: string }>(
    `select distinct c.relname as name from pg_trigger t join pg_class c on c.oid = t.tgrelid
       join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and not t.tgisinternal and c.relname = any($1::text[])`,
    [names],
  );
  return rows.rows.map((r) => r.name);
}

/**
 * Drops the indexes that back no constraint and answers their definitions: building an index once
 * over the loaded rows beats keeping it up to date row by row, as pg_dump does too (2 million rows:
 * 38 s instead of 54 s). Primary keys and unique constraints stay, as foreign keys rely on them.
 */
async function dropSecondaryIndexes(client: pg.ClientBase, names: string[]): Promise<string[]> {
  const rows = await client.query<{ name: string; definition: string }>(
    `select i.relname as name, pg_get_indexdef(x.indexrelid) as definition
       from pg_index x join pg_class i on i.oid = x.indexrelid join pg_class t on t.oid = x.indrelid
       join pg_namespace n on n.oid = t.relnamespace
      where n.nspname = 'public' and t.relname = any($1::text[])
        and not exists (select 1 from pg_constraint c where c.conindid = x.indexrelid)`,
    [names],
  );
  for (const r of rows.rows) await client.query(`drop index ${quote(r.name)}`);
  return rows.rows.map((r) => r.definition);
}

async function copyTable(
  client: pg.ClientBase,
  table: Header["tables"][number],
  frames: AsyncGenerator<{ type: string; payload: Buffer }>,
  loaded: { bytes: number },
) {
  const stream = client.query(
    copyFrom(`copy ${quote(table.name)} (${table.columns.map(quote).join(", ")}) from stdin`),
  );
  const done = finished(stream);
  done.catch(() => {});
  try {
    return await feedTable(stream, done, table, frames, loaded);
  } catch (err) {
    // CopyFail ends the COPY on the server, so the connection can roll the transaction back.
    if (!stream.destroyed) stream.destroy(err as Error);
    await done.catch(() => {});
    throw err;
  }
}

async function feedTable(
  stream: ReturnType<typeof copyFrom>,
  done: Promise<void>,
  table: Header["tables"][number],
  frames: AsyncGenerator<{ type: string; payload: Buffer }>,
  loaded: { bytes: number },
): Promise<number> {
  for (;;) {
    const next = await frames.next();
    if (next.done) throw new BackupError(`The backup ends inside the table ${table.name}.`);
    const { type, payload } = next.value;
    if (type === "D") {
      loaded.bytes += payload.length;
      // Racing with the end of the COPY: a refused row must not leave us waiting for a drain.
      if (!stream.write(payload)) await Promise.race([once(stream, "drain"), done]);
      continue;
    }
    if (type !== "E") throw new BackupError(`Unexpected record in the table ${table.name}.`);
    stream.end();
    await done;
    const { rows } = JSON.parse(payload.toString("utf8")) as { rows: number };
    if (stream.rowCount !== rows) {
      throw new BackupError(
        `The table ${table.name} came back with ${stream.rowCount} rows instead of ${rows}.`,
      );
    }
    return rows;
  }
}

/**
 * Restores an inspected backup through client (a connection to the target database, outside any
 * transaction) and replays the given ledger entries before the commit.
 */
export async function restoreBackup(opts: {
  client: pg.ClientBase;
  backup: InspectedBackup;
  ledgerEntries: readonly LedgerEntry[];
  onProgress?: (p: RestoreProgress) => void;
}): Promise<RestoreReport> {
  const { client, backup } = opts;
  const { header } = backup;
  const started = Date.now();
  const plan = planMigrations(header.migrations, localMigrations());
  let table: string | null = null;
  const frames = readFrames(backup.file, backup.size, (bytes) =>
    opts.onProgress?.({ bytes, size: backup.size, table }),
  );
  try {
    await client.query("begin");
    // The same lock as migrations at start-up: a Lotse starting against this database waits for us.
    await client.query("select pg_advisory_xact_lock($1)", [MIGRATION_LOCK]);
    await assertEmpty(client);
    await applyMigrations(client, plan.before);
    const names = header.tables.map((t) => t.name);
    for (const name of names) {
      const found = await client.query("select to_regclass($1) is not null as ok", [`public.${quote(name)}`]);
      if (!found.rows[0]?.ok)
        throw new BackupError(`The backup has a table ${name} that its schema level does not create.`);
    }
    // Triggers first: a TRUNCATE trigger (the finder's change log notes a truncated table) must not
    // write a row that the backup's own copy of that log then collides with.
    const triggered = await tablesWithUserTriggers(client, names);
    for (const name of triggered) await client.query(`alter table ${quote(name)} disable trigger user`);
    // Migrations may have seeded rows (settings); the backup has them as they were.
    if (names.length > 0) await client.query(`truncate ${names.map(quote).join(", ")}`);
    const indexes = await dropSecondaryIndexes(client, names);

    let rows = 0;
    const loaded = { bytes: 0 };
    let ended = false;
    const first = await frames.next();
    if (first.done || first.value.type !== "H") throw new BackupError("The backup has no header.");
    for (const expected of header.tables) {
      const next = await frames.next();
      if (next.done || next.value.type !== "T")
        throw new BackupError(`The backup lacks the table ${expected.name}.`);
      table = expected.name;
      rows += await copyTable(client, expected, frames, loaded);
    }
    table = null;
    for (let next = await frames.next(); !next.done; next = await frames.next()) {
      const { type, payload } = next.value;
      if (type === "S") {
        for (const s of Sequences.parse(JSON.parse(payload.toString("utf8")))) {
          await client.query(`select setval(format('public.%I', $1::text)::regclass, $2::bigint, $3)`, [
            s.name,
            s.lastValue ?? s.startValue,
            s.lastValue !== null,
          ]);
        }
      } else if (type === "Z") {
        const totals = JSON.parse(payload.toString("utf8")) as { tables: number; rows: number };
        if (totals.tables !== header.tables.length || totals.rows !== rows) {
          throw new BackupError("The backup's totals do not match what was read.");
        }
        ended = true;
      } else {
        throw new BackupError("Unexpected record after the tables.");
      }
    }
    if (!ended) throw new BackupError("The backup ends before its last record.");
    for (const name of triggered) await client.query(`alter table ${quote(name)} enable trigger user`);
    // Enough memory to build each index in one sort; only for this transaction.
    await client.query("set local maintenance_work_mem = '256MB'");
    for (const definition of indexes) await client.query(definition);

    await applyMigrations(client, plan.after);
    const replay = await replayLedger(drizzle(client as pg.Client, { schema }), opts.ledgerEntries);
    await client.query("commit");
    return {
      tables: header.tables.length,
      rows,
      bytes: loaded.bytes,
      newerMigrations: plan.after.length,
      replay,
      ms: Date.now() - started,
    };
  } catch (err) {
    await client.query("rollback").catch(() => {});
    throw err;
  } finally {
    await frames.return(undefined);
  }
}
