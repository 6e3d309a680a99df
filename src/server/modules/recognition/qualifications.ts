import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Tx } from "#server/db/client.ts";
import { recordCaseEvent } from "#server/modules/cases/events.ts";
import { cases, clients } from "#server/modules/cases/tables.ts";
import { audit } from "#server/platform/audit.ts";
import type { Ctx } from "#server/platform/context.ts";
import { forbidden, notFound } from "#server/platform/errors.ts";
import { clientScope } from "#server/platform/tenancy.ts";
import type { QualificationInput, QualificationUpdate } from "#shared/contracts/recognition.ts";
import { qualificationScope, recognitionAbilities } from "./policy.ts";
import {
  presentProcedures,
  presentQualification,
  type QualificationRow,
  selectProcedures,
} from "./present.ts";
import { qualifications, recognitionProcedures } from "./tables.ts";

/** The client if the actor may see them; else 404, so that an id cannot be probed. */
async function scopedClient(ctx: Ctx, clientId: string) {
  const [client] = await ctx.db
    .select({ id: clients.id, organisationId: clients.organisationId })
    .from(clients)
    .where(and(eq(clients.id, clientId), clientScope(ctx.actor, clients.organisationId, clients.id)));
  if (!client) throw notFound();
  return client;
}

async function withProcedures(ctx: Ctx, rows: QualificationRow[]) {
  const ids = rows.map((r) => r.id);
  const procedures =
    ids.length === 0
      ? []
      : await presentProcedures(
          ctx.db,
          ctx.actor,
          await selectProcedures(ctx.db, ctx.actor, inArray(recognitionProcedures.qualificationId, ids)),
        );
  return rows.map((r) =>
    presentQualification(
      r,
      procedures.filter((p) => p.qualificationId === r.id),
      ctx.actor,
    ),
  );
}

/** The foreign qualifications of a client, each with its recognition procedures. */
export async function listQualifications(ctx: Ctx & { clientId: string }) {
  return ctx.db.transaction(async (tx) => {
    const txCtx = { ...ctx, db: tx };
    const client = await scopedClient(txCtx, ctx.clientId);
    const rows = await tx
      .select()
      .from(qualifications)
      .where(and(eq(qualifications.clientId, client.id), qualificationScope(ctx.actor)))
      .orderBy(asc(qualifications.createdAt), asc(qualifications.id));
    const items = await withProcedures(txCtx, rows);
    await audit(tx, ctx, {
      action: "recognition.qualification.list",
      entity: "client",
      entityId: client.id,
      organisationId: client.organisationId,
      details: { qualifications: items.length },
    });
    return { items };
  });
}

/** The client's cases in the organisation: each timeline shows what happens to the client's qualifications. */
async function casesOfClient(tx: Tx, organisationId: string, clientId: string) {
  const rows = await tx
    .select({ id: cases.id })
    .from(cases)
    .where(and(eq(cases.clientId, clientId), eq(cases.organisationId, organisationId)));
  return rows.map((r) => r.id);
}

/** Records a foreign qualification of a client. */
export async function addQualification(
  ctx: Ctx & { clientId: string; input: z.infer<typeof QualificationInput> },
) {
  if (!recognitionAbilities(ctx.actor).update) throw forbidden();
  return ctx.db.transaction(async (tx) => {
    const txCtx = { ...ctx, db: tx };
    const client = await scopedClient(txCtx, ctx.clientId);
    const [row] = await tx
      .insert(qualifications)
      .values({ ...ctx.input, organisationId: client.organisationId, clientId: client.id })
      .returning();
    if (!row) throw new Error("qualification not stored");
    for (const caseId of await casesOfClient(tx, client.organisationId, client.id)) {
      await recordCaseEvent(tx, {
        caseId,
        kind: "qualification_added",
        actorUserId: ctx.actor.userId,
        subjectId: row.id,
      });
    }
    await audit(tx, ctx, {
      action: "recognition.qualification.create",
      entity: "qualification",
      entityId: row.id,
      organisationId: client.organisationId,
      details: { clientId: client.id, fields: Object.keys(ctx.input).sort() },
    });
    return presentQualification(row, [], ctx.actor);
  });
}

/** Edits a qualification; fields left out stay as they are. */
export async function updateQualification(
  ctx: Ctx & { qualificationId: string; change: z.infer<typeof QualificationUpdate> },
) {
  if (!recognitionAbilities(ctx.actor).update) throw forbidden();
  return ctx.db.transaction(async (tx) => {
    const txCtx = { ...ctx, db: tx };
    const [before] = await tx
      .select()
      .from(qualifications)
      .where(and(eq(qualifications.id, ctx.qualificationId), qualificationScope(ctx.actor)))
      .for("update");
    if (!before) throw notFound();
    const changed = Object.entries(ctx.change)
      .filter(([key, value]) => value !== undefined && before[key as keyof QualificationRow] !== value)
      .map(([key]) => key)
      .sort();
    let row = before;
    if (changed.length > 0) {
      const values = Object.fromEntries(changed.map((k) => [k, ctx.change[k as keyof typeof ctx.change]]));
      const [after] = await tx
        .update(qualifications)
        .set({ ...values, updatedAt: sql`now()` })
        .where(eq(qualifications.id, before.id))
        .returning();
      if (after) row = after;
    }
    await audit(tx, ctx, {
      action: "recognition.qualification.update",
      entity: "qualification",
      entityId: row.id,
      organisationId: row.organisationId,
      details: { clientId: row.clientId, fields: changed },
    });
    const [presented] = await withProcedures(txCtx, [row]);
    return presented as NonNullable<typeof presented>;
  });
}
