import { execFileSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import {
  auditLog,
  competenceProfiles,
  competenceProfileVersions,
  competenceShares,
} from "../../src/server/db/schema.ts";
import { createTestApp } from "../helpers/app.ts";
import {
  competenceWorld,
  endSitting,
  nurseContent,
  ok,
  save,
  startProfile,
  type World,
} from "./competences-setup.ts";

// Inputs nobody types but an attacker or a broken client sends: each answers a translated problem
// naming its field, and nothing is written.

const t = await createTestApp();

/** The stored profile: its version, content and number of versions. */
async function stored(profileId: string) {
  const [p] = await t.db.select().from(competenceProfiles).where(eq(competenceProfiles.id, profileId));
  const versions = await t.db
    .select()
    .from(competenceProfileVersions)
    .where(eq(competenceProfileVersions.profileId, profileId));
  return { version: p?.version, content: p?.content, versions: versions.length };
}

/** Saves `body` and expects a refusal with `status` on `field`, in `locale`, with nothing written. */
async function refused(w: World, body: unknown, status: number, field: string) {
  const { profile, etag } = await startProfile(w);
  const before = await stored(profile.id);
  const res = await save(w.counsellor, profile.id, etag, body);
  expect(res.statusCode, res.body).toBe(status);
  expect(res.headers["content-type"]).toContain("application/problem+json");
  const problem = res.json();
  expect(problem.errors.map((e: { field: string }) => e.field)).toContain(field);
  expect(await stored(profile.id)).toEqual(before);
  return { problem, profile };
}

describe("text that is not well-formed Unicode", () => {
  it.each([
    ["a lone high surrogate", "Chor\ud800"],
    ["a lone low surrogate", "\udc00Chor"],
  ])("refuses %s in a profile's text with 400 on its field, not a 500 from jsonb", async (_name, text) => {
    const w = await competenceWorld(t);
    const { problem } = await refused(
      w,
      { interests: [{ id: randomUUID(), text }] },
      400,
      "body.interests.0.text",
    );
    // The platform's input guard refuses it for every route before the contract sees it.
    expect(problem.code).toBe("malformed_text");
  });

  it("refuses it in an optional text too", async () => {
    const w = await competenceWorld(t);
    const c = nurseContent();
    await refused(w, { work: [{ ...c.work[0], tasks: "Lager\ud83d" }] }, 400, "body.work.0.tasks");
  });

  it("keeps a well-formed pair (an emoji) and Arabic as they are", async () => {
    const w = await competenceWorld(t);
    const { profile, etag } = await startProfile(w);
    const text = "غناء في الجوقة 🎶";
    const saved = await ok(save(w.counsellor, profile.id, etag, { interests: [{ id: randomUUID(), text }] }));
    expect(saved.content.interests[0].text).toBe(text);
  });
});

describe("comparing versions by numbers that are no version", () => {
  it("answers 400 on the field for a number beyond PostgreSQL's integer, not a 500", async () => {
    const w = await competenceWorld(t);
    const { profile } = await startProfile(w);
    for (const [query, field] of [
      ["from=3000000000&to=1", "query.from"],
      ["from=1&to=2147483648", "query.to"],
    ] as const) {
      const res = await w.counsellor.request(
        "GET",
        `/api/competence-profiles/${profile.id}/compare?${query}`,
        {
          headers: { "accept-language": "en" },
        },
      );
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().title).toBe("The input is not valid.");
      expect(res.json().errors[0].field).toBe(field);
    }
    // The largest integer is still a number: a version that does not exist.
    const res = await w.counsellor.request(
      "GET",
      `/api/competence-profiles/${profile.id}/compare?from=1&to=2147483647`,
    );
    expect(res.statusCode, res.body).toBe(422);
    expect(res.json().errors[0].field).toBe("query.to");
  });
});

