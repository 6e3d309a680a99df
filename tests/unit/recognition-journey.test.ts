import { describe, expect, it } from "vitest";
import { journeyOf } from "../../src/client/features/recognition/journey.ts";
import type { Procedure } from "../../src/shared/contracts/recognition.ts";
import type { RecognitionState } from "../../src/shared/recognition.ts";

/** A procedure that went through the given states, one day apart from 1 March 2026. */
function procedureThrough(states: RecognitionState[], extra: Partial<Procedure> = {}): Procedure {
  const history = states.map((toState, i) => ({
    fromState: i === 0 ? null : (states[i - 1] ?? null),
    toState,
    at: `2026-03-${String(i + 1).padStart(2, "0")}T10:00:00.000Z`,
  }));
  return {
    id: "00000000-0000-4000-8000-000000000001",
    qualificationId: "00000000-0000-4000-8000-000000000002",
    caseId: null,
    referenceOccupation: { code: "81302", title: "Gesundheits- und Krankenpflege", field: "81" },
    regulated: true,
    legalBasis: null,
    authority: null,
    recognition: {
      regulated: true,
      route: "regulated",
      profession: "Pflegefachfrau / Pflegefachmann",
      kind: "title",
      law: "PflBG",
      legalBasis: "federal_profession_law",
      bodies: [],
      notes: [],
    },
    state: states[states.length - 1] ?? "enquiry",
    nextStates: [],
    decision: null,
    differences: [],
    compensationMeasure: null,
    appliedAt: null,
    documentsCompleteAt: null,
    decisionDueAt: null,
    decidedAt: null,
    appealFiledAt: null,
    appealResult: null,
    permit16dUntil: null,
    history,
    version: 1,
    createdAt: "2026-03-01T10:00:00.000Z",
    updatedAt: "2026-03-01T10:00:00.000Z",
    abilities: { update: true },
    ...extra,
  };
}

const statusOf = (p: Procedure, state: RecognitionState) => {
  const j = journeyOf(p);
  return [...j.main, j.appeal, ...j.ends].find((s) => s.state === state)?.status;
};

describe("the recognition journey picture", () => {
  it("marks passed stages done with their day, the current one current and the rest ahead", () => {
    const p = procedureThrough(
      ["enquiry", "counselled", "collecting_documents", "applied", "documents_complete"],
      {
        documentsCompleteAt: "2026-03-20",
        decisionDueAt: "2026-06-20",
      },
    );
    const j = journeyOf(p);
    expect(j.main.map((s) => s.status).slice(0, 7)).toEqual([
      "done",
      "done",
      "done",
      "done",
      "current",
      "ahead",
      "ahead",
    ]);
    expect(j.main[1]?.date).toBe("2026-03-02");
    // The entered date wins over the day the move was recorded.
    expect(j.main[4]?.date).toBe("2026-03-20");
    // The decision still ahead carries the authority's deadline.
    expect(j.main[5]).toMatchObject({ state: "decided", dueDate: "2026-06-20", date: null });
    expect(j.appeal.status).toBe("ahead");
  });

  it("counts the decision as passed during an appeal and the appeal as done afterwards", () => {
    const steps: RecognitionState[] = ["enquiry", "counselled", "collecting_documents", "applied"];
    const during = procedureThrough([...steps, "documents_complete", "decided", "appeal"]);
    expect(statusOf(during, "decided")).toBe("done");
    expect(statusOf(during, "appeal")).toBe("current");
    const after = procedureThrough([
      ...steps,
      "documents_complete",
      "decided",
      "appeal",
      "decided",
      "job_search",
    ]);
    expect(statusOf(after, "appeal")).toBe("done");
  });

  it("shows the measures passed over after a full recognition as skipped and an untaken appeal as not taken", () => {
    const p = procedureThrough([
      "enquiry",
      "counselled",
      "collecting_documents",
      "applied",
      "documents_complete",
      "decided",
      "full_recognition",
    ]);
    expect(statusOf(p, "measure_planned")).toBe("skipped");
    expect(statusOf(p, "appeal")).toBe("not_taken");
    expect(statusOf(p, "job_search")).toBe("ahead");
    expect(statusOf(p, "employed_at_level")).toBe("ahead");
  });

  it("puts the decision ahead again when the journey returns to applying after a measure", () => {
    const p = procedureThrough([
      "enquiry",
      "counselled",
      "collecting_documents",
      "applied",
      "documents_complete",
      "decided",
      "measure_planned",
      "measure_in_progress",
      "measure_completed",
      "applied",
    ]);
    expect(statusOf(p, "applied")).toBe("current");
    expect(statusOf(p, "decided")).toBe("ahead");
    expect(statusOf(p, "measure_completed")).toBe("ahead");
  });

  it("marks the end reached as current and the other ends as not taken", () => {
    const p = procedureThrough(["decided", "job_search", "employed_below_level"]);
    expect(statusOf(p, "employed_below_level")).toBe("current");
    expect(statusOf(p, "employed_at_level")).toBe("not_taken");
    expect(statusOf(p, "job_search")).toBe("done");
  });
});
