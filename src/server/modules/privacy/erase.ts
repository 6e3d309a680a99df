import { eq, sql } from "drizzle-orm";
import type { Db, Tx } from "#server/db/client.ts";
import { loadClient } from "#server/modules/cases/clients.ts";
import { CLIENT_ROOT as clients } from "#server/modules/cases/personal-data.ts";
import { audit } from "#server/platform/audit.ts";
import type { Ctx } from "#server/platform/context.ts";
import { notFound } from "#server/platform/errors.ts";
import { type Job, runJobSoon } from "#server/platform/jobs.ts";
import type { Actor } from "#server/platform/session.ts";
import { erasureLedger } from "#server/platform/tables.ts";
import { CLIENT_HOLDINGS, CLIENT_TABLES, readHoldings } from "./holdings.ts";
import { appendLedgerEntries, type LedgerEntry } from "./ledger-file.ts";

/** The job that rewrites the erased client's tables and indexes without the deleted rows. */
export const VACUUM_JOB = "privacy.vacuum";

/**
 * Erases a client completely (Art. 17 DSGVO) in one transaction: deleting the client row removes,
 * by cascade, every record that hangs on it (holdings.ts). The audit entry keeps only the
 * pseudonym and how many records went. A VACUUM soon after removes the dead rows from tables and
 * indexes, so no copy of the person's data lingers on disk.
 */
export async function eraseClient(ctx: Ctx & { clientId: string; ledgerFile: string }): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const client = await loadClient(tx, ctx.actor, ctx.clientId);
    const entry = await eraseClientRecord(tx, ctx, client.id);
    if (!entry) throw notFound();
    // The ledger file is written last, just before the commit: once the erasure is committed the
    // file holds it, so a restored older backup cannot bring the person back. Should the commit
    // itself fail after this, the next start completes the erasure the person asked for.
    await appendLedgerEntries(ctx.ledgerFile, [entry]);
  });
}

/**
 * The erasure itself, without the actor's scope: used by the request above and by the replay of
 * the ledger (ledger.ts), which erases as the system. Records the ledger row in the same
 * transaction; answers the ledger entry, or null when the client does not exist (any more).
 */
export async function eraseClientRecord(
  tx: Tx,
  who: { actor?: Pick<Actor, "userId" | "organisationId"> | undefined; requestId: string },
  clientId: string,
  opts: { erasedAt?: Date; replayed?: boolean } = {},
): Promise<LedgerEntry | null> {
  // Locks the row first, so a concurrent change to the client (or a concurrent erasure) waits and
  // then finds nothing.
  const [client] = await tx
    .select({ id: clients.id, pseudonym: clients.pseudonym, organisationId: clients.organisationId })
    .from(clients)
    .where(eq(clients.id, clientId))
    .for("update");
  if (!client) return null;
  const holdings = await readHoldings(tx, client.id, { idsOnly: true });
  const counts = Object.fromEntries(CLIENT_HOLDINGS.map((h) => [h.key, holdings[h.key]?.length ?? 0]));
  await tx.delete(clients).where(eq(clients.id, client.id));
  await audit(tx, who, {
    action: "client.erase",
    entity: "client",
    entityId: client.pseudonym,
    organisationId: client.organisationId,
    purpose: "art17",
    details: opts.replayed ? { counts, replayed: true } : { counts },
  });
  const erasedAt = opts.erasedAt ?? new Date();
  await tx
    .insert(erasureLedger)
    .values({ clientId: client.id, organisationId: client.organisationId, erasedAt })
    .onConflictDoNothing();
  await runJobSoon(tx, VACUUM_JOB);
  return { clientId: client.id, organisationId: client.organisationId, erasedAt: erasedAt.toISOString() };
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
