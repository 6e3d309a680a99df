import type { AnyPgColumn, PgTable } from "drizzle-orm/pg-core";

/**
 * One table that holds a client's personal data, as a branch of the tree rooted at the client:
 * its table, the column that points to its parent holding, and the column its own children point
 * to. A module declares its holdings in its personal-data.ts; the privacy module reads the tree
 * for the Art. 15 export and counts it for the erasure (the foreign keys cascade down the same tree).
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
