import { useEffect, useRef } from "react";
import { type ChartOption, init } from "./echarts.ts";

/** A chart event as ECharts reports it; only the fields the page reads. */
export type ChartEvent = { dataType?: string; data?: unknown; name?: string };

type Props = {
  option: ChartOption;
  /** What the chart shows, in one sentence; the figures are in the table next to it. */
  label: string;
  height: number;
  onClick?: (event: ChartEvent) => void;
};

/**
 * One ECharts canvas. For assistive technology it is a single image with a label: the same figures
 * are in a data table next to it, which is what a screen reader or keyboard reads.
 */
export function Chart({ option, label, height, onClick }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<ReturnType<typeof init> | null>(null);
  const click = useRef(onClick);
  click.current = onClick;

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const instance = init(el, undefined, { renderer: "canvas" });
    chart.current = instance;
    instance.on("click", (e) => click.current?.(e as ChartEvent));
    // The page's width changes with the navigation drawer and the window, not only on resize.
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(el);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  return <div ref={ref} role="img" aria-label={label} className="analytics-chart" style={{ height }} />;
}
