import fs from "node:fs";
import { referencePath } from "#server/paths.ts";
import type { DistrictMap } from "#shared/contracts/finder.ts";

const GEOJSON = referencePath("geo", "sachsen-anhalt_kreise_vg5000_2021.geojson");
const WIDTH = 400;
/** Points closer than this (in map units) to the simplified line are dropped. */
const TOLERANCE = 0.35;

type Ring = [number, number][];
type Feature = {
  properties: { ARS: string; GEN: string };
  geometry: { type: "Polygon"; coordinates: Ring[] } | { type: "MultiPolygon"; coordinates: Ring[][] };
};

function perpendicular(p: [number, number], a: [number, number], b: [number, number]): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const len = Math.hypot(dx, dy);
  if (len === 0) return Math.hypot(p[0] - a[0], p[1] - a[1]);
  return Math.abs(dy * p[0] - dx * p[1] + b[0] * a[1] - b[1] * a[0]) / len;
}

/** Douglas–Peucker on one ring. */
function simplify(points: Ring): Ring {
  if (points.length < 4) return points;
  const keep = new Uint8Array(points.length);
  keep[0] = 1;
  keep[points.length - 1] = 1;
  const stack: [number, number][] = [[0, points.length - 1]];
  while (stack.length) {
    const [from, to] = stack.pop() as [number, number];
    let max = 0;
    let index = -1;
    for (let i = from + 1; i < to; i++) {
      const d = perpendicular(
        points[i] as [number, number],
        points[from] as [number, number],
        points[to] as [number, number],
      );
      if (d > max) {
        max = d;
        index = i;
      }
    }
    if (index >= 0 && max > TOLERANCE) {
      keep[index] = 1;
      stack.push([from, index], [index, to]);
    }
  }
  return points.filter((_, i) => keep[i]);
}

function inside(x: number, y: number, rings: Ring[]): boolean {
  let odd = false;
  for (const ring of rings) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i] as [number, number];
      const [xj, yj] = ring[j] as [number, number];
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) odd = !odd;
    }
  }
  return odd;
}

function distanceToEdges(x: number, y: number, rings: Ring[]): number {
  let min = Number.POSITIVE_INFINITY;
  for (const ring of rings) {
    for (let i = 0; i < ring.length - 1; i++) {
      const [ax, ay] = ring[i] as [number, number];
      const [bx, by] = ring[i + 1] as [number, number];
      const dx = bx - ax;
      const dy = by - ay;
      const t =
        dx === 0 && dy === 0
          ? 0
          : Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
      min = Math.min(min, Math.hypot(x - (ax + t * dx), y - (ay + t * dy)));
    }
  }
  return min;
}

/**
 * Where a district's label goes: the sampled point farthest inside it. A centroid would fall into
 * the hole of a district around a city (Saalekreis around Halle).
 */
function labelPoint(rings: Ring[]): [number, number] {
  const points = rings.flat();
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  let best: [number, number] = [(x0 + x1) / 2, (y0 + y1) / 2];
  let bestDistance = -1;
  const step = Math.max(1, Math.min(x1 - x0, y1 - y0) / 40);
  for (let x = x0; x <= x1; x += step) {
    for (let y = y0; y <= y1; y += step) {
      if (!inside(x, y, rings)) continue;
      const d = distanceToEdges(x, y, rings);
      if (d > bestDistance) {
        bestDistance = d;
        best = [x, y];
      }
    }
  }
  return best;
}

const round = (n: number) => Math.round(n * 10) / 10;

/** Projects the BKG districts to SVG paths: equirectangular, scaled by the cosine of the mean latitude. */
export function buildDistrictMap(geojson: { features: Feature[] }): DistrictMap {
  const polygons = (f: Feature): Ring[][] =>
    f.geometry.type === "Polygon" ? [f.geometry.coordinates] : f.geometry.coordinates;
  const all = geojson.features.flatMap((f) => polygons(f).flat(2));
  const lons = all.map((p) => p[0]);
  const lats = all.map((p) => p[1]);
  const [minLon, maxLon, minLat, maxLat] = [
    Math.min(...lons),
    Math.max(...lons),
    Math.min(...lats),
    Math.max(...lats),
  ];
  const kx = Math.cos((((minLat + maxLat) / 2) * Math.PI) / 180);
  const scale = WIDTH / ((maxLon - minLon) * kx);
  const height = (maxLat - minLat) * scale;
  const project = ([lon, lat]: [number, number]): [number, number] => [
    (lon - minLon) * kx * scale,
    (maxLat - lat) * scale,
  ];

  const districts = geojson.features
    .map((f) => {
      const rings = polygons(f).map((poly) => poly.map((ring) => simplify(ring.map(project))));
      const d = rings
        .flat()
        .map((ring) => `M${ring.map(([x, y]) => `${round(x)} ${round(y)}`).join("L")}Z`)
        .join("");
      const [labelX, labelY] = labelPoint(rings.flat());
      return {
        ags: f.properties.ARS,
        name: f.properties.GEN,
        path: d,
        labelX: round(labelX),
        labelY: round(labelY),
      };
    })
    .sort((a, b) => a.ags.localeCompare(b.ags));
  return {
    viewBox: `0 0 ${WIDTH} ${Math.ceil(height)}`,
    attribution: "© GeoBasis-DE / BKG 2021 (Daten verändert)",
    attributionUrl: "https://www.bkg.bund.de",
    districts,
  };
}

let cached: DistrictMap | undefined;

/** The map, computed once per process from the shipped GeoJSON. */
export function districtMap(): DistrictMap {
  cached ??= buildDistrictMap(JSON.parse(fs.readFileSync(GEOJSON, "utf8")));
  return cached;
}
