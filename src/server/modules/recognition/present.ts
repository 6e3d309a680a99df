import { and, asc, eq, getTableColumns, inArray, type SQL } from "drizzle-orm";
import type { Tx } from "#server/db/client.ts";
import type { Actor } from "#server/platform/session.ts";
import { organisations } from "#server/platform/tables.ts";
import type { Procedure, Qualification } from "#shared/contracts/recognition.ts";
import { type DifferenceKind, RECOGNITION_TRANSITIONS } from "#shared/recognition.ts";
import { decisionDueAt } from "./dates.ts";
import { qualificationScope, recognitionAbilities } from "./policy.ts";
import { recognitionFor } from "./recognition-sa.ts";
import { qualifications, recognitionProcedures, recognitionStateChanges } from "./tables.ts";

/** A procedure row with what its presentation needs from the tables around it. */
export type ProcedureRow = typeof recognitionProcedures.$inferSelect & {
  clientId: string;
  authorityName: string | null;
};
type HistoryEntry = Procedure["history"][number];

const procedureSelect = {
  ...getTableColumns(recognitionProcedures),
  clientId: qualifications.clientId,
  authorityName: organisations.name,
};

/** Procedures the actor may see (through the scope of their qualification), with a condition of the caller. */
export async function selectProcedures(
  db: Tx,
  actor: Actor,
  where: SQL | undefined,
  opts: { lock?: boolean } = {},
): Promise<ProcedureRow[]> {
  const query = db
    .select(procedureSelect)
    .from(recognitionProcedures)
    .innerJoin(qualifications, eq(qualifications.id, recognitionProcedures.qualificationId))
    .leftJoin(organisations, eq(organisations.id, recognitionProcedures.authorityOrganisationId))
    .where(and(qualificationScope(actor), where))
    .orderBy(asc(recognitionProcedures.createdAt), asc(recognitionProcedures.id));
  return opts.lock ? query.for("update", { of: recognitionProcedures }) : query;
}

/** The state changes of the procedures, oldest first, by procedure. */
export async function historyOf(db: Tx, procedureIds: string[]): Promise<Map<string, HistoryEntry[]>> {
  const byProcedure = new Map<string, HistoryEntry[]>();
  if (procedureIds.length === 0) return byProcedure;
  const rows = await db
    .select()
    .from(recognitionStateChanges)
    .where(inArray(recognitionStateChanges.procedureId, procedureIds))
    .orderBy(asc(recognitionStateChanges.at), asc(recognitionStateChanges.id));
  for (const r of rows) {
    const entry = {
      fromState: r.fromState,
      toState: r.toState,
      at: r.at.toISOString(),
    };
    byProcedure.set(r.procedureId, [...(byProcedure.get(r.procedureId) ?? []), entry]);
  }
  return byProcedure;
}

/** A procedure as the API shows it, with the moves it allows and the authority's decision deadline. */
export function presentProcedure(row: ProcedureRow, history: HistoryEntry[], actor: Actor): Procedure {
  const state = row.state;
  return {
    id: row.id,
    qualificationId: row.qualificationId,
    caseId: row.caseId,
    referenceOccupation: {
      code: row.referenceOccupationCode,
      title: row.referenceOccupationTitle,
      field: row.referenceOccupationCode.slice(0, 2),
    },
    regulated: row.regulated,
    legalBasis: row.legalBasis,
    authority:
      row.authorityOrganisationId && row.authorityName
        ? { id: row.authorityOrganisationId, name: row.authorityName }
        : null,
    recognition: recognitionFor(row.referenceOccupationCode),
    state,
    nextStates: [...RECOGNITION_TRANSITIONS[state]],
    decision: row.decision,
    differences: row.differences.map((d) => ({
      id: d.id,
      kind: d.kind as DifferenceKind,
      description: d.description,
    })),
    compensationMeasure: row.compensationMeasure,
    appliedAt: row.appliedAt,
    documentsCompleteAt: row.documentsCompleteAt,
    decisionDueAt: decisionDueAt(row.documentsCompleteAt),
    decidedAt: row.decidedAt,
    appealFiledAt: row.appealFiledAt,
    appealResult: row.appealResult,
    permit16dUntil: row.permit16dUntil,
    history,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    abilities: recognitionAbilities(actor),
  };
}

/** Procedures presented with their history, for a list of rows. */
export async function presentProcedures(db: Tx, actor: Actor, rows: ProcedureRow[]): Promise<Procedure[]> {
  const history = await historyOf(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => presentProcedure(r, history.get(r.id) ?? [], actor));
}

export type QualificationRow = typeof qualifications.$inferSelect;

/** A qualification with its procedures. */
export function presentQualification(
  row: QualificationRow,
  procedures: Procedure[],
  actor: Actor,
): Qualification {
  return {
    id: row.id,
    clientId: row.clientId,
    originalTitle: row.originalTitle,
    germanTitle: row.germanTitle,
    country: row.country,
    institution: row.institution,
    year: row.year,
    dqrLevel: row.dqrLevel,
    iscedLevel: row.iscedLevel,
    anabinStatus: row.anabinStatus,
    procedures,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    abilities: recognitionAbilities(actor),
  };
}
