import { createInstance, type TFunction } from "i18next";
import { LOCALES, type Locale } from "#shared/domain.ts";
import { resources } from "#shared/i18n/index.ts";

const i18n = createInstance();
await i18n.init({
  resources: Object.fromEntries(Object.entries(resources).map(([lng, r]) => [lng, { translation: r }])),
  lng: "de",
  fallbackLng: "de",
  interpolation: { escapeValue: false },
  initAsync: false,
});

/** A translate function fixed to one locale. */
export function translator(locale: Locale): TFunction {
  return i18n.getFixedT(locale);
}

/**
 * Picks the best supported locale from an Accept-Language header, if it names one: the staff
 * app's locales, or another list (the public finder's seven).
 */
export function localeFromHeader<L extends string = Locale>(
  header: string | undefined,
  supported: readonly L[] = LOCALES as readonly string[] as readonly L[],
): L | undefined {
  if (!header) return undefined;
  const ranked = header
    .split(",")
    .map((part) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.find((p) => p.trim().startsWith("q="));
      return { lang: tag.trim().toLowerCase().split("-")[0] ?? "", q: q ? Number(q.trim().slice(2)) : 1 };
    })
    .sort((a, b) => b.q - a.q);
  for (const { lang, q } of ranked) {
    if (q > 0 && (supported as readonly string[]).includes(lang)) return lang as L;
  }
  return undefined;
}

/** The language of a response: what the request asks for, else the user's preference, else German. */
export function requestLocale(request: {
  headers: Record<string, unknown>;
  actor?: { locale: Locale } | undefined;
}): Locale {
  const header = request.headers["accept-language"];
  return localeFromHeader(typeof header === "string" ? header : undefined) ?? request.actor?.locale ?? "de";
}
