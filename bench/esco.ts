// ESCO benchmark: skill and occupation search of the competence module under concurrent load, on
// the full ESCO v1.2 catalogue (13,939 skills, 3,039 occupations). Run with `node bench/esco.ts`
// (see README.md).

import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import { buildApp } from "../src/server/app.ts";
import { loadConfig } from "../src/server/config.ts";
import { connect } from "../src/server/db/client.ts";
import { startEmbeddedPostgres } from "../src/server/db/embedded.ts";
import { runMigrations } from "../src/server/db/migrate.ts";
import { createBenchCoordinator } from "./coordinator.ts";
import { closedLoop, misspeller, ResultTable, timed } from "./measure.ts";

const { values: args } = parseArgs({
  options: {
    concurrency: { type: "string", default: "16" },
    requests: { type: "string", default: "4000" },
    warmup: { type: "string", default: "1000" },
    pool: { type: "string", default: "10" },
  },
});
const CONCURRENCY = Number(args.concurrency);
const REQUESTS = Number(args.requests);
/** Connections of the app to PostgreSQL; 10 as in production (src/server/db/open.ts). */
const POOL = Number(args.pool);
const TARGET_P95 = 50;

/** What counsellors type when they code a skill or an occupation: words, typos, compounds, English, filters. */
const SEARCHES: { kind: string; path: string }[] = [
  { kind: "words", path: "skills?q=Buchhaltung" },
  { kind: "words", path: "skills?q=Deutsch%20sprechen" },
  { kind: "words", path: "skills?q=Pflege" },
  { kind: "words", path: "skills?q=Kunden%20beraten" },
  { kind: "words", path: "skills?q=Gabelstapler" },
  { kind: "words", path: "occupations?q=Krankenschwester" },
  { kind: "words", path: "occupations?q=Elektriker" },
  { kind: "words", path: "occupations?q=Softwareentwicklerin" },
  { kind: "prefix", path: "skills?q=Kommunik" },
  { kind: "prefix", path: "occupations?q=Kranken" },
  { kind: "typo", path: "occupations?q=Pflegfachkraft" },
  { kind: "typo", path: "skills?q=Buchhaltnug" },
  { kind: "typo", path: "skills?q=Kommunikaton" },
  { kind: "typo", path: "skills?q=Gabelstabler" },
  { kind: "typo", path: "occupations?q=Elektricker" },
  { kind: "typo", path: "skills?q=Deutsh%20sprechen" },
  { kind: "compound", path: "skills?q=Kinderbetreuung" },
  { kind: "compound", path: "skills?q=Datenanalyse" },
  { kind: "compound", path: "occupations?q=Bauingenieur" },
  { kind: "english", path: "skills?q=teamwork&lang=en" },
  { kind: "english", path: "skills?q=customer%20service&lang=en" },
  { kind: "english", path: "occupations?q=nurse&lang=en" },
  { kind: "english", path: "skills?q=speaking%20english&lang=en" },
  { kind: "collection", path: "skills?q=Programmieren&collection=digital" },
  { kind: "collection", path: "skills?q=Arabisch&collection=language" },
  { kind: "collection", path: "skills?q=Abfall&collection=green" },
  { kind: "collection", path: "skills?q=Verantwortung&collection=transversal" },
  { kind: "nothing", path: "skills?q=Qwrtzplx" },
];

/**
 * Words no earlier request typed (each with one or two letters changed), so that nothing the
 * server keeps per typed word (the stems it asked PostgreSQL for) helps: every third request.
 */
const WORD_POOL = [
  "Buchhaltung",
  "Krankenpflege",
  "Kommunikation",
  "Gabelstapler",
  "Kundenbetreuung",
  "Programmierung",
  "Teamarbeit",
  "Reinigung",
  "Verkauf",
  "Lagerverwaltung",
  "Elektroinstallation",
  "Kinderbetreuung",
  "Schweißen",
  "Projektmanagement",
  "Übersetzung",
  "Fahrzeugreparatur",
  "Maschinenbedienung",
  "Datenanalyse",
];
const unseenWord = misspeller(WORD_POOL);

type Sample = { kind: string; ms: number; status: number; hits: number };

const timedWith = (url: string, cookie: string) => timed(url, { headers: { cookie } });

/** `concurrency` clients, each sending its next request as soon as the last one is answered. */
async function load(
  base: string,
  cookie: string,
  total: number,
  concurrency: number,
  fixedPath?: string,
): Promise<{ samples: Sample[]; seconds: number }> {
  return closedLoop(total, concurrency, async (i) => {
    const search = fixedPath
      ? { kind: "baseline", path: fixedPath }
      : i % 3 === 2
        ? {
            kind: "unseen typo",
            path: `${i % 2 === 0 ? "skills" : "occupations"}?q=${encodeURIComponent(unseenWord())}`,
          }
        : (SEARCHES[i % SEARCHES.length] as (typeof SEARCHES)[number]);
    const url = fixedPath ? `${base}${fixedPath}` : `${base}/api/esco/${search.path}`;
    const { ms, status, body } = await timedWith(url, cookie);
    const hits = status === 200 ? (JSON.parse(body) as { items: unknown[] }).items.length : 0;
    return { kind: search.kind, ms, status, hits };
  });
}

