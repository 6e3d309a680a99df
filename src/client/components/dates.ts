import { currentLocale } from "../i18n.ts";

/** Today as a calendar date (YYYY-MM-DD) in the browser's time zone. */
export function today(): string {
  return isoDay(new Date());
}

/** A local date as YYYY-MM-DD. */
export function isoDay(d: Date): string {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** The calendar day of a timestamp in the browser's time zone, YYYY-MM-DD. */
export function dayOf(timestamp: string): string {
  return isoDay(new Date(timestamp));
}

/** The day `days` after today in the browser's time zone, YYYY-MM-DD. */
export function daysFromToday(days: number): string {
  const d = new Date();
  d.setDate(d.getDate() + days);
  return isoDay(d);
}

/** The value of a datetime-local input for a moment, in the browser's time zone. */
export function toLocalInput(date: Date): string {
  return `${isoDay(date)}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
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

const pad = (n: number) => String(n).padStart(2, "0");
