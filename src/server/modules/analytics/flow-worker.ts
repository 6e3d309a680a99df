import { parentPort } from "node:worker_threads";
import pg from "pg";
import { to as copyTo } from "pg-copy-streams";
import { type DirectlyFollowsGraph, discoverDfg } from "./flow/dfg.ts";
import type { EventColumns } from "./flow/event-log.ts";

/**
 * The process flow's heavy part in a worker thread: reading a million events from a COPY stream
 * and discovering their directly-follows graph takes about a second of CPU, which on the main
 * thread would hold up every other request meanwhile. The worker opens its own connection, runs
 * the COPY the main thread prepared (scope and filters already inlined), and answers the graph.
 */

export type FlowJob = { connection: pg.ClientConfig; where: string; variants: number };
export type FlowAnswer = { graph: DirectlyFollowsGraph } | { error: string };

/**
 * Reads `case \t offer type \t state \t epoch ms \t id` lines straight into columns. Events of a
 * case mostly come together, so the case name is compared in place before it is cut out and looked
 * up; numbers are read digit by digit — a million events cost a fraction of a second in Node, and
 * PostgreSQL only prints columns (every expression per row showed in the time).
 */
async function streamEvents(client: pg.Client, where: string, ordered: boolean) {
  const stream = client.query(
    copyTo(`copy (select e.case_pseudonym, coalesce(e.offer_type, 'other'), e.to_state,
      (date_part('epoch', e.at) * 1000)::bigint, e.id
      from referral_events e where ${where} ${ordered ? "order by e.id" : ""}) to stdout`),
  );
  let size = 1 << 16;
  let cases = new Int32Array(size);
  let activities = new Int32Array(size);
  let times = new Float64Array(size);
  let n = 0;
  const caseNames: string[] = [];
  const caseIds = new Map<string, number>();
  const activityNames: string[] = [];
  const activityIds = new Map<string, number>();
  let lastCase = "";
  let lastCaseId = -1;
  let lastId = Number.NEGATIVE_INFINITY;
  let inOrder = true;
  let rest = "";
  const number = (text: string, from: number, to: number) => {
    let v = 0;
    for (let i = from; i < to; i++) v = v * 10 + text.charCodeAt(i) - 48;
    return v;
  };
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    // Everything printed is ASCII (pseudonyms, codes, digits), so latin1 decodes it byte for byte.
    const text = rest + chunk.toString("latin1");
    let start = 0;
    for (let end = text.indexOf("\n"); end >= 0; end = text.indexOf("\n", start)) {
      const t1 = text.indexOf("\t", start);
      const t3 = text.indexOf("\t", text.indexOf("\t", t1 + 1) + 1);
      const t4 = text.indexOf("\t", t3 + 1);
      if (n === size) {
        size *= 2;
        const c = new Int32Array(size);
        c.set(cases);
        cases = c;
        const a = new Int32Array(size);
        a.set(activities);
        activities = a;
        const t = new Float64Array(size);
        t.set(times);
        times = t;
      }
      if (!(t1 - start === lastCase.length && text.startsWith(lastCase, start))) {
        lastCase = text.slice(start, t1);
        let id = caseIds.get(lastCase);
        if (id === undefined) {
          id = caseNames.length;
          caseIds.set(lastCase, id);
          caseNames.push(lastCase);
        }
        lastCaseId = id;
      }
      cases[n] = lastCaseId;
      const key = text.slice(t1 + 1, t3);
      let activity = activityIds.get(key);
      if (activity === undefined) {
        activity = activityNames.length;
        activityIds.set(key, activity);
        activityNames.push(key.replace("\t", ": "));
      }
      activities[n] = activity;
      times[n] = number(text, t3 + 1, t4);
      const id = number(text, t4 + 1, end);
      if (id < lastId) inOrder = false;
      lastId = id;
      n++;
      start = end + 1;
    }
    rest = text.slice(start);
  }
  const columns: EventColumns = {
    caseNames,
    activityNames,
    cases: cases.subarray(0, n),
    activities: activities.subarray(0, n),
    times: times.subarray(0, n),
    length: n,
  };
  return { columns, inOrder };
}

/** Runs one job: the log is append-only, so heap order is id order; if not, it is read again sorted. */
async function run(job: FlowJob): Promise<DirectlyFollowsGraph> {
  const client = new pg.Client(job.connection);
  await client.connect();
  try {
    const first = await streamEvents(client, job.where, false);
    const columns: EventColumns = first.inOrder
      ? first.columns
      : (await streamEvents(client, job.where, true)).columns;
    const graph = discoverDfg(columns);
    return { ...graph, variants: graph.variants.slice(0, job.variants) };
  } finally {
    await client.end();
  }
}

parentPort?.on("message", (job: FlowJob) => {
  run(job).then(
    (graph) => parentPort?.postMessage({ graph } satisfies FlowAnswer),
    (err: unknown) =>
      parentPort?.postMessage({
        error: err instanceof Error ? err.message : String(err),
      } satisfies FlowAnswer),
  );
});
