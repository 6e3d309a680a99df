import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Tx } from "#server/db/client.ts";
import { recordCaseEvent } from "#server/modules/cases/events.ts";
import { cases } from "#server/modules/cases/tables.ts";
import { audit } from "#server/platform/audit.ts";
import type { Ctx } from "#server/platform/context.ts";
import { forbidden, invalidField, notFound } from "#server/platform/errors.ts";
import { organisations } from "#server/platform/tables.ts";
import { caseScope } from "#server/platform/tenancy.ts";
import { staleVersion } from "#server/platform/versioning.ts";
import type { Procedure, ProcedureCreate, ProcedureUpdate } from "#shared/contracts/recognition.ts";
import type { RecognitionState } from "#shared/recognition.ts";
import { occupationByCode } from "./kldb.ts";
import { qualificationScope, recognitionAbilities } from "./policy.ts";
import { historyOf, type ProcedureRow, presentProcedure, selectProcedures } from "./present.ts";
import { applyChange } from "./rules.ts";
import { qualifications, recognitionProcedures, recognitionStateChanges } from "./tables.ts";

/** A procedure the actor may see, presented; else 404. */
export async function loadProcedure(ctx: Ctx, id: string, opts: { lock?: boolean } = {}) {
  const [row] = await selectProcedures(ctx.db, ctx.actor, eq(recognitionProcedures.id, id), opts);
  if (!row) throw notFound();
  const history = await historyOf(ctx.db, [row.id]);
  return { row, procedure: presentProcedure(row, history.get(row.id) ?? [], ctx.actor) };
}

/** The title of a KldB level-5 occupation; an unknown code is refused on its field. */
function occupationTitle(code: string): string {
  const occupation = occupationByCode(code);
  if (!occupation) throw invalidField("referenceOccupationCode", "recognition.occupation_unknown");
  return occupation.title;
}

/** The competent authority must be an organisation of the directory. */
export async function assertAuthority(tx: Tx, id: string | null | undefined) {
  if (!id) return;
  const [found] = await tx
    .select({ id: organisations.id })
    .from(organisations)
    .where(eq(organisations.id, id));
  if (!found) throw invalidField("authorityOrganisationId", "recognition.authority_unknown");
}

async function recordStateChange(
  tx: Tx,
  ctx: Ctx,
  row: Pick<ProcedureRow, "id" | "caseId">,
  from: RecognitionState | null,
  to: RecognitionState,
) {
  await tx
    .insert(recognitionStateChanges)
    .values({ procedureId: row.id, fromState: from, toState: to, actorUserId: ctx.actor.userId });
  if (row.caseId && from !== null) {
    await recordCaseEvent(tx, {
      caseId: row.caseId,
      kind: "procedure_state_changed",
      actorUserId: ctx.actor.userId,
      subjectId: row.id,
      details: { from, to },
    });
  }
}

