// `npm run lotse -- flow FILE.csv` as a child process: the JSON on stdout, exit codes, no database.

import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { readEventLogCsv } from "../../src/server/modules/analytics/flow/csv.ts";
import { discoverDfg } from "../../src/server/modules/analytics/flow/dfg.ts";

const ROOT = path.resolve(import.meta.dirname, "../..");
const LOGS = path.join(ROOT, "tests/fixtures/event-logs");
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "lotse-flow-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

// A database that cannot be reached: the command must not try to open it.
const env = {
  ...process.env,
  DATABASE_URL: "postgres://nobody:nothing@127.0.0.1:1/none",
  LOTSE_DATA_DIR: path.join(tmp, "no-data-here"),
};

async function flow(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(
      process.execPath,
      ["src/server/cli.ts", "flow", ...args],
      { cwd: ROOT, env, maxBuffer: 64 * 1024 * 1024 },
    );
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

function write(name: string, text: string): string {
  const file = path.join(tmp, name);
  fs.writeFileSync(file, text);
  return file;
}

// Each test starts Node processes: on a busy 2-core machine each takes seconds.
describe("npm run lotse -- flow", { timeout: 30_000 }, () => {
  it("prints the graph of a public log as JSON without touching the database", async () => {
    const file = path.join(LOGS, "receipt.csv");
    const { code, stdout } = await flow(file);
    expect(code).toBe(0);
    const printed = JSON.parse(stdout);
    expect(printed).toEqual(discoverDfg(await readEventLogCsv(fs.createReadStream(file))));
    expect(Object.keys(printed)).toEqual([
      "activities",
      "edges",
      "startActivities",
      "endActivities",
      "variants",
      "cases",
      "events",
    ]);
    expect(Object.keys(printed.edges[0])).toEqual(["from", "to", "frequency", "medianDurationMs"]);
    expect(printed.cases).toBe(1434);
    expect(printed.events).toBe(8577);
    expect(printed.startActivities).toEqual([{ name: "Confirmation of receipt", frequency: 1434 }]);
  });

  it("prints the same bytes for the same log whatever the row order", async () => {
    const header = "case,activity,timestamp\n";
    const rows = ["1,a,2024-01-01T00:00:00Z", "2,a,2024-01-01T00:00:00Z", "1,b,2024-01-01T02:00:00Z"];
    const a = await flow(write("a.csv", header + rows.join("\n")));
    const b = await flow(write("b.csv", header + [...rows].reverse().join("\n")));
    expect(a.code).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    expect(JSON.parse(a.stdout).edges).toEqual([
      { from: "a", to: "b", frequency: 1, medianDurationMs: 7_200_000 },
    ]);
  });

  it("exits with 65 and names the line of a bad timestamp", async () => {
    const file = write("bad-time.csv", "case,activity,timestamp\n1,a,2024-01-01\n1,b,31/01/2024\n");
    const { code, stdout, stderr } = await flow(file);
    expect(code).toBe(65);
    expect(stdout).toBe("");
    expect(stderr).toContain("line 3");
    expect(stderr).toContain('"31/01/2024"');
  });

  it("exits with 65 and names a missing column", async () => {
    const { code, stderr } = await flow(write("no-case.csv", "id,activity,timestamp\n1,a,0\n"));
    expect(code).toBe(65);
    expect(stderr).toMatch(/missing column "case"/);
  });

  it("exits with 66 for a file that does not exist and 64 without a file", async () => {
    expect((await flow(path.join(tmp, "missing.csv"))).code).toBe(66);
    expect((await flow()).code).toBe(64);
  });
});