describe("ids and keys that stand for two things", () => {
  it("refuses an item id used in two sections", async () => {
    const w = await competenceWorld(t);
    const c = nurseContent();
    await refused(
      w,
      { phases: c.phases, interests: [{ id: c.ids.phase, text: "Singen" }] },
      422,
      "body.interests.0.id",
    );
  });

  it("refuses two activities with one id, so a competence cannot point at both", async () => {
    const w = await competenceWorld(t);
    const c = nurseContent();
    const [first, second] = c.phases as [(typeof c.phases)[0], (typeof c.phases)[0]];
    const phases = [
      first,
      { ...second, activities: [{ id: c.ids.activity, description: "Kinder betreut" }] },
    ];
    await refused(w, { phases }, 422, "body.phases.1.activities.0.id");
  });

  it("refuses a language or an EntreComp competence listed twice", async () => {
    const w = await competenceWorld(t);
    await refused(
      w,
      { languages: { motherTongues: ["ar"], other: [{ language: "de" }, { language: "de" }] } },
      422,
      "body.languages.other.1.language",
    );
    const entreComp = [
      { competence: "spotting_opportunities", level: 2 },
      { competence: "spotting_opportunities", level: 3 },
    ];
    const w2 = await competenceWorld(t);
    await refused(
      w2,
      { entrepreneurship: { entreComp } },
      422,
      "body.entrepreneurship.entreComp.1.competence",
    );
  });
});

describe("races", () => {
  it("lets exactly one of two saves on one version win; the other gets 412", async () => {
    const w = await competenceWorld(t);
    const { profile, etag } = await startProfile(w);
    const results = await Promise.all([
      save(w.counsellor, profile.id, etag, { interests: [{ id: randomUUID(), text: "eins" }] }),
      save(w.colleague, profile.id, etag, { interests: [{ id: randomUUID(), text: "zwei" }] }),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 412]);
    const after = await stored(profile.id);
    expect(after.version).toBe(2);
    expect(after.content?.interests).toHaveLength(1);
  });

  it("starts one profile when two counsellors start it at once; the other gets 409", async () => {
    const w = await competenceWorld(t);
    const start = (agent: World["counsellor"]) =>
      agent.request("POST", `/api/clients/${w.client.id}/competence-profile`, { body: { caseId: null } });
    const results = await Promise.all([start(w.counsellor), start(w.colleague)]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    const rows = await t.db
      .select()
      .from(competenceProfiles)
      .where(eq(competenceProfiles.clientId, w.client.id));
    expect(rows).toHaveLength(1);
  });

  it("leaves no share standing when it races the withdrawal of its consent", async () => {
    const w = await competenceWorld(t);
    const { profile, etag } = await startProfile(w);
    await ok(save(w.counsellor, profile.id, etag, { interests: [{ id: randomUUID(), text: "Singen" }] }));
    const consent = await ok(
      w.counsellor.request("POST", `/api/clients/${w.client.id}/consents`, {
        body: {
          purpose: "competence_profile_sharing",
          recipientOrganisationId: w.company.id,
          legalBasis: "art6_1a",
          dataCategories: ["identity", "competence_profile"],
          informedLanguage: "ar",
          form: "signed",
        },
      }),
      201,
    );
    const [shared, withdrawn] = await Promise.all([
      w.counsellor.request("POST", `/api/competence-profiles/${profile.id}/shares`, {
        body: { recipientOrganisationId: w.company.id, sections: ["interests"] },
      }),
      w.colleague.request("POST", `/api/consents/${consent.id}/withdraw`),
    ]);
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    expect([201, 422]).toContain(shared.statusCode);
    const shares = await t.db
      .select()
      .from(competenceShares)
      .where(eq(competenceShares.profileId, profile.id));
    expect(shares.filter((s) => s.endedAt === null)).toEqual([]);
  });
});

describe("a goal's next steps", () => {
  it("refuses the step past the goal's limit with 422 in the caller's language, and the profile stays readable", async () => {
    const w = await competenceWorld(t);
    const { profile, etag } = await startProfile(w);
    const goalId = randomUUID();
    let res = await save(w.counsellor, profile.id, etag, { goals: [{ id: goalId, text: "Arbeit" }] });
    let tag = String(res.headers.etag);
    const step = (title: string, language = "de") =>
      w.counsellor.request("POST", `/api/competence-profiles/${profile.id}/next-steps`, {
        body: { goalId, title },
        headers: { "if-match": tag, "accept-language": language },
      });
    for (let i = 0; i < 20; i++) {
      res = await step(`Schritt ${i}`);
      expect(res.statusCode, res.body).toBe(201);
      tag = String(res.headers.etag);
    }
    const before = await stored(profile.id);
    const full = await step("Schritt 21", "ar");
    expect(full.statusCode, full.body).toBe(422);
    expect(full.json().errors[0]).toMatchObject({
      field: "body.goalId",
      code: "competences.goal_steps_full",
    });
    expect(full.json().detail).toBe("هذا الهدف لديه بالفعل أكبر عدد من الخطوات التالية. يرجى إضافة هدف آخر.");
    expect(await stored(profile.id)).toEqual(before);
    const caseSteps = await ok(w.counsellor.request("GET", `/api/cases/${w.record.id}/next-steps`));
    expect(JSON.stringify(caseSteps)).not.toContain("Schritt 21");
    await ok(w.counsellor.request("GET", `/api/competence-profiles/${profile.id}`));
    await ok(save(w.counsellor, profile.id, tag, { step: "goals" }));
  });
});

const pdfText = (pdf: Buffer) => {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "profile-")), "p.pdf");
  fs.writeFileSync(file, pdf);
  return execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" });
};

