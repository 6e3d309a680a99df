import { asc, getTableColumns, getTableName, inArray } from "drizzle-orm";
import type { AnyPgColumn, PgTable } from "drizzle-orm/pg-core";
import type { Tx } from "../../db/client.ts";
import { caseContacts, caseEvents, caseNextSteps, caseNotes, cases, clients } from "../cases/tables.ts";
import { consentDocuments, consents } from "../consents/tables.ts";
import { notificationReads, notifications } from "../notifications/tables.ts";
import { qualifications, recognitionProcedures, recognitionStateChanges } from "../recognition/tables.ts";
import { referralMessages, referrals } from "../referrals/tables.ts";

/**
 * Everything Lotse holds on a client, as one tree: each holding names its table, the column that
 * points to its parent holding, and the column its own children point to. The Art. 15 export
 * reads this list; the erasure counts it and deletes the root (the foreign keys cascade down the
 * same tree). A module that adds a table with personal data adds one line here — a test fails
 * when a table hangs on the tree through a foreign key but is missing from this list.
 */
export type Holding = {
  key: string;
  table: PgTable;
  /** The holding this one hangs on; "client" for the client row itself. */
  parent: string;
  /** The column of this table that holds the parent's id. */
  via: AnyPgColumn;
  /** The column children refer to (its primary key). */
  id: AnyPgColumn;
  /** Reading order within the holding. */
  order: AnyPgColumn;
};

export const CLIENT_HOLDINGS: readonly Holding[] = [
  { key: "cases", table: cases, parent: "client", via: cases.clientId, id: cases.id, order: cases.openedAt },
  {
    key: "caseContacts",
    table: caseContacts,
    parent: "cases",
    via: caseContacts.caseId,
    id: caseContacts.id,
    order: caseContacts.date,
  },
  {
    key: "caseNotes",
    table: caseNotes,
    parent: "cases",
    via: caseNotes.caseId,
    id: caseNotes.id,
    order: caseNotes.createdAt,
  },
  {
    key: "caseNextSteps",
    table: caseNextSteps,
    parent: "cases",
    via: caseNextSteps.caseId,
    id: caseNextSteps.id,
    order: caseNextSteps.createdAt,
  },
  {
    key: "caseEvents",
    table: caseEvents,
    parent: "cases",
    via: caseEvents.caseId,
    id: caseEvents.id,
    order: caseEvents.id,
  },
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
  {
    key: "referrals",
    table: referrals,
    parent: "cases",
    via: referrals.caseId,
    id: referrals.id,
    order: referrals.createdAt,
  },
  {
    key: "referralMessages",
    table: referralMessages,
    parent: "referrals",
    via: referralMessages.referralId,
    id: referralMessages.id,
    order: referralMessages.createdAt,
  },
  {
    key: "notifications",
    table: notifications,
    parent: "referrals",
    via: notifications.referralId,
    id: notifications.id,
    order: notifications.createdAt,
  },
  {
    // Who of the staff has read such a notification; erased with it.
    key: "notificationReads",
    table: notificationReads,
    parent: "notifications",
    via: notificationReads.notificationId,
    id: notificationReads.notificationId,
    order: notificationReads.readAt,
  },
];

/** The database tables that hold a client's data: the root and every holding. */
export const CLIENT_TABLES: string[] = [
  getTableName(clients),
  ...CLIENT_HOLDINGS.map((h) => getTableName(h.table)),
];

export type Row = Record<string, unknown>;

/**
 * Reads the holdings of a client, parents before children. With `idsOnly` it reads just the ids
 * (for counting and for finding audit entries) and leaves large columns such as scanned
 * documents on disk.
 */
export async function readHoldings(
  db: Tx,
  clientId: string,
  opts: { idsOnly?: boolean } = {},
): Promise<Record<string, Row[]>> {
  const ids: Record<string, unknown[]> = { client: [clientId] };
  const result: Record<string, Row[]> = {};
  for (const holding of CLIENT_HOLDINGS) {
    const parentIds = ids[holding.parent] ?? [];
    const rows: Row[] =
      parentIds.length === 0
        ? []
        : opts.idsOnly
          ? await db.select({ id: holding.id }).from(holding.table).where(inArray(holding.via, parentIds))
          : await db
              .select()
              .from(holding.table)
              .where(inArray(holding.via, parentIds))
              .orderBy(asc(holding.order), asc(holding.id));
    const ownIds = rows.map((row) => (opts.idsOnly ? row.id : row[columnKey(holding.table, holding.id)]));
    ids[holding.key] = ownIds;
    result[holding.key] = rows;
  }
  return result;
}

/** The property name under which Drizzle returns a column of a table. */
function columnKey(table: PgTable, column: AnyPgColumn): string {
  const entry = Object.entries(getTableColumns(table)).find(([, value]) => value === column);
  if (!entry) throw new Error(`column ${column.name} not in ${getTableName(table)}`);
  return entry[0];
}
