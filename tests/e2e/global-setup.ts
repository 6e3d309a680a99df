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

async function waitForHealth(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`Lotse exited with ${child.exitCode}:\n${output()}`);
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.status === 200) return;
    } catch {
      // Not listening yet.
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
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    LOTSE_DATA_DIR: dataDir,
    LOTSE_DEMO_DATA: "true",
    PUBLIC_URL: url,
    LOG_LEVEL: "warn",
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
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), STOP_TIMEOUT_MS);
      await exited;
      clearTimeout(timer);
    }
    await fs.rm(dataDir, { recursive: true, force: true });
  };

  try {
    await waitForHealth(url, child, () => out);
  } catch (err) {
    await stop();
    throw err;
  }
  project.provide("baseUrl", url);
  return stop;
}
