import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { analyticsReferralFacts, auditLog, interfaces } from "../../src/server/db/schema.ts";
import { createTestApp } from "../helpers/app.ts";
import { buildCoordinator, buildOrganisation, buildUser } from "../helpers/factories.ts";
import { plantReferral, summarise } from "./analytics-setup.ts";
import { referralScene, sentReferral } from "./referrals-setup.ts";

const t = await createTestApp();
const MARCH = { from: "2024-03-01", to: "2024-03-31" };

/**
 * A hand-made month on the interface A → B (agreed: answer in 5, complete in 20 working days; the
 * bulk-load summary counts them as 7 and 28 calendar days): six referrals sent on Monday
 * 2024-03-04 08:00 UTC, so the answer is due by 2024-03-11 23:00 UTC (183 h) and completion by
 * 2024-04-01 22:00 UTC (686 h, summer time by then).
 */
const ANSWER_ALLOWED = 183;
const COMPLETE_ALLOWED = 686;
const scene = async () => {
  const a = await buildOrganisation(t.db, { districtAgs: "15003" });
  const b = await buildOrganisation(t.db, { type: "education_provider", districtAgs: "15084" });
  const c = await buildOrganisation(t.db, { districtAgs: "15085" });
  const d = await buildOrganisation(t.db, { districtAgs: "15086" });
  const [registered] = await t.db
    .insert(interfaces)
    .values({
      fromOrganisationId: a.id,
      toOrganisationId: b.id,
      scope: "external",
      answerWithinDays: 5,
      completeWithinDays: 20,
    })
    .returning();
  const sentAt = "2024-03-04T08:00:00Z";
  const on = { from: a.id, to: b.id, sentAt, interfaceId: registered?.id ?? null };
  await plantReferral(t.db, {
    ...on,
    steps: [
      { to: "accepted", afterHours: 10 },
      { to: "completed", afterHours: 100, reason: "successful" },
    ],
  });
  await plantReferral(t.db, {
    ...on,
    steps: [
      { to: "accepted", afterHours: 20 },
      { to: "completed", afterHours: 200, reason: "no_capacity" },
    ],
  });
  await plantReferral(t.db, { ...on, steps: [{ to: "declined", afterHours: 30, reason: "not_eligible" }] });
  await plantReferral(t.db, {
    ...on,
    steps: [
      { to: "accepted", afterHours: 40 },
      { to: "completed", afterHours: 1000, reason: "successful" },
    ],
  });
  await plantReferral(t.db, {
    ...on,
    steps: [
      { to: "accepted", afterHours: 200 },
      { to: "in_progress", afterHours: 300 },
      { to: "completed", afterHours: 700, reason: "successful" },
    ],
  });
  await plantReferral(t.db, { ...on, steps: [{ to: "expired", afterHours: 400 }] });
  // Two in the previous period of equal length (31 days before March).
  for (const day of ["2024-02-05", "2024-02-12"]) {
    await plantReferral(t.db, {
      ...on,
      sentAt: `${day}T08:00:00Z`,
      steps: [{ to: "accepted", afterHours: 5 }],
    });
  }
  // A pair that does not involve A.
  await plantReferral(t.db, { from: c.id, to: d.id, sentAt, steps: [{ to: "accepted", afterHours: 1 }] });
  await summarise(t.db);
  const counsellorA = await buildUser(t.db, { organisationId: a.id, role: "counsellor" });
  const adminD = await buildUser(t.db, { organisationId: d.id, role: "org_admin" });
  const { coordinator } = await buildCoordinator(t.db);
  return {
    a,
    b,
    c,
    d,
    counsellorA: await t.loginAs(counsellorA.email),
    adminD: await t.loginAs(adminD.email),
    coordinator: await t.loginAs(coordinator.email),
  };
};
let s: Awaited<ReturnType<typeof scene>>;
beforeAll(async () => {
  s = await scene();
});

