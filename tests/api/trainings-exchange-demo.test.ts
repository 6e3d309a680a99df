import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { trainingCohorts, trainingMaterials, trainingPosts } from "../../src/server/db/schema.ts";
import {
  DEMO_EXCHANGE_COHORTS,
  seedDemoTrainingsExchange,
} from "../../src/server/demo/trainings-exchange.ts";
import { createTestApp } from "../helpers/app.ts";
import { ok, trainingWorld } from "./trainings-setup.ts";

const t = await createTestApp();

describe("the exchange demo data", () => {
  it("does nothing without the demo cohorts", async () => {
    expect(await t.db.transaction((tx) => seedDemoTrainingsExchange(tx))).toBe(0);
  });

  it("fills the running demo cohort's space once, readable through the API", async () => {
    const w = await trainingWorld(t, { participants: 4, orgs: 2 });
    await t.db
      .update(trainingCohorts)
      .set({ title: DEMO_EXCHANGE_COHORTS.running, startsOn: "2026-01-05" })
      .where(eq(trainingCohorts.id, w.cohort.id));
    const written = await t.db.transaction((tx) => seedDemoTrainingsExchange(tx));
    expect(written).toBeGreaterThan(3);
    expect(await t.db.transaction((tx) => seedDemoTrainingsExchange(tx))).toBe(0);
    const agent = await t.loginAs(w.people[0]?.user.email ?? "");
    const base = `/api/training-cohorts/${w.cohort.id}/exchange`;
    const thread = await ok(agent.request("GET", `${base}/posts`));
    expect(thread.total).toBe(3);
    expect(thread.items[0].replies.length + thread.items[1].replies.length).toBeGreaterThan(0);
    const materials = await ok(agent.request("GET", `${base}/materials`));
    expect(materials.items.map((m: { kind: string }) => m.kind).sort()).toEqual(["file", "link"]);
    const file = materials.items.find((m: { kind: string }) => m.kind === "file");
    const download = await agent.request("GET", `${base}/materials/${file.id}/content`);
    expect(download.statusCode).toBe(200);
    expect(download.body).toContain("Checkliste Schnittstellen");
    expect(
      await t.db.select().from(trainingPosts).where(eq(trainingPosts.cohortId, w.otherCohort.id)),
    ).toEqual([]);
    expect(
      await t.db.select().from(trainingMaterials).where(eq(trainingMaterials.cohortId, w.otherCohort.id)),
    ).toEqual([]);
  });

  it("keeps the completed demo cohort talking after its end", async () => {
    const w = await trainingWorld(t, { participants: 6, orgs: 3 });
    await t.db
      .update(trainingCohorts)
      .set({
        title: DEMO_EXCHANGE_COHORTS.completed,
        startsOn: "2026-01-12",
        endsOn: "2026-03-20",
        status: "completed",
      })
      .where(eq(trainingCohorts.id, w.cohort.id));
    expect(await t.db.transaction((tx) => seedDemoTrainingsExchange(tx))).toBeGreaterThan(0);
    const agent = await t.loginAs(w.trainer.email);
    const thread = await ok(agent.request("GET", `/api/training-cohorts/${w.cohort.id}/exchange/posts`));
    expect(thread.total).toBe(2);
    expect(thread.items[0].lastActivityAt > "2026-03-20").toBe(true);
    expect(thread.items[0].abilities.delete).toBe(true);
  });
});