const table = new ResultTable();
const report = table.report.bind(table);

async function main() {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "lotse-bench-"));
  await fs.chmod(dir, 0o755);
  const log = { info: () => {}, warn: (m: string) => console.warn(m) };
  const pg = await startEmbeddedPostgres({ dataDir: dir, log });
  const { pool, db } = connect(pg.url, POOL);
  let app: Awaited<ReturnType<typeof buildApp>> | undefined;
  try {
    await runMigrations(pool);
    console.log(
      `PostgreSQL ${(await db.execute<{ server_version: string }>(sql`show server_version`)).rows[0]?.server_version}, ${os.cpus().length} CPU cores, Node ${process.versions.node}, load average ${os
        .loadavg()
        .map((l) => l.toFixed(1))
        .join(" ")}`,
    );
    // Any signed-in role may search ESCO; the bench signs in as a network coordinator.
    const coordinator = await createBenchCoordinator(db, "bench@lotse.example");
    app = await buildApp({
      db,
      config: loadConfig({ LOTSE_DEMO_DATA: "false", PUBLIC_URL: "http://127.0.0.1" }),
    });
    const address = await app.listen({ port: 0, host: "127.0.0.1" });
    const cookie = await coordinator.login(address);

    // The first search of each kind in an instance reads the catalogue and builds its index.
    const heapBefore = process.memoryUsage().heapUsed;
    const coldSkills = await timedWith(`${address}/api/esco/skills?q=Buchhaltung`, cookie);
    const coldOccupations = await timedWith(`${address}/api/esco/occupations?q=Krankenschwester`, cookie);
    if (coldSkills.status !== 200 || coldOccupations.status !== 200) {
      throw new Error(`ESCO search answered ${coldSkills.status}: ${coldSkills.body.slice(0, 300)}`);
    }
    const heapMb = (process.memoryUsage().heapUsed - heapBefore) / 1024 / 1024;
    report("first skill search (builds the index)", [coldSkills.ms], {
      note: `heap +${heapMb.toFixed(0)} MB (both)`,
    });
    report("first occupation search (builds the index)", [coldOccupations.ms], {});

    await load(address, cookie, Number(args.warmup), CONCURRENCY);

    console.log(`ESCO: ${REQUESTS} searches from ${CONCURRENCY} concurrent clients …`);
    const cpuBefore = process.cpuUsage();
    const { samples, seconds } = await load(address, cookie, REQUESTS, CONCURRENCY);
    const cpu = process.cpuUsage(cpuBefore);
    const nodeCpuMs = (cpu.user + cpu.system) / 1000;
    console.log(
      `  Node (server and load generator) used ${(nodeCpuMs / REQUESTS).toFixed(2)} ms CPU per search, ${((nodeCpuMs / (seconds * 1000 * os.cpus().length)) * 100).toFixed(0)} % of the machine`,
    );
    const failed = samples.filter((s) => s.status !== 200).length;
    if (failed) console.warn(`  ${failed} searches did not answer 200`);
    const empty = samples.filter((s) => s.kind === "unseen typo" && s.hits === 0).length;
    report(
      `ESCO search, ${CONCURRENCY} clients`,
      samples.map((s) => s.ms),
      { target: TARGET_P95, note: `${(samples.length / seconds).toFixed(0)} req/s` },
    );
    for (const kind of [...new Set([...SEARCHES.map((s) => s.kind), "unseen typo"])]) {
      const of = samples.filter((s) => s.kind === kind);
      report(
        `  of which: ${kind}`,
        of.map((s) => s.ms),
        kind === "unseen typo" ? { note: `${of.length - empty} of ${of.length} found something` } : {},
      );
    }
    // The same clients on a signed-in route that does no work of its own (a constant list): what the
    // platform (session check, HTTP, serialisation) costs on this machine at this moment.
    const baseline = await load(address, cookie, REQUESTS / 2, CONCURRENCY, "/api/occupations/fields");
    report(
      `baseline: /api/occupations/fields, ${CONCURRENCY} clients`,
      baseline.samples.map((s) => s.ms),
      { note: `${(baseline.samples.length / baseline.seconds).toFixed(0)} req/s, a constant list` },
    );
    const four = await load(address, cookie, REQUESTS / 4, 4);
    report(
      "ESCO search, 4 clients",
      four.samples.map((s) => s.ms),
      { target: TARGET_P95, note: `${(four.samples.length / four.seconds).toFixed(0)} req/s` },
    );
    const single: number[] = [];
    for (let i = 0; i < SEARCHES.length * 10; i++) {
      single.push((await timedWith(`${address}/api/esco/${SEARCHES[i % SEARCHES.length]?.path}`, cookie)).ms);
    }
    report("ESCO search, 1 client", single, { note: "sequential, for comparison" });
    table.print();
  } finally {
    await app?.close();
    await pool.end();
    await pg.stop();
    await fs.rm(dir, { recursive: true, force: true });
  }
}

await main();
