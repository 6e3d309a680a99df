import { createElement, Fragment, type ReactNode } from "react";
import { FINDER_LOCALE_NAMES, FINDER_LOCALES, type FinderLocale } from "#shared/directory.ts";
import { RTL_LOCALES } from "#shared/domain.ts";
import type de from "#shared/i18n/finder/de.json";

export type Catalogue = typeof de;

// One catalogue per visit: each language is its own small chunk, loaded on demand.
const loaders: Record<FinderLocale, () => Promise<{ default: Catalogue }>> = {
  de: () => import("#shared/i18n/finder/de.json"),
  en: () => import("#shared/i18n/finder/en.json"),
  ar: () => import("#shared/i18n/finder/ar.json"),
  uk: () => import("#shared/i18n/finder/uk.json"),
  ru: () => import("#shared/i18n/finder/ru.json"),
  fa: () => import("#shared/i18n/finder/fa.json"),
  tr: () => import("#shared/i18n/finder/tr.json"),
};

/** Each language in its own name and script, for the language switch. */
export const LOCALE_NAMES = FINDER_LOCALE_NAMES;

export function isFinderLocale(value: unknown): value is FinderLocale {
  return typeof value === "string" && (FINDER_LOCALES as readonly string[]).includes(value);
}

/**
 * The language the server chose for this page (`?lang=`, else the browser's Accept-Language, else
 * German) and wrote into `<html lang>` before any script ran; the URL's `lang` wins.
 */
export function initialLocale(): FinderLocale {
  const requested = new URLSearchParams(window.location.search).get("lang");
  if (isFinderLocale(requested)) return requested;
  const served = document.documentElement.lang;
  return isFinderLocale(served) ? served : "de";
}

/** A translate function over one catalogue: dotted keys, {{name}} placeholders. */
export type T = (key: string, vars?: Record<string, string | number>) => string;

export async function loadTranslator(locale: FinderLocale): Promise<T> {
  const catalogue = (await loaders[locale]()).default;
  return (key, vars) => {
    const value = key
      .split(".")
      .reduce<unknown>((o, part) => (o as Record<string, unknown> | undefined)?.[part], catalogue);
    const text = typeof value === "string" ? value : key;
    return vars ? text.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(vars[name] ?? "")) : text;
  };
}

/**
 * A translated sentence whose inserted values are each their own bidirectional island (<bdi>):
 * a German place name, a postcode or a number inside Arabic or Persian keeps its punctuation
 * with it instead of having it reordered to the other end.
 */
export function isolated(t: T, key: string, vars: Record<string, ReactNode>): ReactNode {
  const parts = t(key).split(/\{\{(\w+)\}\}/);
  return createElement(
    Fragment,
    null,
    ...parts.map((part, i) =>
      // Odd parts are the names between the braces; the parts of one sentence never move.
      i % 2 === 1
        ? createElement("bdi", { key: i }, vars[part] ?? "")
        : createElement(Fragment, { key: i }, part),
    ),
  );
}

/** Screen readers pick the voice from `lang`; the layout mirrors through `dir` and logical CSS. */
export function applyLocale(locale: FinderLocale) {
  document.documentElement.lang = locale;
  document.documentElement.dir = RTL_LOCALES.includes(locale) ? "rtl" : "ltr";
}
