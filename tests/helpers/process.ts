import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll } from "vitest";
import { freePort } from "../../src/server/db/embedded.ts";

export { freePort };

export type LotseProcess = {
  child: ChildProcess;
  url: string;
  output: () => string;
  exited: Promise<number | null>;
};

/** Starts `node src/server/main.ts` as a real process on the embedded database in dataDir. */
export function spawnLotse(dataDir: string, port: number, env: Record<string, string> = {}): LotseProcess {
  const childEnv: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    LOTSE_DATA_DIR: dataDir,
    LOG_LEVEL: "warn",
    ...env,
  };
  delete childEnv.DATABASE_URL;
  const child = spawn(process.execPath, ["src/server/main.ts"], {
    env: childEnv,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  child.stdout?.on("data", (d) => {
    out += d;
  });
  child.stderr?.on("data", (d) => {
    out += d;
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return { child, url: `http://127.0.0.1:${port}`, output: () => out, exited };
}

/** Waits until the process prints that it is running, or fails with what it printed. */
export async function waitUntilRunning(p: LotseProcess, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (p.output().includes("Lotse is running at")) return;
    if (p.child.exitCode !== null) throw new Error(`Lotse exited with ${p.child.exitCode}:\n${p.output()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`Lotse did not start in time:\n${p.output()}`);
}

/** Logs in over real HTTP and returns headers for further authenticated writes. */
export async function httpLogin(url: string, email: string, password: string) {
  const res = await fetch(`${url}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password }),
  });
  if (res.status !== 200) throw new Error(`login failed: ${res.status} ${await res.text()}`);
  const cookie = (res.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
  const session = (await res.json()) as { csrfToken: string };
  return {
    cookie,
    csrf: session.csrfToken,
    headers: { cookie, "x-csrf-token": session.csrfToken, "content-type": "application/json" },
  };
}

/**
 * Lotse processes of one test file, each on a data directory of its own: `start` retries on a port
 * another process took first; everything is killed and removed after the file.
 */
export function lotseProcesses(prefix: string) {
  const dirs: string[] = [];
  const running: LotseProcess[] = [];
  afterAll(async () => {
    for (const p of running) if (p.child.exitCode === null) p.child.kill("SIGKILL");
    await new Promise((r) => setTimeout(r, 200));
    for (const dir of dirs) {
      // A postmaster orphaned by SIGKILL above is stopped before its directory goes.
      const pidFile = path.join(dir, "pg", "postmaster.pid");
      if (fs.existsSync(pidFile)) {
        try {
          process.kill(Number(fs.readFileSync(pidFile, "utf8").split("\n")[0]), "SIGQUIT");
        } catch {}
      }
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
  return {
    dataDir(): string {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
      fs.chmodSync(dir, 0o755);
      dirs.push(dir);
      return dir;
    },
    /** Spawns without waiting: for a start that is meant to fail. */
    async spawn(dir: string, env: Record<string, string> = {}): Promise<LotseProcess> {
      const p = spawnLotse(dir, await freePort(), env);
      running.push(p);
      return p;
    },
    async start(dir: string, env: Record<string, string> = {}): Promise<LotseProcess> {
      for (let attempt = 1; ; attempt++) {
        const p = spawnLotse(dir, await freePort(), env);
        running.push(p);
        try {
          await waitUntilRunning(p);
          return p;
        } catch (err) {
          // Another process (the browser tests' Lotse) took the free port first: try another one.
          if (attempt < 3 && p.output().includes("Cannot listen on port")) continue;
          throw err;
        }
      }
    },
  };
}
