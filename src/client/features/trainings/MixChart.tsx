import { useEffect, useRef } from "react";
import { type BarOption, init } from "./mix-chart.ts";

type Props = { bars: { label: string; value: number }[]; label: string };

/**
 * A horizontal bar chart of counts, drawn as SVG. For assistive technology it is one image with a
 * label; the same figures are in the table beside it.
 */
export function MixChart({ bars, label }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const height = 40 + bars.length * 34;
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const chart = init(el, undefined, { renderer: "svg" });
    const still = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
    // Left to right in every language (as the analytics charts): ECharts clips right-hand axis labels.
    const option: BarOption = {
      animation: !still,
      grid: { left: 8, right: 24, top: 8, bottom: 24, containLabel: true },
      tooltip: { trigger: "axis" },
      xAxis: { type: "value", minInterval: 1 },
      yAxis: {
        type: "category",
        data: bars.map((b) => b.label),
        inverse: true,
        axisLabel: { width: 180, overflow: "truncate" },
      },
      series: [
        {
          type: "bar",
          data: bars.map((b) => b.value),
          itemStyle: { color: "#1c5d99" },
          label: { show: true, position: "right" },
        },
      ],
    };
    chart.setOption(option);
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(el);
    return () => {
      observer.disconnect();
      chart.dispose();
    };
  }, [bars]);
  // ECharts lays SVG text out left to right; inside an RTL page its labels would be clipped.
  return <div ref={ref} role="img" aria-label={label} dir="ltr" style={{ height, width: "100%" }} />;
}
