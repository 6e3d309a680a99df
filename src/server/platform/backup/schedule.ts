// Scheduled backups: every LOTSE_BACKUP_EVERY_HOURS into LOTSE_BACKUP_DIR, keeping the newest
// LOTSE_BACKUP_KEEP files. The scheduler's lease (jobs.ts) makes one instance of several run it.

import { randomBytes } from "node:crypto";
import fsp from "node:fs/promises";
import path from "node:path";
import type pg from "pg";
import type { Config } from "#server/config.ts";
import { syncDirectory } from "#server/db/embedded-init.ts";
import type { Job } from "#server/platform/jobs.ts";
import { writeBackup } from "./dump.ts";

export const BACKUP_JOB = "backup.scheduled";
const FINISHED = /^lotse-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z\.backup$/;
const PARTIAL = /^\.lotse-.*\.partial$/;

/** lotse-2026-05-01T02-00-00-000Z.backup: sorts by time as text, and is a valid name everywhere. */
export function backupFileName(at: Date): string {
  return `lotse-${at.toISOString().replaceAll(":", "-").replace(".", "-")}.backup`;
}

/**
 * Writes one backup into dir under a temporary name and renames it when complete, so a file with
 * the final name is always whole; then deletes the oldest backups beyond keep. Only files with
 * Lotse's own name pattern are counted or deleted.
 */
export async function runScheduledBackup(opts: {
  pool: pg.Pool;
  dir: string;
  keep: number;
  ledgerFile: string | null;
  now?: Date;
}): Promise<{ file: string; removed: string[] }> {
  await fsp.mkdir(opts.dir, { recursive: true, mode: 0o700 });
  // A partial file is left only by a crash in the middle of a run; one instance runs at a time.
  for (const name of await fsp.readdir(opts.dir)) {
    if (PARTIAL.test(name)) await fsp.rm(path.join(opts.dir, name), { force: true });
  }
  const name = backupFileName(opts.now ?? new Date());
  const partial = path.join(opts.dir, `.${name}.${randomBytes(4).toString("hex")}.partial`);
  const file = path.join(opts.dir, name);
  const client = await opts.pool.connect();
  try {
    await writeBackup({ client, file: partial, ledgerFile: opts.ledgerFile });
  } finally {
    client.release();
  }
  await fsp.rename(partial, file);
  await syncDirectory(opts.dir);
  const finished = (await fsp.readdir(opts.dir)).filter((n) => FINISHED.test(n)).sort();
  const removed = finished.slice(0, Math.max(0, finished.length - opts.keep));
  for (const old of removed) await fsp.rm(path.join(opts.dir, old), { force: true });
  return { file, removed };
}

/** The scheduled backup job when LOTSE_BACKUP_DIR is set; none otherwise. */
export function backupJobs(pool: pg.Pool, config: Config): Job[] {
  const { dir, everyHours, keep } = config.backup;
  if (!dir) return [];
  return [
    {
      name: BACKUP_JOB,
      everySeconds: Math.round(everyHours * 3600),
      run: () => runScheduledBackup({ pool, dir, keep, ledgerFile: config.erasureLedger }),
    },
  ];
}
