// Directory benchmark: public finder search under concurrent load, the coordinator's matrix, and
// the HSDS export, on 10,000 generated offers. Run with `node bench/directory.ts` (see README.md).

import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import { buildApp } from "../src/server/app.ts";
import { loadConfig } from "../src/server/config.ts";
import { connect } from "../src/server/db/client.ts";
import { startEmbeddedPostgres } from "../src/server/db/embedded.ts";
import { runMigrations } from "../src/server/db/migrate.ts";
import { generateOffers } from "../src/server/demo/offers.ts";
import { createBenchCoordinator } from "./coordinator.ts";
import { closedLoop, misspeller, ResultTable, timed } from "./measure.ts";

const { values: args } = parseArgs({
  options: {
    offers: { type: "string", default: "10000" },
    organisations: { type: "string", default: "500" },
    concurrency: { type: "string", default: "16" },
    requests: { type: "string", default: "4000" },
    "matrix-calls": { type: "string", default: "50" },
    pool: { type: "string", default: "10" },
    warmup: { type: "string", default: "1000" },
    "without-finder-indexes": { type: "boolean", default: false },
  },
});
const OFFERS = Number(args.offers);
const ORGANISATIONS = Number(args.organisations);
const CONCURRENCY = Number(args.concurrency);
const REQUESTS = Number(args.requests);
const MATRIX_CALLS = Number(args["matrix-calls"]);
/** Connections of the app to PostgreSQL; 10 as in production (src/server/db/open.ts). */
const POOL = Number(args.pool);
const TARGET_SEARCH_P95 = 50;
const TARGET_MATRIX = 200;

/** What visitors type and pick: words, typos, translated words and filters, as one mix. */
const SEARCHES: { kind: string; query: string }[] = [
  { kind: "filters only", query: "lang=de" },
  { kind: "filters only", query: "district=15003&lang=ar" },
  { kind: "filters only", query: "phase=2&district=15002&lang=de" },
  { kind: "filters only", query: "type=berufssprachkurs&language=ar&lang=ar" },
  { kind: "filters only", query: "free=true&targetGroup=refugees&lang=uk" },
  { kind: "filters only", query: "phase=3&page=3&lang=de" },
  { kind: "words", query: "q=Anerkennungsberatung&lang=de" },
  { kind: "words", query: "q=Anerkennungsberatungen&language=ar&district=15003&lang=ar" },
  { kind: "words", query: "q=Berufssprachkurs%20Pflege&lang=de" },
  { kind: "words", query: "q=Existenzgr%C3%BCndung&lang=tr" },
  { kind: "words", query: "q=Kompetenzfeststellung&phase=2&lang=de" },
  { kind: "words", query: "q=Beratung&page=2&lang=en" },
  { kind: "typo", query: "q=Anerkenungsberatung&lang=de" },
  { kind: "typo", query: "q=Berufsprachkurs&lang=ar" },
  { kind: "typo", query: "q=Existensgr%C3%BCndung&lang=de" },
  { kind: "typo", query: "q=Kompetensfeststelung&district=15085&lang=de" },
  { kind: "translated", query: `q=${encodeURIComponent("استشارة")}&lang=ar` },
  { kind: "translated", query: "q=recognition&lang=en" },
  { kind: "translated", query: `q=${encodeURIComponent("визнання")}&lang=uk` },
  { kind: "translated", query: `q=${encodeURIComponent("мовний курс")}&lang=uk` },
  { kind: "translated", query: `q=${encodeURIComponent("الاعتراف")}&language=ar&lang=ar` },
  { kind: "translated", query: "q=denklik&lang=tr" },
  { kind: "compound", query: "q=Anerkennung&lang=de" },
  { kind: "compound", query: "q=Sprachkurs&phase=3&lang=de" },
  { kind: "places", query: "q=Magdeburg&lang=de" },
  { kind: "places", query: "near=39104&lang=de" },
  { kind: "places", query: "q=Beratung&near=Halle&lang=ar" },
  { kind: "places", query: "q=Ingenieur&lang=de" },
];

/**
 * Words no earlier request typed (each a word of the generated offers with one or two letters
 * changed), so that nothing the server keeps per word helps: every third request is one of them.
 */
