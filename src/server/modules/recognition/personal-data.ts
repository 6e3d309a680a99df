import type { Holding } from "#server/platform/personal-data.ts";
import { qualifications, recognitionProcedures, recognitionStateChanges } from "./tables.ts";

/** The client's foreign qualifications, their recognition procedures and the procedures' history. */
export const RECOGNITION_HOLDINGS: readonly Holding[] = [
  {
    key: "qualifications",
    table: qualifications,
    parent: "client",
    via: qualifications.clientId,
    id: qualifications.id,
    order: qualifications.createdAt,
  },
  {
    key: "recognitionProcedures",
    table: recognitionProcedures,
    parent: "qualifications",
    via: recognitionProcedures.qualificationId,
    id: recognitionProcedures.id,
    order: recognitionProcedures.createdAt,
  },
  {
    key: "recognitionStateChanges",
    table: recognitionStateChanges,
    parent: "recognitionProcedures",
    via: recognitionStateChanges.procedureId,
    id: recognitionStateChanges.id,
    order: recognitionStateChanges.id,
  },
];
