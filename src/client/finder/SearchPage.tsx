import { useEffect, useId, useState } from "react";
import type { ResponseOf } from "#shared/contracts/route.ts";
import { searchPageTitle } from "#shared/i18n/finder/page-title.ts";
import { finderApi, getJson, useFinder } from "./context.ts";
import { DistrictMap } from "./DistrictMap.tsx";
import { Filters } from "./Filters.tsx";
import { QueryForm } from "./QueryForm.tsx";
import { Results } from "./Results.tsx";
import {
  activeFilters,
  apiQuery,
  finderHref,
  rememberSearch,
  type Search,
  searchFromUrl,
  searchQuery,
} from "./url.ts";

type Load = { key: string; results?: ResponseOf<typeof finderApi.search>; failed?: boolean };

/**
 * The search: words and place on top, then the filters with the map of districts, and the list of
 * offers. On a wide screen the filters and the map are a sidebar beside the results; on a phone
 * they fold away behind a button that says how many are set, so that the results come first.
 */
export function SearchPage({ params }: { params: URLSearchParams }) {
  const { t, lang, navigate } = useFinder();
  const search = searchFromUrl(params);
  const key = searchQuery(search, lang);
  rememberSearch(search);
  const [load, setLoad] = useState<Load>({ key: "" });
  const [filtersOpen, setFiltersOpen] = useState(false);
  const panelId = useId();

  useEffect(() => {
    document.title = searchPageTitle(t, search.q);
  }, [search.q, t]);

  useEffect(() => {
    const controller = new AbortController();
    getJson(finderApi.search, { query: apiQuery(key) }, controller.signal)
      .then((results) => setLoad({ key, results }))
      .catch(() => {
        if (!controller.signal.aborted) setLoad((prev) => ({ ...prev, key, failed: true }));
      });
    return () => controller.abort();
  }, [key]);

  /** A new search starts on page 1. */
  const go = (change: Partial<Search>) => navigate(finderHref({ ...search, page: 1, ...change }, lang));
  const loading = load.key !== key;
  const active = activeFilters(search);

  return (
    <div className="search-page">
      <h1>{t("search.heading")}</h1>
      <QueryForm search={search} onChange={go} />
      <div className="search-layout">
        <div className="refine">
          <button
            type="button"
            className="refine__toggle"
            aria-expanded={filtersOpen}
            aria-controls={panelId}
            onClick={() => setFiltersOpen((open) => !open)}
          >
            {active > 0 ? t("filters.showActive", { count: active }) : t("filters.show")}
          </button>
          <div id={panelId} className="refine__panel" data-open={filtersOpen}>
            <Filters search={search} counts={load.results?.districtCounts} onChange={go} />
            <section className="map-section" aria-labelledby="map-heading">
              <h2 id="map-heading">{t("map.heading")}</h2>
              <DistrictMap search={search} counts={load.results?.districtCounts} />
            </section>
          </div>
        </div>
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
