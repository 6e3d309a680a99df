import { useEffect, useRef, useState } from "react";
import { type ChartOption, init } from "./echarts.ts";

/** A chart event as ECharts reports it; only the fields the page reads. */
export type ChartEvent = { dataType?: string; data?: unknown; name?: string };

type Props = {
  /** The option, or a function of the chart's width in pixels (labels sized to the room there is). */
  option: ChartOption | ((width: number) => ChartOption);
  /** What the chart shows, in one sentence; the figures are in the table next to it. */
  label: string;
  height: number;
  onClick?: (event: ChartEvent) => void;
};

/**
 * One ECharts chart, drawn as SVG. For assistive technology it is a single image with a label: the
 * same figures are in a data table next to it, which is what a screen reader or keyboard reads.
 */
export function Chart({ option, label, height, onClick }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<ReturnType<typeof init> | null>(null);
  const click = useRef(onClick);
  click.current = onClick;
  const [width, setWidth] = useState(0);

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const instance = init(el, undefined, { renderer: "svg" });
    chart.current = instance;
    instance.on("click", (e) => click.current?.(e as ChartEvent));
    setWidth(el.clientWidth);
    // The page's width changes with the navigation drawer and the window, not only on resize.
    const observer = new ResizeObserver(() => {
      instance.resize();
      setWidth(el.clientWidth);
    });
    observer.observe(el);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    if (!width) return;
    const resolved = typeof option === "function" ? option(width) : option;
    // No growing bars and sliding labels for those who asked their system for less motion.
    const still = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
    chart.current?.setOption({ ...resolved, animation: !still }, { notMerge: true });
  }, [option, width]);

  return <div ref={ref} role="img" aria-label={label} className="analytics-chart" style={{ height }} />;
}