describe("what a volunteer learns of special-category entries", () => {
  it("finds no trace of them in the profile, its PDF, its Europass, its versions or a comparison", async () => {
    const w = await competenceWorld(t);
    const { profile, etag } = await startProfile(w);
    const c = nurseContent();
    const secretActivity = randomUUID();
    const [work] = c.phases;
    if (!work) throw new Error("no phase");
    const first = await ok(
      save(w.counsellor, profile.id, etag, {
        phases: [
          {
            ...work,
            activities: [{ id: secretActivity, description: "GEHEIM Therapie begleitet", special: true }],
          },
          {
            id: randomUUID(),
            kind: "family_care",
            title: "GEHEIM Klinikaufenthalt",
            from: "2020-03",
            to: "2020-05",
            special: true,
          },
        ],
        // An ordinary competence derived from a special activity: its link must not show the activity.
        competences: [{ id: randomUUID(), title: "Geduld", activityIds: [secretActivity] }],
        interests: [{ id: randomUUID(), text: "GEHEIM Selbsthilfe", special: true }],
      }),
    );
    await endSitting(t, profile.id);
    // A sitting that changes only a special entry.
    await ok(
      save(w.counsellor, profile.id, `"${first.version}"`, {
        interests: [{ id: randomUUID(), text: "GEHEIM Reha-Sport", special: true }],
      }),
    );

    const seen = await ok(w.volunteer.request("GET", `/api/competence-profiles/${profile.id}`));
    expect(seen.content.competences[0].activityIds).toEqual([]);
    const europass = await w.volunteer.request("GET", `/api/competence-profiles/${profile.id}/europass`);
    const pdf = await w.volunteer.request("GET", `/api/competence-profiles/${profile.id}/pdf`);
    for (const text of [JSON.stringify(seen), europass.body, pdfText(pdf.rawPayload)]) {
      expect(text).not.toContain("GEHEIM");
      expect(text).not.toContain(secretActivity);
    }

    const versions = await ok(w.volunteer.request("GET", `/api/competence-profiles/${profile.id}/versions`));
    expect(versions.items.map((v: { sections: string[] }) => v.sections)).toEqual([
      [],
      ["biography", "informal"],
    ]);
    const compared = await ok(
      w.volunteer.request("GET", `/api/competence-profiles/${profile.id}/compare?from=1&to=2`),
    );
    expect(compared.to.sections).toEqual([]);
    expect(compared.sections).toEqual([]);
    // The counsellor still sees what the sittings changed.
    const full = await ok(w.counsellor.request("GET", `/api/competence-profiles/${profile.id}/versions`));
    expect(full.items[0].sections).toEqual(["interests"]);
  });
});

