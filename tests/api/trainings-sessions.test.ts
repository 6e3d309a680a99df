import { and, eq, inArray } from "drizzle-orm";
import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import {
  auditLog,
  outbox,
  trainingAttendance,
  trainingCohortTrainers,
  trainingParticipants,
  trainingSessions,
  users,
} from "../../src/server/db/schema.ts";
import { createTestApp } from "../helpers/app.ts";
import { day, ok, trainingWorld } from "./trainings-setup.ts";

const t = await createTestApp();

const at = (d: string, time: string) => new Date(`${d}T${time}:00Z`).toISOString();

function parseFeed(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  return calendar.getAllSubcomponents("vevent").map((v) => {
    const event = new ICAL.Event(v);
    return {
      uid: event.uid,
      start: event.startDate.toJSDate().toISOString(),
      end: event.endDate.toJSDate().toISOString(),
      sequence: event.sequence,
      status: String(v.getFirstPropertyValue("status")),
      summary: event.summary,
    };
  });
}

describe("sessions of a cohort", () => {
  it("those who teach add a session inside the cohort's dates with the programme's goals", async () => {
    const w = await trainingWorld(t);
    const trainer = await t.loginAs(w.trainer.email);
    const body = {
      startsAt: at(day(3), "08:00"),
      endsAt: at(day(3), "11:30"),
      topic: "Interkulturelle Öffnung",
      goalIds: [w.goals[2]?.id],
      place: "Raum 4",
    };
    const created = await ok(
      trainer.request("POST", `/api/training-cohorts/${w.cohort.id}/sessions`, { body }),
      201,
    );
    expect(created).toMatchObject({ topic: body.topic, status: "planned", sequence: 0, place: "Raum 4" });
    const list = await ok(trainer.request("GET", `/api/training-cohorts/${w.cohort.id}/sessions`));
    expect(list.items).toHaveLength(w.sessions.length + 1);
    const [entry] = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "training_session.create"), eq(auditLog.entityId, created.id)));
    expect(entry?.details).toEqual({ cohortId: w.cohort.id });

    // The coordinator may too; a participant reads the list but may not add.
    const coordinator = await t.loginAs(w.coordinator.email);
    await ok(coordinator.request("POST", `/api/training-cohorts/${w.cohort.id}/sessions`, { body }), 201);
    const participant = await t.loginAs(w.people[0]?.user.email ?? "");
    await ok(participant.request("GET", `/api/training-cohorts/${w.cohort.id}/sessions`));
    await ok(participant.request("POST", `/api/training-cohorts/${w.cohort.id}/sessions`, { body }), 403);
  });

  it("refuses a session outside the dates, reversed times and foreign goals, writing nothing", async () => {
    const w = await trainingWorld(t);
    const trainer = await t.loginAs(w.trainer.email);
    const base = { startsAt: at(day(3), "08:00"), endsAt: at(day(3), "11:00"), topic: "Modul X" };
    const url = `/api/training-cohorts/${w.cohort.id}/sessions`;
    const outside = await ok(
      trainer.request("POST", url, {
        body: { ...base, startsAt: at(day(40), "08:00"), endsAt: at(day(40), "10:00") },
        headers: { "accept-language": "en" },
      }),
      422,
    );
    expect(outside.code).toBe("trainings.sessions.outside_cohort");
    expect(outside.errors[0]).toMatchObject({
      field: "body.startsAt",
      message: "The session lies outside the cohort's dates.",
    });
    const before = await ok(
      trainer.request("POST", url, {
        body: { ...base, startsAt: at(day(-11), "08:00"), endsAt: at(day(-11), "10:00") },
      }),
      422,
    );
    expect(before.code).toBe("trainings.sessions.outside_cohort");
    const reversed = await ok(
      trainer.request("POST", url, { body: { ...base, endsAt: at(day(3), "07:00") } }),
      400,
    );
    expect(reversed.errors[0].code).toBe("trainings.sessions.ends_before_start");
    const other = await trainingWorld(t);
    const foreign = await ok(
      trainer.request("POST", url, { body: { ...base, goalIds: [other.goals[0]?.id] } }),
      422,
    );
    expect(foreign.code).toBe("trainings.sessions.goal_foreign");
    const rows = await t.db.select().from(trainingSessions).where(eq(trainingSessions.cohortId, w.cohort.id));
    expect(rows).toHaveLength(w.sessions.length);

    // Another trainer's cohort does not exist for this trainer.
    await ok(trainer.request("GET", `/api/training-cohorts/${w.otherCohort.id}/sessions`), 404);
    await ok(
      trainer.request("POST", `/api/training-cohorts/${w.otherCohort.id}/sessions`, { body: base }),
      404,
    );
  });

  it("a move bumps the sequence and mails the participants; a cancel keeps the session", async () => {
    const w = await trainingWorld(t, { participants: 4, sessions: 4 });
    const trainer = await t.loginAs(w.trainer.email);
    const future = w.sessions.find((s) => s.startsAt > new Date());
    if (!future) throw new Error("no future session");
    const url = `/api/training-sessions/${future.id}`;
    await ok(trainer.request("PATCH", url, { body: { topic: "Neu" } }), 428);
    await ok(trainer.request("PATCH", url, { body: { topic: "Neu" }, headers: { "if-match": '"99"' } }), 412);
    const moved = await ok(
      trainer.request("PATCH", url, {
        body: { startsAt: at(day(5), "13:00"), endsAt: at(day(5), "16:00") },
        headers: { "if-match": `"${future.version}"` },
      }),
    );
    expect(moved).toMatchObject({ sequence: 1, startsAt: at(day(5), "13:00") });
    const mails = await t.db
      .select()
      .from(outbox)
      .where(
        and(
          eq(outbox.template, "training_session_changed"),
          inArray(
            outbox.toAddress,
            w.people.map((p) => p.user.email),
          ),
        ),
      );
    expect(mails).toHaveLength(4);
    expect(mails[0]?.bodyText).toContain(day(5));
    // Outside the dates: refused, nothing changed.
    await ok(
      trainer.request("PATCH", url, {
        body: { startsAt: at(day(60), "13:00"), endsAt: at(day(60), "16:00") },
        headers: { "if-match": `"${moved.version}"` },
      }),
      422,
    );
    const cancelled = await ok(
      trainer.request("POST", `${url}/cancel`, {
        body: { note: "Krankheit" },
        headers: { "if-match": `"${moved.version}"` },
      }),
    );
    expect(cancelled).toMatchObject({ status: "cancelled", sequence: 2 });
    const [row] = await t.db.select().from(trainingSessions).where(eq(trainingSessions.id, future.id));
    expect(row?.status).toBe("cancelled");
    const all = await t.db
      .select()
      .from(outbox)
      .where(
        inArray(
          outbox.toAddress,
          w.people.map((p) => p.user.email),
        ),
      );
    expect(all.filter((m) => m.subject.includes("abgesagt"))).toHaveLength(4);
    const again = await ok(
      trainer.request("POST", `${url}/cancel`, {
        body: {},
        headers: { "if-match": `"${cancelled.version}"` },
      }),
      422,
    );
    expect(again.code).toBe("trainings.sessions.cancelled");
  });
});

