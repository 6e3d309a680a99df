// YYYY-MM-DD, optionally followed by T or a space, hh:mm[:ss[.fraction]] and a zone (Z, ±hh:mm, ±hhmm, ±hh).
const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?\s*(Z|z|[+-]\d{2}(?::?\d{2})?)?)?$/;
const EPOCH = /^-?\d+(?:\.\d+)?$/;

/**
 * Parses an event time to epoch milliseconds, or NaN when it is not one.
 *
 * Accepted: ISO 8601 dates and date-times (`T` or a space between date and time, as XES and
 * pm4py's CSV exports write them) and plain numbers as epoch milliseconds. A time without a zone is
 * taken as UTC, so the result never depends on the machine's time zone; JavaScript's `new Date()`
 * (and so pm4js) would read it as local time — which shifts every event of a log by the same
 * amount and leaves frequencies and, except across a daylight-saving change, durations equal.
 * Fractions below a millisecond are kept as a fraction.
 */
export function parseTimestamp(text: string): number {
  const s = text.trim();
  if (EPOCH.test(s)) return Number(s);
  const m = ISO.exec(s);
  if (!m) return Number.NaN;
  const [, y, mo, d, h = "0", mi = "0", sec = "0", frac, zone] = m;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h);
  const minute = Number(mi);
  const second = Number(sec);
  if (month < 1 || month > 12 || day < 1 || hour > 24 || minute > 59 || second > 60) return Number.NaN;
  if (hour === 24 && (minute || second || Number(frac ?? 0))) return Number.NaN;
  const utc = Date.UTC(year, month - 1, day, hour, minute, second);
  // Date.UTC rolls 31 April over to 1 May; a day past the month's end is an error, not a date.
  if (new Date(Date.UTC(year, month - 1, day)).getUTCDate() !== day) return Number.NaN;
  const ms = frac ? Number(`0.${frac}`) * 1000 : 0;
  return utc + ms - offsetMinutes(zone) * 60_000;
}

function offsetMinutes(zone: string | undefined): number {
  if (!zone || zone === "Z" || zone === "z") return 0;
  const sign = zone[0] === "-" ? -1 : 1;
  const digits = zone.slice(1).replace(":", "");
  const minutes = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || "0");
  return sign * minutes;
}
