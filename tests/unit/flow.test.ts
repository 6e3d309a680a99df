import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { EventLogFormatError, readEventLogCsv } from "../../src/server/modules/analytics/flow/csv.ts";
import { computeDfg, discoverDfg } from "../../src/server/modules/analytics/flow/dfg.ts";
import type { FlowEvent } from "../../src/server/modules/analytics/flow/event-log.ts";
import { medianInPlace } from "../../src/server/modules/analytics/flow/median.ts";
import { parseTimestamp } from "../../src/server/modules/analytics/flow/timestamp.ts";

const HOUR = 3_600_000;
const t0 = Date.UTC(2024, 0, 1);
const ev = (caseId: string, activity: string, hours: number): FlowEvent => ({
  caseId,
  activity,
  timestamp: t0 + hours * HOUR,
});
const edgeMap = (events: FlowEvent[]) =>
  Object.fromEntries(computeDfg(events).edges.map((e) => [`${e.from}>${e.to}`, e.frequency]));

describe("directly-follows graph", () => {
  it("counts activities, edges with median durations, start and end activities and variants", () => {
    const graph = computeDfg([
      ev("1", "a", 0),
      ev("1", "b", 1),
      ev("1", "c", 3),
      ev("2", "a", 0),
      ev("2", "b", 3),
      ev("2", "c", 4),
      ev("3", "a", 0),
      ev("3", "c", 10),
    ]);
    expect(graph).toEqual({
      activities: [
        { name: "a", frequency: 3 },
        { name: "c", frequency: 3 },
        { name: "b", frequency: 2 },
      ],
      edges: [
        // a→b took 1 h and 3 h: an even count gives the mean of the two middle values.
        { from: "a", to: "b", frequency: 2, medianDurationMs: 2 * HOUR },
        { from: "b", to: "c", frequency: 2, medianDurationMs: 1.5 * HOUR },
        { from: "a", to: "c", frequency: 1, medianDurationMs: 10 * HOUR },
      ],
      startActivities: [{ name: "a", frequency: 3 }],
      endActivities: [{ name: "c", frequency: 3 }],
      variants: [
        { activities: ["a", "b", "c"], frequency: 2 },
        { activities: ["a", "c"], frequency: 1 },
      ],
      cases: 3,
      events: 8,
    });
  });

  it("orders the events of a case by time whatever the input order", () => {
    const sorted = [ev("x", "a", 0), ev("y", "a", 1), ev("x", "b", 2), ev("y", "c", 3), ev("x", "c", 5)];
    const scrambled = [sorted[4], sorted[1], sorted[2], sorted[0], sorted[3]] as FlowEvent[];
    expect(computeDfg(scrambled)).toEqual(computeDfg(sorted));
    expect(edgeMap(scrambled)).toEqual({ "a>b": 1, "b>c": 1, "a>c": 1 });
  });

  it("keeps events with equal timestamps in input order", () => {
    expect(edgeMap([ev("1", "b", 0), ev("1", "a", 0), ev("1", "c", 0)])).toEqual({ "b>a": 1, "a>c": 1 });
    expect(edgeMap([ev("1", "a", 0), ev("1", "b", 0), ev("1", "c", 0)])).toEqual({ "a>b": 1, "b>c": 1 });
  });

  it("sorts long cases stably too", () => {
    // 40 events (past the insertion-sort limit), reversed in time, pairs sharing a timestamp.
    const events: FlowEvent[] = [];
    for (let i = 39; i >= 0; i--) events.push(ev("long", `a${i}`, Math.floor(i / 2)));
    const variant = computeDfg(events).variants[0]?.activities;
    const expected: string[] = [];
    for (let h = 0; h < 20; h++) expected.push(`a${2 * h + 1}`, `a${2 * h}`);
    expect(variant).toEqual(expected);
  });

  it("treats a one-event case as start and end without edges", () => {
    const graph = computeDfg([ev("solo", "register", 0), ev("pair", "register", 0), ev("pair", "close", 2)]);
    expect(graph.startActivities).toEqual([{ name: "register", frequency: 2 }]);
    expect(graph.endActivities).toEqual([
      { name: "close", frequency: 1 },
      { name: "register", frequency: 1 },
    ]);
    expect(graph.edges).toEqual([
      { from: "register", to: "close", frequency: 1, medianDurationMs: 2 * HOUR },
    ]);
    expect(graph.variants).toEqual([
      { activities: ["register"], frequency: 1 },
      { activities: ["register", "close"], frequency: 1 },
    ]);
  });

  it("counts self-loops and repeated activities", () => {
    expect(edgeMap([ev("1", "a", 0), ev("1", "a", 1), ev("1", "a", 2), ev("1", "b", 3)])).toEqual({
      "a>a": 2,
      "a>b": 1,
    });
  });

  it("returns an empty graph for an empty log", () => {
    expect(computeDfg([])).toEqual({
      activities: [],
      edges: [],
      startActivities: [],
      endActivities: [],
      variants: [],
      cases: 0,
      events: 0,
    });
  });

  it("handles more activities than the dense edge table holds", () => {
    // 2,100 activities: 2,100² pairs exceed the dense table, so edge ids come from the Map.
    const events = Array.from({ length: 2100 }, (_, i) => ev("chain", `step ${i}`, i));
    events.push(ev("other", "step 5", 0), ev("other", "step 6", 4));
    const graph = computeDfg(events);
    expect(graph.edges).toHaveLength(2099);
    expect(graph.edges[0]).toEqual({
      from: "step 5",
      to: "step 6",
      frequency: 2,
      medianDurationMs: 2.5 * HOUR,
    });
  });

  it("reports identical graphs for the same events as columns or objects", () => {
    const events = [ev("1", "a", 0), ev("1", "b", 1)];
    const encoded = {
      caseNames: ["1"],
      activityNames: ["a", "b"],
      cases: Int32Array.of(0, 0),
      activities: Int32Array.of(0, 1),
      times: Float64Array.of(t0, t0 + HOUR),
      length: 2,
    };
    expect(discoverDfg(encoded)).toEqual(computeDfg(events));
  });
});

