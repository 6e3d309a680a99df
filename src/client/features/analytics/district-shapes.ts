import { callApi } from "#client/api/client.ts";
import type { DistrictMap } from "#shared/contracts/finder.ts";
import { finderRoutes } from "#shared/contracts/routes/finder.ts";
import { registerMap } from "./echarts.ts";

export const DISTRICT_MAP = "sachsen-anhalt";

let loading: Promise<DistrictMap> | undefined;

/**
 * Registers the 14 districts with ECharts once per page load. The shapes are the public finder's
 * (already projected and simplified on the server), drawn as an SVG map whose regions are named by
 * AGS key — the client does not ship the 70 KB GeoJSON.
 */
export function loadDistrictShapes(): Promise<DistrictMap> {
  loading ??= callApi(finderRoutes.districts).then(
    (map) => {
      const paths = map.districts
        .map((d) => `<path name="${d.ags}" d="${d.path}" fill-rule="evenodd"/>`)
        .join("");
      registerMap(DISTRICT_MAP, {
        svg: `<svg xmlns="http://www.w3.org/2000/svg" viewBox="${map.viewBox}">${paths}</svg>`,
      });
      return map;
    },
    (err: unknown) => {
      loading = undefined;
      throw err;
    },
  );
  return loading;
}
