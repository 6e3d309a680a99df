import type { TFunction } from "i18next";
import { currentLocale } from "#client/i18n.ts";
import { ISO_3166_1 } from "#shared/countries.ts";

/** A country's name in the interface language, from the browser's own ISO 3166 names. */
export function countryName(code: string | null | undefined): string {
  if (!code) return "–";
  try {
    return new Intl.DisplayNames([currentLocale()], { type: "region" }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** Every ISO 3166-1 country as select options, sorted by name in the interface language. */
export function countryOptions(): { value: string; label: string }[] {
  const collator = new Intl.Collator(currentLocale());
  return ISO_3166_1.map((code) => ({ value: code, label: countryName(code) })).sort((a, b) =>
    collator.compare(a.label, b.label),
  );
}

/** "Phase 2: Berufliche Orientierung & Planung". */
export function phaseLabel(t: TFunction, phase: number): string {
  return `${t("directory.phaseNumber", { n: phase })}: ${t(`directory.phases.${phase}`)}`;
}
