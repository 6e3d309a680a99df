import { sql } from "drizzle-orm";
import type { Db, Tx } from "#server/db/client.ts";
import { directoryChanges, locations, offerLocations, offers } from "#server/modules/offers/tables.ts";
import { organisations } from "#server/platform/tables.ts";
import type { ImportReport } from "#shared/contracts/hsds.ts";
import { upsertRows } from "./db-util.ts";
import { type ImportProgress, type Planned, plan } from "./import-plan.ts";
import { ensureLotseTaxonomies } from "./lotse-taxonomies.ts";
import type { HsdsKind } from "./schemas.ts";
import { taxonomies, taxonomyTerms } from "./tables.ts";

export type { ImportProgress } from "./import-plan.ts";
export { UNASSIGNED_ORGANISATION_ID } from "./import-plan.ts";

const TABLES = {
  taxonomy: taxonomies,
  taxonomy_term: taxonomyTerms,
  organization: organisations,
  location: locations,
  service: offers,
  service_at_location: offerLocations,
} as const;
const WRITE_ORDER: HsdsKind[] = [
  "taxonomy",
  "taxonomy_term",
  "organization",
  "location",
  "service",
  "service_at_location",
];

function report(planned: Planned[], dryRun: boolean, committed: boolean): ImportReport {
  const counts = { create: 0, update: 0, unchanged: 0, reject: 0 };
  for (const p of planned) counts[p.action]++;
  return {
    dryRun,
    committed,
    counts,
    records: planned.map((p) => ({
      kind: p.record.kind,
      id: p.id,
      name: typeof p.record.obj.name === "string" ? p.record.obj.name : null,
      path: p.record.path,
      action: p.action,
      fields: p.changes.map((c) => c.field),
      errors: p.record.errors,
    })),
  };
}

/**
 * Imports HSDS 3.0 JSON (one object, a list, or a page with `contents`): upserts by id in one
 * transaction, and writes nothing at all when any record is rejected. A dry run only reports.
 */
export async function importHsds(opts: {
  db: Db;
  document: unknown;
  dryRun: boolean;
  /** Who the change history names: "import:<user id>" or "import:cli". */
  updatedBy: string;
  /** Called inside the transaction after the writes, e.g. to audit. */
  afterWrite?: (tx: Tx, report: ImportReport) => Promise<void>;
  onProgress?: ImportProgress;
}): Promise<ImportReport> {
  if (opts.dryRun) {
    const planned = await plan(opts.db, opts.document, opts.onProgress);
    return report(planned, true, false);
  }
  return opts.db.transaction(async (tx) => {
    // Two imports at once would plan against each other's half-written state.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('lotse.hsds.import'))`);
    const planned = await plan(tx, opts.document, opts.onProgress);
    if (planned.some((p) => p.action === "reject")) return report(planned, false, false);
    await ensureLotseTaxonomies(tx);
    const writes = planned.filter((p) => p.action === "create" || p.action === "update");
    let done = 0;
    for (const kind of WRITE_ORDER) {
      const rows = writes.filter((p) => p.record.kind === kind).map((p) => p.row as Record<string, unknown>);
      // updated_at comes from the database clock; the planned rows carry no timestamps.
      await upsertRows(tx, TABLES[kind], rows);
      done += rows.length;
      opts.onProgress?.("write", done, writes.length);
    }
    const changeRows = writes.flatMap((p) =>
      p.changes.map((c) => ({
        resourceId: p.id as string,
        resourceType: p.record.kind,
        actionType: p.action,
        fieldName: c.field,
        previousValue: c.previous,
        replacementValue: c.replacement,
        updatedBy: opts.updatedBy,
      })),
    );
    for (let i = 0; i < changeRows.length; i += 1000)
      await tx.insert(directoryChanges).values(changeRows.slice(i, i + 1000));
    const result = report(planned, false, true);
    await opts.afterWrite?.(tx, result);
    return result;
  });
}
