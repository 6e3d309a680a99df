import type { z } from "zod";
import { currentLocale } from "#client/i18n.ts";
import type { GoalText } from "#shared/contracts/trainings.ts";

/** The session's time span in the interface language: "Mon, 7 Dec 2026, 09:00–12:00". */
export function sessionSpan(startsAt: string, endsAt: string): string {
  const locale = currentLocale();
  const day = new Intl.DateTimeFormat(locale, {
    weekday: "short",
    dateStyle: undefined,
    day: "numeric",
    month: "short",
    year: "numeric",
  });
  const time = new Intl.DateTimeFormat(locale, { hour: "2-digit", minute: "2-digit" });
  return `${day.format(new Date(startsAt))}, ${time.format(new Date(startsAt))}–${time.format(new Date(endsAt))}`;
}

/** A learning goal's text in the interface language, German when it has none. */
export function goalText(text: z.infer<typeof GoalText>): string {
  const locale = currentLocale();
  return (locale === "en" ? text.en : locale === "ar" ? text.ar : undefined) ?? text.de;
}

const pad = (n: number) => String(n).padStart(2, "0");

/** The local day (YYYY-MM-DD) and time (HH:MM) of a timestamp, for date and time inputs. */
export function localParts(iso: string): { day: string; time: string } {
  const d = new Date(iso);
  return {
    day: `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`,
    time: `${pad(d.getHours())}:${pad(d.getMinutes())}`,
  };
}

/** A local day and time as an ISO timestamp; an incomplete input goes through for the server to name. */
export function fromLocal(day: string, time: string): string {
  const d = new Date(`${day}T${time}`);
  return Number.isNaN(d.getTime()) ? `${day}T${time}` : d.toISOString();
}
