import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import {
  outbox,
  trainingCohorts,
  trainingParticipants,
  trainingProgrammes,
} from "../../src/server/db/schema.ts";
import { SEED_PROGRAMMES } from "../../src/server/modules/trainings/seed-programmes.ts";
import { createTestApp } from "../helpers/app.ts";
import { buildUser } from "../helpers/factories.ts";
import { day, ok, trainingWorld } from "./trainings-setup.ts";

const t = await createTestApp();

const mailsTo = (to: string) =>
  t.db
    .select()
    .from(outbox)
    .where(eq(sql`lower(${outbox.toAddress})`, to.toLowerCase()));
const participantsOf = (cohortId: string) =>
  t.db.select().from(trainingParticipants).where(eq(trainingParticipants.cohortId, cohortId));

describe("programmes", () => {
  it("starts every installation with the two seed programmes and their goals, once", async () => {
    const w = await trainingWorld(t, { participants: 1, orgs: 1 });
    const coordinator = await t.loginAs(w.coordinator.email);
    const list = await ok(coordinator.request("GET", "/api/training-programmes"));
    const diversity = list.items.find((p: { key: string }) => p.key === "diversity");
    const kombi = list.items.find((p: { key: string }) => p.key === "kombi");
    expect(diversity.goals).toHaveLength(7);
    expect(diversity.goals[1].text).toMatchObject({
      de: expect.stringContaining("Barrieren"),
      en: expect.any(String),
      ar: expect.any(String),
    });
    expect(kombi.goals.map((g: { text: { de: string } }) => g.text.de).join(" ")).toContain("Prozesskette");
    // Starting again (a second instance) adds nothing.
    const { ensureSeedProgrammes } = await import("../../src/server/modules/trainings/seed-programmes.ts");
    await Promise.all([ensureSeedProgrammes(t.db), ensureSeedProgrammes(t.db)]);
    const keyed = await t.db
      .select()
      .from(trainingProgrammes)
      .where(sql`${trainingProgrammes.key} is not null`);
    expect(keyed).toHaveLength(SEED_PROGRAMMES.length);
  });

  it("lets the coordinator add and edit a programme; goals keep their ids; a stale edit is refused", async () => {
    const w = await trainingWorld(t, { participants: 1, orgs: 1 });
    const coordinator = await t.loginAs(w.coordinator.email);
    const body = {
      title: "Schnittstellen-Werkstatt",
      modules: 3,
      hours: 12,
      minAttendancePercent: 75,
      goals: [
        { text: { de: "Kennt die Partner", en: "Knows the partners" } },
        { text: { de: "Verweist passend" } },
      ],
    };
    const created = await ok(coordinator.request("POST", "/api/training-programmes", { body }), 201);
    expect(created.goals).toHaveLength(2);
    const [first, second] = created.goals;
    const edited = await ok(
      coordinator.request("PUT", `/api/training-programmes/${created.id}`, {
        headers: { "if-match": `"${created.version}"` },
        body: {
          ...body,
          goals: [second, { text: { de: "Neu" } }, first].map((g) => ({ id: g.id, text: g.text })),
        },
      }),
    );
    expect(edited.goals.map((g: { id: string }) => g.id).slice(0, 1)).toEqual([second.id]);
    expect(edited.goals[2].id).toBe(first.id);
    const stale = await coordinator.request("PUT", `/api/training-programmes/${created.id}`, {
      headers: { "if-match": `"${created.version}"` },
      body,
    });
    expect(stale.statusCode).toBe(412);
    const trainer = await t.loginAs(w.trainer.email);
    expect((await trainer.request("POST", "/api/training-programmes", { body })).statusCode).toBe(403);
    const bad = await coordinator.request("POST", "/api/training-programmes", {
      body: { ...body, hours: 0 },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toContain("hours");
  });
});

describe("cohorts", () => {
  const cohortBody = (programmeId: string, trainerIds: string[], over: Record<string, unknown> = {}) => ({
    programmeId,
    title: "Diversity-Beratung Test",
    startsOn: day(20),
    endsOn: day(80),
    location: "Halle (Saale)",
    capacity: 14,
    trainerIds,
    ...over,
  });

  it("are set up by the coordinator; reversed dates, a non-trainer or a stale version write nothing", async () => {
    const w = await trainingWorld(t, { participants: 1, orgs: 1 });
    const coordinator = await t.loginAs(w.coordinator.email);
    const before = await t.db.select({ n: sql<number>`count(*)::int` }).from(trainingCohorts);
    const reversed = await coordinator.request("POST", "/api/training-cohorts", {
      body: cohortBody(w.programme.id, [w.trainer.id], { startsOn: day(30), endsOn: day(10) }),
      headers: { "accept-language": "de" },
    });
    expect(reversed.statusCode).toBe(422);
    expect(reversed.json().errors[0]).toMatchObject({
      field: "body.endsOn",
      message: "Das Ende liegt vor dem Beginn.",
    });
    const notTrainer = await coordinator.request("POST", "/api/training-cohorts", {
      body: cohortBody(w.programme.id, [w.coordinator.id]),
    });
    expect(notTrainer.statusCode).toBe(422);
    expect(notTrainer.json().errors[0].field).toBe("body.trainerIds");
    const after = await t.db.select({ n: sql<number>`count(*)::int` }).from(trainingCohorts);
    expect(after).toEqual(before);

    const candidates = await ok(coordinator.request("GET", "/api/training-trainers"));
    expect(candidates.items.map((c: { userId: string }) => c.userId)).toContain(w.trainer.id);
    const cohort = await ok(
      coordinator.request("POST", "/api/training-cohorts", {
        body: cohortBody(w.programme.id, [w.trainer.id]),
      }),
      201,
    );
    expect(cohort).toMatchObject({
      capacity: 14,
      enrolled: 0,
      status: "planned",
      trainers: [{ userId: w.trainer.id }],
    });
    const trainer = await t.loginAs(w.trainer.email);
    const seen = await ok(trainer.request("GET", "/api/training-cohorts"));
    expect(seen.items.map((c: { id: string }) => c.id)).toContain(cohort.id);
    expect(seen.items.map((c: { id: string }) => c.id)).not.toContain(w.otherCohort.id);
    const other = await t.loginAs(w.otherTrainer.email);
    expect((await other.request("GET", `/api/training-cohorts/${cohort.id}`)).statusCode).toBe(404);

    const edited = await ok(
      coordinator.request("PUT", `/api/training-cohorts/${cohort.id}`, {
        headers: { "if-match": `"${cohort.version}"` },
        body: cohortBody(w.programme.id, [w.trainer.id, w.otherTrainer.id], {
          capacity: 12,
          online: true,
          location: null,
        }),
      }),
    );
    expect(edited).toMatchObject({ capacity: 12, online: true, version: cohort.version + 1 });
    const stale = await coordinator.request("PUT", `/api/training-cohorts/${cohort.id}`, {
      headers: { "if-match": `"${cohort.version}"` },
      body: cohortBody(w.programme.id, []),
    });
    expect(stale.statusCode).toBe(412);
    const noMatch = await coordinator.request("PUT", `/api/training-cohorts/${cohort.id}`, {
      body: cohortBody(w.programme.id, []),
    });
    expect(noMatch.statusCode).toBe(428);
  });
});

describe("registration", () => {
  async function openCohort(capacity: number) {
    const w = await trainingWorld(t, { participants: 2, orgs: 2 });
    const [cohort] = await t.db
      .insert(trainingCohorts)
      .values({
        programmeId: w.programme.id,
        organisationId: w.coordination.id,
        title: `Offen ${w.tag}`,
        startsOn: day(10),
        endsOn: day(60),
        location: "Magdeburg",
        capacity,
      })
      .returning();
    if (!cohort) throw new Error("no cohort");
    const org = w.organisations[0];
    if (!org) throw new Error("no org");
    const members = await Promise.all(
      [1, 2, 3, 4].map((i) =>
        buildUser(t.db, { organisationId: org.org.id, role: "counsellor", name: `Mitglied ${i} ${w.tag}` }),
      ),
    );
    return { w, cohort, org, members, admin: await t.loginAs(org.admin.email) };
  }

  it("lets an admin register own members; full → waiting list; withdrawal moves the first one up with mail", async () => {
    const { w, cohort, members, admin } = await openCohort(2);
    const [a, b, c, d] = members;
    if (!a || !b || !c || !d) throw new Error("members");
    // Before any registration the admin sees the open cohort in the list, but cannot open it yet;
    // a cohort closed for registration without their members they do not see at all.
    await t.db
      .update(trainingCohorts)
      .set({ registrationOpen: false })
      .where(eq(trainingCohorts.id, w.otherCohort.id));
    const listed = await ok(admin.request("GET", "/api/training-cohorts"));
    expect(listed.items.find((c: { id: string }) => c.id === cohort.id)).toMatchObject({ reachable: false });
    expect(listed.items.map((c: { id: string }) => c.id)).not.toContain(w.otherCohort.id);
    expect((await admin.request("GET", `/api/training-cohorts/${cohort.id}`)).statusCode).toBe(404);
    const registrable = await ok(admin.request("GET", `/api/training-cohorts/${cohort.id}/registrable`));
    expect(registrable.items.map((m: { userId: string }) => m.userId)).toContain(a.id);
    const reg = (userId: string, extra: Record<string, unknown> = {}) =>
      admin.request("POST", `/api/training-cohorts/${cohort.id}/participants`, {
        body: { userId, role: "staff", ...extra },
      });
    expect((await ok(reg(a.id), 201)).status).toBe("enrolled");
    const after = await ok(admin.request("GET", "/api/training-cohorts"));
    expect(after.items.find((c: { id: string }) => c.id === cohort.id)).toMatchObject({
      reachable: true,
      enrolled: 1,
    });
    expect((await ok(reg(b.id), 201)).status).toBe("enrolled");
    expect((await ok(reg(c.id), 201)).status).toBe("waitlisted");
    expect(await mailsTo(c.email)).toEqual([expect.objectContaining({ template: "training_registration" })]);

    // Full and no waiting list wanted: a clear 409, nothing written.
    const refused = await reg(d.id, { waitlist: false });
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: "trainings.core_full" });
    // Duplicate: 409, nothing written.
    expect((await reg(a.id)).statusCode).toBe(409);
    // Another organisation's member: 422 naming the field, nothing written.
    const foreign = await reg(w.otherUser.id);
    expect(foreign.statusCode).toBe(422);
    expect(foreign.json().errors[0].field).toBe("body.userId");
    expect(await participantsOf(cohort.id)).toHaveLength(3);

    const list = await ok(admin.request("GET", `/api/training-cohorts/${cohort.id}/participants`));
    const first = list.items.find((p: { userId: string }) => p.userId === a.id);
    const withdrawn = await ok(
      admin.request("POST", `/api/training-cohorts/${cohort.id}/participants/${first.id}/withdraw`),
    );
    expect(withdrawn.status).toBe("withdrawn");
    const rows = await participantsOf(cohort.id);
    expect(rows.find((r) => r.userId === c.id)?.status).toBe("enrolled");
    expect((await mailsTo(c.email)).map((m) => m.subject)).toEqual(
      expect.arrayContaining([expect.stringContaining("Platz ist frei")]),
    );
    // Withdrawn people may be registered again (onto the waiting list now).
    expect((await ok(reg(a.id), 201)).status).toBe("waitlisted");
  });

  it("gives the last place to one of two simultaneous registrations only (the cohort row is locked)", async () => {
    const { cohort, members, admin } = await openCohort(1);
    const [a, b] = members;
    if (!a || !b) throw new Error("members");
    const results = await Promise.all(
      [a, b].map((m) =>
        admin.request("POST", `/api/training-cohorts/${cohort.id}/participants`, {
          body: { userId: m.id, role: "staff", waitlist: false },
        }),
      ),
    );
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    const rows = await participantsOf(cohort.id);
    expect(rows.filter((r) => r.status === "enrolled")).toHaveLength(1);
  });

  it("shows names and organisations to participants, e-mails only to those who may see them", async () => {
    const w = await trainingWorld(t, { participants: 4, orgs: 2 });
    const [p1, p2] = w.people;
    if (!p1 || !p2) throw new Error("people");
    const participant = await t.loginAs(p1.user.email);
    const seen = await ok(participant.request("GET", `/api/training-cohorts/${w.cohort.id}/participants`));
    expect(seen.items).toHaveLength(4);
    for (const item of seen.items) {
      expect(item.email).toBe(item.id === p1.participant.id ? p1.user.email : null);
    }
    const admin = await t.loginAs(p1.organisation.admin.email);
    const adminView = await ok(admin.request("GET", `/api/training-cohorts/${w.cohort.id}/participants`));
    for (const item of adminView.items) {
      expect(item.email !== null).toBe(item.organisationId === p1.organisation.org.id);
    }
    const trainer = await t.loginAs(w.trainer.email);
    const trainerView = await ok(trainer.request("GET", `/api/training-cohorts/${w.cohort.id}/participants`));
    expect(trainerView.items.every((i: { email: string | null }) => i.email)).toBe(true);
    // A participant cannot withdraw someone else; the outsider admin does not reach the cohort.
    const other = await participant.request(
      "POST",
      `/api/training-cohorts/${w.cohort.id}/participants/${p2.participant.id}/withdraw`,
    );
    expect(other.statusCode).toBe(403);
    const outsider = await t.loginAs(w.outsiderAdmin.email);
    expect(
      (await outsider.request("GET", `/api/training-cohorts/${w.cohort.id}/participants`)).statusCode,
    ).toBe(404);
    expect((await outsider.request("GET", `/api/training-cohorts/${w.otherCohort.id}/mix`)).statusCode).toBe(
      200,
    );

    const mix = await ok(trainer.request("GET", `/api/training-cohorts/${w.cohort.id}/mix`));
    expect(mix.total).toBe(4);
    expect(mix.organisations).toBe(2);
    expect(mix.byOrganisationType).toHaveLength(2);
    expect(mix.byOrganisationType).toEqual(
      expect.arrayContaining([
        { type: "company", count: 2 },
        { type: "education_provider", count: 2 },
      ]),
    );
    expect(mix.byRole).toEqual([
      { role: "volunteer", count: 0 },
      { role: "staff", count: 4 },
    ]);
  });
});