describe("interface table", () => {
  it("computes rates, median and 90th-percentile times and past-agreed shares of a hand-made month", async () => {
    const res = await s.coordinator.request("GET", "/api/analytics/interfaces", { query: MARCH });
    expect(res.statusCode, res.body).toBe(200);
    const row = res.json().items.find((r: { from: { id: string } }) => r.from.id === s.a.id);
    expect(row).toMatchObject({
      to: { id: s.b.id, type: "education_provider" },
      interface: { answerWithinDays: 5, completeWithinDays: 20 },
      volume: 6,
      acceptanceRate: 0.8, // 4 accepted of 5 answered
      completionRate: 1, // 4 completed of 4 accepted
      successRate: 0.75, // 3 successful of 4 completed
      medianAnswerHours: 30, // 10, 20, 30, 40, 200
      p90AnswerHours: 136, // 40 + 0.6 × (200 − 40)
      medianCompleteHours: 450, // 100, 200, 700, 1000
      p90CompleteHours: 910, // 700 + 0.7 × 300
      answerPastAgreedShare: 0.3333, // answered after 200 h, expired after 400 h: 2 of 6
      completePastAgreedShare: 0.5, // 1000 h and 700 h of 4
      // By how much: the median time past the end of the due day, of the late ones only.
      answerLate: 2,
      medianAnswerOverrunHours: (200 - ANSWER_ALLOWED + (400 - ANSWER_ALLOWED)) / 2,
      completeLate: 2,
      medianCompleteOverrunHours: (1000 - COMPLETE_ALLOWED + (700 - COMPLETE_ALLOWED)) / 2,
    });
    const answerOverrun =
      ((200 - ANSWER_ALLOWED) / ANSWER_ALLOWED + (400 - ANSWER_ALLOWED) / ANSWER_ALLOWED) / 6;
    const completeOverrun =
      ((1000 - COMPLETE_ALLOWED) / COMPLETE_ALLOWED + (700 - COMPLETE_ALLOWED) / COMPLETE_ALLOWED) / 4;
    expect(row.delay).toBeCloseTo(answerOverrun + completeOverrun, 3);
    expect(row.bottleneckScore).toBeCloseTo(6 * (answerOverrun + completeOverrun), 1);
    expect(res.json().previousPeriod).toEqual({ from: "2024-01-30", to: "2024-02-29" });
    expect(row.previous).toMatchObject({ volume: 2, acceptanceRate: 1, medianAnswerHours: 5 });
    expect(row.change).toMatchObject({ volume: 2, acceptanceRate: -0.2, medianAnswerHours: 25 });
  });

  it("shows a counsellor only the interfaces of their organisation, the coordination all of them", async () => {
    const pairs = async (agent: typeof s.coordinator) => {
      const res = await agent.request("GET", "/api/analytics/interfaces", { query: MARCH });
      expect(res.statusCode, res.body).toBe(200);
      return res
        .json()
        .items.map((r: { from: { id: string }; to: { id: string } }) => `${r.from.id}>${r.to.id}`);
    };
    expect(await pairs(s.counsellorA)).toEqual([`${s.a.id}>${s.b.id}`]);
    expect(await pairs(s.adminD)).toEqual([`${s.c.id}>${s.d.id}`]);
    expect((await pairs(s.coordinator)).sort()).toEqual(
      [`${s.a.id}>${s.b.id}`, `${s.c.id}>${s.d.id}`].sort(),
    );
  });

  it("filters by district and offer type", async () => {
    const byDistrict = await s.coordinator.request("GET", "/api/analytics/interfaces", {
      query: { ...MARCH, district: "15086" },
    });
    expect(byDistrict.json().items.map((r: { to: { id: string } }) => r.to.id)).toEqual([s.d.id]);
    const byType = await s.coordinator.request("GET", "/api/analytics/interfaces", {
      query: { ...MARCH, offerType: "berufssprachkurs" },
    });
    expect(byType.json().items).toEqual([]);
  });

  it("refuses a period that ends before it starts", async () => {
    const res = await s.coordinator.request("GET", "/api/analytics/interfaces", {
      query: { from: "2024-04-01", to: "2024-03-01" },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors[0].field).toContain("from");
  });

  it("exports the table as CSV for Excel", async () => {
    const res = await s.counsellorA.request("GET", "/api/analytics/interfaces.csv", { query: MARCH });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toContain("text/csv");
    const lines = res.body
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(lines[0]).toContain("Von Organisation;An Organisation");
    // Agreed times in working days, measured times in calendar days: every header says which.
    expect(lines[0]).toContain(
      "Vereinbarte Antwortfrist (Arbeitstage);Vereinbarte Erledigungsfrist (Arbeitstage);Verweise;Annahmequote;Erledigungsquote;Erfolgsquote;Antwortzeit Median (Kalendertage);Antwortzeit 90. Perzentil (Kalendertage)",
    );
    expect(lines).toHaveLength(2);
    // 30 h, 136 h, 450 h and 910 h as calendar days; then 2 late answers, 117 h past the due day in
    // the median (4,88 days), 2 late completions, 164 h (6,83 days).
    expect(lines[1]).toContain(
      `${s.a.name};${s.b.name};5;20;6;0,8;1;0,75;1,25;5,67;18,75;37,92;0,3333;0,5;2;4,88;2;6,83;`,
    );
  });

  it("leaves one audit entry per call without personal data", async () => {
    await s.adminD.request("GET", "/api/analytics/times", { query: MARCH });
    const entries = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "analytics.read"), eq(auditLog.organisationId, s.d.id)));
    expect(entries.map((e) => e.details)).toContainEqual({
      view: "times",
      scope: "organisation",
      filters: MARCH,
      rows: 2,
    });
  });
});

