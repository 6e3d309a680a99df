import { randomUUID } from "node:crypto";
import { and, eq, inArray, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import {
  auditLog,
  trainingAttendance,
  trainingCertificates,
  trainingCohorts,
  trainingEvaluationLinks,
  trainingEvaluationResponses,
  trainingParticipants,
  trainingPosts,
  trainingSessions,
} from "../../src/server/db/schema.ts";
import { tokenHash } from "../../src/server/platform/tokens.ts";
import { createTestApp } from "../helpers/app.ts";
import { buildUser } from "../helpers/factories.ts";
import { mailsTo, tokenFromLink } from "../helpers/mail.ts";
import { day, ok, trainingWorld } from "./trainings-setup.ts";

// What users and an attacker try on the trainings routes: every role against every route, odd
// input on every write, tokens and codes tampered with, races for the last place and the single
// use of a link. Each probe asserts the correct behaviour and stays in the suite.

const t = await createTestApp();
type World = Awaited<ReturnType<typeof trainingWorld>>;

/** Every caller of the matrix, logged in. */
async function callers(w: World) {
  const first = w.people[0];
  const secondOrg = w.organisations[1];
  if (!first || !secondOrg) throw new Error("world too small");
  const company = await buildUser(t.db, { organisationId: w.outsiderOrg.id, role: "company_contact" });
  const volunteer = await buildUser(t.db, { organisationId: w.outsiderOrg.id, role: "volunteer" });
  return {
    coordinator: await t.loginAs(w.coordinator.email),
    trainer: await t.loginAs(w.trainer.email),
    otherTrainer: await t.loginAs(w.otherTrainer.email),
    participant: await t.loginAs(first.user.email),
    otherParticipant: await t.loginAs(w.otherUser.email),
    admin: await t.loginAs(secondOrg.admin.email),
    outsiderAdmin: await t.loginAs(w.outsiderAdmin.email),
    company: await t.loginAs(company.email),
    volunteer: await t.loginAs(volunteer.email),
  };
}
type Callers = Awaited<ReturnType<typeof callers>>;

const problem = (
  res: { statusCode: number; body: string; headers: Record<string, unknown> },
  status: number,
) => {
  expect(res.statusCode, res.body).toBe(status);
  expect(String(res.headers["content-type"])).toContain("application/problem+json");
  const p = JSON.parse(res.body);
  expect(typeof p.code).toBe("string");
  return p;
};

describe("every cohort read × role", () => {
  it("answers 404 out of reach and never a 500; the outsiders see nothing of the cohort", async () => {
    const w = await trainingWorld(t, { participants: 4, orgs: 2, sessions: 3 });
    const c = await callers(w);
    const session = w.sessions[0]?.id;
    const reads = [
      `/api/training-cohorts/${w.cohort.id}`,
      `/api/training-cohorts/${w.cohort.id}/participants`,
      `/api/training-cohorts/${w.cohort.id}/mix`,
      `/api/training-cohorts/${w.cohort.id}/sessions`,
      `/api/training-cohorts/${w.cohort.id}/attendance`,
      `/api/training-cohorts/${w.cohort.id}/certificates`,
      `/api/training-cohorts/${w.cohort.id}/feeds`,
      `/api/training-sessions/${session}/attendance`,
    ];
    const exchange = [
      `/api/training-cohorts/${w.cohort.id}/exchange/posts`,
      `/api/training-cohorts/${w.cohort.id}/exchange/materials`,
    ];
    const outsiders = [c.otherTrainer, c.otherParticipant, c.outsiderAdmin, c.company, c.volunteer];
    for (const url of reads) {
      for (const who of outsiders) {
        const res = await who.request("GET", url);
        expect([403, 404], `${url} ${res.body}`).toContain(res.statusCode);
        if (res.statusCode === 403) {
          // Only a permission refusal may be 403 (the role has no training.* permission at all);
          // it must not depend on the cohort.
          const unknown = await who.request("GET", url.replace(w.cohort.id, randomUUID()));
          expect(unknown.statusCode).toBe(403);
        }
      }
      const anonymous = await t.app.inject({ method: "GET", url });
      expect(anonymous.statusCode, url).toBe(401);
      for (const who of [c.coordinator, c.trainer, c.participant, c.admin]) {
        const res = await who.request("GET", url);
        expect(res.statusCode, `${url} ${res.body}`).toBe(200);
      }
    }
    // The exchange space is the cohort's: an admin who does not take part is refused (403).
    for (const url of exchange) {
      for (const who of [c.coordinator, c.trainer, c.participant]) {
        expect((await who.request("GET", url)).statusCode, url).toBe(200);
      }
      expect((await c.admin.request("GET", url)).statusCode, url).toBe(403);
      for (const who of [c.otherTrainer, c.otherParticipant, c.outsiderAdmin]) {
        expect((await who.request("GET", url)).statusCode, url).toBe(404);
      }
    }
    // Teaching-only reads: 403 for those with a relation, 404 for the others.
    for (const url of [
      `/api/training-cohorts/${w.cohort.id}/evaluation-results`,
      `/api/training-cohorts/${w.cohort.id}/network`,
    ]) {
      expect((await c.trainer.request("GET", url)).statusCode, url).toBe(200);
      for (const who of [c.participant, c.admin]) {
        expect((await who.request("GET", url)).statusCode, url).toBe(403);
      }
      for (const who of [c.otherTrainer]) {
        expect((await who.request("GET", url)).statusCode, url).toBe(404);
      }
    }
  });

  it("never shows another organisation's e-mails or attendance to an admin or a participant", async () => {
    const w = await trainingWorld(t, { participants: 4, orgs: 2, sessions: 3 });
    const c = await callers(w);
    const secondOrg = w.organisations[1]?.org.id;
    const foreignEmails = w.people
      .filter((p) => p.organisation.org.id !== secondOrg)
      .map((p) => p.participant.email);
    const adminOwn = w.people.filter((p) => p.organisation.org.id === secondOrg).map((p) => p.participant.id);
    const trainer = c.trainer;
    const s0 = w.sessions[0]?.id;
    await ok(
      trainer.request("PUT", `/api/training-sessions/${s0}/attendance`, {
        body: { entries: w.people.map((p) => ({ participantId: p.participant.id, status: "present" })) },
      }),
    );
    const bodies = [
      (await c.admin.request("GET", `/api/training-cohorts/${w.cohort.id}/participants`)).body,
      (await c.admin.request("GET", `/api/training-cohorts/${w.cohort.id}/attendance`)).body,
      (await c.admin.request("GET", `/api/training-sessions/${s0}/attendance`)).body,
      (await c.admin.request("GET", `/api/training-cohorts/${w.cohort.id}/certificates`)).body,
      (await c.admin.request("GET", "/api/training-cohorts")).body,
      (await c.admin.request("GET", "/api/trainings/mine")).body,
    ];
    for (const body of bodies) for (const email of foreignEmails) expect(body).not.toContain(email);
    const totals = await ok(c.admin.request("GET", `/api/training-cohorts/${w.cohort.id}/attendance`));
    expect(totals.rows.map((r: { participantId: string }) => r.participantId).sort()).toEqual(
      adminOwn.sort(),
    );
    const own = await ok(c.participant.request("GET", `/api/training-cohorts/${w.cohort.id}/attendance`));
    expect(own.rows.map((r: { participantId: string }) => r.participantId)).toEqual([
      w.people[0]?.participant.id,
    ]);
    const sessionRows = await ok(c.participant.request("GET", `/api/training-sessions/${s0}/attendance`));
    expect(sessionRows.rows).toHaveLength(1);
    // The participant list shows others by name only, never an e-mail except the caller's own.
    const list = await ok(c.participant.request("GET", `/api/training-cohorts/${w.cohort.id}/participants`));
    const withEmail = list.items.filter((p: { email: string | null }) => p.email !== null);
    expect(withEmail.map((p: { id: string }) => p.id)).toEqual([w.people[0]?.participant.id]);
    // Nothing of the other cohort in the participant's lists.
    const cohorts = await ok(c.participant.request("GET", "/api/training-cohorts"));
    expect(JSON.stringify(cohorts)).not.toContain(w.otherCohort.id);
    const mine = (await c.participant.request("GET", "/api/trainings/mine")).body;
    expect(mine).not.toContain(w.otherCohort.id);
    expect(mine).not.toContain(w.otherUser.email);
  });

  it("refuses writes by role: 403 with a relation, 404 without, nothing written", async () => {
    const w = await trainingWorld(t, { participants: 4, orgs: 2, sessions: 3 });
    const c = await callers(w);
    const s0 = w.sessions[0]?.id;
    const p0 = w.people[0]?.participant.id;
    const before = await t.db
      .select()
      .from(trainingSessions)
      .where(eq(trainingSessions.cohortId, w.cohort.id));
    const writes: Array<[string, string, unknown]> = [
      [
        "POST",
        `/api/training-cohorts/${w.cohort.id}/sessions`,
        {
          startsAt: `${day(2)}T09:00:00.000Z`,
          endsAt: `${day(2)}T10:00:00.000Z`,
          topic: "X",
          goalIds: [],
        },
      ],
      [
        "PUT",
        `/api/training-sessions/${s0}/attendance`,
        { entries: [{ participantId: p0, status: "absent" }] },
      ],
      ["POST", `/api/training-sessions/${s0}/cancel`, {}],
      ["POST", `/api/training-cohorts/${w.cohort.id}/evaluation-links`, { phase: "pre" }],
      ["POST", `/api/training-cohorts/${w.cohort.id}/certificates`, undefined],
    ];
    for (const [method, url, body] of writes) {
      for (const who of [c.participant, c.admin]) {
        const res = await who.request(method as "POST", url, {
          headers: { "if-match": `"${before[0]?.version}"` },
          ...(body === undefined ? {} : { body }),
        });
        expect([403], `${who.session.active.role} ${method} ${url} ${res.body}`).toContain(res.statusCode);
      }
      for (const who of [c.otherTrainer, c.otherParticipant, c.outsiderAdmin]) {
        const res = await who.request(method as "POST", url, {
          headers: { "if-match": `"${before[0]?.version}"` },
          ...(body === undefined ? {} : { body }),
        });
        expect([403, 404], `${method} ${url} ${res.body}`).toContain(res.statusCode);
        if (who === c.otherTrainer && !url.endsWith("/certificates")) expect(res.statusCode, url).toBe(404);
      }
    }
    const after = await t.db
      .select()
      .from(trainingSessions)
      .where(eq(trainingSessions.cohortId, w.cohort.id));
    expect(after).toEqual(before);
    expect(
      await t.db
        .select()
        .from(trainingAttendance)
        .where(eq(trainingAttendance.sessionId, s0 ?? "")),
    ).toEqual([]);
    // Withdrawing someone else: a trainer 403, another cohort's member 404, an outsider admin 404.
    const withdraw = `/api/training-cohorts/${w.cohort.id}/participants/${p0}/withdraw`;
    expect((await c.trainer.request("POST", withdraw)).statusCode).toBe(403);
    expect((await c.otherParticipant.request("POST", withdraw)).statusCode).toBe(404);
    expect((await c.outsiderAdmin.request("POST", withdraw)).statusCode).toBe(404);
    // A participant id of another cohort under this cohort's path is not found.
    const cross = `/api/training-cohorts/${w.cohort.id}/participants/${w.otherParticipant?.id}/withdraw`;
    expect((await c.coordinator.request("POST", cross)).statusCode).toBe(404);
    const [still] = await t.db
      .select()
      .from(trainingParticipants)
      .where(eq(trainingParticipants.id, p0 ?? ""));
    expect(still?.status).toBe("enrolled");
  });
});

/** Rows of the cohort's tables, to show a refused write changed nothing. */
async function snapshot(cohortId: string) {
  const participants = await t.db
    .select()
    .from(trainingParticipants)
    .where(eq(trainingParticipants.cohortId, cohortId));
  const sessions = await t.db.select().from(trainingSessions).where(eq(trainingSessions.cohortId, cohortId));
  const posts = await t.db.select().from(trainingPosts).where(eq(trainingPosts.cohortId, cohortId));
  const [cohort] = await t.db.select().from(trainingCohorts).where(eq(trainingCohorts.id, cohortId));
  return { participants, sessions, posts, cohort };
}

describe("odd input on each write", () => {
  it("refuses bad registrations with a translated problem and writes nothing", async () => {
    const w = await trainingWorld(t, { participants: 2, orgs: 2, sessions: 2 });
    const c = await callers(w);
    const url = `/api/training-cohorts/${w.cohort.id}/participants`;
    const before = await snapshot(w.cohort.id);
    const person = {
      name: "Probe Person",
      email: "probe.person@example.org",
      organisationName: "Verein",
      organisationType: "other",
      role: "staff",
    };
    const bad: Array<[unknown, number]> = [
      [{ ...person, role: "boss" }, 400],
      [{ ...person, name: "Pro\ud800be" }, 400],
      [{ ...person, name: "Pro\u0000be" }, 400],
      [{ ...person, name: "x".repeat(100_000) }, 400],
      [{ ...person, email: "not-an-email" }, 400],
      [{ ...person, name: 42 }, 400],
      [{ ...person, organisationId: randomUUID() }, 422],
      [{ ...person, userId: randomUUID() }, 422],
      [{ ...person, organisationType: "mafia" }, 400],
      [[person], 400],
    ];
    for (const [body, status] of bad) {
      const res = await c.coordinator.request("POST", url, { body });
      problem(res, status);
    }
    // An admin may not register someone of another organisation or a person without account.
    const foreigner = w.people.find((p) => p.organisation.org.id !== w.organisations[1]?.org.id);
    problem(await c.admin.request("POST", url, { body: { userId: w.otherUser.id, role: "staff" } }), 422);
    problem(await c.admin.request("POST", url, { body: { ...person } }), 422);
    const foreign = await c.admin.request("POST", url, {
      body: { userId: foreigner?.user.id, role: "staff" },
    });
    expect(problem(foreign, 422).code).toBe("trainings.core_not_own_member");
    expect(await snapshot(w.cohort.id)).toEqual(before);
  });

  it("treats an e-mail with other capitals as the same person, also when two arrive at once", async () => {
    const w = await trainingWorld(t, { participants: 2, orgs: 1, sessions: 1 });
    const coordinator = await t.loginAs(w.coordinator.email);
    const url = `/api/training-cohorts/${w.cohort.id}/participants`;
    const person = {
      name: "Dana Doppelt",
      organisationName: "Verein",
      organisationType: "other",
      role: "volunteer",
    };
    const [a, b] = await Promise.all([
      coordinator.request("POST", url, { body: { ...person, email: "Dana.Doppelt@Example.org" } }),
      coordinator.request("POST", url, { body: { ...person, email: "dana.doppelt@example.ORG" } }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([201, 409].sort((x, y) => x - y));
    const again = await coordinator.request("POST", url, {
      body: { ...person, email: "DANA.DOPPELT@EXAMPLE.ORG" },
    });
    expect(problem(again, 409).code).toBe("trainings.core_duplicate");
    const rows = await t.db
      .select()
      .from(trainingParticipants)
      .where(
        and(eq(trainingParticipants.cohortId, w.cohort.id), sql`lower(email) = 'dana.doppelt@example.org'`),
      );
    expect(rows).toHaveLength(1);
    // A public application with the address in other capitals does not make a second record.
    const applied = await t.app.inject({
      method: "POST",
      url: `/api/training-applications/cohorts/${w.cohort.id}`,
      payload: { ...person, email: "dAnA.dOpPeLt@example.org", consent: true },
    });
    expect([200, 201, 202, 404]).toContain(applied.statusCode);
    const after = await t.db
      .select()
      .from(trainingParticipants)
      .where(
        and(eq(trainingParticipants.cohortId, w.cohort.id), sql`lower(email) = 'dana.doppelt@example.org'`),
      );
    expect(after).toHaveLength(1);
  });

  it("gives the last place to exactly one of two registrations at once; the other waits", async () => {
    const w = await trainingWorld(t, { participants: 2, orgs: 1, sessions: 1 });
    await t.db.update(trainingCohorts).set({ capacity: 3 }).where(eq(trainingCohorts.id, w.cohort.id));
    const coordinator = await t.loginAs(w.coordinator.email);
    const url = `/api/training-cohorts/${w.cohort.id}/participants`;
    const body = (n: number) => ({
      name: `Letzter Platz ${n}`,
      email: `letzter.${n}.${w.tag}@example.org`,
      organisationName: "Verein",
      organisationType: "other",
      role: "staff",
    });
    const results = await Promise.all(
      [1, 2, 3].map((n) => ok(coordinator.request("POST", url, { body: body(n) }), 201)),
    );
    expect(results.map((r) => r.status).sort()).toEqual(["enrolled", "waitlisted", "waitlisted"]);
    const full = await coordinator.request("POST", url, { body: { ...body(4), waitlist: false } });
    expect(problem(full, 409).code).toBe("trainings.core_full");
    const [count] = await t.db
      .select({ n: sql<number>`count(*)::int` })
      .from(trainingParticipants)
      .where(
        and(eq(trainingParticipants.cohortId, w.cohort.id), eq(trainingParticipants.status, "enrolled")),
      );
    expect(count?.n).toBe(3);
  });

  it("refuses public applications that try to set what only the coordination sets", async () => {
    const w = await trainingWorld(t, { participants: 1, orgs: 1, sessions: 1 });
    await t.db
      .update(trainingCohorts)
      .set({ registrationOpen: true, status: "planned" })
      .where(eq(trainingCohorts.id, w.cohort.id));
    const email = `bewerbung.${w.tag}@example.org`;
    const res = await t.app.inject({
      method: "POST",
      url: `/api/training-applications/cohorts/${w.cohort.id}`,
      payload: {
        name: "Bea Bewerbung",
        email,
        organisationName: "Verein",
        organisationType: "other",
        role: "staff",
        consent: true,
        status: "enrolled",
        userId: w.trainer.id,
        organisationId: w.coordination.id,
        cohortId: w.otherCohort.id,
      },
    });
    expect(res.statusCode, res.body).toBeLessThan(300);
    const [row] = await t.db.select().from(trainingParticipants).where(eq(trainingParticipants.email, email));
    expect(row).toMatchObject({
      status: "applied",
      userId: null,
      organisationId: null,
      cohortId: w.cohort.id,
    });
    for (const payload of [
      {
        name: "A",
        email: "a@example.org",
        organisationName: "V",
        organisationType: "other",
        role: "staff",
        consent: false,
      },
      {
        name: "A\ud83d",
        email: "a@example.org",
        organisationName: "V",
        organisationType: "other",
        role: "staff",
        consent: true,
      },
      {
        name: "A",
        email: "a@example.org",
        organisationName: "V",
        organisationType: "other",
        role: "staff",
        consent: true,
        motivation: "m".repeat(2001),
      },
    ]) {
      problem(
        await t.app.inject({
          method: "POST",
          url: `/api/training-applications/cohorts/${w.cohort.id}`,
          payload,
        }),
        400,
      );
    }
    // Unknown, closed or random cohorts: 404 without naming it.
    problem(
      await t.app.inject({
        method: "POST",
        url: `/api/training-applications/cohorts/${randomUUID()}`,
        payload: {
          name: "A",
          email: "a@example.org",
          organisationName: "V",
          organisationType: "other",
          role: "staff",
          consent: true,
        },
      }),
      404,
    );
    problem(await t.app.inject({ method: "GET", url: "/api/training-applications/cohorts/not-a-uuid" }), 400);
  });

  it("refuses cohorts with no capacity, reversed dates or unknown ids", async () => {
    const w = await trainingWorld(t, { participants: 1, orgs: 1, sessions: 1 });
    const coordinator = await t.loginAs(w.coordinator.email);
    const base = {
      programmeId: w.programme.id,
      title: `Probe ${w.tag}`,
      startsOn: day(10),
      endsOn: day(40),
      capacity: 10,
    };
    const [{ n: before } = { n: 0 }] = await t.db
      .select({ n: sql<number>`count(*)::int` })
      .from(trainingCohorts);
    for (const [body, status] of [
      [{ ...base, capacity: 0 }, 400],
      [{ ...base, capacity: -3 }, 400],
      [{ ...base, capacity: 1.5 }, 400],
      [{ ...base, startsOn: day(40), endsOn: day(10) }, 422],
      [{ ...base, startsOn: "2026-02-30" }, 400],
      [{ ...base, programmeId: randomUUID() }, 422],
      [{ ...base, trainerIds: [randomUUID()] }, 422],
      [{ ...base, trainerIds: [w.people[0]?.user.id] }, 422],
      [{ ...base, status: "exploded" }, 400],
      [{ ...base, title: "T\u0000" }, 400],
    ] as Array<[unknown, number]>) {
      const res = await coordinator.request("POST", "/api/training-cohorts", { body });
      expect([400, 422], `${JSON.stringify(body).slice(0, 120)} ${res.body}`).toContain(res.statusCode);
      problem(res, res.statusCode);
      void status;
    }
    const [{ n: after } = { n: 0 }] = await t.db
      .select({ n: sql<number>`count(*)::int` })
      .from(trainingCohorts);
    expect(after).toBe(before);
  });

  it("refuses sessions outside the cohort, reversed, with another programme's goals; nothing written", async () => {
    const w = await trainingWorld(t, { participants: 2, orgs: 1, sessions: 2 });
    const other = await trainingWorld(t, { participants: 1, orgs: 1, sessions: 1 });
    const trainer = await t.loginAs(w.trainer.email);
    const url = `/api/training-cohorts/${w.cohort.id}/sessions`;
    const at = (d: string, h: string) => `${d}T${h}:00.000Z`;
    const base = {
      startsAt: at(day(2), "09:00"),
      endsAt: at(day(2), "12:00"),
      topic: "Probe",
      goalIds: [] as unknown[],
    };
    const before = await snapshot(w.cohort.id);
    for (const body of [
      { ...base, endsAt: at(day(2), "08:00") },
      { ...base, startsAt: at(day(60), "09:00"), endsAt: at(day(60), "10:00") },
      { ...base, startsAt: at(day(-30), "09:00"), endsAt: at(day(-30), "10:00") },
      { ...base, goalIds: [other.goals[0]?.id] },
      { ...base, goalIds: [randomUUID()] },
      { ...base, goalIds: ["nope"] },
      { ...base, topic: "x".repeat(100_000) },
      { ...base, topic: "\udc00" },
      { ...base, startsAt: "yesterday" },
    ]) {
      const res = await trainer.request("POST", url, { body });
      expect([400, 422], `${JSON.stringify(body).slice(0, 120)} ${res.body}`).toContain(res.statusCode);
      problem(res, res.statusCode);
    }
    // Another cohort's session under the attendance path of a participant of this cohort.
    const p0 = w.people[0]?.participant.id;
    const res = await trainer.request("PUT", `/api/training-sessions/${other.sessions[0]?.id}/attendance`, {
      body: { entries: [{ participantId: p0, status: "present" }] },
    });
    expect(res.statusCode).toBe(404);
    const cross = await trainer.request("PUT", `/api/training-sessions/${w.sessions[0]?.id}/attendance`, {
      body: { entries: [{ participantId: other.people[0]?.participant.id, status: "present" }] },
    });
    expect(problem(cross, 422).code).toBe("trainings.sessions.attendance_not_participant");
    for (const entries of [
      [{ participantId: p0, status: "sleeping" }],
      [
        { participantId: p0, status: "present" },
        { participantId: p0, status: "absent" },
      ],
      [],
    ]) {
      problem(
        await trainer.request("PUT", `/api/training-sessions/${w.sessions[0]?.id}/attendance`, {
          body: { entries },
        }),
        400,
      );
    }
    expect(await snapshot(w.cohort.id)).toEqual(before);
    expect(
      await t.db
        .select()
        .from(trainingAttendance)
        .where(
          inArray(
            trainingAttendance.sessionId,
            w.sessions.map((s) => s.id),
          ),
        ),
    ).toEqual([]);
  });

  it("refuses odd posts: NUL, lone surrogates, huge, a parent of another cohort", async () => {
    const w = await trainingWorld(t, { participants: 2, orgs: 1, sessions: 1 });
    const other = await trainingWorld(t, { participants: 1, orgs: 1, sessions: 1 });
    const participant = await t.loginAs(w.people[0]?.user.email ?? "");
    const otherTrainer = await t.loginAs(other.trainer.email);
    const foreign = await ok(
      otherTrainer.request("POST", `/api/training-cohorts/${other.cohort.id}/exchange/posts`, {
        body: { body: "Hallo B" },
      }),
      201,
    );
    const url = `/api/training-cohorts/${w.cohort.id}/exchange/posts`;
    for (const body of [
      { body: "a\u0000b" },
      { body: "a\ud800" },
      { body: "x".repeat(5001) },
      { body: "   " },
      { body: 7 },
      { body: "ok", parentId: "x" },
    ]) {
      problem(await participant.request("POST", url, { body }), 400);
    }
    const cross = await participant.request("POST", url, { body: { body: "Antwort", parentId: foreign.id } });
    expect([404, 422]).toContain(cross.statusCode);
    problem(cross, cross.statusCode);
    // Editing or deleting another cohort's post through this cohort's path: 404.
    expect(
      (await participant.request("PATCH", `${url}/${foreign.id}`, { body: { body: "Übernommen" } }))
        .statusCode,
    ).toBe(404);
    expect((await participant.request("DELETE", `${url}/${foreign.id}`)).statusCode).toBe(404);
    expect(await t.db.select().from(trainingPosts).where(eq(trainingPosts.cohortId, w.cohort.id))).toEqual(
      [],
    );
    const [kept] = await t.db.select().from(trainingPosts).where(eq(trainingPosts.id, foreign.id));
    expect(kept?.body).toBe("Hallo B");
  });
});

/** The trainer mails the links of a phase; the newest token per participant id. */
async function links(w: World, phase: "pre" | "post") {
  const trainer = await t.loginAs(w.trainer.email);
  await ok(
    trainer.request("POST", `/api/training-cohorts/${w.cohort.id}/evaluation-links`, { body: { phase } }),
  );
  const tokens: string[] = [];
  for (const p of w.people) {
    const last = (await mailsTo(t.db, p.participant.email))
      .filter((m) => m.template === "training_evaluation")
      .at(-1);
    if (last) tokens.push(tokenFromLink(last.bodyText, "/evaluation"));
  }
  return tokens;
}
const answers = (w: World, rating: number, comment?: string) =>
  w.goals.map((g) => ({ goalId: g.id, rating, ...(comment ? { comment } : {}) }));
const submit = (token: string, body: unknown) =>
  t.app.inject({ method: "POST", url: `/api/training-evaluations/${token}`, payload: body as object });

describe("evaluation links", () => {
  it("holds against reuse, expiry, forgery and two submissions at once; nothing written on refusal", async () => {
    const w = await trainingWorld(t, { participants: 4, orgs: 2, sessions: 2 });
    const [a, b, c, d] = await links(w, "pre");
    if (!a || !b || !c || !d) throw new Error("no tokens");
    // Two submissions of the same link at once: exactly one wins.
    const both = await Promise.all([
      submit(a, { answers: answers(w, 2) }),
      submit(a, { answers: answers(w, 4) }),
    ]);
    expect(both.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    expect(problem(await submit(a, { answers: answers(w, 3) }), 409).code).toBe(
      "trainings.evaluation_link_used",
    );
    // Expired.
    await t.db
      .update(trainingEvaluationLinks)
      .set({ expiresAt: new Date(Date.now() - 60_000) })
      .where(eq(trainingEvaluationLinks.tokenHash, tokenHash(b)));
    expect(problem(await submit(b, { answers: answers(w, 3) }), 410).code).toBe(
      "trainings.evaluation_link_expired",
    );
    problem(await t.app.inject({ method: "GET", url: `/api/training-evaluations/${b}` }), 410);
    // Forged: a token of the right shape, one character changed, padded, an odd one.
    const flipped = `${c.slice(0, -1)}${c.endsWith("A") ? "B" : "A"}`;
    for (const forged of [
      flipped,
      `${c}x`,
      "A".repeat(43),
      c.toUpperCase() === c ? c.toLowerCase() : c.toUpperCase(),
    ]) {
      const res = await submit(forged, { answers: answers(w, 1) });
      expect(problem(res, 404).code, forged).toBe("trainings.evaluation_link_invalid");
      expect(res.body).not.toContain(w.cohort.title);
    }
    problem(await submit("short", { answers: answers(w, 1) }), 400);
    // Bad answers: rating out of range, a goal of another programme, a goal twice, too few.
    const other = await trainingWorld(t, { participants: 1, orgs: 1, sessions: 1 });
    for (const [body, status] of [
      [{ answers: answers(w, 6) }, 400],
      [{ answers: answers(w, 0) }, 400],
      [{ answers: answers(w, 2.5) }, 400],
      [{ answers: answers(w, 3, "c\u0000") }, 400],
      [{ answers: answers(w, 3, "c".repeat(2001)) }, 400],
      [{ answers: [...answers(w, 3).slice(1), { goalId: other.goals[0]?.id, rating: 3 }] }, 422],
      [{ answers: [...answers(w, 3), answers(w, 3)[0]] }, 422],
      [{ answers: answers(w, 3).slice(1) }, 422],
      [{ answers: "all good" }, 400],
    ] as Array<[unknown, number]>) {
      problem(await submit(c, body), status);
    }
    // The link is still usable after all those refusals, exactly once.
    await ok(submit(c, { answers: answers(w, 5) }), 201);
    const responses = await t.db
      .select()
      .from(trainingEvaluationResponses)
      .where(eq(trainingEvaluationResponses.cohortId, w.cohort.id));
    expect(responses).toHaveLength(2);
    // The form of a used link does not reopen it; a form shows no other participant's data.
    const formRes = await t.app.inject({ method: "GET", url: `/api/training-evaluations/${d}` });
    const form = JSON.parse(formRes.body);
    for (const p of w.people) {
      expect(formRes.body).not.toContain(p.participant.name);
      expect(formRes.body).not.toContain(p.participant.email);
    }
    expect(form.goals).toHaveLength(w.goals.length);
  });

  it("shows no figure from one or two answers and never participant ids with answers", async () => {
    const w = await trainingWorld(t, { participants: 4, orgs: 2, sessions: 2 });
    const tokens = await links(w, "pre");
    const trainer = await t.loginAs(w.trainer.email);
    const url = `/api/training-cohorts/${w.cohort.id}/evaluation-results`;
    for (const [i, token] of tokens.slice(0, 2).entries()) {
      await ok(submit(token, { answers: answers(w, i + 1, `Kommentar ${i} ${w.tag}`) }), 201);
      const res = await trainer.request("GET", url);
      const results = JSON.parse(res.body);
      expect(results.pre.answered).toBe(i + 1);
      for (const g of results.goals) {
        expect(g.pre).toMatchObject({
          mean: null,
          distribution: null,
          suppressed: "too_few_answers",
          comments: null,
        });
      }
      expect(res.body).not.toContain(`Kommentar ${i}`);
      for (const p of w.people) expect(res.body).not.toContain(p.participant.id);
    }
  });
});

describe("certificates and their codes", () => {
  it("issues once under two parallel requests; verification discloses nothing for altered codes", async () => {
    const w = await trainingWorld(t, { participants: 3, orgs: 1, sessions: 4 });
    const trainer = await t.loginAs(w.trainer.email);
    for (const s of w.sessions.filter((x) => x.startsAt.getTime() < Date.now())) {
      await ok(
        trainer.request("PUT", `/api/training-sessions/${s.id}/attendance`, {
          body: { entries: w.people.map((p) => ({ participantId: p.participant.id, status: "present" })) },
        }),
      );
    }
    const coordinator = await t.loginAs(w.coordinator.email);
    const url = `/api/training-cohorts/${w.cohort.id}/certificates`;
    const results = await Promise.all([coordinator.request("POST", url), coordinator.request("POST", url)]);
    for (const r of results) expect([200, 409], r.body).toContain(r.statusCode);
    const certificates = await t.db
      .select()
      .from(trainingCertificates)
      .where(eq(trainingCertificates.cohortId, w.cohort.id));
    expect(certificates).toHaveLength(3);
    const code = certificates[0]?.code ?? "";
    const verify = (typed: string) =>
      t.app.inject({ method: "GET", url: `/api/training-certificates/verify/${encodeURIComponent(typed)}` });
    const valid = JSON.parse((await verify(code)).body);
    expect(valid.status).toBe("valid");
    expect(JSON.parse((await verify(code.toLowerCase())).body).status).toBe("valid");
    expect(
      JSON.parse((await verify(`${code.slice(0, 5)} ${code.slice(5, 10)}-${code.slice(10)}`)).body).status,
    ).toBe("valid");
    const swap = (ch: string) => (ch === "A" ? "B" : "A");
    for (const tampered of [
      `${swap(code[0] ?? "")}${code.slice(1)}`,
      `${code.slice(0, 10)}${swap(code[10] ?? "")}${code.slice(11)}`,
      code.slice(1),
      `${code}A`,
      `${code.slice(0, -1)}0`,
      `${code.slice(0, -1)}\u0130`,
      "' or 1=1 --",
    ]) {
      const res = await verify(tampered);
      expect(res.statusCode === 200 || res.statusCode === 400, `${tampered} ${res.body}`).toBe(true);
      if (res.statusCode === 200) expect(JSON.parse(res.body)).toEqual({ status: "invalid" });
      for (const p of w.people) expect(res.body).not.toContain(p.participant.name);
    }
    // A participant of another cohort cannot fetch this cohort's certificate PDF.
    const otherParticipant = await t.loginAs(w.otherUser.email);
    const pdf = await otherParticipant.request(
      "GET",
      `/api/training-certificates/${certificates[0]?.id}/pdf`,
    );
    expect(pdf.statusCode).toBe(404);
    // Another holder of the same cohort neither.
    const holder = certificates[0]?.participantId;
    const someoneElse = w.people.find((p) => p.participant.id !== holder);
    const peer = await t.loginAs(someoneElse?.user.email ?? "");
    expect(
      (await peer.request("GET", `/api/training-certificates/${certificates[0]?.id}/pdf`)).statusCode,
    ).toBe(404);
  });
});

describe("audit entries", () => {
  it("name people by id only: no names, e-mails or texts in the details", async () => {
    const w = await trainingWorld(t, { participants: 3, orgs: 2, sessions: 2 });
    const c = await callers(w);
    const secret = `Geheimer Beitrag ${w.tag}`;
    await ok(
      c.participant.request("POST", `/api/training-cohorts/${w.cohort.id}/exchange/posts`, {
        body: { body: secret },
      }),
      201,
    );
    await ok(
      c.coordinator.request("POST", `/api/training-cohorts/${w.cohort.id}/participants`, {
        body: {
          name: `Audit Person ${w.tag}`,
          email: `audit.${w.tag}@example.org`,
          organisationName: `Org ${w.tag}`,
          organisationType: "other",
          role: "staff",
        },
      }),
      201,
    );
    await ok(
      c.trainer.request("PUT", `/api/training-sessions/${w.sessions[0]?.id}/attendance`, {
        body: { entries: w.people.map((p) => ({ participantId: p.participant.id, status: "late" })) },
      }),
    );
    for (const who of [c.coordinator, c.trainer, c.admin, c.participant]) {
      await who.request("GET", `/api/training-cohorts/${w.cohort.id}/participants`);
      await who.request("GET", `/api/training-cohorts/${w.cohort.id}/attendance`);
      await who.request("GET", `/api/training-cohorts/${w.cohort.id}/certificates`);
      await who.request("GET", `/api/training-cohorts/${w.cohort.id}/exchange/posts`);
    }
    const entries = await t.db.select().from(auditLog).where(sql`${auditLog.action} like 'training%'`);
    const text = JSON.stringify(entries.map((e) => e.details));
    expect(text).not.toContain(w.tag);
    for (const p of w.people) {
      expect(text).not.toContain(p.participant.email);
    }
    const actions = new Set(entries.map((e) => e.action));
    for (const action of [
      "training_participant.list",
      "training_participant.register",
      "training_attendance.save",
      "training_attendance.totals",
    ]) {
      expect(actions, action).toContain(action);
    }
    expect([...actions].some((a) => a.startsWith("training_post") || a.startsWith("training_exchange"))).toBe(
      true,
    );
    expect([...actions].some((a) => a.startsWith("training_certificate"))).toBe(true);
  });
});

describe("editing a cohort around its sessions", () => {
  it("refuses dates that leave a planned or held session outside the cohort, and writes nothing", async () => {
    const w = await trainingWorld(t, { participants: 1, orgs: 1, sessions: 4 });
    const coordinator = await t.loginAs(w.coordinator.email);
    const url = `/api/training-cohorts/${w.cohort.id}`;
    const body = {
      programmeId: w.programme.id,
      title: w.cohort.title,
      startsOn: w.cohort.startsOn,
      endsOn: day(5),
      location: w.cohort.location,
      capacity: w.cohort.capacity,
      status: w.cohort.status,
      trainerIds: [w.trainer.id],
    };
    const headers = { "if-match": `"${w.cohort.version}"` };
    // The last session is 11 days ahead: the cohort may not end before it.
    const res = await coordinator.request("PUT", url, { body, headers });
    expect(problem(res, 422).code).toBe("trainings.core_sessions_outside");
    const late = await coordinator.request("PUT", url, {
      body: { ...body, endsOn: day(30), startsOn: day(-5) },
      headers,
    });
    expect(problem(late, 422).code).toBe("trainings.core_sessions_outside");
    const [kept] = await t.db.select().from(trainingCohorts).where(eq(trainingCohorts.id, w.cohort.id));
    expect(kept).toMatchObject({
      startsOn: w.cohort.startsOn,
      endsOn: w.cohort.endsOn,
      version: w.cohort.version,
    });
    // A cancelled session does not hold the dates; the others inside are fine.
    const last = w.sessions.at(-1);
    await t.db
      .update(trainingSessions)
      .set({ status: "cancelled" })
      .where(eq(trainingSessions.id, last?.id ?? ""));
    await ok(coordinator.request("PUT", url, { body: { ...body, endsOn: day(10) }, headers }));
  });
});

describe("a public application with the address of a person who left", () => {
  it("does not link the stranger's application to that person's account", async () => {
    const w = await trainingWorld(t, { participants: 2, orgs: 1, sessions: 1 });
    await t.db
      .update(trainingCohorts)
      .set({ registrationOpen: true, status: "planned" })
      .where(eq(trainingCohorts.id, w.cohort.id));
    const left = w.people[0];
    if (!left) throw new Error("no participant");
    const coordinator = await t.loginAs(w.coordinator.email);
    await ok(
      coordinator.request(
        "POST",
        `/api/training-cohorts/${w.cohort.id}/participants/${left.participant.id}/withdraw`,
      ),
    );
    const res = await t.app.inject({
      method: "POST",
      url: `/api/training-applications/cohorts/${w.cohort.id}`,
      payload: {
        name: "Fremde Person",
        email: left.participant.email.toUpperCase(),
        organisationName: "Irgendwas",
        organisationType: "other",
        role: "staff",
        consent: true,
      },
    });
    expect(res.statusCode, res.body).toBeLessThan(300);
    const rows = await t.db
      .select()
      .from(trainingParticipants)
      .where(and(eq(trainingParticipants.cohortId, w.cohort.id), eq(trainingParticipants.status, "applied")));
    expect(rows).toEqual([]);
    // The address hears that its organisation registers it (the same receipt for the form).
    const mail = (await mailsTo(t.db, left.participant.email)).at(-1);
    expect(mail?.subject).toContain(w.cohort.title);
    expect(mail?.bodyText).toContain("Konto");
    // The account holder's earlier record (withdrawn, with its history) stays as it was.
    const [earlier] = await t.db
      .select()
      .from(trainingParticipants)
      .where(eq(trainingParticipants.id, left.participant.id));
    expect(earlier).toMatchObject({ status: "withdrawn", userId: left.user.id, name: left.participant.name });
  });
});

describe("deciding an application of a closed cohort", () => {
  it("refuses to enrol into a cancelled or completed cohort, and writes nothing", async () => {
    const w = await trainingWorld(t, { participants: 1, orgs: 1, sessions: 1 });
    const [applicant] = await t.db
      .insert(trainingParticipants)
      .values({
        cohortId: w.cohort.id,
        name: "Anna Antrag",
        email: `antrag.${w.tag}@example.org`,
        organisationName: "Verein",
        organisationType: "other",
        role: "staff",
        status: "applied",
      })
      .returning();
    const coordinator = await t.loginAs(w.coordinator.email);
    const url = `/api/training-cohorts/${w.cohort.id}/participants/${applicant?.id}/decision`;
    for (const status of ["cancelled", "completed"] as const) {
      await t.db.update(trainingCohorts).set({ status }).where(eq(trainingCohorts.id, w.cohort.id));
      const res = await coordinator.request("POST", url, { body: { decision: "approve" } });
      expect(problem(res, 422).code).toBe("trainings.core_cohort_closed");
    }
    const [row] = await t.db
      .select()
      .from(trainingParticipants)
      .where(eq(trainingParticipants.id, applicant?.id ?? ""));
    expect(row?.status).toBe("applied");
    expect(await mailsTo(t.db, `antrag.${w.tag}@example.org`)).toEqual([]);
    // Declining stays possible: the applicant hears the answer.
    await ok(coordinator.request("POST", url, { body: { decision: "decline" } }));
  });
});

describe("iCal feeds", () => {
  it("stop at revocation, for a participant who left, and cannot be revoked by others", async () => {
    const w = await trainingWorld(t, { participants: 2, orgs: 1, sessions: 2 });
    const p0 = w.people[0];
    if (!p0) throw new Error("no participant");
    const participant = await t.loginAs(p0.user.email);
    const peer = await t.loginAs(w.people[1]?.user.email ?? "");
    const otherTrainer = await t.loginAs(w.otherTrainer.email);
    const feed = await ok(
      participant.request("POST", `/api/training-cohorts/${w.cohort.id}/feeds`, {
        body: { kind: "participant" },
      }),
      201,
    );
    const path = new URL(feed.url).pathname;
    const ics = await t.app.inject({ method: "GET", url: path });
    expect(ics.statusCode).toBe(200);
    expect(ics.body).not.toContain(p0.participant.name);
    expect(ics.body).not.toContain(p0.participant.email);
    // One character changed: 404.
    const token = path.slice("/api/training-feeds/".length, -".ics".length);
    const flipped = `${token.slice(0, -1)}${token.endsWith("A") ? "B" : "A"}`;
    expect(
      (await t.app.inject({ method: "GET", url: `/api/training-feeds/${flipped}.ics` })).statusCode,
    ).toBe(404);
    // Someone else cannot revoke it, nor a trainer of another cohort.
    expect((await peer.request("DELETE", `/api/training-feeds/${feed.id}`)).statusCode).toBe(404);
    expect((await otherTrainer.request("DELETE", `/api/training-feeds/${feed.id}`)).statusCode).toBe(404);
    expect((await t.app.inject({ method: "GET", url: path })).statusCode).toBe(200);
    // Leaving the cohort ends it.
    const coordinator = await t.loginAs(w.coordinator.email);
    await ok(
      coordinator.request(
        "POST",
        `/api/training-cohorts/${w.cohort.id}/participants/${p0.participant.id}/withdraw`,
      ),
    );
    expect((await t.app.inject({ method: "GET", url: path })).statusCode).toBe(404);
    // A participant cannot make a cohort feed; revoked is 404 too.
    problem(
      await peer.request("POST", `/api/training-cohorts/${w.cohort.id}/feeds`, { body: { kind: "cohort" } }),
      403,
    );
    problem(
      await peer.request("POST", `/api/training-cohorts/${w.cohort.id}/feeds`, { body: { kind: "all" } }),
      400,
    );
    const own = await ok(
      peer.request("POST", `/api/training-cohorts/${w.cohort.id}/feeds`, { body: { kind: "participant" } }),
      201,
    );
    await ok(peer.request("DELETE", `/api/training-feeds/${own.id}`), 204);
    expect((await t.app.inject({ method: "GET", url: new URL(own.url).pathname })).statusCode).toBe(404);
  });
});

describe("versions sent with edits", () => {
  it.each([["*"], ['"99999999999999999999"'], ['"-1"'], ["1"], ['"1.5"'], ['"abc"']])(
    "answers If-Match %s with a problem, never a 500, and writes nothing",
    async (ifMatch) => {
      const w = await trainingWorld(t, { participants: 1, orgs: 1, sessions: 3 });
      const coordinator = await t.loginAs(w.coordinator.email);
      const trainer = await t.loginAs(w.trainer.email);
      const future = w.sessions.at(-1);
      const cohortRes = await coordinator.request("PUT", `/api/training-cohorts/${w.cohort.id}`, {
        body: {
          programmeId: w.programme.id,
          title: "Neu",
          startsOn: w.cohort.startsOn,
          endsOn: w.cohort.endsOn,
          location: "Ort",
          capacity: 20,
        },
        headers: { "if-match": ifMatch },
      });
      expect(cohortRes.statusCode, cohortRes.body).toBeGreaterThanOrEqual(400);
      expect(cohortRes.statusCode, cohortRes.body).toBeLessThan(500);
      const sessionRes = await trainer.request("PATCH", `/api/training-sessions/${future?.id}`, {
        body: { topic: "Neu" },
        headers: { "if-match": ifMatch },
      });
      expect(sessionRes.statusCode, sessionRes.body).toBeGreaterThanOrEqual(400);
      expect(sessionRes.statusCode, sessionRes.body).toBeLessThan(500);
      const [cohort] = await t.db.select().from(trainingCohorts).where(eq(trainingCohorts.id, w.cohort.id));
      expect(cohort?.title).toBe(w.cohort.title);
      const [session] = await t.db
        .select()
        .from(trainingSessions)
        .where(eq(trainingSessions.id, future?.id ?? ""));
      expect(session?.topic).toBe(future?.topic);
    },
  );
});

describe("odd query parameters and bodies of the other routes", () => {
  it("answer a translated 400, never a 500", async () => {
    const w = await trainingWorld(t, { participants: 2, orgs: 1, sessions: 2 });
    const coordinator = await t.loginAs(w.coordinator.email);
    const base = `/api/training-cohorts/${w.cohort.id}`;
    const cases: Array<[string, string, Record<string, string> | undefined, unknown]> = [
      ["GET", `${base}/network`, { windowDays: "0" }, undefined],
      ["GET", `${base}/network`, { windowDays: "-5" }, undefined],
      ["GET", `${base}/network`, { windowDays: "1e9" }, undefined],
      ["GET", `${base}/network`, { windowDays: "abc" }, undefined],
      ["GET", `${base}/exchange/posts`, { limit: "100000" }, undefined],
      ["GET", `${base}/exchange/posts`, { offset: "-1" }, undefined],
      ["GET", "/api/training-cohorts", { status: "exploded" }, undefined],
      ["GET", "/api/training-cohorts", { programmeId: "x" }, undefined],
      ["GET", `${base}/registrable`, { q: "x".repeat(5000) }, undefined],
      ["POST", `${base}/evaluation-links`, undefined, { phase: "during" }],
      ["POST", `${base}/evaluation-links`, undefined, { phase: "pre", locale: "fr" }],
      ["POST", `/api/training-certificates/${randomUUID()}/revoke`, undefined, { reason: "because" }],
      ["POST", `${base}/exchange/materials/links`, undefined, { title: "x", url: "http://example.org" }],
      ["POST", `${base}/exchange/materials/links`, undefined, { title: "x", url: "javascript:alert(1)" }],
      [
        "POST",
        `${base}/participants/${w.people[0]?.participant.id}/decision`,
        undefined,
        { decision: "maybe" },
      ],
    ];
    for (const [method, url, query, body] of cases) {
      const res = await coordinator.request(method as "GET", url, {
        ...(query ? { query } : {}),
        ...(body === undefined ? {} : { body }),
      });
      expect([400, 404, 422], `${method} ${url} ${JSON.stringify(query ?? body)} ${res.body}`).toContain(
        res.statusCode,
      );
      problem(res, res.statusCode);
    }
  });
});

describe("two sends of the evaluation links at once (a double click)", () => {
  it("leave one working link per participant, and two links submitted at once store one answer", async () => {
    const w = await trainingWorld(t, { participants: 3, orgs: 1, sessions: 1 });
    const trainer = await t.loginAs(w.trainer.email);
    const url = `/api/training-cohorts/${w.cohort.id}/evaluation-links`;
    const sends = await Promise.all(
      [1, 2, 3].map(() => trainer.request("POST", url, { body: { phase: "pre" } })),
    );
    for (const r of sends) expect(r.statusCode, r.body).toBe(200);
    const open = await t.db
      .select({ participantId: trainingEvaluationLinks.participantId })
      .from(trainingEvaluationLinks)
      .where(
        inArray(
          trainingEvaluationLinks.participantId,
          w.people.map((p) => p.participant.id),
        ),
      );
    expect(open).toHaveLength(w.people.length);
    // Even with two working links of one participant (written straight into the table), two
    // submissions at once store one answer and the other is told the link was used — no 500.
    const p0 = w.people[0]?.participant.id ?? "";
    const tokens = ["probe-token-one-0123456789", "probe-token-two-0123456789"];
    await t.db.insert(trainingEvaluationLinks).values(
      tokens.map((token) => ({
        participantId: p0,
        phase: "post" as const,
        locale: "de" as const,
        tokenHash: tokenHash(token),
        expiresAt: new Date(Date.now() + 86_400_000),
        createdBy: w.trainer.id,
      })),
    );
    const both = await Promise.all(tokens.map((token) => submit(token, { answers: answers(w, 4) })));
    expect(both.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    const stored = await t.db
      .select()
      .from(trainingEvaluationResponses)
      .where(
        and(eq(trainingEvaluationResponses.participantId, p0), eq(trainingEvaluationResponses.phase, "post")),
      );
    expect(stored).toHaveLength(1);
  });
});

describe("registering into a cohort whose last day has passed", () => {
  it("is closed to an admin (404, as for other closed cohorts) even while its status still says running", async () => {
    const w = await trainingWorld(t, { participants: 1, orgs: 1, sessions: 1 });
    const org = w.organisations[0];
    if (!org) throw new Error("no organisation");
    await t.db
      .update(trainingCohorts)
      .set({ startsOn: day(-60), endsOn: day(-1), registrationOpen: true, status: "running" })
      .where(eq(trainingCohorts.id, w.cohort.id));
    const member = await buildUser(t.db, { organisationId: org.org.id, role: "counsellor" });
    const admin = await t.loginAs(org.admin.email);
    const res = await admin.request("POST", `/api/training-cohorts/${w.cohort.id}/participants`, {
      body: { userId: member.id, role: "staff" },
    });
    problem(res, 404);
    problem(await admin.request("GET", `/api/training-cohorts/${w.cohort.id}/registrable`), 404);
    const rows = await t.db
      .select()
      .from(trainingParticipants)
      .where(and(eq(trainingParticipants.cohortId, w.cohort.id), eq(trainingParticipants.userId, member.id)));
    expect(rows).toEqual([]);
  });
});

describe("start pages", () => {
  it("show a trainer only their own cohorts, and nobody another person's name or e-mail", async () => {
    const w = await trainingWorld(t, { participants: 3, orgs: 2, sessions: 3 });
    const c = await callers(w);
    const home = async (who: Callers[keyof Callers]) => {
      const res = await who.request("GET", "/api/home");
      expect(res.statusCode, res.body).toBe(200);
      return res.body;
    };
    const trainerHome = await home(c.trainer);
    expect(trainerHome).toContain(w.cohort.id);
    expect(trainerHome).not.toContain(w.otherCohort.id);
    expect(trainerHome).not.toContain(w.otherCohort.title);
    const otherHome = await home(c.otherTrainer);
    expect(otherHome).not.toContain(w.cohort.id);
    expect(otherHome).not.toContain(w.cohort.title);
    for (const who of [
      c.trainer,
      c.otherTrainer,
      c.admin,
      c.participant,
      c.outsiderAdmin,
      c.company,
      c.volunteer,
    ]) {
      const body = await home(who);
      for (const p of w.people) {
        expect(body).not.toContain(p.participant.email);
      }
      expect(body).not.toContain(w.otherUser.email);
    }
    for (const who of [c.outsiderAdmin, c.company, c.volunteer, c.otherParticipant]) {
      expect(await home(who)).not.toContain(w.cohort.id);
    }
  });
});

describe("shared files", () => {
  it("refuse bytes that are not their type, keep a page from being served as HTML, and stay in their cohort", async () => {
    const w = await trainingWorld(t, { participants: 1, orgs: 1, sessions: 1 });
    const other = await trainingWorld(t, { participants: 1, orgs: 1, sessions: 1 });
    const participant = await t.loginAs(w.people[0]?.user.email ?? "");
    const url = `/api/training-cohorts/${w.cohort.id}/exchange/materials/files`;
    const upload = (type: string, body: Buffer, name: string) =>
      participant.request("POST", url, {
        body,
        headers: { "content-type": type, "x-file-name": encodeURIComponent(name) },
      });
    const png = Buffer.from("89504e470d0a1a0a0000000d49484452", "hex");
    problem(await upload("application/pdf", png, "bild.pdf"), 415);
    problem(await upload("text/html", Buffer.from("<script>alert(1)</script>"), "x.html"), 415);
    problem(await upload("image/svg+xml", Buffer.from("<svg onload='alert(1)'/>"), "x.svg"), 415);
    const page = Buffer.from("<html><script>alert(document.cookie)</script></html>");
    const res = await upload("text/plain", page, "../../seite.html");
    if (res.statusCode === 201) {
      const material = JSON.parse(res.body);
      expect(material.fileName).not.toContain("/");
      expect(material.fileName).not.toMatch(/\.html?$/);
      const download = await participant.request(
        "GET",
        `/api/training-cohorts/${w.cohort.id}/exchange/materials/${material.id}/content`,
      );
      expect(download.statusCode).toBe(200);
      expect(String(download.headers["content-type"])).not.toContain("html");
      expect(String(download.headers["content-disposition"])).toContain("attachment");
      expect(download.headers["x-content-type-options"]).toBe("nosniff");
      // Not through another cohort's path.
      const otherTrainer = await t.loginAs(other.trainer.email);
      expect(
        (
          await otherTrainer.request(
            "GET",
            `/api/training-cohorts/${other.cohort.id}/exchange/materials/${material.id}/content`,
          )
        ).statusCode,
      ).toBe(404);
    } else {
      problem(res, 415);
    }
  });
});

describe("editing and cancelling sessions", () => {
  it("refuses moves outside the cohort, foreign goals and a second cancel; nothing written, no mail", async () => {
    const w = await trainingWorld(t, { participants: 2, orgs: 1, sessions: 4 });
    const other = await trainingWorld(t, { participants: 1, orgs: 1, sessions: 1 });
    const trainer = await t.loginAs(w.trainer.email);
    const future = w.sessions.at(-1);
    if (!future) throw new Error("no session");
    const url = `/api/training-sessions/${future.id}`;
    const headers = { "if-match": `"${future.version}"` };
    for (const body of [
      { startsAt: `${day(45)}T09:00:00.000Z`, endsAt: `${day(45)}T10:00:00.000Z` },
      { startsAt: `${day(-20)}T09:00:00.000Z`, endsAt: `${day(-20)}T10:00:00.000Z` },
      { endsAt: future.startsAt.toISOString() },
      { goalIds: [other.goals[0]?.id] },
      { topic: "" },
      { place: "p".repeat(10_000) },
    ]) {
      const res = await trainer.request("PATCH", url, { body, headers });
      expect([400, 422], `${JSON.stringify(body).slice(0, 80)} ${res.body}`).toContain(res.statusCode);
      problem(res, res.statusCode);
    }
    const [kept] = await t.db.select().from(trainingSessions).where(eq(trainingSessions.id, future.id));
    expect(kept).toMatchObject({
      startsAt: future.startsAt,
      version: future.version,
      sequence: future.sequence,
    });
    const mails = await Promise.all(w.people.map((p) => mailsTo(t.db, p.participant.email)));
    expect(mails.flat()).toEqual([]);
    await ok(trainer.request("POST", `${url}/cancel`, { body: {}, headers }));
    const again = await trainer.request("POST", `${url}/cancel`, {
      body: {},
      headers: { "if-match": `"${future.version + 1}"` },
    });
    expect(problem(again, 422).code).toBe("trainings.sessions.cancelled");
    // The other cohort's trainer cannot touch it.
    const otherTrainer = await t.loginAs(other.trainer.email);
    expect((await otherTrainer.request("PATCH", url, { body: { topic: "x" }, headers })).statusCode).toBe(
      404,
    );
  });
});
