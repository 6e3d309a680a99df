import { type EventColumns, encodeEvents, type FlowEvent } from "./event-log.ts";
import { medianInPlace } from "./median.ts";

export type NamedCount = { name: string; frequency: number };
export type DfgEdge = { from: string; to: string; frequency: number; medianDurationMs: number };
export type Variant = { activities: string[]; frequency: number };

/** A directly-follows graph with the counts process-mining tools report. */
export type DirectlyFollowsGraph = {
  /** Events per activity; most frequent first, then by name. */
  activities: NamedCount[];
  /** `to` directly follows `from` within a case; median time between the two events. */
  edges: DfgEdge[];
  /** First activity of each case. */
  startActivities: NamedCount[];
  /** Last activity of each case. */
  endActivities: NamedCount[];
  /** Distinct activity sequences of cases; most common first, then by sequence. */
  variants: Variant[];
  cases: number;
  events: number;
};

/** Discovers the directly-follows graph of events given as objects; see {@link discoverDfg}. */
export function computeDfg(events: Iterable<FlowEvent>): DirectlyFollowsGraph {
  return discoverDfg(encodeEvents(events));
}

/**
 * Discovers the directly-follows graph of an event log.
 *
 * The events of a case are ordered by timestamp; events with equal timestamps keep their input
 * order (a stable sort), as pm4py and ProM do — so a log whose file order is its time order gives
 * the same graph as tools that do not sort at all. An edge's median duration is the median of the
 * time from the earlier to the later event over all its occurrences (the mean of the two middle
 * values for an even count). Output order is deterministic: by frequency (descending), then by
 * name in code-unit order.
 *
 * Cost: a counting sort by case, a per-case time sort (usually a no-op: logs are mostly in order),
 * one pass over the events with integer edge ids, and a quickselect per edge.
 */
export function discoverDfg(log: EventColumns): DirectlyFollowsGraph {
  const n = log.length;
  const activityCount = log.activityNames.length;
  const order = orderByCaseAndTime(log);
  const { cases, activities, times } = log;

  const activityFreq = new Int32Array(activityCount);
  const startFreq = new Int32Array(activityCount);
  const endFreq = new Int32Array(activityCount);
  // Edge ids: a dense table while activities × activities stays small, a Map otherwise.
  const dense = activityCount * activityCount <= 1 << 22;
  const edgeTable = dense ? new Int32Array(activityCount * activityCount).fill(-1) : null;
  const edgeMap = dense ? null : new Map<number, number>();
  const edgeFrom: number[] = [];
  const edgeTo: number[] = [];
  let edgeFreq = new Int32Array(64);
  const transitionEdge = new Int32Array(Math.max(n - 1, 0));
  const transitionDuration = new Float64Array(Math.max(n - 1, 0));
  let transitions = 0;
  const variantIndex = new Map<string, number>();
  const variantCounts: number[] = [];
  const variantFirstCase: number[] = [];
  let nonEmptyCases = 0;

  let start = 0;
  while (start < n) {
    const c = cases[order[start] as number] as number;
    let end = start + 1;
    while (end < n && cases[order[end] as number] === c) end++;
    nonEmptyCases++;
    let prev = order[start] as number;
    let prevActivity = activities[prev] as number;
    startFreq[prevActivity] = (startFreq[prevActivity] as number) + 1;
    activityFreq[prevActivity] = (activityFreq[prevActivity] as number) + 1;
    let key = String(prevActivity);
    for (let k = start + 1; k < end; k++) {
      const e = order[k] as number;
      const a = activities[e] as number;
      activityFreq[a] = (activityFreq[a] as number) + 1;
      key += `,${a}`;
      const pair = prevActivity * activityCount + a;
      let edge = edgeTable ? (edgeTable[pair] as number) : (edgeMap?.get(pair) ?? -1);
      if (edge < 0) {
        edge = edgeFrom.length;
        edgeFrom.push(prevActivity);
        edgeTo.push(a);
        if (edgeTable) edgeTable[pair] = edge;
        else edgeMap?.set(pair, edge);
        if (edge === edgeFreq.length) {
          const grown = new Int32Array(edgeFreq.length * 2);
          grown.set(edgeFreq);
          edgeFreq = grown;
        }
      }
      edgeFreq[edge] = (edgeFreq[edge] as number) + 1;
      transitionEdge[transitions] = edge;
      transitionDuration[transitions] = (times[e] as number) - (times[prev] as number);
      transitions++;
      prev = e;
      prevActivity = a;
    }
    endFreq[prevActivity] = (endFreq[prevActivity] as number) + 1;
    const v = variantIndex.get(key);
    if (v === undefined) {
      variantIndex.set(key, variantCounts.length);
      variantCounts.push(1);
      variantFirstCase.push(start);
    } else variantCounts[v] = (variantCounts[v] as number) + 1;
    start = end;
  }

  const medians = edgeMedians(edgeFreq, edgeFrom.length, transitionEdge, transitionDuration, transitions);
  const name = (a: number) => log.activityNames[a] as string;
  const edges: DfgEdge[] = edgeFrom.map((from, i) => ({
    from: name(from),
    to: name(edgeTo[i] as number),
    frequency: edgeFreq[i] as number,
    medianDurationMs: medians[i] as number,
  }));
  edges.sort((x, y) => y.frequency - x.frequency || compare(x.from, y.from) || compare(x.to, y.to));

  const variants: Variant[] = variantCounts.map((frequency, i) => {
    const first = variantFirstCase[i] as number;
    const names: string[] = [];
    const c = cases[order[first] as number];
    for (let k = first; k < n && cases[order[k] as number] === c; k++) {
      names.push(name(activities[order[k] as number] as number));
    }
    return { activities: names, frequency };
  });
  variants.sort((x, y) => y.frequency - x.frequency || compareSequences(x.activities, y.activities));

  return {
    activities: counted(activityFreq, log.activityNames),
    edges,
    startActivities: counted(startFreq, log.activityNames),
    endActivities: counted(endFreq, log.activityNames),
    variants,
    cases: nonEmptyCases,
    events: n,
  };
}

