import dagre from "@dagrejs/dagre";
import type { ProcessFlow } from "#shared/contracts/analytics.ts";

/**
 * The process map: the directly-follows graph drawn as boxes (activities) and arrows (one activity
 * directly followed by another in a case), laid out in layers from left to right.
 *
 * The layout is dagre's (@dagrejs/dagre, 48 kB): a layered (Sugiyama) layout that breaks cycles,
 * orders each layer to keep crossings few, and — what matters most here — places every arrow's label
 * as a node of its own, so that labels never sit on a box or on another label. ELK (elkjs) lays out
 * as well or better but weighs about 1.5 MB; a hand-written layered layout would have to redo
 * crossing reduction and label placement. See docs/decisions/014-analytics-views-and-process-map.md.
 */

export type MapBoxKind = "activity" | "start" | "end";
export type MapBox = {
  id: string;
  kind: MapBoxKind;
  /** One or two lines of text, the first one bold. */
  lines: string[];
  frequency: number;
  x: number;
  y: number;
  width: number;
  height: number;
};
export type MapArrow = {
  from: string;
  to: string;
  frequency: number;
  points: { x: number; y: number }[];
  label: { lines: string[]; x: number; y: number; width: number; height: number };
};
export type MapLayout = { width: number; height: number; boxes: MapBox[]; arrows: MapArrow[] };

/** What a box and an arrow say, before layout. */
export type MapInput = {
  boxes: { id: string; kind: MapBoxKind; lines: string[]; frequency: number }[];
  arrows: { from: string; to: string; frequency: number; lines: string[] }[];
};

export const START = "\u0000start";
export const END = "\u0000end";

/** How much of the graph a map shows: the most frequent arrows, or all of them. */
export const MAP_DETAILS = { main: 12, more: 30, all: Number.POSITIVE_INFINITY } as const;
export type MapDetail = keyof typeof MAP_DETAILS;

/**
 * The part of the flow a map shows: the `limit` most frequent paths — arrows between two different
 * activities (a repeat of the same activity stays in the table) and the arrows from the start and to
 * the end of cases, ranked together as process-mining tools do — and the activities they join.
 * A start or end arrow is only drawn to an activity that a path between activities brings in.
 */
export function selectPaths(flow: ProcessFlow, limit: number) {
  type Candidate = { from: string; to: string; frequency: number; medianHours: number | null };
  const byFrequency = (a: Candidate, b: Candidate) =>
    b.frequency - a.frequency || a.from.localeCompare(b.from) || a.to.localeCompare(b.to);
  const between: Candidate[] = flow.edges.filter((e) => e.from !== e.to);
  const candidates: Candidate[] = [
    ...between,
    ...flow.startActivities.map((a) => ({
      from: START,
      to: a.name,
      frequency: a.frequency,
      medianHours: null,
    })),
    ...flow.endActivities.map((a) => ({ from: a.name, to: END, frequency: a.frequency, medianHours: null })),
  ].sort(byFrequency);
  const chosen = candidates.slice(0, limit);
  const edges = chosen.filter((e) => e.from !== START && e.to !== END);
  const shown = new Set(edges.flatMap((e) => [e.from, e.to]));
  return {
    activities: flow.activities.filter((a) => shown.has(a.name)),
    edges: edges.map((e) => ({ ...e, medianHours: e.medianHours ?? 0 })),
    starts: chosen
      .filter((e) => e.from === START && shown.has(e.to))
      .map((e) => ({ name: e.to, frequency: e.frequency })),
    ends: chosen
      .filter((e) => e.to === END && shown.has(e.from))
      .map((e) => ({ name: e.from, frequency: e.frequency })),
    /** Paths between activities in all (the map shows `edges` of them). */
    total: between.length,
  };
}

export const FONT_SIZE = 12;
export const LABEL_FONT_SIZE = 11;
// Lines 1.6 times the font size apart: as tall as the glyphs draw, Arabic script included.
export const LINE_HEIGHT = 19;
export const LABEL_LINE_HEIGHT = 18;
const BOX_PADDING_X = 12;
const BOX_PADDING_Y = 8;
const LABEL_PADDING = 4;

/** Measures a line of text in pixels at a size and weight. */
export type Measure = (text: string, size: number, bold: boolean) => number;

/** Places boxes and arrows; `rtl` lays the map out from right to left. */
export function layoutProcessMap(input: MapInput, measure: Measure, rtl: boolean): MapLayout {
  const g = new dagre.graphlib.Graph({ multigraph: false });
  g.setGraph({
    rankdir: rtl ? "RL" : "LR",
    nodesep: 18,
    edgesep: 12,
    ranksep: 36,
    marginx: 8,
    marginy: 8,
  });
  g.setDefaultEdgeLabel(() => ({}));
  for (const box of input.boxes) {
    const widest = Math.max(...box.lines.map((line, i) => measure(line, FONT_SIZE, i === 0)));
    g.setNode(box.id, {
      width: Math.ceil(widest + 2 * BOX_PADDING_X),
      height: box.lines.length * LINE_HEIGHT + 2 * BOX_PADDING_Y,
    });
  }
  for (const arrow of input.arrows) {
    const widest = Math.max(...arrow.lines.map((line, i) => measure(line, LABEL_FONT_SIZE, i === 0)));
    g.setEdge(arrow.from, arrow.to, {
      width: Math.ceil(widest + 2 * LABEL_PADDING),
      height: arrow.lines.length * LABEL_LINE_HEIGHT + 2 * LABEL_PADDING,
      labelpos: "c",
      // Frequent paths pull harder towards a straight line.
      weight: Math.max(1, Math.round(Math.log2(1 + arrow.frequency))),
    });
  }
  dagre.layout(g);

  const boxes = input.boxes.map((box) => {
    const n = g.node(box.id);
    return { ...box, x: n.x ?? 0, y: n.y ?? 0, width: n.width, height: n.height };
  });
  const arrows = input.arrows.map((arrow) => {
    const e = g.edge(arrow.from, arrow.to);
    return {
      from: arrow.from,
      to: arrow.to,
      frequency: arrow.frequency,
      points: e.points ?? [],
      label: {
        lines: arrow.lines,
        x: e.x ?? 0,
        y: e.y ?? 0,
        width: e.width ?? 0,
        height: e.height ?? 0,
      },
    };
  });
  const graph = g.graph();
  return { width: Math.ceil(graph.width ?? 0), height: Math.ceil(graph.height ?? 0), boxes, arrows };
}

/** A smooth path through dagre's points (a B-spline through the midpoints, like d3's curveBasis). */
export function pathThrough(points: { x: number; y: number }[]): string {
  const [first, ...rest] = points;
  if (!first) return "";
  if (rest.length === 0) return `M${first.x},${first.y}`;
  let d = `M${first.x},${first.y}`;
  for (let i = 0; i < rest.length - 1; i++) {
    const p = rest[i] as { x: number; y: number };
    const q = rest[i + 1] as { x: number; y: number };
    d += ` Q${p.x},${p.y} ${(p.x + q.x) / 2},${(p.y + q.y) / 2}`;
  }
  const last = rest[rest.length - 1] as { x: number; y: number };
  return `${d} L${last.x},${last.y}`;
}
