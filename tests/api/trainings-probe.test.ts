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

const problem = (res: { statusCode: number; body: string; headers: Record<string, unknown> }, status: number) => {
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
    expect(totals.rows.map((r: { participantId: string }) => r.participantId).sort()).toEqual(adminOwn.sort());
    const own = await ok(c.participant.request("GET", `/api/training-cohorts/${w.cohort.id}/attendance`));
    expect(own.rows.map((r: { participantId: string }) => r.participantId)).toEqual([w.people[0]?.participant.id]);
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
    const before = await t.db.select().from(trainingSessions).where(eq(trainingSessions.cohortId, w.cohort.id));
    const writes: Array<[string, string, unknown]> = [
      ["POST", `/api/training-cohorts/${w.cohort.id}/sessions`, {
        startsAt: `${day(2)}T09:00:00.000Z`, endsAt: `${day(2)}T10:00:00.000Z`, topic: "X", goalIds: [],
      }],
      ["PUT", `/api/training-sessions/${s0}/attendance`, { entries: [{ participantId: p0, status: "absent" }] }],
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
    const after = await t.db.select().from(trainingSessions).where(eq(trainingSessions.cohortId, w.cohort.id));
    expect(after).toEqual(before);
    expect(await t.db.select().from(trainingAttendance).where(eq(trainingAttendance.sessionId, s0 ?? ""))).toEqual(
      [],
    );
    // Withdrawing someone else: a trainer 403, another cohort's member 404, an outsider admin 404.
    const withdraw = `/api/training-cohorts/${w.cohort.id}/participants/${p0}/withdraw`;
    expect((await c.trainer.request("POST", withdraw)).statusCode).toBe(403);
    expect((await c.otherParticipant.request("POST", withdraw)).statusCode).toBe(404);
    expect((await c.outsiderAdmin.request("POST", withdraw)).statusCode).toBe(404);
    // A participant id of another cohort under this cohort's path is not found.
    const cross = `/api/training-cohorts/${w.cohort.id}/participants/${w.otherParticipant?.id}/withdraw`;
    expect((await c.coordinator.request("POST", cross)).statusCode).toBe(404);
    const [still] = await t.db.select().from(trainingParticipants).where(eq(trainingParticipants.id, p0 ?? ""));
    expect(still?.status).toBe("enrolled");
  });
});