const WORD_POOL = [
  "Anerkennung",
  "Beratung",
  "Sprachkurs",
  "Qualifizierung",
  "Existenzgründung",
  "Kompetenzfeststellung",
  "Bewerbung",
  "Pflege",
  "Ingenieure",
  "Integrationskurs",
  "Weiterbildung",
  "Arbeitsmarkt",
  "Mentoring",
  "Berufsorientierung",
  "Gesundheitsberufe",
  "Handwerk",
  "Deutschkurs",
  "Gleichwertigkeit",
];
const unseenWord = misspeller(WORD_POOL);

type Sample = { kind: string; ms: number; status: number };

/** `concurrency` clients, each sending its next request as soon as the last one is answered. */
async function load(
  base: string,
  total: number,
  concurrency: number,
): Promise<{ samples: Sample[]; seconds: number }> {
  return closedLoop(total, concurrency, async (i) => {
    const search =
      i % 3 === 2
        ? { kind: "unseen typo", query: `q=${encodeURIComponent(unseenWord())}&lang=de` }
        : (SEARCHES[i % SEARCHES.length] as (typeof SEARCHES)[number]);
    const { ms, status } = await timed(`${base}/api/finder/offers?${search.query}`);
    return { kind: search.kind, ms, status };
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
    if (args["without-finder-indexes"]) {
      // For the side-by-side: the state before migration 0002_finder_indexes.
      await db.execute(sql`drop index offers_finder_idx, offers_name_order_idx`);
      console.log("Without the finder's indexes of migration 0002_finder_indexes");
    }
    console.log(
      `PostgreSQL ${(await db.execute<{ server_version: string }>(sql`show server_version`)).rows[0]?.server_version}, ${os.cpus().length} CPU cores, Node ${process.versions.node}`,
    );

    let t = performance.now();
    const generated = await generateOffers(db, { organisations: ORGANISATIONS, offers: OFFERS, seed: 42 });
    // What autovacuum does on a live system after a bulk load: statistics, and the visibility map
    // that lets the finder's counts come from the covering index alone.
    await db.execute(sql`vacuum analyze`);
    const [count] = (
      await db.execute<{ active: number; all: number }>(
        sql`select count(*) filter (where status = 'active')::int as active, count(*)::int as all from offers`,
      )
    ).rows;
    console.log(
      `Generated ${count?.all} offers (${count?.active} active) of ${generated.organisationIds.length} organisations, ${generated.locations} locations in ${((performance.now() - t) / 1000).toFixed(1)} s`,
    );

    // The coordinator who reads the matrix.
    const coordinator = await createBenchCoordinator(db, "bench@lotse.example");

    app = await buildApp({
      db,
      config: loadConfig({
        LOTSE_DEMO_DATA: "false",
        PUBLIC_URL: "http://127.0.0.1",
        LOTSE_PUBLIC_RATE_LIMIT: "0",
      }),
    });
    const address = await app.listen({ port: 0, host: "127.0.0.1" });

    // The first search of an instance reads every public offer into its search index.
    const heapBefore = process.memoryUsage().heapUsed;
    const cold = await timed(`${address}/api/finder/offers?q=Anerkennung&lang=de`);
    const heapMb = (process.memoryUsage().heapUsed - heapBefore) / 1024 / 1024;
    report("first search (builds the index)", [cold.ms], {
      note: `${count?.active} offers read, heap +${heapMb.toFixed(0)} MB`,
    });

    // Warm-up, as on a server that has been running: every connection of the pool has prepared the
    // finder's statements and PostgreSQL has settled on their plans.
    await load(address, Number(args.warmup), CONCURRENCY);

    console.log(`Finder: ${REQUESTS} searches from ${CONCURRENCY} concurrent clients …`);
    const cpuBefore = process.cpuUsage();
    const { samples, seconds } = await load(address, REQUESTS, CONCURRENCY);
    const cpu = process.cpuUsage(cpuBefore);
    const nodeCpuMs = (cpu.user + cpu.system) / 1000;
    console.log(
      `  Node (server and load generator) used ${(nodeCpuMs / REQUESTS).toFixed(2)} ms CPU per search, ${((nodeCpuMs / (seconds * 1000 * os.cpus().length)) * 100).toFixed(0)} % of the machine`,
    );
    const failed = samples.filter((s) => s.status !== 200).length;
    if (failed) console.warn(`  ${failed} searches did not answer 200`);
    report(
      `finder search, ${CONCURRENCY} clients`,
      samples.map((s) => s.ms),
      {
        target: TARGET_SEARCH_P95,
        note: `${(samples.length / seconds).toFixed(0)} req/s`,
      },
    );
    for (const kind of [...new Set([...SEARCHES.map((s) => s.kind), "unseen typo"])]) {
      report(
        `  of which: ${kind}`,
        samples.filter((s) => s.kind === kind).map((s) => s.ms),
        {},
      );
    }
    const four = await load(address, REQUESTS / 4, 4);
    report(
      "finder search, 4 clients",
      four.samples.map((s) => s.ms),
      {
        target: TARGET_SEARCH_P95,
        note: `${(four.samples.length / four.seconds).toFixed(0)} req/s`,
      },
    );
    // Coordinators edit offers while visitors search: every instance reads the changed offers again
    // before its next search.
    let edits = 0;
    const editor = setInterval(() => {
      edits++;
      void db.execute(
        sql`update offers set description = coalesce(description, '') || ' .' where id = (select id from offers where status = 'active' order by id offset ${(edits * 37) % 5000} limit 1)`,
      );
    }, 100);
    const editing = await load(address, REQUESTS / 2, CONCURRENCY);
    clearInterval(editor);
    report(
      `finder search, ${CONCURRENCY} clients, an offer edited every 100 ms`,
      editing.samples.map((s) => s.ms),
      {
        target: TARGET_SEARCH_P95,
        note: `${(editing.samples.length / editing.seconds).toFixed(0)} req/s, ${edits} edits`,
      },
    );

    const single: number[] = [];
    for (let i = 0; i < SEARCHES.length * 10; i++) {
      single.push((await timed(`${address}/api/finder/offers?${SEARCHES[i % SEARCHES.length]?.query}`)).ms);
    }
    report("finder search, 1 client", single, { note: "sequential, for comparison" });

    const found = JSON.parse(
      (await timed(`${address}/api/finder/offers?q=Anerkennungsberatung&lang=ar`)).body,
    );
    const ids: string[] = found.items.map((i: { id: string }) => i.id);
    const detail: number[] = [];
    for (let i = 0; i < 200; i++)
      detail.push((await timed(`${address}/api/finder/offers/${ids[i % ids.length]}?lang=ar`)).ms);
    report("finder offer page", detail, { note: "sequential" });

    const cookie = await coordinator.login(address);
    const asCoordinator = { headers: { cookie } };
    for (const by of ["phase", "type"]) {
      const ms: number[] = [];
      for (let i = 0; i < MATRIX_CALLS; i++) {
        const r = await timed(`${address}/api/directory/matrix?by=${by}`, asCoordinator);
        if (r.status !== 200) throw new Error(`matrix answered ${r.status}: ${r.body}`);
        ms.push(r.ms);
      }
      report(`matrix by ${by}`, ms, { target: TARGET_MATRIX, note: "sequential" });
    }
    const csv: number[] = [];
    for (let i = 0; i < MATRIX_CALLS; i++)
      csv.push((await timed(`${address}/api/directory/matrix.csv?by=phase`, asCoordinator)).ms);
    report("matrix CSV", csv, { target: TARGET_MATRIX, note: "sequential" });
    const cells: number[] = [];
    for (let i = 0; i < MATRIX_CALLS; i++) {
      const r = await timed(
        `${address}/api/directory/matrix/offers?phase=${1 + (i % 5)}&district=15003&limit=50`,
        asCoordinator,
      );
      cells.push(r.ms);
    }
    report("matrix cell offers", cells, { note: "sequential" });

    // The HSDS export: page through every service, as a partner's import would.
    const probe = await fetch(`${address}/api/hsds/services?per_page=1`);
    if (probe.status === 200) {
      const perPage = 100;
      let page = 1;
      let last = false;
      let services = 0;
      const pages: number[] = [];
      t = performance.now();
      while (!last) {
        const r = await timed(`${address}/api/hsds/services?page=${page}&per_page=${perPage}`);
        if (r.status !== 200) throw new Error(`HSDS answered ${r.status}: ${r.body.slice(0, 300)}`);
        const body = JSON.parse(r.body) as { contents: unknown[]; last_page: boolean };
        services += body.contents.length;
        last = body.last_page || body.contents.length === 0;
        pages.push(r.ms);
        page++;
      }
      const total = performance.now() - t;
      report(`HSDS page of ${perPage} services`, pages, {
        note: `all ${services} services in ${(total / 1000).toFixed(2)} s`,
      });
    } else {
      console.log(`HSDS export skipped: /api/hsds/services answered ${probe.status}`);
    }
    table.print();
  } finally {
    await app?.close();
    await pool.end();
    await pg.stop();
    await fs.rm(dir, { recursive: true, force: true });
  }
}

await main();
