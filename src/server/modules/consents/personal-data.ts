import type { Holding } from "#server/platform/personal-data.ts";
import { consentDocuments, consents } from "./tables.ts";

/** The client's consents and the scanned signed sheets. */
export const CONSENT_HOLDINGS: readonly Holding[] = [
  {
    key: "consents",
    table: consents,
    parent: "client",
    via: consents.clientId,
    id: consents.id,
    order: consents.givenAt,
  },
  {
    key: "consentDocuments",
    table: consentDocuments,
    parent: "consents",
    via: consentDocuments.consentId,
    id: consentDocuments.consentId,
    order: consentDocuments.uploadedAt,
  },
];
