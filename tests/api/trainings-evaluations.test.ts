import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import {
  auditLog,
  outbox,
  trainingCohorts,
  trainingEvaluationLinks,
  trainingEvaluationResponses,
  trainingParticipants,
  users,
} from "../../src/server/db/schema.ts";
import { outstandingEvaluations } from "../../src/server/modules/trainings/evaluations/outstanding.ts";
import { createTestApp } from "../helpers/app.ts";
import { mailsTo, tokenFromLink } from "../helpers/mail.ts";
import { ok, trainingWorld } from "./trainings-setup.ts";

const t = await createTestApp();

type World = Awaited<ReturnType<typeof trainingWorld>>;

/** The trainer mails the links of a phase; returns the newest token per participant. */
async function sendLinks(w: World, phase: "pre" | "post", body: Record<string, unknown> = {}) {
  const trainer = await t.loginAs(w.trainer.email);
  const result = await ok(
    trainer.request("POST", `/api/training-cohorts/${w.cohort.id}/evaluation-links`, {
      body: { phase, ...body },
    }),
  );
  const tokens = new Map<string, string>();
  for (const p of w.people) {
    const mails = (await mailsTo(t.db, p.participant.email)).filter(
      (m) => m.template === "training_evaluation",
    );
    const last = mails.at(-1);
    if (last) tokens.set(p.participant.id, tokenFromLink(last.bodyText, "/evaluation"));
  }
  return { result, tokens };
}

const form = (token: string, lang = "en") =>
  t.app.inject({
    method: "GET",
    url: `/api/training-evaluations/${token}`,
    headers: { "accept-language": lang },
  });
const submit = (token: string, answers: unknown, lang = "en") =>
  t.app.inject({
    method: "POST",
    url: `/api/training-evaluations/${token}`,
    headers: { "accept-language": lang },
    payload: { answers },
  });
const answersFor = (w: World, ratings: number[], comment?: string) =>
  w.goals.map((g, i) => ({ goalId: g.id, rating: ratings[i] ?? 3, ...(comment ? { comment } : {}) }));
const responseCount = async (cohortId: string) =>
  (
    await t.db
      .select({ n: sql<number>`count(*)::int` })
      .from(trainingEvaluationResponses)
      .where(eq(trainingEvaluationResponses.cohortId, cohortId))
  )[0]?.n;

