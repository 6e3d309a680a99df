import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { trainingCohorts, trainingParticipants } from "../../src/server/db/schema.ts";
import { createTestApp } from "../helpers/app.ts";
import { ok, trainingWorld } from "./trainings-setup.ts";

const t = await createTestApp();
const count = async (cohortId: string) =>
  (await t.db.select().from(trainingParticipants).where(eq(trainingParticipants.cohortId, cohortId))).length;

describe("registration rules", () => {
  it("lets the coordination register a person without an account, and names every missing field", async () => {
    const w = await trainingWorld(t, { participants: 2, orgs: 1 });
    const coordinator = await t.loginAs(w.coordinator.email);
    const url = `/api/training-cohorts/${w.cohort.id}/participants`;
    const cases: [Record<string, unknown>, string][] = [
      [
        { role: "staff", email: "a@example.org", organisationName: "X", organisationType: "company" },
        "body.name",
      ],
      [{ role: "staff", name: "A", organisationName: "X", organisationType: "company" }, "body.email"],
      [
        { role: "staff", name: "A", email: "a@example.org", organisationType: "company" },
        "body.organisationName",
      ],
      [{ role: "staff", name: "A", email: "a@example.org", organisationName: "X" }, "body.organisationType"],
    ];
    for (const [body, field] of cases) {
      const res = await coordinator.request("POST", url, { body, headers: { "accept-language": "en" } });
      expect(res.statusCode, res.body).toBe(422);
      expect(res.json().errors[0].field).toBe(field);
      expect(res.json().errors[0].message).toMatch(/^Please/);
    }
    expect(await count(w.cohort.id)).toBe(2);
    const body = {
      role: "volunteer",
      name: "Aylin Demir",
      email: "Aylin@Example.org",
      organisationName: "Verein",
      organisationType: "migrant_organisation",
    };
    expect((await ok(coordinator.request("POST", url, { body }), 201)).status).toBe("enrolled");
    // Same address in other case: a duplicate, nothing written.
    const dup = await coordinator.request("POST", url, { body: { ...body, email: "aylin@example.org" } });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().errors[0].field).toBe("body.email");
    expect(await count(w.cohort.id)).toBe(3);
  });

  it("refuses trainers and outsiders, closed cohorts and too few places; nothing written", async () => {
    const w = await trainingWorld(t, { participants: 3, orgs: 1 });
    const url = `/api/training-cohorts/${w.cohort.id}/participants`;
    const body = {
      role: "staff",
      name: "B",
      email: "b@example.org",
      organisationName: "Y",
      organisationType: "company",
    };
    const trainer = await t.loginAs(w.trainer.email);
    expect((await trainer.request("POST", url, { body })).statusCode).toBe(403);
    expect(
      (
        await trainer.request(
          "POST",
          `/api/training-cohorts/${w.cohort.id}/participants/${w.people[0]?.participant.id}/withdraw`,
        )
      ).statusCode,
    ).toBe(403);
    const other = await t.loginAs(w.otherTrainer.email);
    expect((await other.request("GET", `/api/training-cohorts/${w.cohort.id}/participants`)).statusCode).toBe(
      404,
    );
    expect((await other.request("GET", `/api/training-cohorts/${w.cohort.id}/mix`)).statusCode).toBe(404);

    const coordinator = await t.loginAs(w.coordinator.email);
    const cohort = await ok(coordinator.request("GET", `/api/training-cohorts/${w.cohort.id}`));
    const edit = (over: Record<string, unknown>) =>
      coordinator.request("PUT", `/api/training-cohorts/${w.cohort.id}`, {
        headers: { "if-match": `"${cohort.version}"` },
        body: {
          programmeId: cohort.programmeId,
          title: cohort.title,
          startsOn: cohort.startsOn,
          endsOn: cohort.endsOn,
          location: cohort.location,
          capacity: cohort.capacity,
          status: cohort.status,
          trainerIds: [w.trainer.id],
          ...over,
        },
      });
    const tooFew = await edit({ capacity: 2 });
    expect(tooFew.statusCode).toBe(422);
    expect(tooFew.json().errors[0].field).toBe("body.capacity");
    const noPlace = await edit({ location: null });
    expect(noPlace.json().errors[0].field).toBe("body.location");
    const [row] = await t.db.select().from(trainingCohorts).where(eq(trainingCohorts.id, w.cohort.id));
    expect(row?.version).toBe(cohort.version);

    await t.db
      .update(trainingCohorts)
      .set({ status: "completed" })
      .where(eq(trainingCohorts.id, w.cohort.id));
    const closed = await coordinator.request("POST", url, { body });
    expect(closed.statusCode).toBe(422);
    expect(closed.json().errors[0].field).toBe("params.cohortId");
    expect(await count(w.cohort.id)).toBe(3);
    // Nobody withdraws from a completed cohort: its records stay as they were.
    const late = await coordinator.request(
      "POST",
      `/api/training-cohorts/${w.cohort.id}/participants/${w.people[0]?.participant.id}/withdraw`,
    );
    expect(late.statusCode).toBe(422);
    expect(late.json().errors[0].field).toBe("params.cohortId");
    // An admin does not reach a cohort closed for registration to register into it.
    const admin = await t.loginAs(w.outsiderAdmin.email);
    const res = await admin.request("POST", url, { body: { userId: w.otherUser.id, role: "staff" } });
    expect(res.statusCode).toBe(404);
  });
});
