import { FINDER_LOCALES, type FinderLocale } from "../../shared/directory.ts";
import { RTL_LOCALES } from "../../shared/domain.ts";
import type de from "../../shared/i18n/finder/de.json";

export type Catalogue = typeof de;

// One catalogue per visit: each language is its own small chunk, loaded on demand.
const loaders: Record<FinderLocale, () => Promise<{ default: Catalogue }>> = {
  de: () => import("../../shared/i18n/finder/de.json"),
  en: () => import("../../shared/i18n/finder/en.json"),
  ar: () => import("../../shared/i18n/finder/ar.json"),
  uk: () => import("../../shared/i18n/finder/uk.json"),
  ru: () => import("../../shared/i18n/finder/ru.json"),
  fa: () => import("../../shared/i18n/finder/fa.json"),
  tr: () => import("../../shared/i18n/finder/tr.json"),
};

/** Each language in its own name and script, for the language switch. */
export const LOCALE_NAMES: Record<FinderLocale, string> = {
  de: "Deutsch",
  en: "English",
  ar: "العربية",
  uk: "Українська",
  ru: "Русский",
  fa: "فارسی",
  tr: "Türkçe",
};

export function isFinderLocale(value: unknown): value is FinderLocale {
  return typeof value === "string" && (FINDER_LOCALES as readonly string[]).includes(value);
}

/** The language the visitor's browser prefers among the finder's, else German. */
export function browserLocale(): FinderLocale {
  for (const tag of navigator.languages ?? []) {
    const lang = tag.toLowerCase().split("-")[0];
    if (isFinderLocale(lang)) return lang;
  }
  return "de";
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

/** Screen readers pick the voice from `lang`; the layout mirrors through `dir` and logical CSS. */
export function applyLocale(locale: FinderLocale) {
  document.documentElement.lang = locale;
  document.documentElement.dir = RTL_LOCALES.includes(locale) ? "rtl" : "ltr";
}
