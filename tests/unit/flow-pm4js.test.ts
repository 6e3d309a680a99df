// The directly-follows graph against pm4js (the reference the issue names) on public process-mining
// logs shipped inside the pm4js package (tests/fixtures/event-logs/PROVENANCE.md).

import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { readEventLogCsv } from "../../src/server/modules/analytics/flow/csv.ts";
import {
  computeDfg,
  type DirectlyFollowsGraph,
  discoverDfg,
} from "../../src/server/modules/analytics/flow/dfg.ts";
import type { FlowEvent } from "../../src/server/modules/analytics/flow/event-log.ts";

const LOGS = path.resolve(import.meta.dirname, "../fixtures/event-logs");

// pm4js is a browser-style CommonJS library: requiring a file defines its classes as globals. Only
// the files needed here: with its index (init.js, which also loads a Celonis HTTP client and more)
// the vitest fork worker never exits.
const PM4JS_FILES = [
  "pm4js.js",
  "utils/generic/dates.js",
  "utils/generic/business_hours.js",
  "objects/log/log.js",
  "statistics/log/general.js",
  "objects/log/importer/xes/importer.js",
  "objects/log/importer/csv/importer.js",
  "objects/dfg/frequency/obj.js",
  "objects/dfg/performance/obj.js",
  "algo/discovery/dfg/algorithm.js",
];
type Pm4jsAttribute = { value: unknown };
type Pm4jsLog = {
  traces: {
    attributes: Record<string, Pm4jsAttribute>;
    events: { attributes: Record<string, Pm4jsAttribute> }[];
  }[];
};
type Pm4jsDfg = {
  activities: Record<string, number>;
  startActivities: Record<string, number>;
  endActivities: Record<string, number>;
  pathsFrequency: Record<string, number>;
  pathsPerformance: Record<string, number[]>;
};
type Pm4js = {
  XesImporter: { apply(text: string): Pm4jsLog };
  CsvImporter: { apply(text: string, sep: string, quote: string, c: string, a: string, t: string): Pm4jsLog };
  FrequencyDfgDiscovery: { apply(log: Pm4jsLog, activityKey: string): Pm4jsDfg };
  PerformanceDfgDiscovery: {
    apply(log: Pm4jsLog, activityKey: string, timestampKey: string, aggregation: string): Pm4jsDfg;
  };
};
let pm4js: Pm4js;
beforeAll(() => {
  const require = createRequire(import.meta.url);
  for (const file of PM4JS_FILES) require(`pm4js/pm4js/${file}`);
  pm4js = globalThis as unknown as Pm4js;
});

/** Our graph in pm4js's shape: dictionaries keyed by name and by "from,to". */
function asPm4js(graph: DirectlyFollowsGraph) {
  const dict = (xs: { name: string; frequency: number }[]) =>
    Object.fromEntries(xs.map((x) => [x.name, x.frequency]));
  return {
    activities: dict(graph.activities),
    startActivities: dict(graph.startActivities),
    endActivities: dict(graph.endActivities),
    pathsFrequency: Object.fromEntries(graph.edges.map((e) => [`${e.from},${e.to}`, e.frequency])),
  };
}

function expectSameAsPm4js(graph: DirectlyFollowsGraph, log: Pm4jsLog) {
  const reference = pm4js.FrequencyDfgDiscovery.apply(log, "concept:name");
  expect(asPm4js(graph)).toEqual({
    activities: reference.activities,
    startActivities: reference.startActivities,
    endActivities: reference.endActivities,
    pathsFrequency: reference.pathsFrequency,
  });
  expect(graph.cases).toBe(log.traces.length);
  // pm4js's own "median" sorts the numbers as strings; take its raw durations (seconds) instead.
  const raw = pm4js.PerformanceDfgDiscovery.apply(log, "concept:name", "time:timestamp", "raw_values");
  for (const edge of graph.edges) {
    const values = [...(raw.pathsPerformance[`${edge.from},${edge.to}`] ?? [])].sort((a, b) => a - b);
    const mid = values.length >> 1;
    const median =
      values.length % 2 ? values[mid] : ((values[mid - 1] as number) + (values[mid] as number)) / 2;
    expect(edge.medianDurationMs, `${edge.from} → ${edge.to}`).toBeCloseTo((median as number) * 1000, 3);
  }
}

function xesEvents(log: Pm4jsLog): FlowEvent[] {
  // Case ids by position: trace names need not be unique in XES.
  return log.traces.flatMap((trace, i) =>
    trace.events.map((e) => ({
      caseId: String(i),
      activity: String(e.attributes["concept:name"]?.value),
      timestamp: e.attributes["time:timestamp"]?.value as Date,
    })),
  );
}

