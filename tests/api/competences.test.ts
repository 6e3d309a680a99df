import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import {
  auditLog,
  caseNextSteps,
  competenceProfiles,
  competenceProfileVersions,
} from "../../src/server/db/schema.ts";
import { createTestApp } from "../helpers/app.ts";
import { buildOrganisation } from "../helpers/factories.ts";
import { buildOffer } from "../helpers/hsds.ts";
import {
  competenceWorld,
  ESCO,
  endSitting,
  KLDB,
  nurseContent,
  ok,
  save,
  startProfile,
} from "./competences-setup.ts";

const t = await createTestApp();

describe("a competence profile built in sittings", () => {
  it("walks the four KomBI steps over three sittings, each leaving a version, and compares two", async () => {
    const w = await competenceWorld(t);
    const { profile, etag } = await startProfile(w);
    expect(profile).toMatchObject({ clientId: w.client.id, caseId: w.record.id, version: 1 });
    expect(etag).toBe('"1"');
    const c = nurseContent();

    // Sitting 1: phases, then activities within them (two saves, one sitting).
    const s1 = await save(w.counsellor, profile.id, etag, { step: "activities", phases: [c.phases[0]] });
    expect(s1.statusCode, s1.body).toBe(200);
    const s1b = await save(w.counsellor, profile.id, String(s1.headers.etag), {
      phases: c.phases,
      work: c.work,
    });
    expect(s1b.statusCode, s1b.body).toBe(200);
    await endSitting(t, profile.id);

    // Sitting 2: competences and languages.
    const s2 = await save(w.counsellor, profile.id, String(s1b.headers.etag), {
      step: "competences",
      competences: c.competences,
      languages: c.languages,
    });
    expect(s2.statusCode, s2.body).toBe(200);
    await endSitting(t, profile.id);

    // Sitting 3: goals, and a change to the work entry.
    const goal = { id: randomUUID(), text: "Anerkennung als Pflegefachfrau und Arbeit in der Pflege" };
    const s3 = await save(w.counsellor, profile.id, String(s2.headers.etag), {
      step: "goals",
      goals: [goal],
      work: [{ ...c.work[0], employer: "Universitätsklinikum Aleppo" }],
    });
    expect(s3.statusCode, s3.body).toBe(200);
    const saved = s3.json();
    expect(saved.version).toBe(5);
    expect(saved.content.step).toBe("goals");
    expect(saved.content.phases).toHaveLength(2);
    expect(saved.labels[ESCO.speakGerman]).toEqual({
      de: "Deutsch sprechen",
      en: "interact verbally in German",
    });
    expect(saved.labels[ESCO.nurse].de).toContain("Krankenpfleger");
    expect(saved.labels[KLDB.nurse].de).toBeTruthy();

    const versions = await ok(w.counsellor.request("GET", `/api/competence-profiles/${profile.id}/versions`));
    expect(versions.items.map((v: { version: number }) => v.version)).toEqual([3, 2, 1]);
    const bySitting = Object.fromEntries(
      versions.items.map((v: { version: number; sections: string[] }) => [v.version, v.sections]),
    );
    // Starting the profile and the first saves are one sitting.
    expect(bySitting[1]).toEqual(["biography", "work"]);
    expect(bySitting[2]).toEqual(["languages", "skills", "informal"]);
    expect(bySitting[3]).toEqual(["work", "goals"]);

    const cmp = await ok(
      w.counsellor.request("GET", `/api/competence-profiles/${profile.id}/compare`, {
        query: { from: "1", to: "3" },
      }),
    );
    const of = (s: string) => cmp.sections.find((x: { section: string }) => x.section === s);
    expect(cmp.sections.map((s: { section: string }) => s.section)).toEqual([
      "work",
      "languages",
      "skills",
      "informal",
      "goals",
    ]);
    expect(of("work").changed).toEqual([{ item: "Krankenpflegerin", fields: ["employer"] }]);
    expect(of("goals").added).toEqual([goal.text]);
    expect(of("skills").added).toEqual(["Deutsch sprechen"]);
    expect(of("informal").added).toEqual(["Pflege von Angehörigen"]);
    expect(of("languages").added).toEqual(["ar", "de"]);

    const bad = await w.counsellor.request("GET", `/api/competence-profiles/${profile.id}/compare`, {
      query: { from: "1", to: "9" },
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors[0].field).toBe("query.to");
  });

  it("answers one profile per client: a second start is 409, a case of another client 422", async () => {
    const w = await competenceWorld(t);
    const other = await competenceWorld(t);
    const wrong = await w.counsellor.request("POST", `/api/clients/${w.client.id}/competence-profile`, {
      body: { caseId: other.record.id },
    });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().errors[0]).toMatchObject({ field: "body.caseId", code: "competences.case_unknown" });
    await startProfile(w);
    const again = await w.counsellor.request("POST", `/api/clients/${w.client.id}/competence-profile`, {
      body: {},
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe("competences.profile_exists");
    const byClient = await w.counsellor.request("GET", `/api/clients/${w.client.id}/competence-profile`);
    expect(byClient.statusCode).toBe(200);
    expect(byClient.headers.etag).toBe('"1"');
  });

  it("refuses the second of two editors with 412, and a save without If-Match with 428", async () => {
    const w = await competenceWorld(t);
    const { profile, etag } = await startProfile(w);
    const first = await save(w.counsellor, profile.id, etag, {
      interests: [{ id: randomUUID(), text: "Kochen" }],
    });
    expect(first.statusCode).toBe(200);
    const second = await save(w.colleague, profile.id, etag, {
      interests: [{ id: randomUUID(), text: "Lesen" }],
    });
    expect(second.statusCode).toBe(412);
    expect(second.json().code).toBe("precondition_failed");
    expect((await save(w.colleague, profile.id, null, { interests: [] })).statusCode).toBe(428);
    const [row] = await t.db.select().from(competenceProfiles).where(eq(competenceProfiles.id, profile.id));
    expect(row?.content.interests.map((i) => i.text)).toEqual(["Kochen"]);

    // Two saves racing on the same version: exactly one wins.
    const etag2 = String(first.headers.etag);
    const raced = await Promise.all(
      [w.counsellor, w.colleague].map((a, i) =>
        save(a, profile.id, etag2, { interests: [{ id: randomUUID(), text: `Race ${i}` }] }),
      ),
    );
    expect(raced.map((r) => r.statusCode).sort()).toEqual([200, 412]);
  });

  it("opens a new version when another person saves, even within the hour", async () => {
    const w = await competenceWorld(t);
    const { profile, etag } = await startProfile(w);
    const a = await save(w.counsellor, profile.id, etag, {
      interests: [{ id: randomUUID(), text: "Garten" }],
    });
    const b = await save(w.colleague, profile.id, String(a.headers.etag), {
      interests: [{ id: randomUUID(), text: "Musik" }],
    });
    expect(b.statusCode).toBe(200);
    const versions = await ok(w.counsellor.request("GET", `/api/competence-profiles/${profile.id}/versions`));
    expect(versions.items).toHaveLength(2);
    expect(versions.items[0].sections).toEqual(["interests"]);
  });
});

describe("bad input", () => {
  const cases: [string, (c: ReturnType<typeof nurseContent>) => unknown, string, string, number][] = [
    [
      "an unknown ESCO occupation",
      (c) => ({
        work: [
          c.work[0],
          {
            ...c.work[0],
            id: randomUUID(),
            from: "2020-03",
            to: null,
            escoOccupationUri: ESCO.unknownOccupation,
          },
        ],
      }),
      "body.work.1.escoOccupationUri",
      "competences.esco_occupation_unknown",
      422,
    ],
    [
      "an unknown ESCO skill",
      (c) => ({ phases: c.phases, competences: [{ ...c.competences[0], escoUri: ESCO.unknownSkill }] }),
      "body.competences.0.escoUri",
      "competences.esco_skill_unknown",
      422,
    ],
    [
      "an unknown KldB code",
      (c) => ({ work: [{ ...c.work[0], kldbCode: KLDB.unknown }] }),
      "body.work.0.kldbCode",
      "competences.kldb_unknown",
      422,
    ],
    [
      "a reversed period",
      (c) => ({ phases: [{ ...c.phases[0], from: "2019-06", to: "2012-09" }] }),
      "body.phases.0.to",
      "competences.period_reversed",
      422,
    ],
    [
      "overlapping work entries",
      (c) => ({ work: [c.work[0], { ...c.work[0], id: randomUUID(), from: "2018-01", to: "2020-01" }] }),
      "body.work.1.from",
      "competences.period_overlap",
      422,
    ],
    [
      "an activity that is not in the phases",
      (c) => ({ phases: c.phases, competences: [{ ...c.competences[1], activityIds: [randomUUID()] }] }),
      "body.competences.0.activityIds.0",
      "competences.activity_unknown",
      422,
    ],
    [
      "a next step that is not the case's",
      () => ({ goals: [{ id: randomUUID(), text: "Arbeit", caseNextStepIds: [randomUUID()] }] }),
      "body.goals.0.caseNextStepIds.0",
      "competences.next_step_unknown",
      422,
    ],
    [
      "a CEFR level outside A1–C2",
      (c) => ({ languages: { ...c.languages, other: [{ ...c.languages.other[0], reading: "C3" }] } }),
      "body.languages.other.0.reading",
      "invalid_value",
      400,
    ],
  ];
  for (const [what, body, field, code, status] of cases) {
    it(`refuses ${what}, names the field in words, writes nothing`, async () => {
      const w = await competenceWorld(t);
      const { profile, etag } = await startProfile(w);
      const c = nurseContent();
      const res = await w.counsellor.request("PATCH", `/api/competence-profiles/${profile.id}`, {
        body: body(c),
        headers: { "if-match": etag, "accept-language": "de" },
      });
      expect(res.statusCode, res.body).toBe(status);
      const problem = res.json();
      const error = problem.errors.find((e: { field: string }) => e.field === field);
      expect(error, res.body).toMatchObject({ field, code });
      expect(error.message).not.toContain("errors.");
      expect(error.message.length).toBeGreaterThan(5);
      const [row] = await t.db.select().from(competenceProfiles).where(eq(competenceProfiles.id, profile.id));
      expect(row?.version).toBe(1);
      const versions = await t.db
        .select()
        .from(competenceProfileVersions)
        .where(eq(competenceProfileVersions.profileId, profile.id));
      expect(versions).toHaveLength(1);
      const audits = await t.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.entityId, profile.id), eq(auditLog.action, "competence_profile.update")));
      expect(audits).toEqual([]);
    });
  }

  it("translates the message into Arabic", async () => {
    const w = await competenceWorld(t);
    const { profile, etag } = await startProfile(w);
    const c = nurseContent();
    const res = await w.counsellor.request("PATCH", `/api/competence-profiles/${profile.id}`, {
      body: { work: [{ ...c.work[0], kldbCode: KLDB.unknown }] },
      headers: { "if-match": etag, "accept-language": "ar" },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors[0].message).toMatch(/[\u0600-\u06FF]/);
  });
});

