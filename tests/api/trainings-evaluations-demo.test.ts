import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { trainingCohorts } from "../../src/server/db/schema.ts";
import {
  DEMO_EVALUATED_COHORT,
  seedDemoTrainingsEvaluations,
} from "../../src/server/demo/trainings-evaluations.ts";
import { createTestApp } from "../helpers/app.ts";
import { ok, trainingWorld } from "./trainings-setup.ts";

const t = await createTestApp();

describe("demo evaluations", () => {
  it("do nothing while the completed demo cohort is absent", async () => {
    expect(await t.db.transaction((tx) => seedDemoTrainingsEvaluations(tx, new Map()))).toBe(0);
  });

  it("fill the completed demo cohort's pre and post self-assessments once, with figures to show", async () => {
    const w = await trainingWorld(t, { participants: 14, orgs: 8, goals: 7 });
    await t.db
      .update(trainingCohorts)
      .set({ title: DEMO_EVALUATED_COHORT, status: "completed" })
      .where(eq(trainingCohorts.id, w.cohort.id));
    expect(await t.db.transaction((tx) => seedDemoTrainingsEvaluations(tx, new Map()))).toBe(13 + 11);
    expect(await t.db.transaction((tx) => seedDemoTrainingsEvaluations(tx, new Map()))).toBe(0);

    const trainer = await t.loginAs(w.trainer.email);
    const res = await ok(trainer.request("GET", `/api/training-cohorts/${w.cohort.id}/evaluation-results`));
    expect(res).toMatchObject({
      enrolled: 14,
      pre: { sent: 14, answered: 13 },
      post: { sent: 14, answered: 11 },
    });
    expect(res.goals).toHaveLength(7);
    for (const goal of res.goals) {
      expect(goal.change).toMatchObject({ n: 11, suppressed: null });
      expect(goal.post.mean).toBeGreaterThan(goal.pre.mean);
      expect(goal.change.meanChange).toBeGreaterThan(0);
    }
    expect(res.goals[0].pre.comments.length).toBeGreaterThan(0);
    expect(res.goals[0].post.comments.length).toBeGreaterThan(0);
  });
});
