import { dayOf } from "#client/components/dates.ts";
import type { Procedure } from "#shared/contracts/recognition.ts";
import type { RecognitionState } from "#shared/recognition.ts";

/** The stages on the main path of the picture, in the order of the journey. */
export const MAIN_PATH: readonly RecognitionState[] = [
  "enquiry",
  "counselled",
  "collecting_documents",
  "applied",
  "documents_complete",
  "decided",
  "measure_planned",
  "measure_in_progress",
  "measure_completed",
  "full_recognition",
  "job_search",
];
/** Where a journey can end; shown together as the last stage. */
export const END_STATES: readonly RecognitionState[] = [
  "employed_at_level",
  "employed_below_level",
  "not_employed",
];

/**
 * done: passed; current: where the journey is; ahead: still to come; skipped: passed over (the
 * measures after a full recognition); not_taken: the appeal or an end that this journey did not take.
 */
export type StageStatus = "done" | "current" | "ahead" | "skipped" | "not_taken";
export type Stage = {
  state: RecognitionState;
  status: StageStatus;
  /** When the stage was reached (YYYY-MM-DD), for done and current stages. */
  date: string | null;
  /** By when the authority must decide, on the decision while it is still ahead. */
  dueDate: string | null;
};
export type Journey = { main: Stage[]; appeal: Stage; ends: Stage[] };

// The appeal sits between the decision and what follows it, so that the decision counts as
// passed while an appeal runs.
const position = (s: RecognitionState): number =>
  s === "appeal"
    ? MAIN_PATH.indexOf("decided") + 0.5
    : END_STATES.includes(s)
      ? MAIN_PATH.length
      : MAIN_PATH.indexOf(s);

/** The day a stage was reached: the date the counsellor entered, else the last move into it. */
function reachedOn(p: Procedure, state: RecognitionState): string | null {
  const entered: Partial<Record<RecognitionState, string | null>> = {
    applied: p.appliedAt,
    documents_complete: p.documentsCompleteAt,
    decided: p.decidedAt,
    appeal: p.appealFiledAt,
  };
  if (entered[state]) return entered[state] ?? null;
  const moves = p.history.filter((h) => h.toState === state);
  const last = moves[moves.length - 1];
  return last ? dayOf(last.at) : null;
}

/**
 * Each stage's status for the picture. Order decides, not the history alone: after a measure the
 * journey may go back to "applied", and the decision is then ahead again although it was reached once.
 */
export function journeyOf(p: Procedure): Journey {
  const here = position(p.state);
  const visited = new Set<RecognitionState>(p.history.map((h) => h.toState));
  visited.add(p.state);
  const stage = (state: RecognitionState, optional: boolean): Stage => {
    let status: StageStatus;
    if (state === p.state) status = "current";
    else if (position(state) < here)
      status = visited.has(state) ? "done" : optional ? "not_taken" : "skipped";
    else if (optional && position(state) === here) status = "not_taken";
    else status = "ahead";
    const reached = status === "done" || status === "current";
    return {
      state,
      status,
      date: reached ? reachedOn(p, state) : null,
      dueDate: state === "decided" && status === "ahead" ? p.decisionDueAt : null,
    };
  };
  return {
    main: MAIN_PATH.map((s) => stage(s, false)),
    appeal: stage("appeal", true),
    ends: END_STATES.map((s) => stage(s, true)),
  };
}
