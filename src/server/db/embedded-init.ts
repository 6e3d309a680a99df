// The first start of the embedded PostgreSQL, made atomic: the cluster is created under a temporary
// name beside its final place and renamed into place only when it is complete, with its password
// already stored. A crash (kill -9, power loss) at any moment leaves either no cluster — the next
// start cleans up and begins again — or a complete one whose password is known.

import { type ChildProcess, spawn } from "node:child_process";
import { createHash, createHmac, pbkdf2Sync, randomBytes } from "node:crypto";
import fs from "node:fs";
import fsp from "node:fs/promises";
import path from "node:path";
import { killAndWait, processesUsing } from "./proc.ts";

type Logger = { info(msg: string): void; warn(msg: string): void };
type Ids = { uid: number; gid: number; name: string } | undefined;

/** Prefix of everything a first start creates before its cluster is complete. */
const INIT_PREFIX = "pg.init-";
/** The password file of Lotse versions before the atomic first start; it held the plain password. */
const LEGACY_PWFILE = ".pwfile";
export const PASSWORD_FILE = "db-password";

/** Writes a file and its directory entry to disk, so that after a crash it is there, whole, or not at all. */
export async function writeFileDurably(file: string, content: string, mode = 0o600): Promise<void> {
  const tmp = `${file}.tmp-${randomBytes(4).toString("hex")}`;
  const handle = await fsp.open(tmp, "w", mode);
  try {
    await handle.writeFile(content);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await fsp.rename(tmp, file);
  await syncDirectory(path.dirname(file));
}

/** Makes a rename or a new file in dir durable (POSIX keeps directory entries in the directory). */
export async function syncDirectory(dir: string): Promise<void> {
  const handle = await fsp.open(dir, "r");
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * The SCRAM-SHA-256 verifier of a password, in PostgreSQL's own format (RFC 7677). initdb reads the
 * superuser's password from a file; given a verifier instead of the password, PostgreSQL stores it
 * as it is, so the file initdb needs never holds the password itself.
 */
export function scramVerifier(password: string): string {
  const salt = randomBytes(16);
  const salted = pbkdf2Sync(password, salt, 4096, 32, "sha256");
  const clientKey = createHmac("sha256", salted).update("Client Key").digest();
  const storedKey = createHash("sha256").update(clientKey).digest("base64");
  const serverKey = createHmac("sha256", salted).update("Server Key").digest("base64");
  return `SCRAM-SHA-256$4096:${salt.toString("base64")}$${storedKey}:${serverKey}`;
}

/**
 * Removes what a crashed first start left: its temporary cluster (after stopping an initdb that
 * still writes into it) and its files, and the plain password file of older versions.
 */
async function removeLeftovers(dataDir: string, log: Logger): Promise<void> {
  const leftovers = (await fsp.readdir(dataDir)).filter(
    (name) =>
      name.startsWith(INIT_PREFIX) || name === LEGACY_PWFILE || name.startsWith(`${PASSWORD_FILE}.tmp-`),
  );
  for (const name of leftovers) {
    const full = path.join(dataDir, name);
    await killAndWait(processesUsing(full));
    await fsp.rm(full, { recursive: true, force: true, maxRetries: 10, retryDelay: 50 });
  }
  if (leftovers.some((name) => name.startsWith(INIT_PREFIX) || name === LEGACY_PWFILE)) {
    log.warn("Removed what an interrupted first start had left in the data directory.");
  }
}

function run(child: ChildProcess, bin: string, ids: Ids): Promise<number | null> {
  return new Promise<number | null>((resolve, reject) => {
    child.once("error", reject);
    child.once("exit", resolve);
  }).catch((err: NodeJS.ErrnoException) => {
    throw new Error(
      err.code === "EACCES"
        ? `Cannot run ${bin}${ids ? ` as user ${ids.name}` : ""}: permission denied. Every folder above the project must be readable by that user (a project under /root is not).`
        : `Cannot run initdb: ${err.message}`,
    );
  });
}

/** Runs initdb into a fresh temporary directory; answers its exit code and the lines it wrote. */
async function initdbInto(
  initdb: string,
  tmpDir: string,
  password: string,
  ids: Ids,
  capture: (child: ChildProcess) => string[],
): Promise<{ code: number | null; tail: string[] }> {
  await fsp.mkdir(tmpDir, { mode: 0o700 });
  const pwFile = `${tmpDir}.pwfile`;
  await fsp.writeFile(pwFile, scramVerifier(password), { mode: 0o600 });
  if (ids) {
    await fsp.chown(tmpDir, ids.uid, ids.gid);
    await fsp.chown(pwFile, ids.uid, ids.gid);
  }
  const child = spawn(
    initdb,
    [
      `--pgdata=${tmpDir}`,
      "--username=lotse",
      `--pwfile=${pwFile}`,
      "--auth=scram-sha-256",
      "--encoding=UTF8",
      "--locale-provider=builtin",
      "--builtin-locale=C.UTF-8",
    ],
    { uid: ids?.uid, gid: ids?.gid, stdio: ["ignore", "pipe", "pipe"], cwd: path.dirname(tmpDir) },
  );
  const tail = capture(child);
  try {
    return { code: await run(child, initdb, ids), tail };
  } finally {
    await fsp.rm(pwFile, { force: true });
  }
}

/**
 * Makes sure dataDir holds a complete cluster in pg/ and its password in db-password, creating
 * both on first start. Answers the password. Call it with the data directory locked.
 */
export async function ensureCluster(opts: {
  initdb: string;
  dataDir: string;
  ids: Ids;
  log: Logger;
  capture: (child: ChildProcess) => string[];
  fail: (message: string, tail?: string[]) => Error;
}): Promise<string> {
  const { dataDir, log } = opts;
  const pgDir = path.join(dataDir, "pg");
  const passwordFile = path.join(dataDir, PASSWORD_FILE);
  await removeLeftovers(dataDir, log);
  if (fs.existsSync(path.join(pgDir, "PG_VERSION"))) {
    if (fs.existsSync(passwordFile)) return (await fsp.readFile(passwordFile, "utf8")).trim();
    // Versions before the atomic first start wrote the password only after initdb: a cluster
    // without it that never ran (no postmaster.opts) holds nothing and is made anew.
    if (fs.existsSync(path.join(pgDir, "postmaster.opts"))) {
      throw opts.fail(
        `The embedded database in ${pgDir} exists, but its password file ${passwordFile} is missing. ` +
          "Put the file back (it is in your backups of the data directory), or restore a Lotse backup into an empty data directory.",
      );
    }
    log.warn("Found a database cluster from an interrupted first start; creating it anew.");
  }
  log.info(`Creating the embedded PostgreSQL cluster in ${pgDir}`);
  await fsp.rm(pgDir, { recursive: true, force: true });
  const password = randomBytes(24).toString("base64url");
  const tmpDir = path.join(dataDir, `${INIT_PREFIX}${randomBytes(6).toString("hex")}`);
  let result: Awaited<ReturnType<typeof initdbInto>>;
  try {
    result = await initdbInto(opts.initdb, tmpDir, password, opts.ids, opts.capture);
  } catch (err) {
    await fsp.rm(tmpDir, { recursive: true, force: true });
    throw opts.fail((err as Error).message);
  }
  if (result.code !== 0) {
    await fsp.rm(tmpDir, { recursive: true, force: true });
    throw opts.fail("Creating the embedded database cluster failed.", result.tail);
  }
  // The password goes to disk before the cluster takes its final name: once pg/ exists, so does
  // its password. A crash in between leaves no pg/, and the next start makes both anew.
  await writeFileDurably(passwordFile, password);
  await fsp.rename(tmpDir, pgDir);
  await syncDirectory(dataDir);
  return password;
}
