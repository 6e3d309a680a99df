import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, trainingCohorts } from "../../src/server/db/schema.ts";
import { createTestApp } from "../helpers/app.ts";
import { buildOrganisation } from "../helpers/factories.ts";
import { plantReferral, summarise } from "./analytics-setup.ts";
import { day, ok, trainingWorld } from "./trainings-setup.ts";

// A hand-made referral history around a completed cohort: four participating organisations
// (A, B, C, D) and four that did not take part (E, F, G, H). With the default window of 180 days the
// cohort (300 to 250 days ago) has the window before from 480 to 301 days ago and the one after from
// 249 to 70 days ago.
const t = await createTestApp();
const w = await trainingWorld(t, { participants: 6, orgs: 4 });
await t.db
  .update(trainingCohorts)
  .set({ startsOn: day(-300), endsOn: day(-250), status: "completed" })
  .where(eq(trainingCohorts.id, w.cohort.id));
const [A, B, C, D] = w.organisations.map((o) => o.org.id) as [string, string, string, string];
const [E, F, G, H] = await Promise.all(
  ["E", "F", "G", "H"].map((n) => buildOrganisation(t.db, { name: `Nicht dabei ${n} ${w.tag}` })),
).then((orgs) => orgs.map((o) => o.id) as [string, string, string, string]);

const pseudonyms: string[] = [];
const send = async (from: string, to: string, offset: number, acceptAfterHours?: number) =>
  pseudonyms.push(
    await plantReferral(t.db, {
      from,
      to,
      sentAt: `${day(offset)}T09:00:00Z`,
      steps: acceptAfterHours === undefined ? [] : [{ to: "accepted", afterHours: acceptAfterHours }],
    }),
  );
// Before: A → B twice; E → F, G → H. Too early for any window: C → D.
await send(A, B, -400, 24);
await send(A, B, -350, 48);
await send(E, F, -380, 10);
await send(G, H, -320);
await send(C, D, -600, 5);
// After: A → B again, and the new links B → C (twice), C → D, D → A; E → F again; A → E (mixed, no pair).
await send(A, B, -200, 12);
await send(B, C, -240, 72);
await send(B, C, -150, 24);
await send(C, D, -100);
await send(D, A, -90, 6);
await send(E, F, -120, 30);
await send(A, E, -130, 30);
await summarise(t.db);

const url = `/api/training-cohorts/${w.cohort.id}/network`;
const trainer = await t.loginAs(w.trainer.email);
const coordinator = await t.loginAs(w.coordinator.email);

