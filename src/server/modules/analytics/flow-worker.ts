import { parentPort } from "node:worker_threads";
import pg from "pg";
import { to as copyTo } from "pg-copy-streams";
import { CopyEventReader } from "./flow/copy-reader.ts";
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

/** Streams the events in scope through a {@link CopyEventReader}. */
async function readEvents(client: pg.Client, where: string): Promise<EventColumns> {
  const stream = client.query(
    copyTo(`copy (select e.case_pseudonym, coalesce(e.offer_type, 'other'), e.to_state,
      (date_part('epoch', e.at) * 1000)::bigint, e.id
      from referral_events e where ${where}) to stdout`),
  );
  const reader = new CopyEventReader();
  for await (const chunk of stream as AsyncIterable<Buffer>) reader.push(chunk);
  return reader.columns();
}

/** Runs one job on a connection of its own. */
async function run(job: FlowJob): Promise<DirectlyFollowsGraph> {
  const client = new pg.Client(job.connection);
  await client.connect();
  try {
    // The event log is append-only: read from its first page, the scan prints it in id order
    // (a scan joining another one midway would start anywhere, and the reader would sort).
    await client.query("set synchronize_seqscans = off");
    const graph = discoverDfg(await readEvents(client, job.where));
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
