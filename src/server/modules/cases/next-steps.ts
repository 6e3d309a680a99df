import { and, asc, eq, getTableColumns, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Tx } from "#server/db/client.ts";
import { offers } from "#server/modules/offers/tables.ts";
import { audit } from "#server/platform/audit.ts";
import type { Ctx } from "#server/platform/context.ts";
import { invalidField, notFound } from "#server/platform/errors.ts";
import { organisations } from "#server/platform/tables.ts";
import type { NextStep, NextStepCreate, NextStepUpdate } from "#shared/contracts/cases.ts";
import { auditCaseRead, documentableCase, type ScopedCase, scopedCase } from "./documentation.ts";
import { recordCaseEvent } from "./events.ts";
import { contributions } from "./extensions.ts";
import { caseNextSteps, cases } from "./tables.ts";

const stepSelect = {
  ...getTableColumns(caseNextSteps),
  offerName: offers.name,
  offerOrganisationName: organisations.name,
};
type StepRow = typeof caseNextSteps.$inferSelect & {
  offerName: string | null;
  offerOrganisationName: string | null;
};

function presentStep(row: StepRow): NextStep {
  return {
    id: row.id,
    title: row.title,
    dueDate: row.dueDate,
    offer:
      row.offerId && row.offerName
        ? { id: row.offerId, name: row.offerName, organisationName: row.offerOrganisationName ?? "" }
        : null,
    procedureId: row.procedureId,
    doneAt: row.doneAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}

function selectSteps(db: Tx) {
  return db
    .select(stepSelect)
    .from(caseNextSteps)
    .leftJoin(offers, eq(offers.id, caseNextSteps.offerId))
    .leftJoin(organisations, eq(organisations.id, offers.organisationId));
}

async function loadStep(db: Tx, record: ScopedCase, stepId: string): Promise<StepRow> {
  const [row] = await selectSteps(db).where(
    and(eq(caseNextSteps.id, stepId), eq(caseNextSteps.caseId, record.id)),
  );
  if (!row) throw notFound();
  return row;
}

/** The next steps of a case: open ones first, the earliest due first. */
export async function listNextSteps(ctx: Ctx & { caseId: string }) {
  const record = await scopedCase(ctx.db, ctx.actor, ctx.caseId);
  const rows = await selectSteps(ctx.db)
    .where(eq(caseNextSteps.caseId, record.id))
    .orderBy(
      sql`${caseNextSteps.doneAt} is not null`,
      sql`${caseNextSteps.dueDate} asc nulls last`,
      asc(caseNextSteps.createdAt),
      asc(caseNextSteps.id),
    );
  await auditCaseRead(ctx, record, "next_step", { ids: rows.map((r) => r.id) });
  return { items: rows.map(presentStep) };
}

/**
 * A step may lead to any offer of the directory (public network information, of any organisation)
 * and may close the differences of a recognition procedure of the case's own client.
 */
async function assertReferences(db: Tx, record: ScopedCase, input: z.infer<typeof NextStepCreate>) {
  if (input.offerId) {
    const [offer] = await db.select({ id: offers.id }).from(offers).where(eq(offers.id, input.offerId));
    if (!offer) throw invalidField("offerId", "case.offer_unknown");
  }
  if (input.procedureId) {
    const known = await contributions().isClientProcedure(db, {
      procedureId: input.procedureId,
      clientId: record.clientId,
      organisationId: record.organisationId,
    });
    if (!known) throw invalidField("procedureId", "case.procedure_unknown");
  }
}

/** Agrees a next step in a case. */
export async function createNextStep(ctx: Ctx & { caseId: string; input: z.infer<typeof NextStepCreate> }) {
  return ctx.db.transaction(async (tx) => {
    const record = await documentableCase(tx, ctx.actor, ctx.caseId);
    await assertReferences(tx, record, ctx.input);
    const [row] = await tx
      .insert(caseNextSteps)
      .values({
        caseId: record.id,
        title: ctx.input.title,
        dueDate: ctx.input.dueDate ?? null,
        offerId: ctx.input.offerId ?? null,
        procedureId: ctx.input.procedureId ?? null,
        createdBy: ctx.actor.userId,
      })
      .returning({ id: caseNextSteps.id });
    if (!row) throw new Error("next step not created");
    await recordCaseEvent(tx, {
      caseId: record.id,
      kind: "next_step_added",
      actorUserId: ctx.actor.userId,
      subjectId: row.id,
      details: {
        dueDate: ctx.input.dueDate ?? null,
        offerId: ctx.input.offerId ?? null,
        procedureId: ctx.input.procedureId ?? null,
      },
    });
    await audit(tx, ctx, {
      action: "case_next_step.create",
      entity: "case_next_step",
      entityId: row.id,
      organisationId: record.organisationId,
      details: { caseId: record.id },
    });
    await tx.update(cases).set({ updatedAt: sql`now()` }).where(eq(cases.id, record.id));
    return presentStep(await loadStep(tx, record, row.id));
  });
}

/** Changes a next step's title or due date, or ticks it off (or reopens it). */
export async function updateNextStep(
  ctx: Ctx & { caseId: string; stepId: string; change: z.infer<typeof NextStepUpdate> },
) {
  return ctx.db.transaction(async (tx) => {
    const record = await documentableCase(tx, ctx.actor, ctx.caseId);
    const before = await loadStep(tx, record, ctx.stepId);
    const { title, dueDate, done } = ctx.change;
    const wasDone = before.doneAt !== null;
    const fields = [
      title !== undefined && title !== before.title ? "title" : undefined,
      dueDate !== undefined && dueDate !== before.dueDate ? "dueDate" : undefined,
      done !== undefined && done !== wasDone ? "done" : undefined,
    ].filter((f): f is string => f !== undefined);
    if (fields.length === 0) return presentStep(before);
    await tx
      .update(caseNextSteps)
      .set({
        ...(fields.includes("title") ? { title } : {}),
        ...(fields.includes("dueDate") ? { dueDate: dueDate ?? null } : {}),
        ...(fields.includes("done") ? { doneAt: done ? sql`now()` : null } : {}),
      })
      .where(eq(caseNextSteps.id, before.id));
    if (fields.includes("done")) {
      await recordCaseEvent(tx, {
        caseId: record.id,
        kind: done ? "next_step_done" : "next_step_reopened",
        actorUserId: ctx.actor.userId,
        subjectId: before.id,
      });
    }
    await audit(tx, ctx, {
      action: "case_next_step.update",
      entity: "case_next_step",
      entityId: before.id,
      organisationId: record.organisationId,
      details: { caseId: record.id, fields },
    });
    await tx.update(cases).set({ updatedAt: sql`now()` }).where(eq(cases.id, record.id));
    return presentStep(await loadStep(tx, record, before.id));
  });
}
