import { and, asc, eq } from "drizzle-orm";
import type { z } from "zod";
import type { Ctx } from "#server/platform/context.ts";
import { users } from "#server/platform/tables.ts";
import { specialScope } from "#server/platform/tenancy.ts";
import type { Timeline } from "#shared/contracts/cases.ts";
import { auditCaseRead, scopedCase } from "./documentation.ts";
import { caseEvents } from "./tables.ts";

/**
 * Everything that happened in a case, oldest first, with who did it. Events about special
 * categories are left out for those who may not read them — in the query, so they never leave the
 * database.
 */
export async function caseTimeline(ctx: Ctx & { caseId: string }): Promise<z.infer<typeof Timeline>> {
  const record = await scopedCase(ctx.db, ctx.actor, ctx.caseId);
  const rows = await ctx.db
    .select({
      id: caseEvents.id,
      at: caseEvents.at,
      kind: caseEvents.kind,
      actorUserId: caseEvents.actorUserId,
      actorName: users.name,
      subjectId: caseEvents.subjectId,
      details: caseEvents.details,
    })
    .from(caseEvents)
    .leftJoin(users, eq(users.id, caseEvents.actorUserId))
    .where(and(eq(caseEvents.caseId, record.id), specialScope(ctx.actor, caseEvents.special)))
    .orderBy(asc(caseEvents.at), asc(caseEvents.id));
  await auditCaseRead(ctx, record, "timeline", { count: rows.length });
  return {
    items: rows.map((r) => ({
      id: r.id,
      at: r.at.toISOString(),
      kind: r.kind,
      actor: r.actorUserId ? { id: r.actorUserId, name: r.actorName ?? "" } : null,
      subjectId: r.subjectId,
      details: r.details,
    })),
  };
}
