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
