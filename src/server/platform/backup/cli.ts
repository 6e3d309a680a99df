// `npm run lotse -- backup FILE` and `… restore FILE [--ledger FILE]… [--without-ledger]`.
// Output names tables, counts and files only, never a value from a row.

import { randomBytes } from "node:crypto";
import fs from "node:fs";
import fsp from "node:fs/promises";
import path from "node:path";
import cliProgress from "cli-progress";
import pg from "pg";
import { loadConfig } from "#server/config.ts";
import { connect } from "#server/db/client.ts";
import { EmbeddedPostgresError } from "#server/db/embedded.ts";
import { syncDirectory } from "#server/db/embedded-init.ts";
import { vacuumClientTables } from "#server/modules/privacy/erase.ts";
import { reconcileErasureLedger } from "#server/modules/privacy/ledger.ts";
import { type LedgerEntry, LedgerFileError, readLedgerFile } from "#server/modules/privacy/ledger-file.ts";
import { backupTarget, restoreTarget, type Target } from "./connect.ts";
import { writeBackup } from "./dump.ts";
import { BackupError } from "./format.ts";
import { inspectBackup, restoreBackup } from "./load.ts";

const log = { info() {}, warn: (m: string) => console.error(m) };
const mb = (bytes: number) => (bytes / 1e6).toFixed(1);
const seconds = (ms: number) => (ms / 1000).toFixed(1);

/**
 * Prints an error for the operator and answers the exit code. Errors are answered, not thrown
 * through process.exit, so that an embedded server this command started is stopped first.
 */
function report(err: unknown): number {
  if (err instanceof BackupError || err instanceof LedgerFileError) {
    console.error(err.message);
    return 1;
  }
  if (err instanceof EmbeddedPostgresError) {
    console.error(`The database could not be opened: ${err.message}`);
    return 2;
  }
  // A message of PostgreSQL can quote a value from a row: name the code and place only.
  const db = err as { code?: unknown; table?: unknown; constraint?: unknown; severity?: unknown };
  if (typeof db.code === "string" && typeof db.severity === "string") {
    const where = [db.table && `table ${db.table}`, db.constraint && `constraint ${db.constraint}`].filter(
      Boolean,
    );
    console.error(
      `PostgreSQL refused it: SQLSTATE ${db.code}${where.length ? ` (${where.join(", ")})` : ""}.`,
    );
    return 1;
  }
  console.error(`Failed: ${(err as Error).message}`);
  return 1;
}

/** Writes a consistent backup of the running (or stopped) Lotse's database to file. */
export async function runBackup(args: string[]): Promise<number> {
  const [file, ...rest] = args;
  if (!file || rest.length > 0) {
    console.error("Usage: npm run lotse -- backup FILE");
    return 64;
  }
  const config = loadConfig();
  // A temporary name beside the target, renamed when complete: FILE is always a whole backup.
  const partial = path.join(
    path.dirname(path.resolve(file)),
    `.${path.basename(file)}.${randomBytes(4).toString("hex")}.partial`,
  );
  let target: Target | undefined;
  const bar = new cliProgress.SingleBar(
    { format: "Backing up [{bar}] {percentage}% | {value}/{total} rows | {table}", hideCursor: true },
    cliProgress.Presets.shades_classic,
  );
  let barStarted = false;
  try {
    target = await backupTarget(config, log);
    console.error(`Backing up ${target.how}.`);
    const client = new pg.Client({ connectionString: target.url, application_name: "lotse-backup" });
    await client.connect();
    const result = await writeBackup({
      client,
      file: partial,
      ledgerFile: config.erasureLedger,
      onProgress: (p) => {
        if (!barStarted) bar.start(Math.max(p.estimatedTotal, 1), 0, { table: "" });
        barStarted = true;
        if (p.rows > bar.getTotal()) bar.setTotal(p.rows);
        bar.update(p.rows, { table: p.table });
      },
    }).finally(() => client.end());
    if (barStarted) {
      bar.setTotal(Math.max(result.rows, 1));
      bar.update(result.rows, { table: "" });
      bar.stop();
      barStarted = false;
    }
    await fsp.rename(partial, file);
    await syncDirectory(path.dirname(path.resolve(file)));
    console.log(
      `Backup written to ${file}: ${result.tables} tables, ${result.rows} rows, ${mb(result.bytes)} MB ` +
        `(${mb(result.rawBytes)} MB before compression) in ${seconds(result.ms)} s ` +
        `(${mb(result.rawBytes / Math.max(result.ms / 1000, 0.001))} MB/s). SHA-256 ${result.sha256}.`,
    );
    console.log(
      fs.existsSync(config.erasureLedger)
        ? `Keep the erasure ledger ${config.erasureLedger} with your backups; a restore replays it.`
        : `There is no erasure ledger at ${config.erasureLedger} yet; Lotse creates it when it starts. A restore needs it.`,
    );
    return 0;
  } catch (err) {
    if (barStarted) bar.stop();
    await fsp.rm(partial, { force: true });
    return report(err);
  } finally {
    await target?.close();
  }
}