describe("the network effect of a cohort", () => {
  it("counts links, new links and interface times before and after, against non-participants", async () => {
    const body = await ok(trainer.request("GET", url));
    expect(body.windowDays).toBe(180);
    expect(body.before).toMatchObject({ from: day(-480), to: day(-301), complete: true });
    expect(body.after).toMatchObject({ from: day(-249), to: day(-70), started: true, complete: true });
    expect(body.organisations.map((o: { id: string }) => o.id).sort()).toEqual([A, B, C, D].sort());
    expect(body.organisations.reduce((s: number, o: { participants: number }) => s + o.participants, 0)).toBe(
      6,
    );

    const edge = (from: string, to: string) =>
      body.edges.find((e: { from: string; to: string }) => e.from === from && e.to === to);
    expect(edge(A, B)).toMatchObject({
      before: 2,
      after: 1,
      newLink: false,
      medianAcceptanceDaysBefore: 1.5,
      medianAcceptanceDaysAfter: 0.5,
    });
    expect(edge(B, C)).toMatchObject({ before: 0, after: 2, newLink: true, medianAcceptanceDaysAfter: 2 });
    expect(edge(C, D)).toMatchObject({ before: 0, after: 1, newLink: true, medianAcceptanceDaysAfter: null });
    expect(edge(D, A)).toMatchObject({ before: 0, after: 1, newLink: true });
    expect(body.edges).toHaveLength(4);

    expect(body.participants).toEqual({
      organisations: 4,
      possiblePairs: 12,
      linkedBefore: 1,
      linkedAfter: 4,
      newLinks: 3,
      newLinkRate: 0.2727,
      referralsBefore: 2,
      referralsAfter: 5,
      medianAnswerDaysBefore: 1.5,
      // After: accepted in 0.5 (A → B), 3 and 1 (B → C), 0.25 days (D → A); C → D unanswered.
      medianAnswerDaysAfter: 0.75,
      medianAcceptanceDaysBefore: 1.5,
      medianAcceptanceDaysAfter: 0.75,
    });
    // E, F, G, H: E → F before and after, G → H before only; the mixed A → E is no pair of either.
    expect(body.comparison).toMatchObject({
      organisations: 4,
      possiblePairs: 12,
      linkedBefore: 2,
      linkedAfter: 1,
      newLinks: 0,
      newLinkRate: 0,
      referralsBefore: 2,
      referralsAfter: 1,
    });
    expect(body.difference).toBe(0.2727);
    // Fisher on [[3, 8], [0, 10]]: P(X ≥ 3) = 0.1241 (exact hypergeometric sum), two-sided 0.2143.
    expect(body.test.table).toEqual([
      [3, 8],
      [0, 10],
    ]);
    expect(body.test.pGreater).toBeCloseTo(0.1240602, 6);
    expect(body.test.pTwoSided).toBeCloseTo(0.2142857, 6);
    expect(body.effect).toBe(false);
    expect(body.reason).toBeNull();
    // Organisations only: no case pseudonym, no participant's name.
    for (const p of pseudonyms) expect(JSON.stringify(body)).not.toContain(p);
    for (const p of w.people) expect(JSON.stringify(body)).not.toContain(p.participant.name);

    const [entry] = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "training_network.read"), eq(auditLog.entityId, w.cohort.id)));
    expect(entry?.details).toMatchObject({ windowDays: 180, organisations: 4 });
  });

  it("takes the window from the query, within its bounds", async () => {
    // 60 days: before 360–301 days ago (only A → B at −350), after 249–190 (A → B at −200, B → C at −240).
    const body = await ok(coordinator.request("GET", url, { query: { windowDays: "60" } }));
    expect(body.before).toMatchObject({ from: day(-360), to: day(-301) });
    expect(body.participants).toMatchObject({
      linkedBefore: 1,
      linkedAfter: 2,
      newLinks: 1,
      referralsBefore: 1,
    });
    for (const bad of ["10", "5000", "abc", "90.5"]) {
      const res = await coordinator.request("GET", url, { query: { windowDays: bad } });
      expect([400, 422], res.body).toContain(res.statusCode);
      expect(res.json()).toMatchObject({ status: res.statusCode, code: expect.any(String) });
    }
  });

  it("says when the window after has not begun", async () => {
    const running = await ok(coordinator.request("GET", `/api/training-cohorts/${w.otherCohort.id}/network`));
    expect(running.after.started).toBe(false);
    expect(running.effect).toBe(false);
    expect(running.test).toBeNull();
    expect(running.reason).toBe("after_not_started");
  });

  it("is for those who teach the cohort and the coordination only", async () => {
    const other = await t.loginAs(w.otherTrainer.email);
    expect((await other.request("GET", url)).statusCode).toBe(404);
    const participant = await t.loginAs(w.people[0]?.user.email ?? "");
    expect([403, 404]).toContain((await participant.request("GET", url)).statusCode);
    const admin = await t.loginAs(w.organisations[0]?.admin.email ?? "");
    expect([403, 404]).toContain((await admin.request("GET", url)).statusCode);
    const outsider = await t.loginAs(w.outsiderAdmin.email);
    expect([403, 404]).toContain((await outsider.request("GET", url)).statusCode);
    const missing = await coordinator.request(
      "GET",
      "/api/training-cohorts/00000000-0000-4000-8000-000000000000/network",
    );
    expect(missing.statusCode).toBe(404);
    expect((await t.app.inject({ method: "GET", url })).statusCode).toBe(401);
  });
});
