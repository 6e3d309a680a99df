import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { trainingParticipants } from "../../src/server/db/schema.ts";
import { rebuildReferralFacts } from "../../src/server/modules/analytics/facts.ts";
import { type GenerateSummary, generateNetwork } from "../../src/server/modules/analytics/generator/index.ts";
import { createTestApp } from "../helpers/app.ts";
import { buildCoordinator } from "../helpers/factories.ts";

// The generator plants a completed training cohort of eight generated organisations: once with the
// network effect (they start referring to each other after it), once without. The figure must show
// the effect in the first database and not in the second. Small networks, a fixed "today" in the
// past, so both windows are over and the runs are the same every time.
const SMALL = {
  orgs: 30,
  cases: 600,
  events: 6000,
  seed: 42,
  years: 2,
  now: new Date("2026-06-15T12:00:00Z"),
};

async function world(mode: "effect" | "none") {
  const t = await createTestApp();
  const summary: GenerateSummary = await generateNetwork(t.db, { ...SMALL, plantCohort: { mode } });
  await rebuildReferralFacts(t.db);
  const { coordinator } = await buildCoordinator(t.db);
  const agent = await t.loginAs(coordinator.email);
  const planted = summary.plantedCohort;
  if (!planted) throw new Error("no planted cohort");
  const res = await agent.request("GET", `/api/training-cohorts/${planted.cohortId}/network`);
  expect(res.statusCode, res.body).toBe(200);
  return { t, summary, planted, body: res.json() };
}

const [withEffect, without] = await Promise.all([world("effect"), world("none")]);

describe("the network effect on generated data", () => {
  it("plants a completed cohort of eight generated organisations in the training tables", async () => {
    for (const { t, planted } of [withEffect, without]) {
      expect(planted.organisationIds).toHaveLength(8);
      const people = await t.db
        .select()
        .from(trainingParticipants)
        .where(eq(trainingParticipants.cohortId, planted.cohortId));
      expect(people).toHaveLength(planted.participants);
      expect(new Set(people.map((p) => p.organisationId))).toEqual(new Set(planted.organisationIds));
      expect(people.every((p) => p.status === "enrolled" && p.name.startsWith("Synthetisch"))).toBe(true);
    }
    expect(withEffect.planted.referrals).toBeGreaterThan(40);
    expect(without.planted.referrals).toBe(0);
    // The history itself is the same seed's in both databases.
    expect(without.summary.events).toBe(withEffect.summary.events);
  });

  it("shows the planted effect: many new links among the participants, a significant difference", () => {
    const b = withEffect.body;
    expect(b.organisations).toHaveLength(8);
    expect(b.after.complete).toBe(true);
    expect(b.participants.newLinks).toBeGreaterThan(20);
    expect(b.difference).toBeGreaterThan(0.2);
    expect(b.test.pGreater).toBeLessThan(0.001);
    expect(b.effect).toBe(true);
    expect(b.edges.filter((e: { newLink: boolean }) => e.newLink).length).toBe(b.participants.newLinks);
  });

  it("shows no effect when none was planted", () => {
    const b = without.body;
    expect(b.after.complete).toBe(true);
    expect(b.test).not.toBeNull();
    expect(b.test.pGreater).toBeGreaterThan(0.05);
    expect(b.effect).toBe(false);
  });
});
