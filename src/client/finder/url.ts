import type { FinderSearchQuery } from "#shared/contracts/finder.ts";
import type { QueryOf } from "#shared/contracts/route.ts";
import type { finderRoutes } from "#shared/contracts/routes/finder.ts";
import type { FinderLocale } from "#shared/directory.ts";

/** The search as the URL carries it, so that a counsellor can send a link to exactly this list. */
export type Search = {
  q: string;
  phase: string;
  type: string;
  district: string;
  language: string;
  targetGroup: string;
  free: boolean;
  /** A postcode or place: results nearest first. */
  near: string;
  page: number;
};

/** The filters that fold away on a phone (the words and the place stay in view). */
export const FILTER_KEYS = ["type", "district", "language", "phase", "targetGroup", "free"] as const;

/** How many filters narrow the search, for the phone's filter button. */
export function activeFilters(search: Search): number {
  return FILTER_KEYS.filter((k) => Boolean(search[k])).length;
}

export const EMPTY_SEARCH: Search = {
  q: "",
  phase: "",
  type: "",
  district: "",
  language: "",
  targetGroup: "",
  free: false,
  near: "",
  page: 1,
};

export function searchFromUrl(params: URLSearchParams): Search {
  const get = (k: string) => params.get(k) ?? "";
  const page = Number(get("page"));
  return {
    q: get("q"),
    phase: get("phase"),
    type: get("type"),
    district: get("district"),
    language: get("language"),
    targetGroup: get("targetGroup"),
    free: get("free") === "true",
    near: get("near"),
    page: Number.isInteger(page) && page > 1 ? page : 1,
  };
}

/** The query string of a search in a language; empty filters are left out. */
export function searchQuery(search: Search, lang: FinderLocale): string {
  const params = new URLSearchParams();
  const set = (k: keyof FinderSearchQuery, v: string) => {
    if (v) params.set(k, v);
  };
  set("q", search.q.trim());
  set("phase", search.phase);
  set("type", search.type);
  set("district", search.district);
  set("language", search.language);
  set("targetGroup", search.targetGroup);
  if (search.free) params.set("free", "true");
  set("near", search.near.trim());
  if (search.page > 1) params.set("page", String(search.page));
  params.set("lang", lang);
  return params.toString();
}

/**
 * The API query of a search's query string. The values are the URL's as they are: the API validates
 * them and answers an odd one (a hand-edited link) with 400.
 */
export function apiQuery(searchQuery: string) {
  return Object.fromEntries(new URLSearchParams(searchQuery)) as NonNullable<
    QueryOf<typeof finderRoutes.search>
  >;
}

export const finderHref = (search: Search, lang: FinderLocale) => `/finder?${searchQuery(search, lang)}`;
export const offerHref = (id: string, lang: FinderLocale) => `/finder/offers/${id}?lang=${lang}`;

let lastSearch: Search | undefined;

/** Remembers the search the visitor came from, for the way back from an offer. */
export function rememberSearch(search: Search) {
  lastSearch = search;
}

export const lastSearchHref = (lang: FinderLocale) => finderHref(lastSearch ?? EMPTY_SEARCH, lang);
