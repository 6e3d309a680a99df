import { useEffect, useState } from "react";
import type { DistrictMap as MapData } from "#shared/contracts/finder.ts";
import { finderApi, getJson, linkHandler, useFinder } from "./context.ts";
import { finderHref, type Search } from "./url.ts";

// The shapes never change while the page is open: fetched once, shared by every render.
let shapes: Promise<MapData> | undefined;

/** Fill by number of offers; the number itself is always written on the map too. */
function level(count: number | undefined, max: number): number {
  if (!count) return 0;
  return Math.min(4, 1 + Math.floor((count / Math.max(max, 1)) * 3.999));
}

/**
 * Sachsen-Anhalt's 14 districts as links: each is named with its number of matching offers, is
 * reached with Tab and filters the search by that district when followed.
 */
export function DistrictMap({
  search,
  counts,
}: {
  search: Search;
  counts: { ags: string; count: number }[] | undefined;
}) {
  const { t, lang, navigate } = useFinder();
  const [data, setData] = useState<MapData | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    const controller = new AbortController();
    shapes ??= getJson(finderApi.districts, {}, controller.signal).catch((err: unknown) => {
      shapes = undefined;
      throw err;
    });
    shapes.then(setData, () => setFailed(true));
  }, []);
  if (failed) return <p>{t("results.error")}</p>;
  if (!data) return <div className="map-placeholder" />;

  const countOf = (ags: string) => counts?.find((c) => c.ags === ags)?.count;
  const max = Math.max(0, ...(counts ?? []).map((c) => c.count));
  const onLink = linkHandler(navigate);
  return (
    <>
      <figure className="map-figure">
        <figcaption className="hint">{t("map.hint")}</figcaption>
        <svg className="district-map" viewBox={data.viewBox} aria-label={t("map.label")}>
          {data.districts.map((d) => {
            const count = countOf(d.ags);
            const selected = search.district === d.ags;
            const label = t(selected ? "map.districtSelected" : "map.district", {
              name: d.name,
              count: count ?? "…",
            });
            return (
              <a
                key={d.ags}
                href={finderHref({ ...search, district: d.ags, page: 1 }, lang)}
                aria-label={label}
                aria-current={selected ? "true" : undefined}
                className={`district district--level-${level(count, max)}${selected ? " district--selected" : ""}`}
                onClick={onLink}
              >
                <path d={d.path} fillRule="evenodd" />
                <text x={d.labelX} y={d.labelY}>
                  {selected ? `✓ ${count ?? ""}` : (count ?? "")}
                </text>
              </a>
            );
          })}
        </svg>
      </figure>
      {/* Always there: a link that vanished on use would drop the keyboard focus. */}
      <p>
        <a
          href={finderHref({ ...search, district: "", page: 1 }, lang)}
          aria-current={search.district ? undefined : "true"}
          onClick={onLink}
        >
          {t("map.all")}
        </a>
      </p>
      <p className="attribution">
        {t("map.source")}:{" "}
        <a href={data.attributionUrl} lang="de" dir="ltr">
          {data.attribution}
        </a>
      </p>
    </>
  );
}