describe("public applications", () => {
  it("takes an application without account, mails it in the chosen language, the coordinator approves it", async () => {
    const w = await trainingWorld(t, { participants: 2, orgs: 1 });
    await t.db.update(trainingCohorts).set({ capacity: 3 }).where(eq(trainingCohorts.id, w.cohort.id));
    const open = await ok(t.app.inject({ method: "GET", url: "/api/training-applications/cohorts" }));
    expect(open.items.map((c: { id: string }) => c.id)).toContain(w.cohort.id);
    expect(JSON.stringify(open)).not.toContain(w.people[0]?.user.email ?? "-");
    const email = `bewerbung-${w.tag}@example.org`;
    const body = {
      name: "Rana Haddad",
      email,
      organisationName: "Kulturverein Nord",
      organisationType: "migrant_organisation",
      role: "volunteer",
      motivation: "Ich berate ehrenamtlich.",
      locale: "ar",
      consent: true,
    };
    const apply = (b: unknown) =>
      t.app.inject({
        method: "POST",
        url: `/api/training-applications/cohorts/${w.cohort.id}`,
        payload: b as object,
      });
    await ok(apply(body), 202);
    const [mail] = await mailsTo(email);
    expect(mail?.subject).toContain("تم استلام الطلب");
    // Again: same answer, a mail, no second record.
    await ok(apply(body), 202);
    const rows = (await participantsOf(w.cohort.id)).filter((r) => r.email === email);
    expect(rows).toHaveLength(1);
    expect(rows[0]?.status).toBe("applied");
    // Bad input names the field; nothing written.
    const bad = await apply({ ...body, email: "kein-mail", consent: false });
    expect(bad.statusCode).toBe(400);
    const fields = bad.json().errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(["body.email", "body.consent"]));
    expect(
      (await apply({ ...body, email: "x@example.org" }).then(() => participantsOf(w.cohort.id))).length,
    ).toBe(4);
    // A closed cohort is not found.
    await t.db
      .update(trainingCohorts)
      .set({ registrationOpen: false })
      .where(eq(trainingCohorts.id, w.otherCohort.id));
    expect(
      (
        await t.app.inject({
          method: "POST",
          url: `/api/training-applications/cohorts/${w.otherCohort.id}`,
          payload: body,
        })
      ).statusCode,
    ).toBe(404);

    const coordinator = await t.loginAs(w.coordinator.email);
    const list = await ok(coordinator.request("GET", `/api/training-cohorts/${w.cohort.id}/participants`));
    const applicant = list.items.find((p: { email: string }) => p.email === email);
    expect(applicant.status).toBe("applied");
    const approved = await ok(
      coordinator.request(
        "POST",
        `/api/training-cohorts/${w.cohort.id}/participants/${applicant.id}/decision`,
        {
          body: { decision: "approve" },
        },
      ),
    );
    expect(approved.status).toBe("enrolled");
    const second = (await participantsOf(w.cohort.id)).find((r) => r.email === "x@example.org");
    const waitlisted = await ok(
      coordinator.request(
        "POST",
        `/api/training-cohorts/${w.cohort.id}/participants/${second?.id}/decision`,
        {
          body: { decision: "approve" },
        },
      ),
    );
    expect(waitlisted.status).toBe("waitlisted");
    const again = await coordinator.request(
      "POST",
      `/api/training-cohorts/${w.cohort.id}/participants/${applicant.id}/decision`,
      { body: { decision: "decline" } },
    );
    expect(again.statusCode).toBe(409);
    const admin = await t.loginAs(w.organisations[0]?.admin.email ?? "");
    expect(
      (
        await admin.request(
          "POST",
          `/api/training-cohorts/${w.cohort.id}/participants/${applicant.id}/decision`,
          {
            body: { decision: "approve" },
          },
        )
      ).statusCode,
    ).toBe(403);
    const enrolled = await t.db
      .select()
      .from(trainingParticipants)
      .where(
        and(eq(trainingParticipants.cohortId, w.cohort.id), eq(trainingParticipants.status, "enrolled")),
      );
    expect(enrolled).toHaveLength(3);
  });
});
