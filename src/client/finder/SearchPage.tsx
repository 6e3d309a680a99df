import { useEffect, useState } from "react";
import type { FinderResults } from "../../shared/contracts/finder.ts";
import { getJson, useFinder } from "./context.ts";
import { DistrictMap } from "./DistrictMap.tsx";
import { Filters } from "./Filters.tsx";
import { Results } from "./Results.tsx";
import { finderHref, rememberSearch, type Search, searchFromUrl, searchQuery } from "./url.ts";

type Load = { key: string; results?: FinderResults; failed?: boolean };

/** The search: filters, the map of districts with their counts, and the list of offers. */
export function SearchPage({ params }: { params: URLSearchParams }) {
  const { t, lang, navigate } = useFinder();
  const search = searchFromUrl(params);
  const key = searchQuery(search, lang);
  rememberSearch(search);
  const [load, setLoad] = useState<Load>({ key: "" });

  useEffect(() => {
    document.title = `${search.q ? `${search.q} · ` : ""}${t("search.heading")} · ${t("app.name")}`;
  }, [search.q, t]);

  useEffect(() => {
    const controller = new AbortController();
    getJson<FinderResults>(`/api/finder/offers?${key}`, controller.signal)
      .then((results) => setLoad({ key, results }))
      .catch(() => {
        if (!controller.signal.aborted) setLoad((prev) => ({ ...prev, key, failed: true }));
      });
    return () => controller.abort();
  }, [key]);

  /** A new search starts on page 1. */
  const go = (change: Partial<Search>) => navigate(finderHref({ ...search, page: 1, ...change }, lang));
  const loading = load.key !== key;

  return (
    <div className="search-page">
      <h1>{t("search.heading")}</h1>
      <Filters search={search} counts={load.results?.districtCounts} onChange={go} />
      <div className="search-layout">
        <section className="map-section" aria-labelledby="map-heading">
          <h2 id="map-heading">{t("map.heading")}</h2>
          <DistrictMap search={search} counts={load.results?.districtCounts} />
        </section>
        <section className="results-section" aria-labelledby="results-heading" aria-busy={loading}>
          <h2 id="results-heading">{t("results.heading")}</h2>
          <Results
            search={search}
            results={load.results}
            failed={!!load.failed && !loading}
            loading={loading}
          />
        </section>
      </div>
    </div>
  );
}