describe("the client's name in a share", () => {
  it("travels only when the consent covers the client's identity; else the pseudonym stands for it", async () => {
    const w = await competenceWorld(t);
    const { profile, etag } = await startProfile(w);
    await ok(save(w.counsellor, profile.id, etag, { interests: [{ id: randomUUID(), text: "Singen" }] }));
    await ok(
      w.counsellor.request("POST", `/api/clients/${w.client.id}/consents`, {
        body: {
          purpose: "competence_profile_sharing",
          recipientOrganisationId: w.company.id,
          legalBasis: "art6_1a",
          dataCategories: ["competence_profile"],
          informedLanguage: "ar",
          form: "signed",
        },
      }),
      201,
    );
    const created = await ok(
      w.counsellor.request("POST", `/api/competence-profiles/${profile.id}/shares`, {
        body: { recipientOrganisationId: w.company.id, sections: ["interests"] },
      }),
      201,
    );
    const inbox = await ok(w.contact.request("GET", "/api/competence-shares"));
    const seen = await ok(w.contact.request("GET", `/api/competence-shares/${created.id}`));
    for (const text of [JSON.stringify(inbox), JSON.stringify(seen)]) {
      expect(text).not.toContain(w.client.name);
    }
    expect(seen.clientName).toBe(w.client.pseudonym);
  });
});

describe("a share's snapshot over time", () => {
  it("stays as shared after edits, and stays ended after a revocation or a withdrawal and a new consent", async () => {
    const w = await competenceWorld(t);
    const { profile, etag } = await startProfile(w);
    const secretActivity = randomUUID();
    const c = nurseContent();
    const [work] = c.phases;
    if (!work) throw new Error("no phase");
    const first = await ok(
      save(w.counsellor, profile.id, etag, {
        phases: [{ ...work, activities: [{ id: secretActivity, description: "Therapie", special: true }] }],
        competences: [{ id: randomUUID(), title: "Geduld", activityIds: [secretActivity] }],
        interests: [{ id: randomUUID(), text: "Singen" }],
      }),
    );
    const consentBody = {
      purpose: "competence_profile_sharing",
      recipientOrganisationId: w.company.id,
      legalBasis: "art6_1a",
      dataCategories: ["identity", "competence_profile"],
      informedLanguage: "ar",
      form: "signed",
    };
    const consent = await ok(
      w.counsellor.request("POST", `/api/clients/${w.client.id}/consents`, { body: consentBody }),
      201,
    );
    const shareOf = async (sections: string[]) =>
      ok(
        w.counsellor.request("POST", `/api/competence-profiles/${profile.id}/shares`, {
          body: { recipientOrganisationId: w.company.id, sections },
        }),
        201,
      );
    const kept = await shareOf(["interests", "informal", "biography"]);
    const revoked = await shareOf(["interests"]);
    const before = await ok(w.contact.request("GET", `/api/competence-shares/${kept.id}`));
    // Without a special-category consent, no link to the withheld activity travels.
    expect(before.content.competences[0].activityIds).toEqual([]);
    expect(JSON.stringify(before)).not.toContain(secretActivity);

    await ok(
      save(w.counsellor, profile.id, `"${first.version}"`, {
        interests: [{ id: randomUUID(), text: "Tanzen" }],
      }),
    );
    expect(await ok(w.contact.request("GET", `/api/competence-shares/${kept.id}`))).toEqual(before);

    await ok(w.counsellor.request("DELETE", `/api/competence-shares/${revoked.id}`));
    await ok(w.counsellor.request("POST", `/api/consents/${consent.id}/withdraw`));
    await ok(
      w.counsellor.request("POST", `/api/clients/${w.client.id}/consents`, { body: consentBody }),
      201,
    );
    for (const id of [kept.id, revoked.id]) {
      expect((await w.contact.request("GET", `/api/competence-shares/${id}`)).statusCode).toBe(404);
    }
    expect((await ok(w.contact.request("GET", "/api/competence-shares"))).items).toEqual([]);
    const rows = await t.db.select().from(competenceShares).where(eq(competenceShares.profileId, profile.id));
    expect(rows.map((r) => r.endReason).sort()).toEqual(["consent_withdrawn", "revoked"]);
  });
});

