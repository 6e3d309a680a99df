import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { isAlive, processesUsing } from "../../src/server/db/proc.ts";

// A first start killed at any moment (kill -9) must leave a data directory that starts next time,
// and no password file beside it.
const dirs: string[] = [];
const children: ChildProcess[] = [];

function dataDir() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "lotse-first-"));
  fs.chmodSync(dir, 0o755);
  dirs.push(dir);
  return dir;
}

function startEmbedded(dir: string) {
  const child = spawn(process.execPath, ["tests/helpers/embedded-start.ts", dir], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(child);
  let out = "";
  child.stdout?.on("data", (d) => {
    out += d;
  });
  child.stderr?.on("data", (d) => {
    out += d;
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const ready = new Promise<void>((resolve, reject) => {
    const timer = setInterval(() => {
      if (out.includes("ready")) {
        clearInterval(timer);
        resolve();
      } else if (child.exitCode !== null) {
        clearInterval(timer);
        reject(new Error(`the embedded start exited with ${child.exitCode}:\n${out}`));
      }
    }, 20);
  });
  return { child, exited, ready, output: () => out };
}

/** Starts, waits for ready, and stops cleanly; answers how long the start took. */
async function startAndStop(dir: string): Promise<number> {
  const t0 = Date.now();
  const p = startEmbedded(dir);
  await p.ready;
  const took = Date.now() - t0;
  p.child.kill("SIGTERM");
  expect(await p.exited).toBe(0);
  return took;
}

/** What a crashed start may have left running (a postmaster, an initdb) goes before the directory. */
async function cleanUp(dir: string) {
  const pids = processesUsing(dir);
  for (const pid of pids) {
    try {
      process.kill(pid, "SIGKILL");
    } catch {}
  }
  for (let i = 0; i < 100 && pids.some(isAlive); i++) await new Promise((r) => setTimeout(r, 20));
  fs.rmSync(dir, { recursive: true, force: true, maxRetries: 5 });
}

afterAll(async () => {
  for (const c of children) if (c.exitCode === null) c.kill("SIGKILL");
  for (const dir of dirs) await cleanUp(dir);
});

describe("the first start of the embedded PostgreSQL", () => {
  it("survives kill -9 at any moment: the next start succeeds and no password file is left", async () => {
    // Spread the kills over the whole first start, measured on this machine.
    const firstStart = await startAndStop(dataDir());
    const span = Math.max(1500, firstStart);
    const iterations = 10;
    for (let i = 0; i < iterations; i++) {
      const dir = dataDir();
      const delay = Math.round((span * i) / (iterations - 1));
      const first = startEmbedded(dir);
      await new Promise((r) => setTimeout(r, delay));
      first.child.kill("SIGKILL");
      await first.exited;
      await startAndStop(dir);
      const left = fs.readdirSync(dir);
      expect(left, `killed after ${delay} ms`).not.toContain(".pwfile");
      expect(
        left.filter((name) => name.startsWith("pg.init-") || name.includes(".tmp-")),
        `killed after ${delay} ms`,
      ).toEqual([]);
      expect(left).toEqual(expect.arrayContaining(["pg", "db-password"]));
      // A third start finds the same cluster (nothing was made anew after the good start).
      const password = fs.readFileSync(path.join(dir, "db-password"), "utf8");
      await startAndStop(dir);
      expect(fs.readFileSync(path.join(dir, "db-password"), "utf8")).toBe(password);
      await cleanUp(dir);
    }
  }, 240_000);

  it("makes anew a cluster that an older Lotse left without its password, and removes its .pwfile", async () => {
    const dir = dataDir();
    fs.mkdirSync(path.join(dir, "pg"));
    fs.writeFileSync(path.join(dir, "pg", "PG_VERSION"), "18\n");
    fs.writeFileSync(path.join(dir, ".pwfile"), "plain password of a crashed first start");
    await startAndStop(dir);
    expect(fs.readdirSync(dir)).not.toContain(".pwfile");
    expect(fs.existsSync(path.join(dir, "db-password"))).toBe(true);
  }, 60_000);

  it("refuses, without touching it, a cluster that has run but lost its password file", async () => {
    const dir = dataDir();
    await startAndStop(dir);
    fs.rmSync(path.join(dir, "db-password"));
    const p = startEmbedded(dir);
    await expect(p.ready).rejects.toThrow(/its password file .*db-password is missing/);
    expect(fs.existsSync(path.join(dir, "pg", "PG_VERSION"))).toBe(true);
  }, 60_000);
});
