import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import {
  auditLog,
  trainingAttendance,
  trainingCertificates,
  trainingCohorts,
} from "../../src/server/db/schema.ts";
import { createTestApp } from "../helpers/app.ts";
import { mailsTo } from "../helpers/mail.ts";
import { ok, trainingWorld } from "./trainings-setup.ts";

const t = await createTestApp();

/**
 * A world of 6 participants in 3 organisations, 2 of 4 sessions held, rule 75 %: the first four
 * attended both (one of them late once), the fifth one of two (50 %), the sixth has no entries.
 */
async function world() {
  const w = await trainingWorld(t, { participants: 6, orgs: 3, sessions: 4, goals: 3 });
  const held = w.sessions.filter((s) => s.status === "held");
  expect(held).toHaveLength(2);
  const rows = [];
  for (const [i, p] of w.people.entries()) {
    for (const [k, s] of held.entries()) {
      if (i < 4)
        rows.push({
          sessionId: s.id,
          participantId: p.participant.id,
          status: i === 3 && k === 0 ? "late" : "present",
        });
      if (i === 4)
        rows.push({
          sessionId: s.id,
          participantId: p.participant.id,
          status: k === 0 ? "present" : "absent",
        });
    }
  }
  await t.db.insert(trainingAttendance).values(rows as (typeof trainingAttendance.$inferInsert)[]);
  const coordinator = await t.loginAs(w.coordinator.email);
  const url = `/api/training-cohorts/${w.cohort.id}/certificates`;
  return { ...w, coordinator, url };
}

describe("issuing certificates for a cohort", () => {
  it("issues to everyone at or above the rule, reports those below and skips current holders", async () => {
    const w = await world();
    const first = await ok(w.coordinator.request("POST", w.url));
    const ids = w.people.map((p) => p.participant.id);
    expect(first.issued.map((i: { participantId: string }) => i.participantId).sort()).toEqual(
      ids.slice(0, 4).sort(),
    );
    expect(first.skipped).toEqual([]);
    expect(first.below).toEqual(
      expect.arrayContaining([
        { participantId: ids[4], name: w.people[4]?.participant.name, percent: 50 },
        { participantId: ids[5], name: w.people[5]?.participant.name, percent: 0 },
      ]),
    );
    expect(first.below).toHaveLength(2);

    // Content frozen, codes random, long and typable.
    const stored = await t.db
      .select()
      .from(trainingCertificates)
      .where(eq(trainingCertificates.cohortId, w.cohort.id));
    expect(stored).toHaveLength(4);
    for (const c of stored) expect(c.code).toMatch(/^[2-9A-HJ-NP-Z]{20}$/);
    expect(new Set(stored.map((c) => c.code)).size).toBe(4);
    const late = stored.find((c) => c.participantId === ids[3]);
    expect(late?.content).toMatchObject({
      participantName: w.people[3]?.participant.name,
      programmeTitle: w.programme.title,
      cohortTitle: w.cohort.title,
      startsOn: w.cohort.startsOn,
      endsOn: w.cohort.endsOn,
      sessionsAttended: 2,
      sessionsHeld: 2,
      hoursAttended: 6,
      hoursHeld: 6,
      issuerName: w.coordination.name,
    });
    expect(late?.content.goals.map((g) => g.de)).toEqual(["Lernziel 1", "Lernziel 2", "Lernziel 3"]);

    // One mail to each holder, with the verification link; none to those below.
    const mails = await mailsTo(t.db, w.people[0]?.user.email ?? "");
    const code = stored.find((c) => c.participantId === ids[0])?.code;
    expect(mails.filter((m) => m.template === "training_certificate")).toHaveLength(1);
    expect(mails[0]?.bodyText).toContain(`http://lotse.test/verify/${code}`);
    expect(await mailsTo(t.db, w.people[4]?.user.email ?? "")).toHaveLength(0);

    // Again: nobody gets a second one.
    const again = await ok(w.coordinator.request("POST", w.url));
    expect(again.issued).toEqual([]);
    expect(again.skipped).toHaveLength(4);
    expect(again.below).toHaveLength(2);
    expect(
      await t.db.select().from(trainingCertificates).where(eq(trainingCertificates.cohortId, w.cohort.id)),
    ).toHaveLength(4);

    // Audited with ids only.
    const entries = await t.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, "training_certificate.issue"));
    const mine = entries.filter((e) => stored.some((c) => c.id === e.entityId));
    expect(mine).toHaveLength(4);
    expect(JSON.stringify(mine)).not.toContain(w.people[0]?.participant.name);
  });

  it("two requests issuing at once issue each certificate once", async () => {
    const w = await world();
    const [a, b] = await Promise.all([
      ok(w.coordinator.request("POST", w.url)),
      ok(w.coordinator.request("POST", w.url)),
    ]);
    expect(a.issued.length + b.issued.length).toBe(4);
    expect(a.issued.length + a.skipped.length).toBe(4);
    expect(b.issued.length + b.skipped.length).toBe(4);
    const rows = await t.db
      .select()
      .from(trainingCertificates)
      .where(eq(trainingCertificates.cohortId, w.cohort.id));
    expect(rows).toHaveLength(4);
  });

  it("issues for a cohort still marked planned once its first day has passed", async () => {
    const w = await world();
    await t.db.update(trainingCohorts).set({ status: "planned" }).where(eq(trainingCohorts.id, w.cohort.id));
    const res = await w.coordinator.request("POST", w.url);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().issued.length).toBeGreaterThan(0);
  });

  it("refuses a cohort that has not begun, writing nothing", async () => {
    const w = await world();
    const later = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    await t.db
      .update(trainingCohorts)
      .set({ status: "planned", startsOn: later, endsOn: later })
      .where(eq(trainingCohorts.id, w.cohort.id));
    const res = await w.coordinator.request("POST", w.url, { headers: { "accept-language": "en" } });
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe("trainings.certificates_not_issuable");
    expect(res.json().title ?? res.json().detail).toMatch(/not begun/);
    expect(
      await t.db.select().from(trainingCertificates).where(eq(trainingCertificates.cohortId, w.cohort.id)),
    ).toEqual([]);
  });
});

