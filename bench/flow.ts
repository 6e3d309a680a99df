// `node bench/flow.ts [--events 1000000] [--shuffle]`: times the directly-follows graph core on a
// synthetic log (about 10 events per case over 20 activities, deterministic). `syntheticLog` and
// `timeDfg` are exported for bench/analytics.ts, which sets pm4js beside it on the same events.

import { parseArgs } from "node:util";
import { discoverDfg } from "../src/server/modules/analytics/flow/dfg.ts";
import { type EventColumns, EventLogEncoder } from "../src/server/modules/analytics/flow/event-log.ts";

/** Deterministic synthetic event log of `events` events; `shuffle` scrambles the row order. */
export function syntheticLog(events: number, { seed = 42, shuffle = false } = {}): EventColumns {
  let state = seed >>> 0;
  const random = () => {
    // mulberry32: tiny, fast, good enough for test data.
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const rows: [string, string, number][] = [];
  let caseNo = 0;
  while (rows.length < events) {
    const length = Math.min(events - rows.length, 2 + Math.floor(random() * 17));
    let time = Date.UTC(2020, 0, 1) + Math.floor(random() * 1.5e11);
    let activity = 0;
    for (let k = 0; k < length; k++) {
      rows.push([`case-${caseNo}`, `activity ${activity}`, time]);
      activity = (activity + 1 + Math.floor(random() * 3)) % 20;
      time += Math.floor(random() * 7 * 86_400_000);
    }
    caseNo++;
  }
  if (shuffle) {
    for (let i = rows.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [rows[i], rows[j]] = [rows[j] as [string, string, number], rows[i] as [string, string, number]];
    }
  }
  const encoder = new EventLogEncoder();
  for (const [c, a, t] of rows) encoder.add(c, a, t);
  return encoder.columns();
}

/** Milliseconds for one directly-follows discovery over `n` synthetic events (best of `runs`). */
export function timeDfg(n: number, { runs = 3, shuffle = false } = {}): number {
  const log = syntheticLog(n, { shuffle });
  let best = Number.POSITIVE_INFINITY;
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    discoverDfg(log);
    best = Math.min(best, performance.now() - t0);
  }
  return best;
}

if (import.meta.main) {
  const { values } = parseArgs({
    options: { events: { type: "string", default: "1000000" }, shuffle: { type: "boolean", default: false } },
  });
  const n = Number(values.events);
  const t0 = performance.now();
  const log = syntheticLog(n, { shuffle: values.shuffle });
  const encoded = performance.now() - t0;
  const times: number[] = [];
  let graph = discoverDfg(log);
  for (let r = 0; r < 5; r++) {
    const t = performance.now();
    graph = discoverDfg(log);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  console.log(
    `${n} events, ${graph.cases} cases, ${graph.edges.length} edges, ${graph.variants.length} variants` +
      `${values.shuffle ? " (rows shuffled)" : ""}: generate+encode ${encoded.toFixed(0)} ms, ` +
      `discoverDfg best ${times[0]?.toFixed(0)} ms, median ${times[2]?.toFixed(0)} ms`,
  );
}
