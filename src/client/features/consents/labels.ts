import type { Consent } from "../../../shared/contracts/consents.ts";

/**
 * The second languages the printed information and consent sheet comes in beside German, as the
 * server has texts for them (src/server/modules/consents/sheet-texts/).
 */
export const SHEET_LANGUAGES = ["en", "ar", "uk", "ru", "fa", "tr"] as const;

/** The address of the printable sheet in the chosen language for the chosen purposes. */
export function consentSheetUrl(clientId: string, language: string, purposes: readonly string[]): string {
  const search = new URLSearchParams({ language, purposes: purposes.join(",") });
  return `/api/clients/${clientId}/consent-sheet?${search.toString()}`;
}

/** Where the scanned signed sheet of a consent is downloaded. */
export function consentDocumentUrl(consent: Pick<Consent, "id">): string {
  return `/api/consents/${consent.id}/document`;
}

/** The value of a datetime-local input for a moment, in the browser's time zone. */
export function toLocalInput(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** The server's message for a field or anything below it ("dataCategories" also for "dataCategories.1"). */
export function errorOf(fields: Record<string, string>, name: string): string | undefined {
  return fields[name] ?? Object.entries(fields).find(([k]) => k.startsWith(`${name}.`))?.[1];
}
