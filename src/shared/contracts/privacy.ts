import { z } from "zod";
import { Id, Timestamp } from "./common.ts";

/** A stored record as it is in the database: column names in camelCase, timestamps in ISO 8601. */
const StoredRecord = z
  .record(z.string(), z.unknown())
  .describe("One stored record; binary content (a scanned document) as <column>Base64");

/**
 * Everything Lotse holds on one person (Art. 15 DSGVO), machine-readable: the client record with
 * special categories, every record that hangs on it, and who accessed them.
 */
export const ClientExport = z
  .object({
    format: z.string().describe("Format and version of this document, lotse-client-export/1"),
    exportedAt: Timestamp,
    controller: z
      .object({
        id: Id,
        name: z.string(),
        street: z.string().nullable(),
        postcode: z.string().nullable(),
        city: z.string().nullable(),
        email: z.string().nullable(),
        phone: z.string().nullable(),
      })
      .describe("The organisation responsible for the data (the controller)"),
    client: StoredRecord.describe("The client record, including special-category fields"),
    records: z
      .record(z.string(), z.array(StoredRecord))
      .describe(
        "Records by kind: cases, caseContacts, caseNotes, caseNextSteps, caseEvents, consents, consentDocuments, qualifications, recognitionProcedures, recognitionStateChanges",
      ),
    accesses: z
      .array(
        z.object({
          at: Timestamp,
          action: z.string().describe("What was done, e.g. client.read"),
          entity: z.string(),
          organisation: z.object({ id: Id, name: z.string() }).nullable().describe("The acting organisation"),
        }),
      )
      .describe("Reads and changes of these records, from the audit log"),
  })
  .meta({ id: "ClientExport" });
export type ClientExport = z.infer<typeof ClientExport>;
