import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, competenceShares, outbox, users } from "../../src/server/db/schema.ts";
import { type Agent, createTestApp } from "../helpers/app.ts";
import { competenceWorld, nurseContent, ok, save, startProfile, type World } from "./competences-setup.ts";

const t = await createTestApp();

/** A profile with something in every section, one special-category interest among it. */
async function fullProfile(w: World) {
  const { profile, etag } = await startProfile(w);
  const c = nurseContent();
  const res = await save(w.counsellor, profile.id, etag, {
    phases: c.phases,
    work: c.work,
    competences: c.competences,
    languages: c.languages,
    interests: [
      { id: randomUUID(), text: `Singen im Chor ${w.tag}` },
      { id: randomUUID(), text: `Selbsthilfegruppe nach Krankheit ${w.tag}`, special: true },
    ],
    goals: [{ id: randomUUID(), text: "Arbeit in der Altenpflege" }],
    education: [
      {
        id: randomUUID(),
        kind: "vocational",
        title: "Krankenpflegeschule Aleppo",
        from: "2009-09",
        to: "2012-07",
      },
    ],
  });
  expect(res.statusCode, res.body).toBe(200);
  return { profileId: profile.id as string, content: res.json().content };
}

async function giveConsent(
  w: World,
  recipientOrganisationId: string,
  categories = ["identity", "competence_profile"],
) {
  return ok(
    w.counsellor.request("POST", `/api/clients/${w.client.id}/consents`, {
      body: {
        purpose: "competence_profile_sharing",
        recipientOrganisationId,
        legalBasis: categories.includes("special_categories") ? "art9_2a" : "art6_1a",
        dataCategories: categories,
        informedLanguage: "ar",
        form: "signed",
      },
    }),
    201,
  );
}

const share = (w: World, profileId: string, body: unknown) =>
  w.counsellor.request("POST", `/api/competence-profiles/${profileId}/shares`, { body });

