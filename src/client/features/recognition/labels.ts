import { isoDay } from "../cases/labels.ts";

/** The day `days` after today in the browser's time zone, YYYY-MM-DD. */
export function daysFromToday(days: number): string {
  const d = new Date();
  d.setDate(d.getDate() + days);
  return isoDay(d);
}