describe("the directly-follows graph reproduces pm4js", () => {
  // reviewing.xes has 816 and roadtraffic 12 pairs of equal timestamps: the stable order matters.
  for (const file of ["running-example.xes", "roadtraffic100traces.xes", "reviewing.xes"]) {
    it(`on ${file}`, () => {
      const log = pm4js.XesImporter.apply(fs.readFileSync(path.join(LOGS, file), "utf8"));
      expectSameAsPm4js(computeDfg(xesEvents(log)), log);
    });
  }

  for (const file of ["running-example.csv", "receipt.csv"]) {
    it(`on ${file}, read by our CSV reader`, async () => {
      const graph = discoverDfg(await readEventLogCsv(fs.createReadStream(path.join(LOGS, file))));
      const log = pm4js.CsvImporter.apply(
        fs.readFileSync(path.join(LOGS, file), "utf8"),
        ",",
        '"',
        "case:concept:name",
        "concept:name",
        "time:timestamp",
      );
      expectSameAsPm4js(graph, log);
    });
  }

  it("shuffling the rows of a log does not change its graph", async () => {
    const log = await readEventLogCsv(fs.createReadStream(path.join(LOGS, "receipt.csv")));
    const rows = Array.from({ length: log.length }, (_, i) => i).reverse();
    const shuffled = computeDfg(
      rows.map((i) => ({
        caseId: log.caseNames[log.cases[i] as number] as string,
        activity: log.activityNames[log.activities[i] as number] as string,
        timestamp: log.times[i] as number,
      })),
    );
    expect(shuffled).toEqual(discoverDfg(log));
  });
});

describe("the running example of the Process Mining book", () => {
  it("gives its known directly-follows graph, also as pm4js ships it in running-example.dfg", async () => {
    const graph = discoverDfg(
      await readEventLogCsv(fs.createReadStream(path.join(LOGS, "running-example.csv"))),
    );
    const known = {
      "register request,examine casually": 3,
      "register request,check ticket": 2,
      "register request,examine thoroughly": 1,
      "examine casually,check ticket": 4,
      "examine casually,decide": 2,
      "examine thoroughly,check ticket": 2,
      "examine thoroughly,decide": 1,
      "check ticket,decide": 6,
      "check ticket,examine casually": 2,
      "check ticket,examine thoroughly": 1,
      "decide,reinitiate request": 3,
      "decide,pay compensation": 3,
      "decide,reject request": 3,
      "reinitiate request,examine casually": 1,
      "reinitiate request,examine thoroughly": 1,
      "reinitiate request,check ticket": 1,
    };
    expect(asPm4js(graph)).toEqual({
      activities: {
        "register request": 6,
        "examine casually": 6,
        "examine thoroughly": 3,
        "check ticket": 9,
        decide: 9,
        "reinitiate request": 3,
        "pay compensation": 3,
        "reject request": 3,
      },
      startActivities: { "register request": 6 },
      endActivities: { "pay compensation": 3, "reject request": 3 },
      pathsFrequency: known,
    });
    expect(asPm4js(graph).pathsFrequency).toEqual(parseDfgFile(path.join(LOGS, "running-example.dfg")));
    expect(graph.cases).toBe(6);
    expect(graph.events).toBe(42);
    expect(graph.variants).toHaveLength(6);
  });

  it("reads the same log with semicolons and plain column names (case_id, activity, timestamp)", async () => {
    const read = async (file: string) =>
      discoverDfg(await readEventLogCsv(fs.createReadStream(path.join(LOGS, file))));
    expect(await read("running-example_unchanged.csv")).toEqual(await read("running-example.csv"));
  });
});

/** The .dfg text format (pm4py/pm4js): activity count, names, start and end blocks, then "i>jxN" lines. */
function parseDfgFile(file: string): Record<string, number> {
  const lines = fs.readFileSync(file, "utf8").trim().split(/\r?\n/);
  let at = 0;
  const names = Array.from({ length: Number(lines[at++]) }, () => lines[at++] as string);
  for (let block = 0; block < 2; block++) {
    const entries = Number(lines[at++]); // start, then end activities
    at += entries;
  }
  const paths: Record<string, number> = {};
  for (; at < lines.length; at++) {
    const [, from, to, n] = /^(\d+)>(\d+)x(\d+)$/.exec(lines[at] as string) ?? [];
    paths[`${names[Number(from)]},${names[Number(to)]}`] = Number(n);
  }
  return paths;
}