describe("evaluation links", () => {
  it("mails one personal link per enrolled participant in their language; the form shows only the goals", async () => {
    const w = await trainingWorld(t, { participants: 4, goals: 3 });
    const arabic = w.people[0];
    if (!arabic) throw new Error("no participant");
    await t.db.update(users).set({ locale: "ar" }).where(eq(users.id, arabic.user.id));
    const { result, tokens } = await sendLinks(w, "pre");
    expect(result).toMatchObject({ phase: "pre", sent: 4, alreadyAnswered: 0 });
    expect(tokens.size).toBe(4);
    const [arMail] = await mailsTo(t.db, arabic.participant.email);
    expect(arMail?.subject).toContain("تقييمك الذاتي");
    expect(arMail?.bodyText).toContain("http://lotse.test/evaluation?token=");

    const arForm = await ok(form(tokens.get(arabic.participant.id) ?? ""));
    expect(arForm).toMatchObject({ phase: "pre", locale: "ar", cohortTitle: w.cohort.title });
    expect(arForm.goals.map((g: { text: string }) => g.text)).toEqual([
      "هدف التعلم 1",
      "هدف التعلم 2",
      "هدف التعلم 3",
    ]);
    const other = w.people[1];
    const deForm = await ok(form(tokens.get(other?.participant.id ?? "") ?? ""));
    expect(deForm.locale).toBe("de");
    expect(deForm.goals[0].text).toBe("Lernziel 1");
    // Nothing about any participant: no names, no e-mail addresses, no ids of participants.
    for (const p of w.people) {
      for (const body of [JSON.stringify(arForm), JSON.stringify(deForm)]) {
        expect(body).not.toContain(p.participant.name);
        expect(body).not.toContain(p.participant.email);
        expect(body).not.toContain(p.participant.id);
      }
    }
    // Only the SHA-256 of a token is stored.
    const stored = await t.db.select({ h: trainingEvaluationLinks.tokenHash }).from(trainingEvaluationLinks);
    expect(stored.map((s) => s.h)).not.toContain(tokens.get(arabic.participant.id));
  });

  it("stores the answers once; a reused, unknown, forged or expired link is a translated 4xx and writes nothing", async () => {
    const w = await trainingWorld(t, { participants: 3, goals: 2 });
    const { tokens } = await sendLinks(w, "pre");
    const [a, b] = [...tokens.values()];
    if (!a || !b) throw new Error("no tokens");
    await ok(submit(a, answersFor(w, [2, 3], "Gut")), 201);
    expect(await responseCount(w.cohort.id)).toBe(1);

    const reused = await submit(a, answersFor(w, [5, 5]));
    expect(reused.statusCode).toBe(409);
    expect(reused.json()).toMatchObject({
      code: "trainings.evaluation_link_used",
      title: expect.stringContaining("once"),
    });
    expect((await form(a, "de")).json().title).toContain("nur einmal");
    expect((await form(a, "ar")).statusCode).toBe(409);

    const forged = `${b.slice(0, -4)}AAAA`;
    for (const token of [forged, "x".repeat(43)]) {
      const res = await submit(token, answersFor(w, [1, 1]));
      expect(res.statusCode).toBe(404);
      expect(res.json()).toMatchObject({ code: "trainings.evaluation_link_invalid" });
      expect((await form(token)).statusCode).toBe(404);
    }
    expect((await form("short")).statusCode).toBe(400);

    await t.db
      .update(trainingEvaluationLinks)
      .set({ expiresAt: sql`now() - interval '1 minute'` })
      .where(
        and(
          isNull(trainingEvaluationLinks.usedAt),
          inArray(
            trainingEvaluationLinks.participantId,
            w.people.map((p) => p.participant.id),
          ),
        ),
      );
    const expired = await submit(b, answersFor(w, [1, 1]), "ar");
    expect(expired.statusCode).toBe(410);
    expect(expired.json().title).toMatch(/[\u0600-\u06FF]/);
    expect((await form(b)).statusCode).toBe(410);
    expect(await responseCount(w.cohort.id)).toBe(1);
  });

  it("refuses incomplete, unknown or doubled goals and bad ratings, leaving the link usable", async () => {
    const w = await trainingWorld(t, { participants: 3, goals: 3 });
    const { tokens } = await sendLinks(w, "pre");
    const token = [...tokens.values()][0] ?? "";
    const [g1, g2, g3] = w.goals;
    if (!g1 || !g2 || !g3) throw new Error("no goals");
    const cases: [unknown, number, string?][] = [
      [[{ goalId: g1.id, rating: 3 }], 422, "trainings.evaluation_answers_incomplete"],
      [
        [
          { goalId: g1.id, rating: 3 },
          { goalId: g1.id, rating: 3 },
          { goalId: g2.id, rating: 3 },
        ],
        422,
        "trainings.evaluation_goal_twice",
      ],
      [
        [
          { goalId: g1.id, rating: 3 },
          { goalId: g2.id, rating: 3 },
          { goalId: w.cohort.id, rating: 3 },
        ],
        422,
        "trainings.evaluation_goal_unknown",
      ],
      [answersFor(w, [6, 3, 3]), 400],
      [answersFor(w, [0, 3, 3]), 400],
      [[], 400],
    ];
    for (const [answers, status, code] of cases) {
      const res = await submit(token, answers);
      expect(res.statusCode, res.body).toBe(status);
      if (code) expect(res.json().code).toBe(code);
      expect(res.json().title).toBeTruthy();
    }
    expect(await responseCount(w.cohort.id)).toBe(0);
    await ok(submit(token, answersFor(w, [1, 2, 3])), 201);
  });

  it("re-sending replaces the unused link and skips those who answered; a withdrawn participant's link stops", async () => {
    const w = await trainingWorld(t, { participants: 4, goals: 2 });
    const first = await sendLinks(w, "pre");
    const [p0, p1, p2] = w.people;
    if (!p0 || !p1 || !p2) throw new Error("no people");
    await ok(submit(first.tokens.get(p0.participant.id) ?? "", answersFor(w, [2, 2])), 201);
    const second = await sendLinks(w, "pre");
    expect(second.result).toMatchObject({ sent: 3, alreadyAnswered: 1 });
    const old = first.tokens.get(p1.participant.id) ?? "";
    expect(second.tokens.get(p1.participant.id)).not.toBe(old);
    expect((await submit(old, answersFor(w, [1, 1]))).statusCode).toBe(404);
    await ok(submit(second.tokens.get(p1.participant.id) ?? "", answersFor(w, [1, 1])), 201);
    // p0 received no second mail.
    expect(
      (await mailsTo(t.db, p0.participant.email)).filter((m) => m.template === "training_evaluation"),
    ).toHaveLength(1);

    await t.db
      .update(trainingParticipants)
      .set({ status: "withdrawn" })
      .where(eq(trainingParticipants.id, p2.participant.id));
    expect((await submit(second.tokens.get(p2.participant.id) ?? "", answersFor(w, [1, 1]))).statusCode).toBe(
      404,
    );
    expect(await responseCount(w.cohort.id)).toBe(2);
  });

  it("lets only those who run the cohort send links and see figures", async () => {
    const w = await trainingWorld(t, { participants: 3 });
    const participant = w.people[0];
    const admin = w.organisations[0]?.admin;
    if (!participant || !admin) throw new Error("no people");
    const paths = [
      ["POST", `/api/training-cohorts/${w.cohort.id}/evaluation-links`],
      ["GET", `/api/training-cohorts/${w.cohort.id}/evaluation-results`],
    ] as const;
    for (const [method, url] of paths) {
      const body = method === "POST" ? { phase: "pre" } : undefined;
      expect((await (await t.loginAs(w.otherTrainer.email)).request(method, url, { body })).statusCode).toBe(
        404,
      );
      for (const email of [participant.user.email, admin.email, w.outsiderAdmin.email]) {
        const res = await (await t.loginAs(email)).request(method, url, { body });
        expect([403, 404], `${email} ${url}`).toContain(res.statusCode);
      }
    }
    const coordinator = await t.loginAs(w.coordinator.email);
    await ok(coordinator.request("GET", `/api/training-cohorts/${w.cohort.id}/evaluation-results`));
    const bad = await coordinator.request("POST", `/api/training-cohorts/${w.cohort.id}/evaluation-links`, {
      body: { phase: "during" },
    });
    expect(bad.statusCode).toBe(400);
    expect(
      await t.db
        .select()
        .from(trainingEvaluationLinks)
        .where(eq(trainingEvaluationLinks.participantId, participant.participant.id)),
    ).toEqual([]);
    const mails = await t.db.select().from(outbox).where(eq(outbox.toAddress, participant.participant.email));
    expect(mails).toEqual([]);
  });
});

