// Where `backup` and `restore` find the database. With DATABASE_URL: there. On the embedded
// database while Lotse runs: the data directory is locked, so `backup` connects to the running
// server — its port is on line 4 of PostgreSQL's postmaster.pid, its password in db-password.
// When no Lotse runs: the command starts the embedded server itself (and holds the lock meanwhile).

import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import type { Config } from "#server/config.ts";
import { lockHolder, startEmbeddedPostgres } from "#server/db/embedded.ts";
import { PASSWORD_FILE } from "#server/db/embedded-init.ts";
import { isAlive } from "#server/db/proc.ts";
import { BackupError } from "./format.ts";

export type Target = { url: string; how: string; close(): Promise<void> };
type Logger = { info(msg: string): void; warn(msg: string): void };

/** The port of the running postmaster of dataDir, once it says it is ready. */
async function runningPort(dataDir: string, timeoutMs = 60_000): Promise<number> {
  const pidFile = path.join(dataDir, "pg", "postmaster.pid");
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      // pid, data directory, start time, port, socket directory, listen address, shmem key, status
      const lines = fs.readFileSync(pidFile, "utf8").split("\n");
      const pid = Number(lines[0]);
      const port = Number(lines[3]);
      if (pid && isAlive(pid) && port && lines[7]?.trim() === "ready") return port;
    } catch {
      // not there yet: Lotse is starting its database
    }
    if (Date.now() > deadline) {
      throw new BackupError(
        `Lotse runs on ${dataDir}, but its database did not become ready within ${timeoutMs / 1000} s. Try again once it has started.`,
      );
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** The database to back up: the running Lotse's, or one this command starts and stops. */
export async function backupTarget(config: Config, log: Logger): Promise<Target> {
  if (config.databaseUrl) return { url: config.databaseUrl, how: "DATABASE_URL", close: async () => {} };
  const holder = lockHolder(config.dataDir);
  if (holder) {
    const port = await runningPort(config.dataDir);
    const password = fs.readFileSync(path.join(config.dataDir, PASSWORD_FILE), "utf8").trim();
    const url = `postgres://lotse:${encodeURIComponent(password)}@127.0.0.1:${port}/lotse`;
    const probe = new pg.Client({ connectionString: url });
    await probe.connect();
    await probe.end();
    return { url, how: `the database of the running Lotse (pid ${holder})`, close: async () => {} };
  }
  const embedded = await startEmbeddedPostgres({ dataDir: config.dataDir, port: config.dbPort, log });
  return {
    url: embedded.url,
    how: `the embedded database in ${config.dataDir}`,
    close: () => embedded.stop(),
  };
}

/**
 * The database to restore into: DATABASE_URL, or the embedded server of the data directory, which
 * this command starts (creating it when the directory is empty). A running Lotse holds the
 * directory, and is refused: its database is not empty anyway.
 */
export async function restoreTarget(config: Config, log: Logger): Promise<Target> {
  if (config.databaseUrl) return { url: config.databaseUrl, how: "DATABASE_URL", close: async () => {} };
  const embedded = await startEmbeddedPostgres({ dataDir: config.dataDir, port: config.dbPort, log });
  return {
    url: embedded.url,
    how: `the embedded database in ${config.dataDir}`,
    close: () => embedded.stop(),
  };
}
