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

/** Whether an open item due on that day is late. */
export function isOverdue(day: string | null | undefined): boolean {
  return !!day && day < today();
}

const pad = (n: number) => String(n).padStart(2, "0");