describe("median by quickselect", () => {
  it("agrees with sorting on random arrays with duplicates", () => {
    let seed = 7;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    for (let round = 0; round < 300; round++) {
      const length = 1 + Math.floor(random() * 200);
      const values = Float64Array.from({ length }, () => Math.floor(random() * 20));
      const sorted = Array.from(values).sort((a, b) => a - b);
      const mid = length >> 1;
      const expected = length % 2 ? sorted[mid] : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
      expect(medianInPlace(values)).toBe(expected);
    }
  });

  it("works on a segment and answers NaN for an empty one", () => {
    const values = Float64Array.of(100, 5, 1, 3, 100);
    expect(medianInPlace(values, 1, 4)).toBe(3);
    expect(values[0]).toBe(100);
    expect(values[4]).toBe(100);
    expect(medianInPlace(values, 2, 2)).toBeNaN();
  });
});

describe("timestamps", () => {
  it("reads ISO 8601 with and without a zone (UTC), with a space or T, and epoch milliseconds", () => {
    expect(parseTimestamp("2010-12-30 14:32:00+01:00")).toBe(Date.UTC(2010, 11, 30, 13, 32));
    expect(parseTimestamp("2010-12-30T14:32:00Z")).toBe(Date.UTC(2010, 11, 30, 14, 32));
    expect(parseTimestamp("2010-12-30T14:32:00.250-0230")).toBe(Date.UTC(2010, 11, 30, 17, 2, 0, 250));
    expect(parseTimestamp("2011-10-11 13:45:40.276")).toBe(Date.UTC(2011, 9, 11, 13, 45, 40, 276));
    expect(parseTimestamp("2011-10-11")).toBe(Date.UTC(2011, 9, 11));
    expect(parseTimestamp("1293715920000")).toBe(1293715920000);
  });

  it("rejects what is not a time", () => {
    for (const bad of ["", "yesterday", "2021-02-30", "2021-13-01", "30-12-2010 14:32", "2010-12-30T25:00"]) {
      expect(parseTimestamp(bad), bad).toBeNaN();
    }
  });
});

describe("event log CSV", () => {
  const read = (text: string, delimiter?: string) =>
    readEventLogCsv(Readable.from([text]), delimiter ? { delimiter } : {});

  it("reads quoted fields with commas, escaped quotes and line breaks", async () => {
    const log = await read(
      'case,activity,timestamp\n"c,1","say ""hi"", then\nwait",2024-01-01T00:00:00Z\n"c,1",done,2024-01-01T01:00:00Z\n',
    );
    expect(log.caseNames).toEqual(["c,1"]);
    expect(log.activityNames).toEqual(['say "hi", then\nwait', "done"]);
    expect(Array.from(log.times)).toEqual([t0, t0 + HOUR]);
  });

  it("accepts the XES column names and other columns beside them, and a semicolon", async () => {
    const log = await read("org:resource;time:timestamp;concept:name;case:concept:name\nPete;0;a;7\n");
    expect(log.caseNames).toEqual(["7"]);
    expect(log.activityNames).toEqual(["a"]);
  });

  it("names a missing column", async () => {
    await expect(read("case,step,timestamp\n1,a,0\n")).rejects.toThrow(/line 1: missing column "activity"/);
  });

  it("names the line of a bad timestamp", async () => {
    const error = await read("case,activity,timestamp\n1,a,0\n1,b,soon\n").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EventLogFormatError);
    expect((error as EventLogFormatError).line).toBe(3);
    expect((error as Error).message).toContain('bad timestamp "soon"');
  });

  it("reports a broken row with its line", async () => {
    await expect(read("case,activity,timestamp\n1,a,0\n1,b\n")).rejects.toThrow(/line 3/);
    await expect(read('case,activity,timestamp\n1,"a,0\n')).rejects.toThrow(EventLogFormatError);
  });
});