describe("iCal feeds", () => {
  it("the cohort feed holds every session in UTC, takes over a move, and says a cancel", async () => {
    const w = await trainingWorld(t, { sessions: 5 });
    const trainer = await t.loginAs(w.trainer.email);
    const feed = await ok(
      trainer.request("POST", `/api/training-cohorts/${w.cohort.id}/feeds`, { body: { kind: "cohort" } }),
      201,
    );
    expect(feed.url).toMatch(/^http:\/\/lotse\.test\/api\/training-feeds\/[A-Za-z0-9_-]{43}\.ics$/);
    const path = new URL(feed.url).pathname;
    const first = await t.app.inject({ method: "GET", url: path });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.headers["content-type"]).toContain("text/calendar");
    expect(first.body).not.toContain("TZID");
    const events = parseFeed(first.body);
    expect(events).toHaveLength(5);
    for (const s of w.sessions) {
      const e = events.find((x) => x.uid.includes(s.id));
      expect(e, s.id).toMatchObject({
        start: s.startsAt.toISOString(),
        end: s.endsAt.toISOString(),
        sequence: 0,
        status: "CONFIRMED",
      });
    }

    const future = w.sessions.filter((s) => s.startsAt > new Date());
    const [move, cancel] = future;
    if (!move || !cancel) throw new Error("not enough future sessions");
    await ok(
      trainer.request("PATCH", `/api/training-sessions/${move.id}`, {
        body: { startsAt: at(day(4), "07:30"), endsAt: at(day(4), "10:00") },
        headers: { "if-match": `"${move.version}"` },
      }),
    );
    await ok(
      trainer.request("POST", `/api/training-sessions/${cancel.id}/cancel`, {
        body: {},
        headers: { "if-match": `"${cancel.version}"` },
      }),
    );
    const after = parseFeed((await t.app.inject({ method: "GET", url: path })).body);
    expect(after).toHaveLength(5);
    expect(after.find((e) => e.uid.includes(move.id))).toMatchObject({
      start: at(day(4), "07:30"),
      end: at(day(4), "10:00"),
      sequence: 1,
    });
    expect(after.find((e) => e.uid.includes(cancel.id))).toMatchObject({ status: "CANCELLED", sequence: 1 });

    // Revoked: 404. A new address revokes the old one.
    const renewed = await ok(
      trainer.request("POST", `/api/training-cohorts/${w.cohort.id}/feeds`, { body: { kind: "cohort" } }),
      201,
    );
    expect((await t.app.inject({ method: "GET", url: path })).statusCode).toBe(404);
    const renewedPath = new URL(renewed.url).pathname;
    expect((await t.app.inject({ method: "GET", url: renewedPath })).statusCode).toBe(200);
    await ok(trainer.request("DELETE", `/api/training-feeds/${renewed.id}`), 204);
    expect((await t.app.inject({ method: "GET", url: renewedPath })).statusCode).toBe(404);
    expect(
      (await t.app.inject({ method: "GET", url: "/api/training-feeds/unknownunknownunknown.ics" }))
        .statusCode,
    ).toBe(404);
  });

  it("a participant has a personal feed; nobody else may revoke it; non-participants get none", async () => {
    const w = await trainingWorld(t);
    const p = w.people[0];
    const q = w.people[1];
    if (!p || !q) throw new Error("no people");
    const participant = await t.loginAs(p.user.email);
    await ok(
      participant.request("POST", `/api/training-cohorts/${w.cohort.id}/feeds`, { body: { kind: "cohort" } }),
      403,
    );
    const feed = await ok(
      participant.request("POST", `/api/training-cohorts/${w.cohort.id}/feeds`, {
        body: { kind: "participant" },
      }),
      201,
    );
    expect(feed).toMatchObject({ kind: "participant", participantId: p.participant.id });
    const events = parseFeed((await t.app.inject({ method: "GET", url: new URL(feed.url).pathname })).body);
    expect(events).toHaveLength(w.sessions.length);
    const listed = await ok(participant.request("GET", `/api/training-cohorts/${w.cohort.id}/feeds`));
    expect(listed.items.map((f: { id: string }) => f.id)).toEqual([feed.id]);

    const other = await t.loginAs(q.user.email);
    await ok(other.request("DELETE", `/api/training-feeds/${feed.id}`), 404);
    const trainer = await t.loginAs(w.trainer.email);
    const none = await ok(
      trainer.request("POST", `/api/training-cohorts/${w.cohort.id}/feeds`, {
        body: { kind: "participant" },
      }),
      422,
    );
    expect(none.code).toBe("trainings.sessions.feed_not_participant");
    const outsider = await t.loginAs(w.outsiderAdmin.email);
    await ok(outsider.request("GET", `/api/training-cohorts/${w.cohort.id}/feeds`), 404);

    const mine = await ok(participant.request("GET", "/api/trainings/mine"));
    expect(mine.items).toHaveLength(1);
    expect(mine.items[0]).toMatchObject({
      participantId: p.participant.id,
      feed: { id: feed.id },
      cohort: { id: w.cohort.id, enrolled: w.people.length },
      certificates: [],
    });
  });
});

