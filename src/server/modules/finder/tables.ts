import { sql } from "drizzle-orm";
import { bigserial, boolean, check, index, pgTable, timestamp, uuid } from "drizzle-orm/pg-core";
import { xid8 } from "#server/db/columns.ts";

/**
 * A change to what the public finder shows (an offer, its places, its organisation), noted by
 * triggers with the transaction that made it; each instance's search index catches up from here
 * (src/server/modules/finder/engine/store.ts). offer_id null: rebuild everything.
 */
export const finderChanges = pgTable(
  "finder_changes",
  {
    seq: bigserial("seq", { mode: "number" }).primaryKey(),
    tx: xid8("tx").notNull().default(sql`pg_current_xact_id()`),
    offerId: uuid("offer_id"),
    changedAt: timestamp("changed_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("finder_changes_tx_idx").on(t.tx)],
);

/** One row: up to which transaction old finder changes were pruned. */
export const finderState = pgTable(
  "finder_state",
  {
    id: boolean("id").primaryKey().default(true),
    prunedThrough: xid8("pruned_through").notNull().default(sql`'0'::xid8`),
  },
  (t) => [check("finder_state_one_row", sql`${t.id}`)],
);
