import fs from "node:fs";
import { referencePath } from "#server/paths.ts";
import { editDistance } from "./engine/expand.ts";
import { fold } from "./engine/normalize.ts";

/**
 * Postcodes and places of Sachsen-Anhalt as points (GeoNames, CC BY 4.0; see
 * reference/geo/PROVENANCE.md), to measure the distance of offers from where a visitor
 * lives. Read-only reference data, read once.
 */
export type Point = { place: string; postcode: string | null; lat: number; lng: number };

const CSV = referencePath("geo", "plz_sachsen-anhalt_geonames.csv");

type Places = { byPostcode: Map<string, Point>; byName: Map<string, Point>; names: string[] };
let loaded: Places | undefined;

function load(): Places {
  const byPostcode = new Map<string, Point>();
  const sums = new Map<string, { place: string; lat: number; lng: number; n: number }>();
  for (const line of fs.readFileSync(CSV, "utf8").split("\n").slice(1)) {
    const cells = line.split(",");
    if (cells.length < 11) continue;
    const postcode = cells[1] as string;
    const place = cells[2] as string;
    const lat = Number(cells[9]);
    const lng = Number(cells[10]);
    if (!Number.isFinite(lat) || !Number.isFinite(lng)) continue;
    if (!byPostcode.has(postcode)) byPostcode.set(postcode, { place, postcode, lat, lng });
    // A town with several postcodes: its middle.
    const key = fold(place);
    const sum = sums.get(key) ?? { place, lat: 0, lng: 0, n: 0 };
    sum.lat += lat;
    sum.lng += lng;
    sum.n++;
    sums.set(key, sum);
  }
  const byName = new Map<string, Point>();
  for (const [key, s] of sums)
    byName.set(key, { place: s.place, postcode: null, lat: s.lat / s.n, lng: s.lng / s.n });
  return { byPostcode, byName, names: [...byName.keys()].sort() };
}

/**
 * The point of a postcode («39104», «39104 Magdeburg») or a place («Magdeburg», «halle (saale)»,
 * «Wernigerode», a start of one: «Wernig», or with a slip: «Magdeburgg»); null when it is not in
 * Sachsen-Anhalt.
 */
export function resolvePlace(input: string): Point | null {
  loaded ??= load();
  const { byPostcode, byName, names } = loaded;
  const postcode = input.match(/\b\d{5}\b/)?.[0];
  if (postcode) return byPostcode.get(postcode) ?? null;
  const key = fold(input.replace(/\(.*?\)/g, " "))
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
  if (key.length < 2) return null;
  const exact = byName.get(key) ?? byName.get(key.replaceAll(" ", "-"));
  if (exact) return exact;
  const start = names.find((name) => name.startsWith(key) && key.length >= 3);
  if (start) return byName.get(start) ?? null;
  if (key.length >= 5) {
    const edits = key.length >= 8 ? 2 : 1;
    let best: { name: string; d: number } | null = null;
    for (const name of names) {
      const d = editDistance(key, name, edits);
      if (d <= edits && (!best || d < best.d)) best = { name, d };
    }
    if (best) return byName.get(best.name) ?? null;
  }
  return null;
}
