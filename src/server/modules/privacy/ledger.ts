// Reconciliation of the erasure ledger's table with its file. The table is restored with the
// database; the file is not. After a restore of an older backup the file knows erasures the table
// does not: they are replayed, so a person erased after the backup was taken does not come back.

import { sql } from "drizzle-orm";
import type { Db, Tx } from "#server/db/client.ts";
import { erasureLedger } from "#server/platform/tables.ts";
import { eraseClientRecord } from "./erase.ts";
import { appendLedgerEntries, ensureLedgerFile, type LedgerEntry, readLedgerFile } from "./ledger-file.ts";

// Arbitrary constant shared by every instance: one reconciliation at a time on a database, so two
// instances starting together neither erase twice nor trip over each other's ledger rows.
const LEDGER_LOCK = 4_711_2028;

/** The request id of the system's own erasures in the audit log. */
export const REPLAY_REQUEST_ID = "erasure-ledger";

type Logger = { info(msg: string): void; warn(msg: string): void };

export type ReplayReport = {
  /** Ledger entries the table did not have, now recorded. */
  replayed: number;
  /** Of those, clients that still existed and were erased again. */
  erased: number;
};

/**
 * Replays ledger entries the table lacks, inside the caller's transaction: a client that exists is
 * erased again by the same code as a person's request (as the system, audited with the pseudonym
 * only), and the entry is recorded with its original time.
 */
export async function replayLedger(tx: Tx, entries: readonly LedgerEntry[]): Promise<ReplayReport> {
  await tx.execute(sql`select pg_advisory_xact_lock(${LEDGER_LOCK})`);
  const known = new Set(
    (await tx.select({ id: erasureLedger.clientId }).from(erasureLedger)).map((r) => r.id),
  );
  const report: ReplayReport = { replayed: 0, erased: 0 };
  for (const entry of entries) {
    if (known.has(entry.clientId)) continue;
    known.add(entry.clientId);
    const erasedAt = new Date(entry.erasedAt);
    const erased = await eraseClientRecord(tx, { requestId: REPLAY_REQUEST_ID }, entry.clientId, {
      erasedAt,
      replayed: true,
    });
    if (erased) report.erased++;
    else {
      await tx
        .insert(erasureLedger)
        .values({ clientId: entry.clientId, organisationId: entry.organisationId, erasedAt })
        .onConflictDoNothing();
    }
    report.replayed++;
  }
  return report;
}

/**
 * Brings table and file level at start-up, before Lotse serves: entries only in the file are
 * replayed, entries only in the table are appended to the file. Under one advisory lock, so
 * several instances on one database (and one file) do it one after the other.
 */
export async function reconcileErasureLedger(
  db: Db,
  file: string,
  log: Logger,
): Promise<ReplayReport & { appended: number }> {
  await ensureLedgerFile(file);
  const report = await db.transaction(async (tx) => {
    // The file is read under the lock too: another instance may be appending to it.
    await tx.execute(sql`select pg_advisory_xact_lock(${LEDGER_LOCK})`);
    const { entries, tornLines } = await readLedgerFile(file);
    if (tornLines > 0) {
      log.warn(
        `The erasure ledger ${file} has ${tornLines} line(s) cut short by an interrupted write; skipped.`,
      );
    }
    const replay = await replayLedger(tx, entries);
    const inFile = new Set(entries.map((e) => e.clientId));
    const rows = await tx.select().from(erasureLedger).orderBy(erasureLedger.erasedAt);
    const missing = rows
      .filter((r) => !inFile.has(r.clientId))
      .map((r) => ({
        clientId: r.clientId,
        organisationId: r.organisationId,
        erasedAt: r.erasedAt.toISOString(),
      }));
    await appendLedgerEntries(file, missing);
    return { ...replay, appended: missing.length };
  });
  if (report.replayed > 0) {
    log.warn(
      `Erasure ledger: replayed ${report.replayed} erasure(s) the database did not know (restored from an older backup?); ` +
        `${report.erased} client record(s) erased again.`,
    );
  }
  if (report.appended > 0)
    log.info(`Erasure ledger: wrote ${report.appended} entries from the database to ${file}.`);
  return report;
}
