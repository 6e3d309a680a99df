/**
 * Working days in Sachsen-Anhalt: Monday to Friday without the public holidays of the state
 * (New Year, Epiphany, Good Friday, Easter Monday, 1 May, Ascension, Whit Monday, German Unity Day,
 * Reformation Day, Christmas Day and Boxing Day). Dates are calendar days (YYYY-MM-DD) as they are
 * in Germany; the arithmetic runs in UTC so no time zone shifts a day.
 */

const DAY_MS = 86_400_000;

/** Easter Sunday of a year (anonymous Gregorian algorithm, Meeus/Jones/Butcher). */
export function easterSunday(year: number): Date {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return new Date(Date.UTC(year, month - 1, day));
}

const iso = (d: Date) => d.toISOString().slice(0, 10);
const cache = new Map<number, Set<string>>();

/** The public holidays of Sachsen-Anhalt in a year, as YYYY-MM-DD. */
export function holidaysOf(year: number): Set<string> {
  const known = cache.get(year);
  if (known) return known;
  const easter = easterSunday(year).getTime();
  const fromEaster = (days: number) => iso(new Date(easter + days * DAY_MS));
  const fixed = ["01-01", "01-06", "05-01", "10-03", "10-31", "12-25", "12-26"].map((md) => `${year}-${md}`);
  const set = new Set([...fixed, fromEaster(-2), fromEaster(1), fromEaster(39), fromEaster(50)]);
  cache.set(year, set);
  return set;
}

/** Whether a calendar day is a working day in Sachsen-Anhalt. */
export function isWorkingDay(day: string): boolean {
  const d = new Date(`${day}T00:00:00Z`);
  const weekday = d.getUTCDay();
  return weekday !== 0 && weekday !== 6 && !holidaysOf(d.getUTCFullYear()).has(day);
}

/** The day `n` working days after `day` (n ≥ 0; n = 0 gives the next working day from `day` on). */
export function addWorkingDays(day: string, n: number): string {
  let d = new Date(`${day}T00:00:00Z`).getTime();
  let left = n;
  while (!isWorkingDay(iso(new Date(d)))) d += DAY_MS;
  while (left > 0) {
    d += DAY_MS;
    if (isWorkingDay(iso(new Date(d)))) left--;
  }
  return iso(new Date(d));
}

/** Working days from `from` (exclusive) to `to` (inclusive); negative when `to` is earlier. */
export function workingDaysBetween(from: string, to: string): number {
  if (to < from) return -workingDaysBetween(to, from);
  let count = 0;
  for (let d = new Date(`${from}T00:00:00Z`).getTime() + DAY_MS; iso(new Date(d)) <= to; d += DAY_MS)
    if (isWorkingDay(iso(new Date(d)))) count++;
  return count;
}

/** Today's calendar day in Germany. */
export function berlinDay(at: Date = new Date()): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Berlin" }).format(at);
}
