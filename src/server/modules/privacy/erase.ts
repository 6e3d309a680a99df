import { eq, sql } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { clients } from "../../db/schema.ts";
import { audit, type Ctx } from "../../platform/audit.ts";
import { notFound } from "../../platform/errors.ts";
import { type Job, runJobSoon } from "../../platform/jobs.ts";
import { loadClient } from "../cases/clients.ts";
import { CLIENT_HOLDINGS, CLIENT_TABLES, readHoldings } from "./holdings.ts";

/** The job that rewrites the erased client's tables and indexes without the deleted rows. */
export const VACUUM_JOB = "privacy.vacuum";

/**
 * Erases a client completely (Art. 17 DSGVO) in one transaction: deleting the client row removes,
 * by cascade, every record that hangs on it (holdings.ts). The audit entry keeps only the
 * pseudonym and how many records went. A VACUUM soon after removes the dead rows from tables and
 * indexes, so no copy of the person's data lingers on disk.
 */
export async function eraseClient(ctx: Ctx & { clientId: string }): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const client = await loadClient(tx, ctx.actor, ctx.clientId);
    // Locks the row first, so a concurrent change to the client waits and then finds nothing.
    const [locked] = await tx
      .select({ id: clients.id })
      .from(clients)
      .where(eq(clients.id, client.id))
      .for("update");
    if (!locked) throw notFound();
    const holdings = await readHoldings(tx, client.id, { idsOnly: true });
    const counts = Object.fromEntries(CLIENT_HOLDINGS.map((h) => [h.key, holdings[h.key]?.length ?? 0]));
    await tx.delete(clients).where(eq(clients.id, client.id));
    await audit(tx, ctx, {
      action: "client.erase",
      entity: "client",
      entityId: client.pseudonym,
      organisationId: client.organisationId,
      purpose: "art17",
      details: { counts },
    });
    await runJobSoon(tx, VACUUM_JOB);
  });
}

/**
 * VACUUM of every table that holds client data, with index cleanup forced: PostgreSQL may skip
 * index vacuuming when few rows died, which would leave the erased values in the indexes (the
 * name's trigram index among them). It cannot run inside a transaction, hence a job.
 */
export async function vacuumClientTables(db: Db): Promise<void> {
  const tables = CLIENT_TABLES.map((name) => `"${name}"`).join(", ");
  await db.execute(sql.raw(`vacuum (index_cleanup on) ${tables}`));
}

/** The privacy module's scheduled jobs: the vacuum after erasures, and once a day regardless. */
export function privacyJobs(db: Db): Job[] {
  return [{ name: VACUUM_JOB, everySeconds: 24 * 3600, run: () => vacuumClientTables(db) }];
}