describe("attendance", () => {
  it("is saved per session at once; a person not in the cohort refuses all of it", async () => {
    const w = await trainingWorld(t, { participants: 6, orgs: 3, sessions: 4 });
    const trainer = await t.loginAs(w.trainer.email);
    const [past] = w.sessions;
    if (!past) throw new Error("no session");
    const url = `/api/training-sessions/${past.id}/attendance`;
    const statuses = ["present", "late", "excused", "absent", "present", "present"] as const;
    const entries = w.people.map((p, i) => ({ participantId: p.participant.id, status: statuses[i] }));

    const refused = await ok(
      trainer.request("PUT", url, {
        body: { entries: [...entries, { participantId: w.otherParticipant?.id, status: "present" }] },
      }),
      422,
    );
    expect(refused.code).toBe("trainings.sessions.attendance_not_participant");
    expect(refused.errors.map((e: { field: string }) => e.field)).toEqual(["body.entries.6.participantId"]);
    expect(
      await t.db.select().from(trainingAttendance).where(eq(trainingAttendance.sessionId, past.id)),
    ).toEqual([]);

    const saved = await ok(trainer.request("PUT", url, { body: { entries } }));
    expect(saved.rows).toHaveLength(6);
    expect(saved.session.recorded).toBe(6);
    const [audited] = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "training_attendance.save"), eq(auditLog.entityId, past.id)));
    expect(audited?.details).toEqual({
      cohortId: w.cohort.id,
      participantIds: entries.map((e) => e.participantId),
    });
    expect(JSON.stringify(audited)).not.toContain(w.people[0]?.user.name);

    // A correction overwrites one entry.
    const [first] = entries;
    if (!first) throw new Error("no entry");
    await ok(trainer.request("PUT", url, { body: { entries: [{ ...first, status: "absent" }] } }));
    const rows = await t.db
      .select()
      .from(trainingAttendance)
      .where(eq(trainingAttendance.sessionId, past.id));
    expect(rows).toHaveLength(6);
    expect(rows.find((r) => r.participantId === first.participantId)?.status).toBe("absent");

    // A future session, a duplicate, another trainer, a participant: refused.
    const future = w.sessions.find((s) => s.startsAt > new Date(Date.now() + 86_400_000 * 2));
    if (!future) throw new Error("no future session");
    const early = await ok(
      trainer.request("PUT", `/api/training-sessions/${future.id}/attendance`, { body: { entries } }),
      422,
    );
    expect(early.code).toBe("trainings.sessions.attendance_future");
    await ok(trainer.request("PUT", url, { body: { entries: [first, first] } }), 400);
    const otherTrainer = await t.loginAs(w.otherTrainer.email);
    await ok(otherTrainer.request("PUT", url, { body: { entries } }), 404);
    await ok(otherTrainer.request("GET", url), 404);
    const participant = await t.loginAs(w.people[1]?.user.email ?? "");
    await ok(participant.request("PUT", url, { body: { entries } }), 403);
  });

  it("shows a participant only their own line, an admin only their organisation's", async () => {
    const w = await trainingWorld(t, { participants: 6, orgs: 3, sessions: 3 });
    const trainer = await t.loginAs(w.trainer.email);
    const [past] = w.sessions;
    if (!past) throw new Error("no session");
    const url = `/api/training-sessions/${past.id}/attendance`;
    await ok(
      trainer.request("PUT", url, {
        body: { entries: w.people.map((p) => ({ participantId: p.participant.id, status: "present" })) },
      }),
    );
    const p = w.people[0];
    if (!p) throw new Error("no person");
    const participant = await t.loginAs(p.user.email);
    const own = await ok(participant.request("GET", url));
    expect(own.rows.map((r: { participantId: string }) => r.participantId)).toEqual([p.participant.id]);
    const ownTotals = await ok(participant.request("GET", `/api/training-cohorts/${w.cohort.id}/attendance`));
    expect(ownTotals.rows.map((r: { participantId: string }) => r.participantId)).toEqual([p.participant.id]);
    const sessions = await ok(participant.request("GET", `/api/training-cohorts/${w.cohort.id}/sessions`));
    expect(sessions.items.find((s: { id: string }) => s.id === past.id).recorded).toBe(1);

    const o = w.organisations[1];
    if (!o) throw new Error("no organisation");
    const admin = await t.loginAs(o.admin.email);
    const theirs = w.people.filter((x) => x.organisation.org.id === o.org.id).map((x) => x.participant.id);
    const seen = await ok(admin.request("GET", url));
    expect(seen.rows.map((r: { participantId: string }) => r.participantId).sort()).toEqual(
      [...theirs].sort(),
    );
    const totals = await ok(admin.request("GET", `/api/training-cohorts/${w.cohort.id}/attendance`));
    expect(totals.rows).toHaveLength(theirs.length);

    const outsider = await t.loginAs(w.outsiderAdmin.email);
    await ok(outsider.request("GET", url), 404);
    await ok(outsider.request("GET", `/api/training-cohorts/${w.cohort.id}/attendance`), 404);
    const otherTrainer = await t.loginAs(w.otherTrainer.email);
    await ok(otherTrainer.request("GET", `/api/training-cohorts/${w.cohort.id}/attendance`), 404);
  });
});

