import { randomUUID } from "node:crypto";
import type { z } from "zod";
import { berlinDay } from "#server/modules/interfaces/working-days.ts";
import { invalidField } from "#server/platform/errors.ts";
import type { ProcedureUpdate } from "#shared/contracts/recognition.ts";
import {
  DECISIONS_WITH_DIFFERENCES,
  NON_REGULATED_DECISIONS,
  RECOGNITION_TRANSITIONS,
  REGULATED_DECISIONS,
  type RecognitionState,
} from "#shared/recognition.ts";
import type { recognitionProcedures } from "./tables.ts";

type Row = typeof recognitionProcedures.$inferSelect;
type Change = z.infer<typeof ProcedureUpdate>;
type Values = Partial<typeof recognitionProcedures.$inferInsert>;
type StoredDifference = Row["differences"][number];

/** Fields copied as they come when they differ from the stored value. */
const PLAIN_FIELDS = [
  "regulated",
  "legalBasis",
  "decision",
  "compensationMeasure",
  "appliedAt",
  "documentsCompleteAt",
  "decidedAt",
  "appealFiledAt",
  "appealResult",
  "permit16dUntil",
] as const;

/**
 * The differences as they will be stored: a difference keeps its id when it was edited, a new one
 * (or one naming an id the procedure never had) gets a fresh id.
 */
function withIds(stored: StoredDifference[], given: NonNullable<Change["differences"]>): StoredDifference[] {
  const known = new Set(stored.map((d) => d.id));
  return given.map((d) => ({
    id: d.id && known.has(d.id) ? d.id : randomUUID(),
    kind: d.kind,
    description: d.description,
  }));
}

/** The date a move sets unless the caller gives one: the day the step happened is usually today. */
type DateField = "appliedAt" | "documentsCompleteAt" | "decidedAt" | "appealFiledAt";
const DATE_OF_MOVE: Partial<Record<RecognitionState, DateField>> = {
  applied: "appliedAt",
  documents_complete: "documentsCompleteAt",
  decided: "decidedAt",
  appeal: "appealFiledAt",
};

/**
 * Checks a decision against the procedure as it will be: it must be one of the decisions for a
 * regulated or a non-regulated profession; a partial or negative one must list the substantial
 * differences; a compensation measure must be named when one is required.
 */
function checkDecision(after: Row, movingToDecided: boolean) {
  const decision = after.decision;
  if (decision === null) {
    if (movingToDecided) throw invalidField("decision", "recognition.decision_required");
    return;
  }
  const allowed = after.regulated ? REGULATED_DECISIONS : NON_REGULATED_DECISIONS;
  if (!allowed.includes(decision)) throw invalidField("decision", "recognition.decision_not_allowed");
  if (DECISIONS_WITH_DIFFERENCES.includes(decision) && after.differences.length === 0) {
    throw invalidField("differences", "recognition.differences_required");
  }
  if (decision === "compensation_required" && !after.compensationMeasure) {
    throw invalidField("compensationMeasure", "recognition.compensation_measure_required");
  }
}

/**
 * What a change does to a procedure: the column values to write, the names of the fields that
 * really change (`edits`: those besides the move and its date), and the move of the journey if the
 * state changes. Throws 422 on the field that breaks a rule.
 */
export function applyChange(row: Row, change: Change, occupationTitle: (code: string) => string) {
  const values: Values = {};
  const fields: string[] = [];
  const set = <K extends keyof Values>(field: string, key: K, value: Values[K]) => {
    values[key] = value;
    if (!fields.includes(field)) fields.push(field);
  };

  if (
    change.referenceOccupationCode !== undefined &&
    change.referenceOccupationCode !== row.referenceOccupationCode
  ) {
    set("referenceOccupationCode", "referenceOccupationCode", change.referenceOccupationCode);
    set(
      "referenceOccupationCode",
      "referenceOccupationTitle",
      occupationTitle(change.referenceOccupationCode),
    );
  }
  if (
    change.authorityOrganisationId !== undefined &&
    change.authorityOrganisationId !== row.authorityOrganisationId
  ) {
    set("authorityOrganisationId", "authorityOrganisationId", change.authorityOrganisationId);
  }
  for (const key of PLAIN_FIELDS) {
    const value = change[key];
    if (value !== undefined && value !== row[key]) set(key, key, value);
  }
  if (change.differences !== undefined) {
    const differences = withIds(row.differences, change.differences);
    if (JSON.stringify(differences) !== JSON.stringify(row.differences)) {
      set("differences", "differences", differences);
    }
  }

  let move: { from: RecognitionState; to: RecognitionState } | null = null;
  const from = row.state;
  if (change.state !== undefined && change.state !== from) {
    if (!RECOGNITION_TRANSITIONS[from].includes(change.state)) {
      throw invalidField("state", "recognition.transition_not_allowed");
    }
    move = { from, to: change.state };
    set("state", "state", change.state);
    const dateField = DATE_OF_MOVE[change.state];
    if (dateField) {
      const date = change[dateField] ?? berlinDay();
      if (date !== row[dateField]) set(dateField, dateField, date);
    }
  }

  const after = { ...row, ...values } as Row;
  const decisionTouched = ["decision", "differences", "compensationMeasure", "regulated"].some((f) =>
    fields.includes(f),
  );
  if (move?.to === "decided" || decisionTouched) checkDecision(after, move?.to === "decided");
  // The date a move sets belongs to the move; the timeline shows it with the state change.
  const edits = fields.filter((f) => f !== "state" && (!move || f !== DATE_OF_MOVE[move.to]));
  return { values, fields, edits, move };
}
