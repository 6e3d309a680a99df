// The command line: `npm run lotse -- hsds import FILE [--dry-run]`, `… hsds export FILE`, backups and more.
// It opens the same database as the server (DATABASE_URL, else the embedded one in LOTSE_DATA_DIR).

import { once } from "node:events";
import fs from "node:fs";
import cliProgress from "cli-progress";
import { loadConfig } from "./config.ts";
import { EmbeddedPostgresError } from "./db/embedded.ts";
import { type Database, openDatabase } from "./db/open.ts";
import { exportHsds } from "./modules/hsds/export.ts";
import { importHsds } from "./modules/hsds/import.ts";
import { audit } from "./platform/audit.ts";

const USAGE = `Usage:
  npm run lotse -- hsds import FILE [--dry-run]   import HSDS 3.0 JSON (dry run: only report)
  npm run lotse -- hsds export FILE               write the public directory as HSDS 3.0 JSON
  npm run lotse -- generate --orgs N --cases N --events N --seed N
                                                  build a synthetic network with referral events
  npm run lotse -- flow FILE.csv                  directly-follows graph of an event log (case,activity,timestamp) as JSON
  npm run lotse -- backup FILE                    consistent backup of the database, also while Lotse runs
  npm run lotse -- restore FILE [--ledger LEDGER]… [--without-ledger]
                                                  restore into an empty data directory or database, then
                                                  replay the erasure ledger (Art. 17) made since the backup`;

function fail(message: string, code = 1): never {
  console.error(message);
  process.exit(code);
}

function bar(label: string) {
  return new cliProgress.SingleBar(
    { format: `${label} [{bar}] {percentage}% | {value}/{total}`, hideCursor: true, clearOnComplete: false },
    cliProgress.Presets.shades_classic,
  );
}

async function open(): Promise<Database> {
  const config = loadConfig();
  const quiet = { info() {}, warn: (m: string) => console.error(m) };
  try {
    return await openDatabase(config, quiet);
  } catch (err) {
    if (err instanceof EmbeddedPostgresError) {
      fail(
        `The database could not be opened: ${err.message}\n` +
          "The embedded database serves one process at a time. If Lotse is running on this data directory " +
          "(npm start), stop it first — or run this command against its database with DATABASE_URL.",
        2,
      );
    }
    fail(`The database could not be opened: ${(err as Error).message}`, 2);
  }
}

async function runImport(file: string, dryRun: boolean): Promise<number> {
  let document: unknown;
  try {
    document = JSON.parse(fs.readFileSync(file, "utf8"));
  } catch (err) {
    fail(`Cannot read ${file} as JSON: ${(err as Error).message}`);
  }
  const database = await open();
  const progress = bar(dryRun ? "Checking" : "Importing");
  let started: string | undefined;
  try {
    const report = await importHsds({
      db: database.db,
      document,
      dryRun,
      updatedBy: "import:cli",
      onProgress: (stage, done, total) => {
        if (started !== stage) {
          if (started) progress.stop();
          progress.start(total, 0);
          started = stage;
        }
        progress.update(done);
      },
      afterWrite: (tx, r) =>
        audit(
          tx,
          { requestId: "cli" },
          {
            action: "directory.import",
            entity: "directory",
            organisationId: null,
            details: { dryRun: r.dryRun, committed: r.committed, ...r.counts },
          },
        ),
    });
    if (started) progress.stop();
    const c = report.counts;
    console.log(
      `${dryRun ? "Dry run" : report.committed ? "Imported" : "Nothing imported"}: ` +
        `${c.create} created, ${c.update} updated, ${c.unchanged} unchanged, ${c.reject} rejected.`,
    );
    for (const r of report.records.filter((x) => x.action === "reject")) {
      for (const e of r.errors)
        console.log(`  rejected ${r.kind} ${r.id ?? "(no id)"} at ${e.path || "/"}: ${e.message}`);
    }
    if (!dryRun && !report.committed) console.log("The file has rejected records, so nothing was written.");
    return c.reject > 0 ? 1 : 0;
  } finally {
    await database.close();
  }
}

async function runExport(file: string): Promise<number> {
  const database = await open();
  const out = fs.createWriteStream(file);
  const progress = bar("Exporting services");
  let started = false;
  try {
    const result = await exportHsds({
      db: database.db,
      write: async (chunk) => {
        if (!out.write(chunk)) await once(out, "drain");
      },
      onProgress: (done, total) => {
        if (!started) progress.start(total, 0);
        started = true;
        progress.update(done);
      },
    });
    progress.stop();
    out.end();
    await once(out, "finish");
    console.log(
      `Exported ${result.organizations} organizations with ${result.services} services to ${file}.`,
    );
    return 0;
  } finally {
    await database.close();
  }
}

async function main(argv: string[]): Promise<number> {
  if (argv[0] === "generate")
    return (await import("./modules/analytics/cli-generate.ts")).runGenerate(argv.slice(1), open);
  if (argv[0] === "flow") return (await import("./modules/analytics/cli-flow.ts")).runFlow(argv.slice(1));
  if (argv[0] === "backup") return (await import("./platform/backup/cli.ts")).runBackup(argv.slice(1));
  if (argv[0] === "restore") return (await import("./platform/backup/cli.ts")).runRestore(argv.slice(1));
  const [area, command, file, ...rest] = argv;
  if (area !== "hsds" || !file || (command !== "import" && command !== "export")) fail(USAGE, 64);
  const unknown = rest.filter((a) => a !== "--dry-run" || command !== "import");
  if (unknown.length) fail(`Unknown option ${unknown.join(" ")}\n${USAGE}`, 64);
  return command === "import" ? runImport(file, rest.includes("--dry-run")) : runExport(file);
}

process.exit(await main(process.argv.slice(2)));