describe("the PDF's language query", () => {
  it("falls back to the client's language and keeps no free text of the query in the audit log", async () => {
    const w = await competenceWorld(t);
    const { profile } = await startProfile(w);
    const junk = `Rana-${"x".repeat(300)}`;
    const res = await w.counsellor.request("GET", `/api/competence-profiles/${profile.id}/pdf`, {
      query: { language: junk },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-language"]).toBe("de, ar");
    const entries = await t.db.select().from(auditLog).where(eq(auditLog.entityId, profile.id));
    const pdf = entries.find((e) => e.action === "competence_profile.pdf");
    expect(pdf?.details).toMatchObject({ language: null });
    expect(JSON.stringify(entries)).not.toContain("Rana-");
  });
});

describe("sharing with the profile's own organisation", () => {
  it("is refused: it would open the profile to members who may not read it (its admins)", async () => {
    const w = await competenceWorld(t);
    const { profile, etag } = await startProfile(w);
    await ok(save(w.counsellor, profile.id, etag, { interests: [{ id: randomUUID(), text: "Singen" }] }));
    await ok(
      w.counsellor.request("POST", `/api/clients/${w.client.id}/consents`, {
        body: {
          purpose: "competence_profile_sharing",
          recipientOrganisationId: w.org.id,
          legalBasis: "art6_1a",
          dataCategories: ["identity", "competence_profile"],
          informedLanguage: "ar",
          form: "signed",
        },
      }),
      201,
    );
    const recipients = await ok(
      w.counsellor.request("GET", `/api/competence-profiles/${profile.id}/share-recipients`),
    );
    expect(recipients.items).toEqual([]);
    const res = await w.counsellor.request("POST", `/api/competence-profiles/${profile.id}/shares`, {
      body: { recipientOrganisationId: w.org.id, sections: ["interests"] },
      headers: { "accept-language": "en" },
    });
    expect(res.statusCode, res.body).toBe(422);
    expect(res.json().errors[0]).toMatchObject({
      field: "body.recipientOrganisationId",
      code: "competences.recipient_own",
      message: "The profile is not shared within its own organisation.",
    });
    expect(
      await t.db.select().from(competenceShares).where(eq(competenceShares.profileId, profile.id)),
    ).toEqual([]);
    expect((await ok(w.admin.request("GET", "/api/competence-shares"))).items).toEqual([]);
  });
});

describe("a received share's foreign qualifications", () => {
  it("show where the recognition stands only under a consent that names recognition data", async () => {
    const w = await competenceWorld(t);
    const { profile } = await startProfile(w);
    const q = await ok(
      w.counsellor.request("POST", `/api/clients/${w.client.id}/qualifications`, {
        body: { originalTitle: "Bachelor Krankenpflege", country: "SY" },
      }),
      201,
    );
    await ok(
      w.counsellor.request("POST", "/api/recognition-procedures", {
        body: { qualificationId: q.id, referenceOccupationCode: "81302", regulated: true },
      }),
      201,
    );
    const shareUnder = async (dataCategories: string[]) => {
      const consent = await ok(
        w.counsellor.request("POST", `/api/clients/${w.client.id}/consents`, {
          body: {
            purpose: "competence_profile_sharing",
            recipientOrganisationId: w.company.id,
            legalBasis: "art6_1a",
            dataCategories,
            informedLanguage: "ar",
            form: "signed",
          },
        }),
        201,
      );
      const share = await ok(
        w.counsellor.request("POST", `/api/competence-profiles/${profile.id}/shares`, {
          body: { recipientOrganisationId: w.company.id, sections: ["education"] },
        }),
        201,
      );
      const seen = await ok(w.contact.request("GET", `/api/competence-shares/${share.id}`));
      await ok(w.counsellor.request("POST", `/api/consents/${consent.id}/withdraw`));
      return seen.qualifications;
    };
    // The profile itself shows where the recognition stands (it always showed null before).
    const own = await ok(w.counsellor.request("GET", `/api/competence-profiles/${profile.id}`));
    expect(own.qualifications[0]).toMatchObject({ id: q.id, recognitionState: "enquiry" });
    const without = await shareUnder(["identity", "competence_profile"]);
    expect(without).toEqual([expect.objectContaining({ id: q.id, recognitionState: null })]);
    const withRecognition = await shareUnder(["identity", "competence_profile", "recognition"]);
    expect(withRecognition[0].recognitionState).not.toBeNull();
  });
});
