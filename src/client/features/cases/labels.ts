import type { TFunction } from "i18next";
import { ISO_3166_1 } from "../../../shared/countries.ts";
import { currentLocale } from "../../i18n.ts";

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

/** Today as a calendar date (YYYY-MM-DD) in the browser's time zone. */
export function today(): string {
  return isoDay(new Date());
}

/** A local date as YYYY-MM-DD. */
export function isoDay(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/**
 * A calendar date (YYYY-MM-DD) in the interface language. Parsed as a local date: `new Date("2026-03-01")`
 * would be UTC midnight and show the day before west of Greenwich.
 */
export function formatDay(day: string | null | undefined): string {
  if (!day) return "–";
  const [y, m, d] = day.split("-").map(Number);
  if (!y || !m || !d) return day;
  return new Intl.DateTimeFormat(currentLocale(), { dateStyle: "medium" }).format(new Date(y, m - 1, d));
}

/** Whether an open item due on that day is late. */
export function isOverdue(day: string | null | undefined): boolean {
  return !!day && day < today();
}