/**
 * The erasures to replay: from the named ledgers (one per instance when several instances kept
 * their own), this installation's, and the backed-up installation's, if they exist. Replaying more
 * than needed is harmless; replaying too little brings people back.
 */
async function ledgerEntries(
  candidates: (string | null | undefined)[],
  withoutLedger: boolean,
): Promise<{ entries: LedgerEntry[]; files: string[] }> {
  const files = [...new Set(candidates.filter((f): f is string => !!f).map((f) => path.resolve(f)))].filter(
    (f) => fs.existsSync(f),
  );
  if (files.length === 0 && !withoutLedger) {
    throw new BackupError(
      `No erasure ledger found (looked for ${candidates.filter(Boolean).join(", ")}). Without it, people erased after ` +
        "this backup was made would come back. Pass the ledger of the installation the backup comes from with " +
        "--ledger FILE; only if that installation never erased anyone, pass --without-ledger. Nothing was changed.",
    );
  }
  const entries: LedgerEntry[] = [];
  for (const file of files) entries.push(...(await readLedgerFile(file)).entries);
  return { entries, files };
}

/** Restores a backup into an empty data directory or database and replays the erasure ledger. */
export async function runRestore(args: string[]): Promise<number> {
  const usage = "Usage: npm run lotse -- restore FILE [--ledger LEDGER_FILE]… [--without-ledger]";
  const [file, ...rest] = args;
  const ledgers: string[] = [];
  let withoutLedger = false;
  for (let i = 0; i < rest.length; i++) {
    const value = rest[i + 1];
    if (rest[i] === "--ledger" && value) {
      ledgers.push(value);
      i++;
    } else if (rest[i] === "--without-ledger") withoutLedger = true;
    else {
      console.error(`Unknown option ${rest[i]}\n${usage}`);
      return 64;
    }
  }
  if (!file) {
    console.error(usage);
    return 64;
  }
  const missing = ledgers.find((f) => !fs.existsSync(f));
  if (missing) {
    console.error(`The erasure ledger ${missing} does not exist.`);
    return 1;
  }
  const config = loadConfig();
  let target: Target | undefined;
  const bar = new cliProgress.SingleBar(
    { format: "Restoring [{bar}] {percentage}% | {value}/{total} MB | {table}", hideCursor: true },
    cliProgress.Presets.shades_classic,
  );
  let barStarted = false;
  try {
    // Everything about the file is checked before the target is touched (or even created).
    const backup = await inspectBackup(file);
    const { entries, files } = await ledgerEntries(
      [...ledgers, config.erasureLedger, backup.header.ledgerFile],
      withoutLedger,
    );
    target = await restoreTarget(config, log);
    console.error(`Restoring a backup of ${backup.header.createdAt} into ${target.how}.`);
    const client = new pg.Client({ connectionString: target.url, application_name: "lotse-restore" });
    await client.connect();
    bar.start(Number(mb(backup.size)), 0, { table: "" });
    barStarted = true;
    const result = await restoreBackup({
      client,
      backup,
      ledgerEntries: entries,
      onProgress: (p) => bar.update(Number(mb(p.bytes)), { table: p.table ?? "" }),
    }).finally(() => client.end());
    bar.update(Number(mb(backup.size)), { table: "" });
    bar.stop();
    barStarted = false;
    // The ledger of this installation learns every erasure the restored database knows.
    const { pool, db } = connect(target.url, 1);
    try {
      await reconcileErasureLedger(db, config.erasureLedger, log);
      if (result.replay.erased > 0) await vacuumClientTables(db);
    } finally {
      await pool.end();
    }
    console.log(
      `Restored ${result.tables} tables, ${result.rows} rows (${mb(result.bytes)} MB) in ${seconds(result.ms)} s ` +
        `(${mb(result.bytes / Math.max(result.ms / 1000, 0.001))} MB/s); ${result.newerMigrations} newer migration(s) applied.`,
    );
    console.log(
      files.length > 0
        ? `Erasure ledger (${files.join(", ")}): ${result.replay.replayed} erasure(s) made after the backup replayed, ` +
            `${result.replay.erased} client record(s) erased again.`
        : "No erasure ledger was replayed (--without-ledger).",
    );
    return 0;
  } catch (err) {
    if (barStarted) bar.stop();
    return report(err);
  } finally {
    await target?.close();
  }
}
