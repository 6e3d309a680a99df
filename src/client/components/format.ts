import { currentLocale } from "#client/i18n.ts";

/** A timestamp as date and time in the interface language. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return "–";
  return new Intl.DateTimeFormat(currentLocale(), { dateStyle: "medium", timeStyle: "short" }).format(
    new Date(iso),
  );
}

/** A timestamp as a date only. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return "–";
  return new Intl.DateTimeFormat(currentLocale(), { dateStyle: "medium" }).format(new Date(iso));
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

/** The value of an optional text input as the API expects it: empty becomes null. */
export function orNull(value: string): string | null {
  const trimmed = value.trim();
  return trimmed === "" ? null : trimmed;
}
