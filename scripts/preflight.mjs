// Runs before `npm start` (and after `npm install`, with --install), in plain JavaScript so that an
// old Node can still print why it cannot go on.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const REQUIRED_MAJOR = 24;
const installing = process.argv.includes("--install");
const major = Number(process.versions.node.split(".")[0]);
if (major < REQUIRED_MAJOR) {
  if (installing) process.exit(0);
  console.error(
    `Lotse needs Node.js ${REQUIRED_MAJOR} or later, but this is Node.js ${process.versions.node}.\n` +
      "The project brings its own Node.js 24 from the npm registry: run `npm install` (without --ignore-scripts)\n" +
      "and start Lotse with `npm start`, which uses node_modules/.bin/node.",
  );
  process.exit(1);
}

// Build the web app when it is missing or older than its sources, so a fresh clone starts with one command.
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const index = path.join(root, "dist", "client", "index.html");

function newestMtime(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}

const sources = ["src/client", "src/shared", "vite.config.ts"]
  .map((p) => path.join(root, p))
  .filter((p) => fs.existsSync(p));
const sourceTime = Math.max(
  ...sources.map((p) => (fs.statSync(p).isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs)),
);
const builtTime = fs.existsSync(index) ? fs.statSync(index).mtimeMs : 0;
if (builtTime < sourceTime) {
  const vite = path.join(root, "node_modules", ".bin", "vite");
  if (!fs.existsSync(vite)) {
    if (installing) process.exit(0);
    console.error(
      "The web app is not built and Vite is not installed (npm ci --omit=dev?). Run `npm ci` and `npm run build`.",
    );
    process.exit(1);
  }
  console.log("[lotse] Building the web app …");
  const result = spawnSync(vite, ["build", "--logLevel", "warn"], { cwd: root, stdio: "inherit" });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