describe("evaluation links that cannot be sent", () => {
  it("refuses a cancelled cohort and one without enrolled participants, translated, writing nothing", async () => {
    const w = await trainingWorld(t, { participants: 2 });
    const trainer = await t.loginAs(w.trainer.email);
    const url = `/api/training-cohorts/${w.cohort.id}/evaluation-links`;
    await t.db
      .update(trainingCohorts)
      .set({ status: "cancelled" })
      .where(eq(trainingCohorts.id, w.cohort.id));
    const cancelled = await trainer.request("POST", url, {
      body: { phase: "pre" },
      headers: { "accept-language": "ar" },
    });
    expect(cancelled.statusCode).toBe(422);
    expect(cancelled.json()).toMatchObject({ code: "trainings.evaluation_cohort_cancelled" });
    expect(cancelled.json().title).toMatch(/[\u0600-\u06FF]/);
    await t.db.update(trainingCohorts).set({ status: "running" }).where(eq(trainingCohorts.id, w.cohort.id));
    await t.db
      .update(trainingParticipants)
      .set({ status: "withdrawn" })
      .where(eq(trainingParticipants.cohortId, w.cohort.id));
    const empty = await trainer.request("POST", url, { body: { phase: "post" } });
    expect(empty.statusCode).toBe(422);
    expect(empty.json()).toMatchObject({ code: "trainings.evaluation_no_participants" });
    const links = await t.db
      .select()
      .from(trainingEvaluationLinks)
      .where(
        inArray(
          trainingEvaluationLinks.participantId,
          w.people.map((p) => p.participant.id),
        ),
      );
    expect(links).toEqual([]);
  });
});

