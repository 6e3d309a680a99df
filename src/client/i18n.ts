import i18next from "i18next";
import { initReactI18next } from "react-i18next";
import { LOCALES, type Locale, RTL_LOCALES } from "#shared/domain.ts";
import { resources } from "#shared/i18n/index.ts";

const STORAGE_KEY = "lotse.lang";

/** Whether a string names one of the shipped interface languages. */
export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

function storedLocale(): Locale {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return isLocale(value) ? value : "de";
  } catch {
    // Storage can be blocked (private mode, policies); German is the source language.
    return "de";
  }
}

/** Mirrors the language on <html>: screen readers pick the voice from `lang`, layout follows `dir`. */
function applyToDocument(locale: Locale) {
  const root = document.documentElement;
  root.lang = locale;
  root.dir = RTL_LOCALES.includes(locale) ? "rtl" : "ltr";
}

export const i18n = i18next.createInstance();

void i18n.use(initReactI18next).init({
  resources: Object.fromEntries(Object.entries(resources).map(([lng, r]) => [lng, { translation: r }])),
  lng: storedLocale(),
  fallbackLng: "de",
  supportedLngs: [...LOCALES],
  interpolation: { escapeValue: false },
  returnNull: false,
  initAsync: false,
});
applyToDocument(currentLocale());

i18n.on("languageChanged", (lng) => {
  if (!isLocale(lng)) return;
  applyToDocument(lng);
  try {
    localStorage.setItem(STORAGE_KEY, lng);
  } catch {
    // Not remembering the choice is acceptable; the session keeps the preference too.
  }
});

/** The interface language in use now. */
export function currentLocale(): Locale {
  return isLocale(i18n.language) ? i18n.language : "de";
}

/** Native names of the languages, shown in the switcher in their own script. */
export const LOCALE_NAMES: Record<Locale, string> = { de: "Deutsch", en: "English", ar: "العربية" };
