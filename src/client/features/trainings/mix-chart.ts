import { BarChart, type BarSeriesOption } from "echarts/charts";
import {
  GridComponent,
  type GridComponentOption,
  TooltipComponent,
  type TooltipComponentOption,
} from "echarts/components";
import { type ComposeOption, init, use } from "echarts/core";
import { SVGRenderer } from "echarts/renderers";

// Only what the cohort's mix chart draws (a horizontal bar chart), as SVG so the labels are text.
use([BarChart, GridComponent, TooltipComponent, SVGRenderer]);

export type BarOption = ComposeOption<BarSeriesOption | GridComponentOption | TooltipComponentOption>;
export { init };
