import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../../src/server/demo/seed.ts";
import { httpLogin, lotseProcesses } from "../helpers/process.ts";

// The operator's way, with real processes: `npm run lotse -- backup` against a running Lotse on its
// embedded PostgreSQL, an erasure after it, `restore` into an empty data directory, and a start.
const { dataDir, start } = lotseProcesses("lotse-backup-proc-");

/** Runs `node src/server/cli.ts …` on a data directory; answers its exit code and output. */
function lotseCli(dir: string, args: string[]): Promise<{ code: number | null; output: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, LOTSE_DATA_DIR: dir };
  delete env.DATABASE_URL;
  delete env.LOTSE_ERASURE_LEDGER;
  const child = spawn(process.execPath, ["src/server/cli.ts", ...args], {
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (d) => {
    output += d;
  });
  child.stderr.on("data", (d) => {
    output += d;
  });
  return new Promise((resolve) => child.once("exit", (code) => resolve({ code, output })));
}

describe("backup and restore on the command line", () => {
  it("backs up a running Lotse, restores into an empty directory, replays a later erasure and serves", async () => {
    const dir1 = dataDir();
    const first = await start(dir1);
    const tag = randomBytes(5).toString("hex");
    const counsellor = await httpLogin(first.url, "beratung@lotse.example", DEMO_PASSWORD);
    const created = await fetch(`${first.url}/api/cases`, {
      method: "POST",
      headers: counsellor.headers,
      body: JSON.stringify({ client: { name: `Kanarienvogel ${tag}`, confirmNotDuplicate: true } }),
    });
    expect(created.status).toBe(201);
    const clientId = ((await created.json()) as { client: { id: string } }).client.id;

    const file = path.join(dataDir(), "lotse.backup");
    const backup = await lotseCli(dir1, ["backup", file]);
    expect(backup.code, backup.output).toBe(0);
    expect(backup.output).toMatch(/Backing up the database of the running Lotse \(pid \d+\)/);
    expect(backup.output).toMatch(/Backup written to .*lotse\.backup: \d+ tables, \d+ rows/);
    expect(backup.output).not.toContain(tag);
    // Lotse served on throughout.
    expect((await fetch(`${first.url}/api/health`)).status).toBe(200);

    const erased = await fetch(`${first.url}/api/clients/${clientId}`, {
      method: "DELETE",
      headers: { cookie: counsellor.cookie, "x-csrf-token": counsellor.csrf },
    });
    expect(erased.status).toBe(204);
    first.child.kill("SIGTERM");
    expect(await first.exited).toBe(0);

    const dir2 = dataDir();
    const restore = await lotseCli(dir2, ["restore", file]);
    expect(restore.code, restore.output).toBe(0);
    expect(restore.output).toMatch(/Restored \d+ tables, \d+ rows/);
    expect(restore.output).toContain(
      `Erasure ledger (${path.join(dir1, "erasure-ledger.jsonl")}): 1 erasure(s) made after the backup replayed, 1 client record(s) erased again.`,
    );
    expect(restore.output).not.toContain(tag);
    expect(fs.readFileSync(path.join(dir2, "erasure-ledger.jsonl"), "utf8")).toContain(clientId);

    const again = await lotseCli(dir2, ["restore", file]);
    expect(again.code).toBe(1);
    expect(again.output).toContain("The target database is not empty");

    const second = await start(dir2);
    expect(second.output()).not.toContain("Demo network created");
    const coordinator = await httpLogin(second.url, "koordination@lotse.example", DEMO_PASSWORD);
    const orgs = await fetch(`${second.url}/api/organisations`, { headers: { cookie: coordinator.cookie } });
    expect(orgs.status).toBe(200);
    expect(((await orgs.json()) as { items: unknown[] }).items.length).toBeGreaterThan(5);
    const counsellor2 = await httpLogin(second.url, "beratung@lotse.example", DEMO_PASSWORD);
    const gone = await fetch(`${second.url}/api/clients/${clientId}`, {
      headers: { cookie: counsellor2.cookie },
    });
    expect(gone.status).toBe(404);
    const search = await fetch(`${second.url}/api/cases?q=${tag}`, {
      headers: { cookie: counsellor2.cookie },
    });
    expect(((await search.json()) as { items: unknown[] }).items).toEqual([]);
    second.child.kill("SIGTERM");
    expect(await second.exited).toBe(0);
  }, 180_000);

  it("refuses a file that is not a Lotse backup and leaves the data directory untouched", async () => {
    const dir = dataDir();
    const file = path.join(dir, "notes.txt");
    fs.writeFileSync(file, "not a backup\n");
    const result = await lotseCli(path.join(dir, "data"), ["restore", file]);
    expect(result.code).toBe(1);
    expect(result.output).toContain("is not a Lotse backup");
    expect(fs.existsSync(path.join(dir, "data"))).toBe(false);
  }, 60_000);
});