describe("who sees and does what", () => {
  it("a trainer sees the cohort's rows but cannot issue or revoke; another trainer gets 404", async () => {
    const w = await world();
    const trainer = await t.loginAs(w.trainer.email);
    expect((await trainer.request("POST", w.url)).statusCode).toBe(403);
    const list = await ok(trainer.request("GET", w.url));
    expect(list.canIssue).toBe(false);
    expect(list.canDownloadAll).toBe(true);
    expect(list.rows).toHaveLength(6);
    expect(list.minAttendancePercent).toBe(75);
    const byId = new Map(list.rows.map((r: { participantId: string }) => [r.participantId, r]));
    expect(byId.get(w.people[4]?.participant.id ?? "")).toMatchObject({
      eligible: false,
      percent: 50,
      current: null,
    });
    expect(byId.get(w.people[0]?.participant.id ?? "")).toMatchObject({ eligible: true, percent: 100 });

    await ok(w.coordinator.request("POST", w.url));
    const [c] = await t.db
      .select()
      .from(trainingCertificates)
      .where(eq(trainingCertificates.cohortId, w.cohort.id));
    const revoke = await trainer.request("POST", `/api/training-certificates/${c?.id}/revoke`, {
      body: { reason: "other" },
    });
    expect(revoke.statusCode).toBe(403);
    expect((await trainer.request("GET", `${w.url}/pdf`)).statusCode).toBe(200);

    const other = await t.loginAs(w.otherTrainer.email);
    expect((await other.request("GET", w.url)).statusCode).toBe(404);
    expect((await other.request("GET", `/api/training-certificates/${c?.id}/pdf`)).statusCode).toBe(404);
    expect((await other.request("GET", `${w.url}/pdf`)).statusCode).toBe(404);
  });

  it("an admin sees their own organisation's participants only; an outsider admin nothing", async () => {
    const w = await world();
    await ok(w.coordinator.request("POST", w.url));
    const org0 = w.organisations[0];
    const admin = await t.loginAs(org0?.admin.email ?? "");
    const list = await ok(admin.request("GET", w.url));
    const own = w.people.filter((p) => p.organisation.org.id === org0?.org.id).map((p) => p.participant.id);
    expect(list.rows.map((r: { participantId: string }) => r.participantId).sort()).toEqual(own.sort());
    expect(list.canIssue).toBe(false);
    expect(list.canDownloadAll).toBe(false);
    expect((await admin.request("GET", `${w.url}/pdf`)).statusCode).toBe(403);
    expect((await admin.request("POST", w.url)).statusCode).toBe(403);

    const stored = await t.db
      .select()
      .from(trainingCertificates)
      .where(eq(trainingCertificates.cohortId, w.cohort.id));
    const ownCert = stored.find((c) => own.includes(c.participantId));
    const foreign = stored.find((c) => !own.includes(c.participantId));
    expect((await admin.request("GET", `/api/training-certificates/${ownCert?.id}/pdf`)).statusCode).toBe(
      200,
    );
    expect((await admin.request("GET", `/api/training-certificates/${foreign?.id}/pdf`)).statusCode).toBe(
      404,
    );

    const outsider = await t.loginAs(w.outsiderAdmin.email);
    expect((await outsider.request("GET", w.url)).statusCode).toBe(404);
    expect((await outsider.request("GET", `/api/training-certificates/${ownCert?.id}/pdf`)).statusCode).toBe(
      404,
    );
  });

  it("a participant sees and downloads their own certificate only; another cohort is 404", async () => {
    const w = await world();
    await ok(w.coordinator.request("POST", w.url));
    const me = w.people[1];
    const agent = await t.loginAs(me?.user.email ?? "");
    const list = await ok(agent.request("GET", w.url));
    expect(list.rows).toHaveLength(1);
    expect(list.rows[0].participantId).toBe(me?.participant.id);
    const mine = list.rows[0].current;
    expect(mine.code).toMatch(/^[2-9A-HJ-NP-Z]{20}$/);
    const pdf = await agent.request("GET", `/api/training-certificates/${mine.id}/pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers["content-type"]).toBe("application/pdf");
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe("%PDF-");

    const stored = await t.db
      .select()
      .from(trainingCertificates)
      .where(eq(trainingCertificates.cohortId, w.cohort.id));
    const someoneElse = stored.find((c) => c.participantId !== me?.participant.id);
    expect((await agent.request("GET", `/api/training-certificates/${someoneElse?.id}/pdf`)).statusCode).toBe(
      404,
    );
    expect(
      (await agent.request("GET", `/api/training-cohorts/${w.otherCohort.id}/certificates`)).statusCode,
    ).toBe(404);
    expect((await agent.request("POST", w.url)).statusCode).toBe(403);
    expect((await agent.request("GET", `${w.url}/pdf`)).statusCode).toBe(403);
  });
});

describe("revoking and verifying", () => {
  it("verifies a valid code, says revoked with the date, and reports tampered or unknown codes as not valid only", async () => {
    const w = await world();
    await ok(w.coordinator.request("POST", w.url));
    const target = w.people[2]?.participant;
    const [c] = await t.db
      .select()
      .from(trainingCertificates)
      .where(
        and(
          eq(trainingCertificates.cohortId, w.cohort.id),
          eq(trainingCertificates.participantId, target?.id ?? ""),
        ),
      );
    if (!c) throw new Error("no certificate");
    const anonymous = (code: string) =>
      t.app.inject({ method: "GET", url: `/api/training-certificates/verify/${encodeURIComponent(code)}` });

    const valid = await ok(anonymous(c.code));
    expect(valid).toMatchObject({
      status: "valid",
      code: c.code,
      participantName: target?.name,
      organisationName: target?.organisationName,
      programmeTitle: w.programme.title,
      startsOn: w.cohort.startsOn,
      endsOn: w.cohort.endsOn,
      hoursAttended: 6,
      issuerName: w.coordination.name,
      issuedAt: c.issuedAt.toISOString(),
    });
    // Typed as printed, in groups and small letters.
    const grouped = c.code.match(/.{5}/g)?.join("-").toLowerCase() ?? "";
    expect((await ok(anonymous(grouped))).status).toBe("valid");

    // One symbol changed: not valid, and nothing else.
    const last = c.code.at(-1) === "Z" ? "Y" : "Z";
    const tampered = `${c.code.slice(0, -1)}${last}`;
    expect(await ok(anonymous(tampered))).toEqual({ status: "invalid" });
    expect(await ok(anonymous("not-a-code"))).toEqual({ status: "invalid" });
    expect(await ok(anonymous(c.code.slice(0, 19)))).toEqual({ status: "invalid" });
    const tooLong = await t.app.inject({
      method: "GET",
      url: `/api/training-certificates/verify/${"A".repeat(65)}`,
      headers: { "accept-language": "en" },
    });
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json().type).toBeDefined();

    // Bad revoke input: nothing written.
    const bad = await w.coordinator.request("POST", `/api/training-certificates/${c.id}/revoke`, {
      body: { reason: "because" },
    });
    expect(bad.statusCode).toBe(400);
    expect((await ok(anonymous(c.code))).status).toBe("valid");
    expect(
      (
        await w.coordinator.request("POST", "/api/training-certificates/nope/revoke", {
          body: { reason: "other" },
        })
      ).statusCode,
    ).toBe(400);

    const revoked = await ok(
      w.coordinator.request("POST", `/api/training-certificates/${c.id}/revoke`, {
        body: { reason: "attendance_corrected" },
      }),
    );
    expect(revoked.reason).toBe("attendance_corrected");
    const after = await ok(anonymous(c.code));
    expect(after).toEqual({ status: "revoked", code: c.code, revokedAt: revoked.revokedAt });
    const twice = await w.coordinator.request("POST", `/api/training-certificates/${c.id}/revoke`, {
      body: { reason: "other" },
    });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().code).toBe("trainings.certificate_already_revoked");

    // A revoked certificate is no longer printed; issuing again gives this participant a new one.
    const holder = await t.loginAs(w.people[2]?.user.email ?? "");
    expect((await holder.request("GET", `/api/training-certificates/${c.id}/pdf`)).statusCode).toBe(409);
    const list = await ok(holder.request("GET", w.url));
    expect(list.rows[0]).toMatchObject({
      current: null,
      revoked: [{ id: c.id, reason: "attendance_corrected" }],
    });
    const reissue = await ok(w.coordinator.request("POST", w.url));
    expect(reissue.issued).toEqual([{ participantId: target?.id, certificateId: expect.any(String) }]);
    expect(reissue.skipped).toHaveLength(3);

    const audits = await t.db.select().from(auditLog).where(eq(auditLog.entityId, c.id));
    expect(audits.map((a) => a.action)).toEqual(
      expect.arrayContaining([
        "training_certificate.issue",
        "training_certificate.verify",
        "training_certificate.revoke",
      ]),
    );
  });
});