describe("goals lead into the case", () => {
  it("turns a goal's next step into a step of the case and records it on the goal", async () => {
    const w = await competenceWorld(t);
    const provider = await buildOrganisation(t.db, { name: `Gründerzentrum ${w.tag}` });
    const { offer: startup } = await buildOffer(t.db, provider.id, {
      name: `Gründungsberatung ${w.tag}`,
      phases: [4],
      offerType: "existenzgruendungsberatung",
    });
    const { offer: otherPhase } = await buildOffer(t.db, provider.id, {
      phases: [2],
      offerType: "existenzgruendungsberatung",
    });
    const { offer: recognition } = await buildOffer(t.db, provider.id, { phases: [4] });
    // Before a self-employment goal, no start-up offers are suggested.
    const { profile: bare } = await startProfile(w);
    const none = await ok(w.counsellor.request("GET", `/api/competence-profiles/${bare.id}/startup-offers`));
    expect(none.items).toEqual([]);
    const profile = bare;
    const etag = `"${bare.version}"`;
    const goal = { id: randomUUID(), text: "Eigenen Pflegedienst gründen", selfEmployment: true };
    const saved = await save(w.counsellor, profile.id, etag, { goals: [goal] });
    const res = await w.counsellor.request("POST", `/api/competence-profiles/${profile.id}/next-steps`, {
      body: {
        goalId: goal.id,
        title: "Termin bei der Gründungsberatung vereinbaren",
        dueDate: "2027-01-15",
        offerId: startup.id,
      },
      headers: { "if-match": String(saved.headers.etag) },
    });
    expect(res.statusCode, res.body).toBe(201);
    const after = res.json();
    const stepId = after.content.goals[0].caseNextStepIds[0];
    expect(after.nextSteps).toEqual([
      expect.objectContaining({ id: stepId, title: "Termin bei der Gründungsberatung vereinbaren" }),
    ]);
    const [step] = await t.db.select().from(caseNextSteps).where(eq(caseNextSteps.id, stepId));
    expect(step?.caseId).toBe(w.record.id);
    const caseSteps = await ok(w.counsellor.request("GET", `/api/cases/${w.record.id}/next-steps`));
    const taken = caseSteps.items.find((s: { id: string }) => s.id === stepId);
    expect(taken.offer).toMatchObject({ id: startup.id, organisationName: provider.name });

    const offers = await ok(
      w.counsellor.request("GET", `/api/competence-profiles/${profile.id}/startup-offers`),
    );
    const ids = offers.items.map((o: { id: string }) => o.id);
    expect(ids).toContain(startup.id);
    expect(ids).not.toContain(otherPhase.id);
    expect(ids).not.toContain(recognition.id);
    expect(offers.items.find((o: { id: string }) => o.id === startup.id)).toMatchObject({
      organisationName: provider.name,
    });
  });

  it("needs the profile's case and a goal of the profile (422)", async () => {
    const w = await competenceWorld(t);
    const res = await w.counsellor.request("POST", `/api/clients/${w.client.id}/competence-profile`, {
      body: {},
    });
    const goal = { id: randomUUID(), text: "Arbeit als Pflegehelferin" };
    const saved = await save(w.counsellor, res.json().id, String(res.headers.etag), { goals: [goal] });
    const noCase = await w.counsellor.request(
      "POST",
      `/api/competence-profiles/${res.json().id}/next-steps`,
      {
        body: { goalId: goal.id, title: "Bewerbung schreiben" },
        headers: { "if-match": String(saved.headers.etag) },
      },
    );
    expect(noCase.statusCode).toBe(422);
    expect(noCase.json().errors[0].code).toBe("competences.no_case");
    const noGoal = await w.counsellor.request(
      "POST",
      `/api/competence-profiles/${res.json().id}/next-steps`,
      {
        body: { goalId: randomUUID(), title: "Bewerbung schreiben" },
        headers: { "if-match": String(saved.headers.etag) },
      },
    );
    expect(noGoal.json().errors[0]).toMatchObject({ field: "body.goalId", code: "competences.goal_unknown" });
  });
});
