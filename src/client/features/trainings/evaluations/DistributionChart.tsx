import { BarChart, type BarSeriesOption } from "echarts/charts";
import {
  GridComponent,
  type GridComponentOption,
  LegendComponent,
  type LegendComponentOption,
  TooltipComponent,
  type TooltipComponentOption,
} from "echarts/components";
import { type ComposeOption, init, use } from "echarts/core";
import { SVGRenderer } from "echarts/renderers";
import { useEffect, useRef } from "react";

// Only the bar chart this panel draws, in SVG (sharp when zoomed, text in the DOM).
use([BarChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

type Option = ComposeOption<
  BarSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption
>;

type Props = {
  /** Labels of the scale values 1–5. */
  categories: string[];
  before: { name: string; counts: number[] | null };
  after: { name: string; counts: number[] | null };
  /** What the chart shows, in one sentence; the figures are in the table beside it. */
  label: string;
};

/**
 * Answers per scale value before and after, as grouped bars. For assistive technology a single
 * image with a label: the same figures are in the table that follows it.
 */
export function DistributionChart({ categories, before, after, label }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<ReturnType<typeof init> | null>(null);

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const instance = init(el, undefined, { renderer: "svg" });
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(el);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    const rtl = document.documentElement.dir === "rtl";
    const still = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
    const series = [before, after]
      .filter((s) => s.counts !== null)
      .map((s): BarSeriesOption => ({ type: "bar", name: s.name, data: s.counts ?? [] }));
    // Before grey, after blue: told apart also without colour vision by their order and legend.
    const color = [before, after]
      .filter((s) => s.counts !== null)
      .map((s) => (s === before ? "#868e96" : "#1971c2"));
    const option: Option = {
      animation: !still,
      color,
      tooltip: { trigger: "axis", confine: true },
      legend: { bottom: 0 },
      grid: { left: rtl ? 16 : 40, right: rtl ? 40 : 16, top: 16, bottom: 56 },
      // Right to left the scale runs from the right, as the reader reads.
      xAxis: { type: "category", data: categories, axisLabel: { hideOverlap: true }, inverse: rtl },
      yAxis: { type: "value", minInterval: 1, min: 0, position: rtl ? "right" : "left" },
      series,
    };
    chart.current?.setOption(option, { notMerge: true });
  }, [categories, before, after]);

  // ECharts lays its SVG text out left to right; inside a right-to-left page its legend texts
  // would be anchored off their marks. The chart says which way it runs (inverse axis above).
  return <div ref={ref} role="img" aria-label={label} dir="ltr" style={{ height: 240, width: "100%" }} />;
}