describe("times", () => {
  it("gives the median times per month and per receiving district", async () => {
    const res = await s.counsellorA.request("GET", "/api/analytics/times", {
      query: { from: "2024-02-01", to: "2024-03-31" },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().months).toEqual([
      {
        month: "2024-02",
        volume: 2,
        medianAnswerHours: 5,
        medianCompleteHours: null,
        answerPastAgreedShare: 0,
      },
      {
        month: "2024-03",
        volume: 6,
        medianAnswerHours: 30,
        medianCompleteHours: 450,
        answerPastAgreedShare: 0.3333,
      },
    ]);
    expect(res.json().districts).toEqual([
      {
        districtAgs: "15084",
        volume: 8,
        medianAnswerHours: 20,
        medianCompleteHours: 450,
        answerPastAgreedShare: 0.25,
      },
    ]);
  });
});

describe("pseudonymisation", () => {
  it("keeps the summary current when referrals move through the API, and names no client anywhere", async () => {
    const r = await referralScene(t);
    const id = await sentReferral(r);
    const accepted = await r.receiverCounsellor.request("POST", `/api/referrals/${id}/transitions`, {
      body: { to: "accepted" },
    });
    expect(accepted.statusCode, accepted.body).toBe(200);
    const [fact] = await t.db
      .select()
      .from(analyticsReferralFacts)
      .where(eq(analyticsReferralFacts.referralId, id));
    expect(fact).toMatchObject({ state: "accepted", accepted: true, casePseudonym: r.caseRecord.pseudonym });
    expect(fact?.answerDueAt).not.toBeNull();
    expect(fact?.answeredAt?.getTime()).toBeGreaterThanOrEqual(
      fact?.sentAt?.getTime() ?? Number.POSITIVE_INFINITY,
    );

    const { coordinator } = await buildCoordinator(t.db);
    const agents = [await t.loginAs(coordinator.email), r.counsellor, r.receiverCounsellor];
    const views = ["interfaces", "network", "flow", "times"];
    const files = ["interfaces", "nodes", "edges", "flow", "variants", "months", "districts"].map(
      (f) => `${f}.csv`,
    );
    for (const agent of agents) {
      const table = await agent.request("GET", "/api/analytics/interfaces");
      expect(table.json().items.map((i: { to: { id: string } }) => i.to.id)).toContain(r.receiver.id);
      for (const path of [...views, ...files]) {
        const res = await agent.request("GET", `/api/analytics/${path}`);
        expect(res.statusCode, `${path}: ${res.body}`).toBe(200);
        for (const secret of [
          r.client.name,
          "Amina",
          "Haddad",
          r.client.email ?? "amina@",
          r.caseRecord.pseudonym,
        ]) {
          expect(res.body, `${path} names the client`).not.toContain(secret);
        }
      }
    }
  });
});
