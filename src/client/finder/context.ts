import { createContext, type MouseEvent, useContext, useEffect, useRef } from "react";
import { type PathInput, type ResponseOf, type RouteRef, routeStub, urlOf } from "#shared/contracts/route.ts";
import type { finderRoutes } from "#shared/contracts/routes/finder.ts";
import type { FinderLocale } from "#shared/directory.ts";
import type { T } from "./i18n.ts";

export type Finder = {
  lang: FinderLocale;
  t: T;
  /** Goes to a finder URL without reloading the page. */
  navigate: (href: string) => void;
};

export const FinderContext = createContext<Finder | null>(null);

export function useFinder(): Finder {
  const finder = useContext(FinderContext);
  if (!finder) throw new Error("FinderContext missing");
  return finder;
}

/** A click handler for links inside the finder: plain clicks stay in the app, others open as usual. */
export function linkHandler(navigate: (href: string) => void) {
  return (e: MouseEvent<HTMLAnchorElement | SVGAElement>) => {
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    const href = e.currentTarget.getAttribute("href");
    if (!href?.startsWith("/finder")) return;
    e.preventDefault();
    navigate(href);
  };
}

/** The finder API as stubs: checked against the contract's descriptors, without loading zod. */
export const finderApi = {
  search: routeStub<typeof finderRoutes.search>("GET", "/api/finder/offers"),
  offer: routeStub<typeof finderRoutes.offer>("GET", "/api/finder/offers/:id"),
  districts: routeStub<typeof finderRoutes.districts>("GET", "/api/finder/districts"),
};

/** Fetches JSON from a finder API route; throws on any answer but 200. */
export async function getJson<R extends RouteRef>(
  route: R,
  input: PathInput<R>,
  signal: AbortSignal,
): Promise<ResponseOf<R>> {
  const res = await fetch(urlOf(route, input), { headers: { accept: "application/json" }, signal });
  if (!res.ok) throw Object.assign(new Error(`HTTP ${res.status}`), { status: res.status });
  return (await res.json()) as ResponseOf<R>;
}

/** Moves focus to a page's heading after a navigation inside the finder, so screen readers announce it. */
export function useFocusOnChange<E extends HTMLElement>(key: string) {
  const ref = useRef<E>(null);
  const first = useRef(true);
  // biome-ignore lint/correctness/useExhaustiveDependencies: key is the trigger
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    ref.current?.focus();
  }, [key]);
  return ref;
}

/** "A, B and C" in the visitor's language (Arabic: "A وB"). */
export function listOf(lang: string, items: string[]): string {
  return new Intl.ListFormat(lang, { type: "conjunction" }).format(items);
}
