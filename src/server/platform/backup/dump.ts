// Writing a backup: one REPEATABLE READ READ ONLY transaction gives a consistent snapshot of the
// whole database while Lotse goes on serving (readers never block writers in PostgreSQL), and
// every table is streamed out with COPY … TO STDOUT into the file; no table is held in memory.

import type pg from "pg";
import { to as copyTo } from "pg-copy-streams";
import { BackupError, BackupWriter, FORMAT, type Header } from "./format.ts";
import { appliedMigrations } from "./migrations.ts";

/** Rows are counted as they stream; the total is PostgreSQL's estimate (pg_class.reltuples). */
export type BackupProgress = { table: string; rows: number; estimatedTotal: number };
export type BackupReport = {
  tables: number;
  rows: number;
  bytes: number;
  rawBytes: number;
  ms: number;
  sha256: string;
};

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

type TableInfo = { name: string; columns: string[]; estimate: number; partitioned: boolean };

/**
 * The tables of the public schema with their stored columns (generated ones are computed again on
 * load), every table after those its foreign keys point to. A cycle of foreign keys between
 * tables could not be loaded table by table, so it is refused here, when the backup is made.
 */
export async function tablesInLoadOrder(client: pg.ClientBase): Promise<TableInfo[]> {
  const tables = await client.query<{
    name: string;
    columns: string[];
    estimate: number;
    partitioned: boolean;
  }>(
    `select c.relname as name, greatest(c.reltuples, 0)::float8 as estimate, c.relkind = 'p' as partitioned,
            array_agg(a.attname::text order by a.attnum) as columns
       from pg_class c
       join pg_namespace n on n.oid = c.relnamespace
       join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped and a.attgenerated = ''
      where n.nspname = 'public' and c.relkind in ('r', 'p') and not c.relispartition
      group by c.relname, c.reltuples, c.relkind
      order by c.relname`,
  );
  const edges = await client.query<{ child: string; parent: string }>(
    `select distinct c.relname as child, p.relname as parent
       from pg_constraint k
       join pg_class c on c.oid = k.conrelid
       join pg_class p on p.oid = k.confrelid
       join pg_namespace n on n.oid = c.relnamespace
      where k.contype = 'f' and n.nspname = 'public' and c.oid <> p.oid`,
  );
  const parents = new Map(tables.rows.map((t) => [t.name, new Set<string>()]));
  for (const e of edges.rows) parents.get(e.child)?.add(e.parent);
  const ordered: TableInfo[] = [];
  const placed = new Set<string>();
  // Kahn's algorithm; the name order among tables that are ready keeps backups comparable.
  while (ordered.length < tables.rows.length) {
    const ready = tables.rows.filter(
      (t) =>
        !placed.has(t.name) &&
        [...(parents.get(t.name) ?? [])].every((p) => placed.has(p) || !parents.has(p)),
    );
    if (ready.length === 0) {
      const left = tables.rows.filter((t) => !placed.has(t.name)).map((t) => t.name);
      throw new BackupError(
        `The foreign keys of these tables form a cycle, which a backup cannot order: ${left.join(", ")}`,
      );
    }
    for (const t of ready) {
      placed.add(t.name);
      ordered.push({ ...t, estimate: Number(t.estimate) });
    }
  }
  return ordered;
}

/**
 * Writes a backup of the database behind client into file (which must not exist yet). On failure
 * the partial file is removed. The client must not be inside a transaction.
 */
export async function writeBackup(opts: {
  client: pg.ClientBase;
  file: string;
  ledgerFile: string | null;
  onProgress?: (p: BackupProgress) => void;
}): Promise<BackupReport> {
  const { client } = opts;
  const started = Date.now();
  const writer = await BackupWriter.create(opts.file);
  try {
    await client.query("begin isolation level repeatable read read only");
    const migrations = await appliedMigrations(client);
    if (!migrations) throw new BackupError("This database has no Lotse schema (no applied migrations).");
    const tables = await tablesInLoadOrder(client);
    const version = await client.query<{ server_version: string }>("show server_version");
    const header: Header = {
      format: FORMAT,
      createdAt: new Date().toISOString(),
      postgres: version.rows[0]?.server_version ?? "",
      migrations,
      tables: tables.map((t) => ({ name: t.name, columns: t.columns })),
      ledgerFile: opts.ledgerFile,
    };
    await writer.frame("H", header);
    let total = 0;
    const estimatedTotal = tables.reduce((sum, t) => sum + t.estimate, 0);
    for (const table of tables) {
      await writer.frame("T", { name: table.name, columns: table.columns });
      const columns = table.columns.map(quote).join(", ");
      // A partitioned table cannot be copied directly; its rows can through a query.
      const source = table.partitioned
        ? `(select ${columns} from ${quote(table.name)})`
        : `${quote(table.name)} (${columns})`;
      const copy = client.query(copyTo(`copy ${source} to stdout`));
      let rows = total;
      const progress = { table: table.name, estimatedTotal };
      for await (const chunk of copy) {
        const buf = chunk as Buffer;
        // COPY's text format ends every row with a newline and escapes newlines inside values.
        for (let i = buf.indexOf(10); i !== -1; i = buf.indexOf(10, i + 1)) rows++;
        await writer.data(buf);
        opts.onProgress?.({ ...progress, rows });
      }
      opts.onProgress?.({ ...progress, rows });
      await writer.frame("E", { rows: rows - total });
      total = rows;
    }
    // Read after the tables: a sequence is never behind the rows copied before it.
    const sequences = await client.query<{ name: string; lastValue: string | null; startValue: string }>(
      `select sequencename as name, last_value::text as "lastValue", start_value::text as "startValue"
         from pg_sequences where schemaname = 'public' order by sequencename`,
    );
    await writer.frame("S", sequences.rows);
    await writer.frame("Z", { tables: tables.length, rows: total });
    await client.query("commit");
    const { bytes, sha256 } = await writer.finish();
    return {
      tables: tables.length,
      rows: total,
      bytes,
      rawBytes: writer.rawBytes,
      ms: Date.now() - started,
      sha256,
    };
  } catch (err) {
    await client.query("rollback").catch(() => {});
    await writer.abort();
    throw err;
  }
}
