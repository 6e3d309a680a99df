// The whole check behind `npm test`: format and lint, type check, build the web app, then every
// test project (unit, API against a real PostgreSQL, browser). Ends with "N passed, N failed".
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const bin = (name: string) => path.resolve("node_modules", ".bin", name);
const extra = process.argv.slice(2);

function step(title: string, cmd: string, args: string[]) {
  console.log(`\n▶ ${title}`);
  const started = Date.now();
  const result = spawnSync(cmd, args, { stdio: "inherit", env: process.env });
  if (result.status !== 0) {
    console.error(`✗ ${title} failed`);
    console.log("0 passed, 1 failed");
    process.exit(result.status ?? 1);
  }
  console.log(`✓ ${title} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}

if (extra.length === 0) {
  step("Format and lint (Biome)", bin("biome"), ["check", "--error-on-warnings", "."]);
  step("Type check (tsc)", bin("tsc"), ["--noEmit", "-p", "tsconfig.json"]);
  step("Build the web app (Vite)", bin("vite"), ["build", "--logLevel", "warn"]);
}

const report = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "lotse-vitest-")), "report.json");
console.log("\n▶ Tests (Vitest)");
const run = spawnSync(
  bin("vitest"),
  ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${report}`, ...extra],
  {
    stdio: "inherit",
    env: process.env,
  },
);
let passed = 0;
let failed = 0;
if (fs.existsSync(report)) {
  const r = JSON.parse(fs.readFileSync(report, "utf8")) as {
    numPassedTests: number;
    numFailedTests: number;
    numTotalTestSuites: number;
    numFailedTestSuites: number;
  };
  passed = r.numPassedTests;
  failed =
    r.numFailedTests + (r.numFailedTests === 0 && run.status !== 0 ? Math.max(1, r.numFailedTestSuites) : 0);
} else if (run.status !== 0) {
  failed = 1;
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(run.status === 0 && failed === 0 ? 0 : 1);