describe("edges", () => {
  it("mails in the participant's language; a withdrawn participant's feed ends; bad ids answer 400/404", async () => {
    const w = await trainingWorld(t, { participants: 2, orgs: 1, sessions: 4 });
    const [p, q] = w.people;
    if (!p || !q) throw new Error("no people");
    await t.db.update(users).set({ locale: "ar" }).where(eq(users.id, q.user.id));
    const participant = await t.loginAs(p.user.email);
    const feed = await ok(
      participant.request("POST", `/api/training-cohorts/${w.cohort.id}/feeds`, {
        body: { kind: "participant" },
      }),
      201,
    );
    const trainer = await t.loginAs(w.trainer.email);
    const future = w.sessions.find((s) => s.startsAt > new Date());
    if (!future) throw new Error("no future session");
    await ok(
      trainer.request("POST", `/api/training-sessions/${future.id}/cancel`, {
        body: {},
        headers: { "if-match": `"${future.version}"` },
      }),
    );
    const [arabic] = await t.db.select().from(outbox).where(eq(outbox.toAddress, q.user.email));
    expect(arabic?.subject).toContain("إلغاء موعد");
    const [german] = await t.db.select().from(outbox).where(eq(outbox.toAddress, p.user.email));
    expect(german?.subject).toContain("Termin abgesagt");

    const path = new URL(feed.url).pathname;
    expect((await t.app.inject({ method: "GET", url: path })).statusCode).toBe(200);
    await t.db
      .update(trainingParticipants)
      .set({ status: "withdrawn" })
      .where(eq(trainingParticipants.id, p.participant.id));
    expect((await t.app.inject({ method: "GET", url: path })).statusCode).toBe(404);
    expect((await t.app.inject({ method: "GET", url: "/api/training-feeds/a%20b.ics" })).statusCode).toBe(
      400,
    );

    // A cohort feed ends when its maker no longer teaches the cohort.
    const cohortFeed = await ok(
      trainer.request("POST", `/api/training-cohorts/${w.cohort.id}/feeds`, { body: { kind: "cohort" } }),
      201,
    );
    const cohortPath = new URL(cohortFeed.url).pathname;
    expect((await t.app.inject({ method: "GET", url: cohortPath })).statusCode).toBe(200);
    await t.db.delete(trainingCohortTrainers).where(eq(trainingCohortTrainers.cohortId, w.cohort.id));
    expect((await t.app.inject({ method: "GET", url: cohortPath })).statusCode).toBe(404);

    await ok(trainer.request("GET", "/api/training-sessions/not-a-uuid/attendance"), 400);
    await ok(trainer.request("GET", `/api/training-sessions/${w.cohort.id}/attendance`), 404);
    await ok(trainer.request("DELETE", `/api/training-feeds/${w.cohort.id}`), 404);
    await ok(
      trainer.request("PUT", `/api/training-sessions/${future.id}/attendance`, {
        body: { entries: [{ participantId: q.participant.id, status: "maybe" }] },
      }),
      400,
    );
  });
});
