import type { TFunction } from "i18next";
import { currentLocale } from "#client/i18n.ts";

/** A share between 0 and 1 as a whole percentage in the interface language; "–" without data. */
export function percent(share: number | null | undefined): string {
  if (share === null || share === undefined) return "–";
  return new Intl.NumberFormat(currentLocale(), { style: "percent", maximumFractionDigits: 0 }).format(share);
}

/** A count or measure in the interface language, with at most one decimal. */
export function number(value: number | null | undefined, digits = 1): string {
  if (value === null || value === undefined) return "–";
  return new Intl.NumberFormat(currentLocale(), { maximumFractionDigits: digits }).format(value);
}

/** "2026-03" as "März 2026". */
export function monthLabel(month: string): string {
  const [y, m] = month.split("-").map(Number);
  if (!y || !m) return month;
  return new Intl.DateTimeFormat(currentLocale(), { month: "short", year: "numeric" }).format(
    new Date(y, m - 1, 1),
  );
}

// Colours of the organisation types in the network graph; the type is also named in the legend,
// the tooltip and the table, so colour is never the only carrier.
const TYPE_COLOURS: Record<string, string> = {
  network_coordination: "#1864ab",
  jobcenter: "#c92a2a",
  employment_agency: "#e8590c",
  chamber: "#5f3dc4",
  migrant_organisation: "#2b8a3e",
  education_provider: "#0b7285",
  company: "#862e9c",
  city_administration: "#5c940d",
  counselling_service: "#a61e4d",
  welfare_association: "#e67700",
  other: "#495057",
};

export function typeColour(type: string): string {
  return TYPE_COLOURS[type] ?? "#495057";
}

/** Hours of elapsed time as calendar days with one decimal (for charts and sorting). */
export function calendarDays(hours: number): number {
  return Math.round((hours / 24) * 10) / 10;
}

/**
 * A measured time, always in calendar days with one decimal and the unit named: "4,5 Kalendertage",
 * "0,3 Kalendertage". Measured times count every day (weekends and holidays too), agreed times count
 * working days; saying which on every figure keeps the two from being compared as if alike.
 */
export function duration(t: TFunction, hours: number | null | undefined): string {
  if (hours === null || hours === undefined) return "–";
  return t("analytics.units.calendarDays", { value: fixed1(hours / 24) });
}

/** A signed difference of hours in calendar days: "+2,5 Kalendertage", "−0,3 Kalendertage". */
export function durationChange(t: TFunction, hours: number | null | undefined): string {
  if (hours === null || hours === undefined) return "–";
  const sign = hours > 0 ? "+" : hours < 0 ? "−" : "±";
  return `${sign}${duration(t, Math.abs(hours))}`;
}

/** One decimal always ("1,0", never "1"), so that the plural of the unit reads right in every language. */
function fixed1(value: number): string {
  return new Intl.NumberFormat(currentLocale(), {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  }).format(value);
}

/** A relative change as signed percentage: "+12 %", "−5 %". */
export function percentChange(share: number | null | undefined): string {
  if (share === null || share === undefined) return "–";
  const sign = share > 0 ? "+" : share < 0 ? "−" : "±";
  return `${sign}${percent(Math.abs(share))}`;
}

/** The two parts of a flow activity, translated when known: offer type and referral state. */
export function activityParts(t: TFunction, name: string): { type: string; state: string } {
  const [type, state] = name.split(": ");
  if (!type || !state) return { type: name, state: "" };
  return {
    type: t(`directory.offerTypes.${type}`, { defaultValue: type }),
    state: t(`referrals.states.${state}`, { defaultValue: state }),
  };
}

/** What an activity of the flow is: "<offer type>: <referral state>", both translated when known. */
export function activityLabel(t: TFunction, name: string): string {
  const { type, state } = activityParts(t, name);
  return state ? `${type}: ${state}` : type;
}
