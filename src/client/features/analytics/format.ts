import type { TFunction } from "i18next";
import { currentLocale } from "../../i18n.ts";

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

/** Hours as hours below two days, else as days: "18 Std.", "4,5 Tage". */
export function duration(t: TFunction, hours: number | null | undefined): string {
  if (hours === null || hours === undefined) return "–";
  if (Math.abs(hours) < 48) return t("analytics.units.hours", { value: number(hours, 0) });
  return t("analytics.units.days", { value: number(hours / 24) });
}

/** A signed difference of hours: "+2,5 Tage", "−6 Std.". */
export function durationChange(t: TFunction, hours: number | null | undefined): string {
  if (hours === null || hours === undefined) return "–";
  const sign = hours > 0 ? "+" : hours < 0 ? "−" : "±";
  return `${sign}${duration(t, Math.abs(hours))}`;
}

/** A relative change as signed percentage: "+12 %", "−5 %". */
export function percentChange(share: number | null | undefined): string {
  if (share === null || share === undefined) return "–";
  const sign = share > 0 ? "+" : share < 0 ? "−" : "±";
  return `${sign}${percent(Math.abs(share))}`;
}

/** What an activity of the flow is: "<offer type>: <referral state>", both translated when known. */
export function activityLabel(t: TFunction, name: string): string {
  const [type, state] = name.split(": ");
  if (!type || !state) return name;
  const typeLabel = t(`directory.offerTypes.${type}`, { defaultValue: type });
  const stateLabel = t(`referrals.states.${state}`, { defaultValue: state });
  return `${typeLabel}: ${stateLabel}`;
}
