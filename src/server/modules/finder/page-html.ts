import { localeFromHeader } from "#server/platform/i18n.ts";
import { FINDER_LOCALES, type FinderLocale } from "#shared/directory.ts";
import { RTL_LOCALES } from "#shared/domain.ts";
import { finderResources } from "#shared/i18n/finder/index.ts";
import { offerPageTitle, searchPageTitle } from "#shared/i18n/finder/page-title.ts";

const isFinderLocale = (value: unknown): value is FinderLocale =>
  typeof value === "string" && (FINDER_LOCALES as readonly string[]).includes(value);

/** The finder's language for a request: `?lang=`, else the browser's Accept-Language, else German. */
export function finderPageLocale(query: URLSearchParams, acceptLanguage: string | undefined): FinderLocale {
  const requested = query.get("lang");
  if (isFinderLocale(requested)) return requested;
  return localeFromHeader(acceptLanguage, FINDER_LOCALES) ?? "de";
}

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] as string,
  );

function lookup(locale: FinderLocale) {
  const catalogue = finderResources[locale];
  return (key: string) => {
    const value = key
      .split(".")
      .reduce<unknown>((o, part) => (o as Record<string, unknown> | undefined)?.[part], catalogue);
    return typeof value === "string" ? value : key;
  };
}

/**
 * finder.html in the visitor's language: `lang`, `dir`, `<title>` and the meta description are
 * right before any script runs, so a screen reader picks the right voice and a search engine or a
 * shared link shows the right words. The texts come from the finder's own catalogues.
 */
export function renderFinderPage(html: string, url: string, acceptLanguage: string | undefined): string {
  const [pathname = "", search = ""] = url.split("?", 2);
  const query = new URLSearchParams(search);
  const locale = finderPageLocale(query, acceptLanguage);
  const t = lookup(locale);
  const q = query.get("q")?.trim().slice(0, 200);
  const title = pathname.startsWith("/finder/offers/") ? offerPageTitle(t) : searchPageTitle(t, q);
  const dir = RTL_LOCALES.includes(locale) ? "rtl" : "ltr";
  return html
    .replace(/<html\b[^>]*>/, `<html lang="${locale}" dir="${dir}">`)
    .replace(/<title>[^<]*<\/title>/, `<title>${escapeHtml(title)}</title>`)
    .replace(
      /<meta name="description"[^>]*>/,
      `<meta name="description" content="${escapeHtml(t("app.description"))}" />`,
    );
}
