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
import { CanvasRenderer } from "echarts/renderers";

// Only the charts and components the analytics page draws: the full ECharts build is several
// times larger, and this module loads with the page, not with the app.
use([
  GraphChart,
  SankeyChart,
  LineChart,
  MapChart,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  VisualMapContinuousComponent,
  CanvasRenderer,
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
