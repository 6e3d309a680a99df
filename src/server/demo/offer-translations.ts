import { type Spec, TYPE_DEFAULTS } from "./offer-catalogue.ts";
import { PARTNER_NAMES } from "./offer-translations-partners.ts";
import { LEADS, SERVICE_NAMES, TYPE_DESCRIPTIONS } from "./offer-translations-services.ts";

/**
 * The finder's languages the demo translates into besides English (which the catalogue carries
 * itself). Official German terms stay in brackets where counsellors would use them, and place
 * names stay as they are written on signs and letters.
 */
export const DEMO_LOCALES = ["ar", "uk", "ru", "fa", "tr"] as const;
type DemoLocale = (typeof DEMO_LOCALES)[number];
/** A German text, with {city} for a place or {level} for a CEFR level, and its translations. */
export type Texts = { de: string } & Record<DemoLocale, string>;

/**
 * Offers left without some translations on purpose, so that the finder's fallback to German
 * and its note show in the demo: a check for administrations that nobody has translated yet,
 * and a founders' meet-up whose description still waits for its translators.
 */
export const TRANSLATION_GAPS: Record<
  string,
  { name?: readonly DemoLocale[]; description?: readonly DemoLocale[] }
> = {
  "Diversity-Check für Verwaltungen und Bildungsträger": { name: DEMO_LOCALES },
  "Gründerstammtisch Afrika–Anhalt": { description: ["uk", "ru", "fa", "tr"] },
};

const SLOTS: Record<string, string> = { city: ".+", level: "[ABC][12]" };
const literally = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Looks German texts up exactly or by template; the most specific template (most fixed text) wins. */
function dictionary(list: Texts[]) {
  const exact = new Map<string, Texts>();
  const templates: { pattern: RegExp; fixed: number; texts: Texts }[] = [];
  for (const texts of list) {
    const parts = texts.de.split(/\{(\w+)\}/);
    if (parts.length === 1) {
      exact.set(texts.de, texts);
      continue;
    }
    const source = parts
      .map((part, i) => (i % 2 === 1 ? `(?<${part}>${SLOTS[part] ?? ".+"})` : literally(part)))
      .join("");
    const fixed = parts.filter((_, i) => i % 2 === 0).join("").length;
    templates.push({ pattern: new RegExp(`^${source}$`), fixed, texts });
  }
  templates.sort((a, b) => b.fixed - a.fixed);
  const cache = new Map<string, string | null>();
  return (de: string, locale: DemoLocale): string | undefined => {
    const key = `${locale}|${de}`;
    if (!cache.has(key)) {
      let found = exact.get(de)?.[locale] ?? null;
      for (const t of found === null ? templates : []) {
        const groups = t.pattern.exec(de)?.groups;
        if (!groups) continue;
        found = t.texts[locale].replace(/\{(\w+)\}/g, (_, slot: string) => groups[slot] ?? "");
        break;
      }
      cache.set(key, found);
    }
    return cache.get(key) ?? undefined;
  };
}

const nameIn = dictionary([...SERVICE_NAMES, ...PARTNER_NAMES]);
const leadIn = dictionary(LEADS);

/**
 * An offer's public texts in the finder's languages: English from the catalogue, the others
 * from the translation tables. A name nobody has translated is left out, so the finder shows
 * the German one with its note; the description is the lead sentence and the type's text.
 */
export function demoTranslations(spec: Spec): Record<string, { name: string; description?: string }> {
  const defaults = TYPE_DEFAULTS[spec.type];
  const [leadDe, leadEn] = spec.lead ?? ["", ""];
  const translations: Record<string, { name: string; description?: string }> = {
    en: { name: spec.en, description: `${leadEn} ${defaults.en}`.trim() },
  };
  const gap = TRANSLATION_GAPS[spec.de] ?? {};
  for (const locale of DEMO_LOCALES) {
    const name = gap.name?.includes(locale) ? undefined : nameIn(spec.de, locale);
    if (!name) continue;
    const lead = leadDe ? leadIn(leadDe, locale) : "";
    const description =
      lead === undefined || gap.description?.includes(locale)
        ? undefined
        : `${lead} ${TYPE_DESCRIPTIONS[spec.type][locale]}`.trim();
    translations[locale] = description ? { name, description } : { name };
  }
  return translations;
}
