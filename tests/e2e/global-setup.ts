import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { freePort } from "../../src/server/db/embedded.ts";

declare module "vitest" {
  export interface ProvidedContext {
    /** Where the Lotse process for the browser tests listens, e.g. http://127.0.0.1:41234. */
    baseUrl: string;
  }
}

const START_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 30_000;

/**
 * Waits until this child prints that it listens and answers /api/health. Its own line matters:
 * another Lotse (the process tests start some) could have taken the port between freePort() and
 * our listen — then our child exits with "Cannot listen" while the other one answers the health
 * check, and would vanish under the browser tests a moment later.
 */
async function waitUntilServing(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`Lotse exited with ${child.exitCode}:\n${output()}`);
    if (output().includes("Lotse is running at")) {
      const res = await fetch(`${url}/api/health`).catch(() => null);
      if (res?.status === 200) return;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`Lotse did not answer /api/health within ${START_TIMEOUT_MS / 1000} s:\n${output()}`);
}

/**
 * Starts the real server (`node src/server/main.ts`) on a fresh embedded database with the demo
 * network, against the web app that `vite build` put into dist/client before the run.
 */
export default async function setup(project: TestProject) {
  const index = path.resolve("dist/client/index.html");
  await fs.access(index).catch(() => {
    throw new Error(`${index} is missing: build the web app first (npx vite build).`);
  });
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), "lotse-e2e-"));
  // The embedded PostgreSQL runs as an unprivileged user when the tests run as root.
  await fs.chmod(dataDir, 0o755);
  let attempt = 0;
  for (;;) {
    const server = await startLotse(dataDir);
    try {
      await waitUntilServing(server.url, server.child, server.output);
    } catch (err) {
      await server.stop();
      // Another process took the port first: again, on another one (the demo is seeded by now).
      if (++attempt < 3 && server.output().includes("Cannot listen on port")) continue;
      await fs.rm(dataDir, { recursive: true, force: true });
      throw err;
    }
    project.provide("baseUrl", server.url);
    return async () => {
      await server.stop();
      await fs.rm(dataDir, { recursive: true, force: true });
    };
  }
}

/** Spawns Lotse on the data directory and a free port; says so on stderr if it dies early. */
async function startLotse(dataDir: string) {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    LOTSE_DATA_DIR: dataDir,
    LOTSE_DEMO_DATA: "true",
    PUBLIC_URL: url,
    LOG_LEVEL: "warn",
    // Every simulated visitor of the browser tests comes from 127.0.0.1: the per-address limit of
    // public requests (300 a minute; tests/api/rate-limits.test.ts checks it) would count them all as
    // one visitor and refuse logins once the run is fast. The path stays on, with room for the run.
    LOTSE_PUBLIC_RATE_LIMIT: "100000",
  };
  delete env.DATABASE_URL;
  delete env.SMTP_URL;
  const child = spawn(process.execPath, ["src/server/main.ts"], { env, stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  child.stdout?.on("data", (d) => {
    out += d;
  });
  child.stderr?.on("data", (d) => {
    out += d;
  });
  let stopping = false;
  const exited = new Promise<void>((resolve) =>
    child.once("exit", (code, signal) => {
      // Without this the browser tests would only report "connection refused".
      if (!stopping) console.error(`Lotse for the browser tests exited (${code ?? signal}):\n${out}`);
      resolve();
    }),
  );
  const stop = async () => {
    stopping = true;
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), STOP_TIMEOUT_MS);
      await exited;
      clearTimeout(timer);
    }
  };
  return { url, child, output: () => out, stop };
}
