import { beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD, seedDemo } from "../../src/server/demo/seed.ts";
import { DEMO_COHORTS } from "../../src/server/demo/trainings.ts";
import { createTestApp } from "../helpers/app.ts";
import { ok } from "./trainings-setup.ts";

const t = await createTestApp();
beforeAll(async () => {
  expect(await seedDemo(t.db)).toBe(true);
});
const login = (email: string) => t.loginAs(email, DEMO_PASSWORD);

type Item = { id: string; title: string; status: string; enrolled: number; capacity: number };

describe("the demo trainings", () => {
  it("has the three cohorts with their participants, trainer and waiting applications", async () => {
    const coordinator = await login("koordination@lotse.example");
    const { items } = (await ok(coordinator.request("GET", "/api/training-cohorts"))) as { items: Item[] };
    const byTitle = (title: string) => items.find((c) => c.title === title);
    const completed = byTitle(DEMO_COHORTS.completed);
    const running = byTitle(DEMO_COHORTS.running);
    const planned = byTitle(DEMO_COHORTS.planned);
    expect(completed).toMatchObject({ status: "completed", enrolled: 14 });
    expect(running).toMatchObject({ status: "running", enrolled: 12 });
    expect(planned).toMatchObject({ status: "planned", capacity: 14 });
    expect(planned?.enrolled).toBeGreaterThan(0);
    expect(planned).toMatchObject({ applications: 2 });

    const mix = await ok(coordinator.request("GET", `/api/training-cohorts/${completed?.id}/mix`));
    expect(mix.organisations).toBe(8);
    const people = await ok(coordinator.request("GET", `/api/training-cohorts/${running?.id}/participants`));
    const emails = people.items.map((p: { email: string }) => p.email);
    expect(emails).toEqual(expect.arrayContaining(["ehrenamt@lotse.example", "beratung@lotse.example"]));
    const waiting = await ok(coordinator.request("GET", `/api/training-cohorts/${planned?.id}/participants`));
    expect(waiting.items.filter((p: { status: string }) => p.status === "applied")).toHaveLength(2);

    const trainer = await login("training@lotse.example");
    const taught = await ok(trainer.request("GET", "/api/training-cohorts"));
    expect(taught.items.map((c: Item) => c.title)).toEqual(
      expect.arrayContaining(Object.values(DEMO_COHORTS)),
    );
    const company = await login("unternehmen@lotse.example");
    const own = await ok(company.request("GET", "/api/training-cohorts"));
    expect(own.items.map((c: Item) => c.title)).toEqual([DEMO_COHORTS.completed]);
    // Only the coordination learns how many applications wait.
    const admin = await login("admin@lotse.example");
    const listed = await ok(admin.request("GET", "/api/training-cohorts"));
    expect(listed.items.every((c: { applications: number }) => c.applications === 0)).toBe(true);
    const open = await ok(t.app.inject({ method: "GET", url: "/api/training-applications/cohorts" }));
    expect(open.items.map((c: { title: string }) => c.title)).toEqual([DEMO_COHORTS.planned]);
  });
});