/**
 * Event indexes grouped by case (cases in order of first appearance) and, within a case, ordered by
 * time with ties in input order. The counting sort by case is stable, so only the time order
 * inside each case remains — insertion sort for short cases, a comparator with the index as the
 * last key for long ones (stable whatever the engine's sort does).
 */
function orderByCaseAndTime(log: EventColumns): Int32Array {
  const n = log.length;
  const { cases, times } = log;
  const offsets = new Int32Array(log.caseNames.length + 1);
  for (let i = 0; i < n; i++) {
    const slot = (cases[i] as number) + 1;
    offsets[slot] = (offsets[slot] as number) + 1;
  }
  for (let c = 0; c < log.caseNames.length; c++)
    offsets[c + 1] = (offsets[c + 1] as number) + (offsets[c] as number);
  const next = offsets.slice(0, log.caseNames.length);
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const c = cases[i] as number;
    order[next[c] as number] = i;
    next[c] = (next[c] as number) + 1;
  }
  for (let c = 0; c < log.caseNames.length; c++) {
    const from = offsets[c] as number;
    const to = offsets[c + 1] as number;
    let sorted = true;
    for (let k = from + 1; k < to && sorted; k++) {
      sorted = (times[order[k - 1] as number] as number) <= (times[order[k] as number] as number);
    }
    if (sorted) continue;
    if (to - from <= 32) {
      for (let k = from + 1; k < to; k++) {
        const e = order[k] as number;
        const t = times[e] as number;
        let j = k - 1;
        while (j >= from && (times[order[j] as number] as number) > t) {
          order[j + 1] = order[j] as number;
          j--;
        }
        order[j + 1] = e;
      }
    } else {
      const part = Array.from(order.subarray(from, to));
      part.sort((x, y) => (times[x] as number) - (times[y] as number) || x - y);
      order.set(part, from);
    }
  }
  return order;
}

/** Median duration per edge: durations bucketed by edge (counting sort), then a quickselect each. */
function edgeMedians(
  edgeFreq: Int32Array,
  edgeCount: number,
  transitionEdge: Int32Array,
  transitionDuration: Float64Array,
  transitions: number,
): Float64Array {
  const offsets = new Int32Array(edgeCount + 1);
  for (let e = 0; e < edgeCount; e++) offsets[e + 1] = (offsets[e] as number) + (edgeFreq[e] as number);
  const next = offsets.slice(0, edgeCount);
  const buckets = new Float64Array(transitions);
  for (let t = 0; t < transitions; t++) {
    const e = transitionEdge[t] as number;
    buckets[next[e] as number] = transitionDuration[t] as number;
    next[e] = (next[e] as number) + 1;
  }
  const medians = new Float64Array(edgeCount);
  for (let e = 0; e < edgeCount; e++) {
    medians[e] = medianInPlace(buckets, offsets[e] as number, offsets[e + 1] as number);
  }
  return medians;
}

function counted(freq: Int32Array, names: string[]): NamedCount[] {
  const out: NamedCount[] = [];
  for (let a = 0; a < freq.length; a++) {
    if (freq[a]) out.push({ name: names[a] as string, frequency: freq[a] as number });
  }
  return out.sort((x, y) => y.frequency - x.frequency || compare(x.name, y.name));
}

/** Code-unit order: the same on every machine, unlike localeCompare. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function compareSequences(a: string[], b: string[]): number {
  const len = Math.min(a.length, b.length);
  for (let i = 0; i < len; i++) {
    const c = compare(a[i] as string, b[i] as string);
    if (c) return c;
  }
  return a.length - b.length;
}