describe("evaluation results", () => {
  it("suppresses every figure under three answers and shows counts only", async () => {
    const w = await trainingWorld(t, { participants: 5, goals: 2 });
    const { tokens } = await sendLinks(w, "pre");
    const list = [...tokens.values()];
    await ok(submit(list[0] ?? "", answersFor(w, [1, 2], "Privat 1")), 201);
    await ok(submit(list[1] ?? "", answersFor(w, [2, 2], "Privat 2")), 201);
    const trainer = await t.loginAs(w.trainer.email);
    const res = await ok(trainer.request("GET", `/api/training-cohorts/${w.cohort.id}/evaluation-results`));
    expect(res).toMatchObject({
      minAnswers: 3,
      enrolled: 5,
      pre: { sent: 5, answered: 2 },
      post: { sent: 0, answered: 0 },
    });
    for (const goal of res.goals) {
      expect(goal.pre).toEqual({
        n: 2,
        mean: null,
        distribution: null,
        suppressed: "too_few_answers",
        comments: null,
      });
      expect(goal.change).toMatchObject({ n: 0, meanChange: null, dz: null, suppressed: "too_few_pairs" });
    }
    expect(JSON.stringify(res)).not.toContain("Privat");
  });

  it("computes means, paired change, d_z, median and Wilcoxon per goal without saying who answered what", async () => {
    const w = await trainingWorld(t, { participants: 6, goals: 2 });
    const pre = await sendLinks(w, "pre");
    const post = await sendLinks(w, "post");
    const people = w.people.map((p) => p.participant.id);
    // Goal 1: pre 1,2,2,3,2 (five answers); post 3,3,4,4 for the first four (pairs: +2,+1,+2,+1).
    const preRatings = [1, 2, 2, 3, 2];
    const postRatings = [3, 3, 4, 4];
    for (const [i, r] of preRatings.entries()) {
      await ok(
        submit(
          pre.tokens.get(people[i] ?? "") ?? "",
          answersFor(w, [r, 3], i < 3 ? `Kommentar ${"cba"[i]}` : undefined),
        ),
        201,
      );
    }
    for (const [i, r] of postRatings.entries()) {
      await ok(submit(post.tokens.get(people[i] ?? "") ?? "", answersFor(w, [r, 3])), 201);
    }
    const coordinator = await t.loginAs(w.coordinator.email);
    const res = await ok(
      coordinator.request("GET", `/api/training-cohorts/${w.cohort.id}/evaluation-results`),
    );
    expect(res.pre).toMatchObject({ sent: 6, answered: 5 });
    expect(res.post).toMatchObject({ sent: 6, answered: 4 });
    const [g1, g2] = res.goals;
    expect(g1.pre).toMatchObject({ n: 5, mean: 2, distribution: [1, 3, 1, 0, 0], suppressed: null });
    expect(g1.pre.comments).toEqual(["Kommentar a", "Kommentar b", "Kommentar c"]);
    expect(g1.post).toMatchObject({ n: 4, mean: 3.5, distribution: [0, 0, 2, 2, 0], comments: [] });
    expect(g1.change).toMatchObject({
      n: 4,
      meanChange: 1.5,
      medianChange: 1.5,
      wilcoxonV: 10,
      wilcoxonP: 0.125,
      wilcoxonMethod: "exact",
      suppressed: null,
    });
    // d_z = 1.5 / sd(2,1,2,1) = 1.5 / 0.57735
    expect(g1.change.dz).toBeCloseTo(2.598, 3);
    // Goal 2: everyone stayed at 3 — no spread, nothing changed.
    expect(g2.change).toMatchObject({ n: 4, meanChange: 0, dz: null, wilcoxonP: 1 });
    const body = JSON.stringify(res);
    for (const p of w.people) {
      expect(body).not.toContain(p.participant.id);
      expect(body).not.toContain(p.participant.name);
    }
    // Audited with ids only.
    const entries = await t.db
      .select()
      .from(auditLog)
      .where(
        and(
          eq(auditLog.organisationId, w.coordination.id),
          sql`${auditLog.action} like 'training_evaluation.%'`,
        ),
      );
    expect(entries.map((e) => e.action)).toEqual(
      expect.arrayContaining([
        "training_evaluation.send",
        "training_evaluation.submit",
        "training_evaluation.results",
      ]),
    );
    const logged = JSON.stringify(entries);
    for (const p of w.people) {
      expect(logged).not.toContain(p.participant.email);
      expect(logged).not.toContain(p.participant.name);
    }
    expect(logged).not.toContain("Kommentar");

    const progress = await outstandingEvaluations(t.db, [w.cohort.id, w.otherCohort.id]);
    expect(progress.get(w.cohort.id)).toEqual({
      pre: { sent: 6, answered: 5 },
      post: { sent: 6, answered: 4 },
    });
    expect(progress.get(w.otherCohort.id)).toEqual({
      pre: { sent: 0, answered: 0 },
      post: { sent: 0, answered: 0 },
    });
  });
});