/** Opens a recognition procedure for a qualification against a KldB reference occupation. */
export async function openProcedure(
  ctx: Ctx & { input: z.infer<typeof ProcedureCreate> },
): Promise<Procedure> {
  if (!recognitionAbilities(ctx.actor).update) throw forbidden();
  const input = ctx.input;
  return ctx.db.transaction(async (tx) => {
    const txCtx = { ...ctx, db: tx };
    const [qualification] = await tx
      .select({
        id: qualifications.id,
        clientId: qualifications.clientId,
        organisationId: qualifications.organisationId,
      })
      .from(qualifications)
      .where(and(eq(qualifications.id, input.qualificationId), qualificationScope(ctx.actor)));
    if (!qualification) throw notFound();
    if (input.caseId) {
      // The case must be the same client's and one the actor sees; anything else reads as unknown.
      const [found] = await tx
        .select({ id: cases.id })
        .from(cases)
        .where(
          and(eq(cases.id, input.caseId), eq(cases.clientId, qualification.clientId), caseScope(ctx.actor)),
        );
      if (!found) throw invalidField("caseId", "recognition.case_unknown");
    }
    const title = occupationTitle(input.referenceOccupationCode);
    await assertAuthority(tx, input.authorityOrganisationId);
    const id = randomUUID();
    await tx.insert(recognitionProcedures).values({
      id,
      organisationId: qualification.organisationId,
      qualificationId: qualification.id,
      caseId: input.caseId ?? null,
      referenceOccupationCode: input.referenceOccupationCode,
      referenceOccupationTitle: title,
      regulated: input.regulated,
      legalBasis: input.legalBasis ?? null,
      authorityOrganisationId: input.authorityOrganisationId ?? null,
    });
    await recordStateChange(tx, ctx, { id, caseId: null }, null, "enquiry");
    if (input.caseId) {
      await recordCaseEvent(tx, {
        caseId: input.caseId,
        kind: "procedure_opened",
        actorUserId: ctx.actor.userId,
        subjectId: id,
        details: { referenceOccupationCode: input.referenceOccupationCode },
      });
    }
    await audit(tx, ctx, {
      action: "recognition.procedure.create",
      entity: "recognition_procedure",
      entityId: id,
      organisationId: qualification.organisationId,
      details: { qualificationId: qualification.id, caseId: input.caseId ?? null },
    });
    return (await loadProcedure(txCtx, id)).procedure;
  });
}

/** One procedure, for its detail view; the read is audited. */
export async function getProcedure(ctx: Ctx & { id: string }): Promise<Procedure> {
  return ctx.db.transaction(async (tx) => {
    const { row, procedure } = await loadProcedure({ ...ctx, db: tx }, ctx.id);
    await audit(tx, ctx, {
      action: "recognition.procedure.read",
      entity: "recognition_procedure",
      entityId: row.id,
      organisationId: row.organisationId,
    });
    return procedure;
  });
}

/**
 * Changes a procedure based on the version the caller saw (If-Match): a stale version is refused
 * (412) rather than overwriting another counsellor's edit. A state change must be an allowed move;
 * it is recorded in the procedure's history and on the case's timeline.
 */
export async function updateProcedure(
  ctx: Ctx & { id: string; expectedVersion: number; change: z.infer<typeof ProcedureUpdate> },
): Promise<Procedure> {
  if (!recognitionAbilities(ctx.actor).update) throw forbidden();
  return ctx.db.transaction(async (tx) => {
    const txCtx = { ...ctx, db: tx };
    // The row lock makes a second save with the same version wait for the first and then see 412.
    const { row } = await loadProcedure(txCtx, ctx.id, { lock: true });
    if (row.version !== ctx.expectedVersion) throw staleVersion();
    if (ctx.change.authorityOrganisationId !== row.authorityOrganisationId) {
      await assertAuthority(tx, ctx.change.authorityOrganisationId);
    }
    const { values, fields, edits, move } = applyChange(row, ctx.change, occupationTitle);
    if (fields.length > 0) {
      await tx
        .update(recognitionProcedures)
        .set({ ...values, version: sql`${recognitionProcedures.version} + 1`, updatedAt: sql`now()` })
        .where(and(eq(recognitionProcedures.id, row.id), eq(recognitionProcedures.version, row.version)));
    }
    if (move) await recordStateChange(tx, ctx, row, move.from, move.to);
    if (row.caseId && edits.length > 0) {
      await recordCaseEvent(tx, {
        caseId: row.caseId,
        kind: "procedure_updated",
        actorUserId: ctx.actor.userId,
        subjectId: row.id,
        details: { fields: edits },
      });
    }
    await audit(tx, ctx, {
      action: "recognition.procedure.update",
      entity: "recognition_procedure",
      entityId: row.id,
      organisationId: row.organisationId,
      details: { fields, ...(move ? { from: move.from, to: move.to } : {}) },
    });
    return (await loadProcedure(txCtx, row.id)).procedure;
  });
}
