import type { ChartOption } from "#client/features/analytics/echarts.ts";
import { typeColour } from "#client/features/analytics/format.ts";
import type { NetworkEffect } from "#shared/contracts/trainings-network.ts";

/** Colour of a link that exists only after the cohort (contrast ≥ 3:1 on white). */
export const NEW_LINK = "#0b7285";
const OLD_LINK = "#868e96";

/**
 * One of the two graphs (before or after) as an ECharts graph: the participants' organisations on
 * a circle in the same places in both, so that the eye compares edges, not layouts; line width
 * grows with the referral volume, and links new after the cohort are drawn in their own colour.
 */
export function effectGraphOption(
  data: NetworkEffect,
  window: "before" | "after",
  typeName: (type: string) => string,
  width: number,
): ChartOption {
  const n = data.organisations.length;
  const radius = Math.max(80, Math.min(width, 420) / 2 - 70);
  const nodes = data.organisations.map((o, i) => {
    const angle = (2 * Math.PI * i) / Math.max(n, 1) - Math.PI / 2;
    return {
      id: o.id,
      name: o.name,
      x: Math.cos(angle) * radius,
      y: Math.sin(angle) * radius,
      symbolSize: 14 + 4 * Math.min(o.participants, 4),
      itemStyle: { color: typeColour(o.type) },
      value: typeName(o.type),
    };
  });
  const edges = data.edges
    .filter((e) => e[window] > 0)
    .map((e) => ({
      source: e.from,
      target: e.to,
      value: e[window],
      lineStyle: {
        width: Math.min(1.5 + e[window], 8),
        color: window === "after" && e.newLink ? NEW_LINK : OLD_LINK,
        curveness: 0.15,
      },
    }));
  return {
    tooltip: { trigger: "item" },
    series: [
      {
        type: "graph",
        layout: "none",
        roam: false,
        data: nodes,
        links: edges,
        edgeSymbol: ["none", "arrow"],
        edgeSymbolSize: 8,
        label: { show: true, position: "bottom", width: 120, overflow: "truncate", fontSize: 11 },
        labelLayout: { hideOverlap: true },
        emphasis: { focus: "adjacency" },
      },
    ],
  };
}
