import { isWorkingDay } from "#server/modules/interfaces/working-days.ts";

/**
 * The working days of Sachsen-Anhalt over the generated years, as an index: the generator keeps
 * time as a position in working days (integer part: which working day, fraction: the hour within
 * office hours), so that log-normal durations "in working days" need no date arithmetic per event.
 */
export type Calendar = {
  /** Number of working days from the start up to and including today. */
  length: number;
  /** Start of a working day, ms since the epoch (UTC midnight of the calendar day). */
  dayStart: Float64Array;
  /** Position of today's office hours end: nothing is generated after it. */
  today: number;
  /** The instant of a position: the working day plus the fraction spread over 07:00–16:00 UTC. */
  at(position: number): number;
  /** The calendar day (YYYY-MM-DD) `n` working days after the position's day. */
  dayAfter(position: number, n: number): string;
};

const DAY_MS = 86_400_000;
const OFFICE_START_MS = 7 * 3_600_000;
const OFFICE_MS = 9 * 3_600_000;

export function buildCalendar(years: number, now: Date): Calendar {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const first = Date.UTC(now.getUTCFullYear() - years, now.getUTCMonth(), now.getUTCDate());
  const days: number[] = [];
  // A year of working days past today, so that due dates of open referrals can be looked up.
  const horizon = today + 400 * DAY_MS;
  for (let d = first; d <= horizon; d += DAY_MS) {
    if (isWorkingDay(new Date(d).toISOString().slice(0, 10))) days.push(d);
  }
  const dayStart = Float64Array.from(days);
  let length = 0;
  while (length < days.length && (days[length] ?? 0) <= today) length++;
  const at = (position: number) => {
    const i = Math.min(Math.floor(position), dayStart.length - 1);
    return (dayStart[i] ?? 0) + OFFICE_START_MS + (position - Math.floor(position)) * OFFICE_MS;
  };
  return {
    length,
    dayStart,
    // Today's positions end where now is, within office hours.
    today: Math.min(length, length - 1 + Math.max(0, now.getTime() - today - OFFICE_START_MS) / OFFICE_MS),
    at,
    dayAfter(position, n) {
      const i = Math.min(Math.floor(position) + n, dayStart.length - 1);
      return new Date(dayStart[i] ?? 0).toISOString().slice(0, 10);
    },
  };
}