describe("sharing a profile", () => {
  it("refuses without the client's consent (422) and writes nothing", async () => {
    const w = await competenceWorld(t);
    const { profileId } = await fullProfile(w);
    const res = await share(w, profileId, {
      recipientOrganisationId: w.company.id,
      recipientUserId: w.ids.contact,
      sections: ["languages", "skills"],
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe("consent.missing");
    const rows = await t.db.select().from(competenceShares).where(eq(competenceShares.profileId, profileId));
    expect(rows).toEqual([]);
  });

  it("gives the named contact a snapshot of exactly the chosen sections, until the consent is withdrawn", async () => {
    const w = await competenceWorld(t);
    const { profileId, content } = await fullProfile(w);
    const consent = await giveConsent(w, w.company.id);
    const created = await ok(
      share(w, profileId, {
        recipientOrganisationId: w.company.id,
        recipientUserId: w.ids.contact,
        sections: ["languages", "skills"],
      }),
      201,
    );
    expect(created).toMatchObject({
      recipientUserId: w.ids.contact,
      sections: ["languages", "skills"],
      endedAt: null,
    });

    const inbox = await ok(w.contact.request("GET", "/api/competence-shares"));
    expect(inbox.items.map((i: { id: string }) => i.id)).toEqual([created.id]);
    expect(inbox.items[0].clientName).toBe(w.client.name);
    const seen = await ok(w.contact.request("GET", `/api/competence-shares/${created.id}`));
    expect(Object.keys(seen.content).sort()).toEqual(["competences", "languages"]);
    expect(seen.content.languages).toEqual(content.languages);
    // Skills only: the ESCO-coded competence, not the informal one.
    expect(seen.content.competences.map((c: { title: string }) => c.title)).toEqual(["Deutsch sprechen"]);
    expect(seen.qualifications).toEqual([]);
    expect(JSON.stringify(seen)).not.toContain("Singen im Chor");

    // Named person: a colleague at the company, the sender's other staff and other organisations see nothing.
    expect((await ok(w.companyColleague.request("GET", "/api/competence-shares"))).items).toEqual([]);
    expect((await w.companyColleague.request("GET", `/api/competence-shares/${created.id}`)).statusCode).toBe(
      404,
    );
    expect((await w.otherCounsellor.request("GET", `/api/competence-shares/${created.id}`)).statusCode).toBe(
      404,
    );

    // The withdrawal ends the share at once, in the same transaction.
    await ok(w.counsellor.request("POST", `/api/consents/${consent.id}/withdraw`));
    expect((await w.contact.request("GET", `/api/competence-shares/${created.id}`)).statusCode).toBe(404);
    expect((await ok(w.contact.request("GET", "/api/competence-shares"))).items).toEqual([]);
    const list = await ok(w.counsellor.request("GET", `/api/competence-profiles/${profileId}/shares`));
    expect(list.items[0]).toMatchObject({ id: created.id, endReason: "consent_withdrawn" });
    expect(list.items[0].endedAt).not.toBeNull();
  });

  it("reads the share's consent again on every read, even if the share row was not ended", async () => {
    const w = await competenceWorld(t);
    const { profileId } = await fullProfile(w);
    const consent = await giveConsent(w, w.company.id);
    const created = await ok(
      share(w, profileId, { recipientOrganisationId: w.company.id, sections: ["work"] }),
      201,
    );
    // Organisation as recipient: every reader of the company sees it.
    await ok(w.companyColleague.request("GET", `/api/competence-shares/${created.id}`));
    await t.db.execute(sql`update consents set withdrawn_at = now() where id = ${consent.id}`);
    expect((await w.contact.request("GET", `/api/competence-shares/${created.id}`)).statusCode).toBe(404);
  });

  it("carries special-category entries only when the consent names that category", async () => {
    const w = await competenceWorld(t);
    const { profileId } = await fullProfile(w);
    await giveConsent(w, w.company.id, ["identity", "competence_profile", "special_categories"]);
    const created = await ok(
      share(w, profileId, { recipientOrganisationId: w.company.id, sections: ["interests"] }),
      201,
    );
    const seen = await ok(w.contact.request("GET", `/api/competence-shares/${created.id}`));
    expect(seen.content.interests).toHaveLength(2);

    const w2 = await competenceWorld(t);
    const p2 = await fullProfile(w2);
    await giveConsent(w2, w2.company.id);
    const c2 = await ok(
      share(w2, p2.profileId, { recipientOrganisationId: w2.company.id, sections: ["interests"] }),
      201,
    );
    const seen2 = await ok(w2.contact.request("GET", `/api/competence-shares/${c2.id}`));
    expect(seen2.content.interests.map((i: { text: string }) => i.text)).toEqual([
      `Singen im Chor ${w2.tag}`,
    ]);
  });

  it("ends a share when the counsellor revokes it; a recipient who is no member is refused", async () => {
    const w = await competenceWorld(t);
    const { profileId } = await fullProfile(w);
    await giveConsent(w, w.company.id);
    const stranger = await share(w, profileId, {
      recipientOrganisationId: w.company.id,
      recipientUserId: w.ids.volunteer,
      sections: ["work"],
    });
    expect(stranger.statusCode).toBe(422);
    expect(stranger.json().errors[0].field).toBe("body.recipientUserId");
    const created = await ok(
      share(w, profileId, {
        recipientOrganisationId: w.company.id,
        recipientUserId: w.ids.contact,
        sections: ["work"],
      }),
      201,
    );
    expect(
      (await w.otherCounsellor.request("DELETE", `/api/competence-shares/${created.id}`)).statusCode,
    ).toBe(404);
    const ended = await ok(w.counsellor.request("DELETE", `/api/competence-shares/${created.id}`));
    expect(ended.endReason).toBe("revoked");
    expect((await w.contact.request("GET", `/api/competence-shares/${created.id}`)).statusCode).toBe(404);
  });
});

describe("who sees a profile", () => {
  it("answers role by role: counsellor, volunteers, admin, company contact, other organisation, anonymous", async () => {
    const w = await competenceWorld(t);
    const { profileId } = await fullProfile(w);
    const paths = [
      `/api/competence-profiles/${profileId}`,
      `/api/clients/${w.client.id}/competence-profile`,
      `/api/competence-profiles/${profileId}/versions`,
      `/api/competence-profiles/${profileId}/compare?from=1&to=1`,
      `/api/competence-profiles/${profileId}/startup-offers`,
      `/api/competence-profiles/${profileId}/shares`,
    ];
    const statuses = async (agent: Agent) =>
      Promise.all(paths.map(async (p) => (await agent.request("GET", p)).statusCode));
    expect(await statuses(w.counsellor)).toEqual(paths.map(() => 200));
    expect(await statuses(w.volunteer)).toEqual(paths.map(() => 200));
    expect(await statuses(w.otherVolunteer)).toEqual(paths.map(() => 404));
    expect(await statuses(w.otherCounsellor)).toEqual(paths.map(() => 404));
    expect(await statuses(w.admin)).toEqual(paths.map(() => 403));
    expect(await statuses(w.contact)).toEqual(paths.map(() => 403));
    for (const p of paths) expect((await t.app.inject({ method: "GET", url: p })).statusCode).toBe(401);

    // The volunteer reads without special-category entries and may not write.
    const seen = await ok(w.volunteer.request("GET", `/api/competence-profiles/${profileId}`));
    expect(seen.withheldSpecial).toBe(true);
    expect(seen.content.interests.map((i: { text: string }) => i.text)).toEqual([`Singen im Chor ${w.tag}`]);
    const full = await ok(w.counsellor.request("GET", `/api/competence-profiles/${profileId}`));
    expect(full.withheldSpecial).toBe(false);
    expect(full.content.interests).toHaveLength(2);
    const write = await save(w.volunteer, profileId, `"${full.version}"`, { interests: [] });
    expect(write.statusCode).toBe(403);

    // Lists: the other organisation's list holds nothing of this profile.
    const own = await ok(w.counsellor.request("GET", "/api/competence-profiles"));
    expect(own.items.map((i: { id: string }) => i.id)).toContain(profileId);
    const foreign = await ok(w.otherCounsellor.request("GET", "/api/competence-profiles"));
    expect(foreign.items.map((i: { id: string }) => i.id)).not.toContain(profileId);
    const notAssigned = await ok(w.otherVolunteer.request("GET", "/api/competence-profiles"));
    expect(notAssigned.items).toEqual([]);
    // Writes from another organisation: 404 as well.
    expect(
      (await save(w.otherCounsellor, profileId, `"${full.version}"`, { interests: [] })).statusCode,
    ).toBe(404);
    expect(
      (
        await w.otherCounsellor.request("POST", `/api/clients/${w.client.id}/competence-profile`, {
          body: {},
        })
      ).statusCode,
    ).toBe(404);
  });

  it("audits every read and write, with ids only", async () => {
    const w = await competenceWorld(t);
    const { profileId } = await fullProfile(w);
    await giveConsent(w, w.company.id);
    const created = await ok(
      share(w, profileId, { recipientOrganisationId: w.company.id, sections: ["work"] }),
      201,
    );
    await ok(w.volunteer.request("GET", `/api/competence-profiles/${profileId}`));
    await ok(w.contact.request("GET", `/api/competence-shares/${created.id}`));
    const rows = await t.db
      .select()
      .from(auditLog)
      .where(sql`${auditLog.entityId} in (${profileId}, ${created.id})`);
    const actions = new Set(rows.map((r) => r.action));
    for (const a of [
      "competence_profile.create",
      "competence_profile.update",
      "competence_profile.read",
      "competence_share.create",
      "competence_share.read",
    ]) {
      expect(actions, a).toContain(a);
    }
    const text = JSON.stringify(rows);
    expect(text).not.toContain(w.client.name);
    expect(text).not.toContain(w.tag);

    // The audit log names the client of a profile: by pseudonym for the admin (no client scope).
    const log = await ok(
      w.admin.request("GET", "/api/audit", { query: { action: "competence_profile.read" } }),
    );
    expect(log.items.length).toBeGreaterThan(0);
    expect(log.items[0].record.label).toBe(w.client.pseudonym);
  });
});

describe("who a profile can be shared with", () => {
  it("lists only organisations the client consented to, with the people there who can receive it", async () => {
    const w = await competenceWorld(t);
    const { profileId } = await fullProfile(w);
    const path = `/api/competence-profiles/${profileId}/share-recipients`;
    // No consent yet: no organisation and nobody of the company is named.
    expect((await ok(w.counsellor.request("GET", path))).items).toEqual([]);
    await giveConsent(w, w.company.id);
    const listed = await ok(w.counsellor.request("GET", path));
    expect(listed.items.map((r: { organisationId: string }) => r.organisationId)).toEqual([w.company.id]);
    const people = listed.items[0].people.map((p: { userId: string }) => p.userId);
    expect(people).toContain(w.ids.contact);
    expect(people).toHaveLength(2);
    // A volunteer cannot share, another organisation does not see the profile at all.
    expect((await w.volunteer.request("GET", path)).statusCode).toBe(403);
    expect((await w.otherCounsellor.request("GET", path)).statusCode).toBe(404);
    expect((await w.contact.request("GET", path)).statusCode).toBe(403);
  });
});

describe("telling the recipient", () => {
  it("notifies the named contact in the app and by mail, without the client's name, linking the share", async () => {
    const w = await competenceWorld(t);
    const { profileId } = await fullProfile(w);
    await giveConsent(w, w.company.id);
    const created = await ok(
      share(w, profileId, {
        recipientOrganisationId: w.company.id,
        recipientUserId: w.ids.contact,
        sections: ["languages"],
      }),
      201,
    );
    const mine = await ok(w.contact.request("GET", "/api/notifications"));
    const note = mine.items.find((n: { kind: string }) => n.kind === "competence_profile_shared");
    expect(note?.details).toEqual({ shareId: created.id });
    // Named person: the colleague at the company hears nothing of it.
    const theirs = await ok(w.companyColleague.request("GET", "/api/notifications"));
    expect(theirs.items.filter((n: { kind: string }) => n.kind === "competence_profile_shared")).toEqual([]);
    const [contact] = await t.db
      .select({ email: users.email })
      .from(users)
      .where(eq(users.id, w.ids.contact));
    const mails = await t.db
      .select()
      .from(outbox)
      .where(eq(outbox.toAddress, contact?.email ?? ""));
    expect(mails).toHaveLength(1);
    expect(mails[0]?.template).toBe("competence_profile_shared");
    expect(mails[0]?.bodyText).toContain(`/competences/shared/${created.id}`);
    expect(`${mails[0]?.subject} ${mails[0]?.bodyText}`).not.toContain("Haddad");
  });
});
