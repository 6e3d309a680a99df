import { asc, eq, inArray, or, sql } from "drizzle-orm";
import type { Tx } from "#server/db/client.ts";
import { loadClient } from "#server/modules/cases/clients.ts";
import { CLIENT_ROOT as clients } from "#server/modules/cases/personal-data.ts";
import { audit } from "#server/platform/audit.ts";
import type { Ctx } from "#server/platform/context.ts";
import { notFound } from "#server/platform/errors.ts";
import { auditLog, organisations } from "#server/platform/tables.ts";
import type { ClientExport } from "#shared/contracts/privacy.ts";
import { CLIENT_HOLDINGS, type Row, readHoldings } from "./holdings.ts";

export const EXPORT_FORMAT = "lotse-client-export/1";

/** A value as JSON carries it: timestamps in ISO 8601, binary content in base64. */
function plain(row: Row): Row {
  const out: Row = {};
  for (const [key, value] of Object.entries(row)) {
    if (value instanceof Date) out[key] = value.toISOString();
    else if (Buffer.isBuffer(value)) out[`${key}Base64`] = value.toString("base64");
    else out[key] = value;
  }
  return out;
}

/**
 * Who accessed the person's records, from the audit log: every entry about the client or one of
 * the records that hang on it. Staff names are not needed for the person's right of access; the
 * acting organisation is.
 */
async function accessesOf(db: Tx, clientId: string, records: Record<string, Row[]>) {
  const ids = new Set<string>([clientId]);
  for (const holding of CLIENT_HOLDINGS) {
    for (const row of records[holding.key] ?? []) {
      const id = row.id ?? row.consentId;
      if (id !== undefined && id !== null) ids.add(String(id));
    }
  }
  const rows = await db
    .select({
      at: auditLog.at,
      action: auditLog.action,
      entity: auditLog.entity,
      organisationId: auditLog.actorOrganisationId,
      organisationName: organisations.name,
    })
    .from(auditLog)
    .leftJoin(organisations, eq(organisations.id, auditLog.actorOrganisationId))
    .where(or(inArray(auditLog.entityId, [...ids]), sql`${auditLog.details} ->> 'clientId' = ${clientId}`))
    .orderBy(asc(auditLog.at), asc(auditLog.id));
  return rows.map((r) => ({
    at: r.at.toISOString(),
    action: r.action,
    entity: r.entity,
    organisation: r.organisationId ? { id: r.organisationId, name: r.organisationName ?? "" } : null,
  }));
}

/**
 * Everything Lotse holds on a client (Art. 15 DSGVO), read in one snapshot so the parts fit
 * together, and the export itself audited. Only counsellors of the client's organisation get here.
 */
export async function exportClient(
  ctx: Ctx & { clientId: string; format: "json" | "pdf" },
): Promise<ClientExport> {
  return ctx.db.transaction(
    async (tx) => {
      const { id, organisationId } = await loadClient(tx, ctx.actor, ctx.clientId);
      const [client] = await tx.select().from(clients).where(eq(clients.id, id));
      const [controller] = await tx
        .select({
          id: organisations.id,
          name: organisations.name,
          street: organisations.street,
          postcode: organisations.postcode,
          city: organisations.city,
          email: organisations.email,
          phone: organisations.phone,
        })
        .from(organisations)
        .where(eq(organisations.id, organisationId));
      if (!client || !controller) throw notFound();
      const holdings = await readHoldings(tx, id);
      const accesses = await accessesOf(tx, id, holdings);
      const records: Record<string, Row[]> = {};
      const counts: Record<string, number> = {};
      for (const holding of CLIENT_HOLDINGS) {
        records[holding.key] = (holdings[holding.key] ?? []).map(plain);
        counts[holding.key] = records[holding.key]?.length ?? 0;
      }
      await audit(tx, ctx, {
        action: "client.export",
        entity: "client",
        entityId: id,
        organisationId,
        purpose: "art15",
        details: { format: ctx.format, counts },
      });
      return {
        format: EXPORT_FORMAT,
        exportedAt: new Date().toISOString(),
        controller,
        client: plain(client),
        records,
        accesses,
      };
    },
    { isolationLevel: "repeatable read" },
  );
}
