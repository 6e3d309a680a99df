import type {
  GraphSeriesOption,
  LineSeriesOption,
  MapSeriesOption,
  SankeySeriesOption,
} from "echarts/charts";
import { GraphChart, LineChart, MapChart, SankeyChart } from "echarts/charts";
import type {
  GridComponentOption,
  LegendComponentOption,
  TooltipComponentOption,
  VisualMapComponentOption,
} from "echarts/components";
import {
  GridComponent,
  LegendComponent,
  TooltipComponent,
  VisualMapContinuousComponent,
} from "echarts/components";
import type { ComposeOption } from "echarts/core";
import { init, registerMap, use } from "echarts/core";
import { LabelLayout } from "echarts/features";
import { SVGRenderer } from "echarts/renderers";

// Only the charts and components the analytics page draws: the full ECharts build is several
// times larger, and this module loads with the page, not with the app. The SVG renderer instead of
// the canvas one: labels are text elements in the DOM, so a test can measure that none overlap, and
// the charts stay sharp when zoomed (the bundle is about the same size).
use([
  GraphChart,
  SankeyChart,
  LineChart,
  MapChart,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  VisualMapContinuousComponent,
  // labelLayout (hideOverlap, moveOverlap) does nothing without it.
  LabelLayout,
  SVGRenderer,
]);

export type ChartOption = ComposeOption<
  | GraphSeriesOption
  | SankeySeriesOption
  | LineSeriesOption
  | MapSeriesOption
  | GridComponentOption
  | LegendComponentOption
  | TooltipComponentOption
  | VisualMapComponentOption
>;

export { init, registerMap };
