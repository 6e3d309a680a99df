import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../../src/server/demo/seed.ts";
import { httpLogin, type LotseProcess, lotseProcesses } from "../helpers/process.ts";

// These run Lotse as a person would: a real process on its embedded PostgreSQL, signals and all.
const { dataDir, start, spawn } = lotseProcesses("lotse-proc-");

async function stop(p: LotseProcess) {
  p.child.kill("SIGTERM");
  return p.exited;
}

async function createOrganisation(url: string, name: string) {
  const auth = await httpLogin(url, "koordination@lotse.example", DEMO_PASSWORD);
  const res = await fetch(`${url}/api/organisations`, {
    method: "POST",
    headers: auth.headers,
    body: JSON.stringify({ name, type: "company", districtAgs: "15085" }),
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

async function readOrganisation(url: string, id: string) {
  const auth = await httpLogin(url, "koordination@lotse.example", DEMO_PASSWORD);
  return fetch(`${url}/api/organisations/${id}`, { headers: { cookie: auth.cookie } });
}

// Each test starts Lotse as a process (initdb, migrations, demo data) once or twice: on a busy
// 2-core machine that takes longer than the API files' default 30 s.
describe("Lotse as a process on its embedded PostgreSQL", { timeout: 90_000 }, () => {
  it("keeps an acknowledged write across kill -9 of Lotse and takes over the orphaned database", async () => {
    const dir = dataDir();
    const first = await start(dir);
    const id = await createOrganisation(first.url, "Überlebt kill -9 GmbH");
    first.child.kill("SIGKILL");
    await first.exited;
    const second = await start(dir);
    expect(second.output()).toContain("left running by an earlier Lotse");
    const res = await readOrganisation(second.url, id);
    expect(res.status).toBe(200);
    expect(((await res.json()) as { name: string }).name).toBe("Überlebt kill -9 GmbH");
    expect(await stop(second)).toBe(0);
  });

  it("refuses a second Lotse on the same data directory with a clear message", async () => {
    const dir = dataDir();
    const first = await start(dir);
    const second = await spawn(dir);
    expect(await second.exited).not.toBe(0);
    expect(second.output()).toMatch(/Another Lotse \(pid \d+\) is already running on the data directory/);
    // The first one is unharmed.
    expect((await fetch(`${first.url}/api/health`)).status).toBe(200);
    expect(await stop(first)).toBe(0);
  });

  it("finishes a request in flight on SIGTERM, then stops the database cleanly", async () => {
    const dir = dataDir();
    const p = await start(dir);
    // Headers and half of the body go out before the signal, the rest after: the request is in flight.
    const body = JSON.stringify({ email: "koordination@lotse.example", password: DEMO_PASSWORD });
    const { port } = new URL(p.url);
    const response = new Promise<number>((resolve, reject) => {
      const req = http.request(
        {
          port,
          host: "127.0.0.1",
          method: "POST",
          path: "/api/auth/login",
          headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body) },
        },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on("error", reject);
      req.write(body.slice(0, 10));
      setTimeout(() => {
        p.child.kill("SIGTERM");
        setTimeout(() => req.end(body.slice(10)), 300);
      }, 300);
    });
    expect(await response).toBe(200);
    expect(await p.exited).toBe(0);
    expect(p.output()).toContain("Stopped cleanly");
    expect(fs.existsSync(path.join(dir, "pg", "postmaster.pid"))).toBe(false);
    // A clean restart finds everything and seeds nothing twice.
    const again = await start(dir);
    expect(again.output()).not.toContain("Demo network created");
    expect(await stop(again)).toBe(0);
  });

  it("shows PostgreSQL's own log lines when the database cannot start", async () => {
    const dir = dataDir();
    const first = await start(dir);
    expect(await stop(first)).toBe(0);
    fs.appendFileSync(path.join(dir, "pg", "postgresql.conf"), "\nshared_buffers = 'plenty'\n");
    const broken = await spawn(dir);
    expect(await broken.exited).toBe(1);
    expect(broken.output()).toContain("--- PostgreSQL log ---");
    expect(broken.output()).toMatch(/shared_buffers/);
  });
});
