import type { Consent } from "#shared/contracts/consents.ts";
import { pathOf } from "#shared/contracts/route.ts";
import { consentRoutes } from "#shared/contracts/routes/consents.ts";

/**
 * The second languages the printed information and consent sheet comes in beside German, as the
 * server has texts for them (src/server/modules/consents/sheet-texts/).
 */
export const SHEET_LANGUAGES = ["en", "ar", "uk", "ru", "fa", "tr"] as const;
export type SheetLanguage = (typeof SHEET_LANGUAGES)[number];

/** Whether the sheet comes in this language. */
export const isSheetLanguage = (language: string): language is SheetLanguage =>
  (SHEET_LANGUAGES as readonly string[]).includes(language);

/** The address of the printable sheet in the chosen language for the chosen purposes. */
export function consentSheetUrl(
  clientId: string,
  language: SheetLanguage,
  purposes: readonly string[],
): string {
  return pathOf(consentRoutes.sheet, {
    params: { clientId },
    query: { language, purposes: purposes.join(",") },
  });
}

/** Where the scanned signed sheet of a consent is downloaded. */
export function consentDocumentUrl(consent: Pick<Consent, "id">): string {
  return pathOf(consentRoutes.document, { params: { consentId: consent.id } });
}
