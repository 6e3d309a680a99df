import type { Db } from "#server/db/client.ts";
import { audit } from "#server/platform/audit.ts";
import type { Ctx } from "#server/platform/context.ts";
import type { ImportReport } from "#shared/contracts/hsds.ts";
import { importHsds } from "./import.ts";

/** Audit details of an import: counts only, never values from the records. */
const details = (r: ImportReport) => ({ dryRun: r.dryRun, committed: r.committed, ...r.counts });

/** The coordination imports HSDS 3.0 JSON; a real run is audited with its counts. */
export async function importDirectory(ctx: Ctx & { db: Db; document: unknown; dryRun: boolean }) {
  const report = await importHsds({
    db: ctx.db,
    document: ctx.document,
    dryRun: ctx.dryRun,
    updatedBy: `import:${ctx.actor.userId}`,
    afterWrite: (tx, r) =>
      audit(tx, ctx, {
        action: "directory.import",
        entity: "directory",
        organisationId: null,
        details: details(r),
      }),
  });
  // A rejected real run wrote nothing, not even its audit entry inside the rolled-back work.
  if (!ctx.dryRun && !report.committed) {
    await audit(ctx.db, ctx, {
      action: "directory.import",
      entity: "directory",
      organisationId: null,
      details: details(report),
    });
  }
  return report;
}
