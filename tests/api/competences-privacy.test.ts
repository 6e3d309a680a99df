import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import {
  auditLog,
  competenceProfiles,
  competenceProfileVersions,
  competenceShares,
} from "../../src/server/db/schema.ts";
import { readableExport } from "../../src/server/modules/privacy/export-pdf.ts";
import { createTestApp } from "../helpers/app.ts";
import { competenceWorld, endSitting, nurseContent, ok, save, startProfile } from "./competences-setup.ts";

const t = await createTestApp();

/** A profile over two sittings with a share under consent; the words planted are unique to it. */
async function sharedProfile() {
  const w = await competenceWorld(t);
  const { profile, etag } = await startProfile(w);
  const c = nurseContent();
  const words = {
    phase: `Pflegehelferin in Homs ${w.tag}`,
    interest: `Gärtnern im Kleingarten ${w.tag}`,
    idea: `Ambulanter Pflegedienst für arabischsprachige Familien ${w.tag}`,
  };
  const first = await save(w.counsellor, profile.id, etag, {
    phases: [{ ...c.phases[0], title: words.phase }],
    interests: [{ id: randomUUID(), text: words.interest }],
  });
  expect(first.statusCode, first.body).toBe(200);
  await endSitting(t, profile.id);
  const second = await save(w.counsellor, profile.id, String(first.headers.etag), {
    entrepreneurship: { businessIdea: { field: words.idea, stage: "idea" }, entreComp: [] },
  });
  expect(second.statusCode, second.body).toBe(200);
  await ok(
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
  const share = await ok(
    w.counsellor.request("POST", `/api/competence-profiles/${profile.id}/shares`, {
      body: {
        recipientOrganisationId: w.company.id,
        sections: ["biography", "interests", "entrepreneurship"],
      },
    }),
    201,
  );
  await ok(w.contact.request("GET", `/api/competence-shares/${share.id}`));
  return { w, profileId: profile.id as string, shareId: share.id as string, words };
}

/** Every base table of the public schema with a row whose text form contains the value. */
async function tablesContaining(value: string): Promise<string[]> {
  const tables = await t.db.execute<{ table_name: string }>(
    sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`,
  );
  const found: string[] = [];
  for (const { table_name } of tables.rows) {
    const hit = await t.db.execute(
      sql`select 1 from ${sql.identifier(table_name)} t where t::text ilike ${`%${value}%`} limit 1`,
    );
    if (hit.rows.length > 0) found.push(table_name);
  }
  return found;
}

describe("the competence profile in the client's rights", () => {
  it("is part of the Art. 15 export: the profile, its versions and its shares, and their accesses", async () => {
    const { w, profileId, shareId, words } = await sharedProfile();
    const data = await ok(w.counsellor.request("GET", `/api/clients/${w.client.id}/export`));
    const r = data.records;
    expect(r.competenceProfiles.map((p: { id: string }) => p.id)).toEqual([profileId]);
    expect(JSON.stringify(r.competenceProfiles)).toContain(words.idea);
    expect(r.competenceProfileVersions.map((v: { version: number }) => v.version)).toEqual([1, 2]);
    expect(r.competenceShares.map((s: { id: string }) => s.id)).toEqual([shareId]);
    const actions = data.accesses.map((a: { action: string }) => a.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        "competence_profile.create",
        "competence_share.create",
        "competence_share.read",
      ]),
    );
  });

  it("is removed by the Art. 17 erasure: nothing of it remains in any table", async () => {
    const { w, profileId, shareId, words } = await sharedProfile();
    for (const value of Object.values(words)) {
      expect(await tablesContaining(value), value).toEqual(
        expect.arrayContaining(["competence_profiles", "competence_profile_versions"]),
      );
    }
    expect(await tablesContaining(words.idea)).toContain("competence_shares");

    const res = await w.counsellor.request("DELETE", `/api/clients/${w.client.id}`);
    expect(res.statusCode, res.body).toBe(204);

    for (const value of [...Object.values(words), w.client.name]) {
      expect(await tablesContaining(value), value).toEqual([]);
    }
    expect(await t.db.select().from(competenceProfiles).where(eq(competenceProfiles.id, profileId))).toEqual(
      [],
    );
    expect(
      await t.db
        .select()
        .from(competenceProfileVersions)
        .where(eq(competenceProfileVersions.profileId, profileId)),
    ).toEqual([]);
    expect(await t.db.select().from(competenceShares).where(eq(competenceShares.id, shareId))).toEqual([]);
    const [erased] = await t.db.select().from(auditLog).where(eq(auditLog.action, "client.erase")).limit(1);
    expect(erased?.details).toMatchObject({
      counts: { competenceProfiles: 1, competenceProfileVersions: 2, competenceShares: 1 },
    });
    expect((await w.contact.request("GET", `/api/competence-shares/${shareId}`)).statusCode).toBe(404);
  });
});

describe("the readable Art. 15 document", () => {
  it("prints the profile's sections and a share's end in words", async () => {
    const { w, shareId } = await sharedProfile();
    await ok(w.counsellor.request("DELETE", `/api/competence-shares/${shareId}`));
    const res = await w.counsellor.request("GET", `/api/clients/${w.client.id}/export.pdf`);
    expect(res.statusCode).toBe(200);
    const data = await ok(w.counsellor.request("GET", `/api/clients/${w.client.id}/export`));
    const printed = JSON.stringify(await readableExport(t.db, data));
    for (const words of [
      "Kompetenzprofil",
      "Weitergaben des Kompetenzprofils",
      "Lebens- und Arbeitsphasen",
      "Von der Beratungsstelle beendet",
    ]) {
      expect(printed).toContain(words);
    }
  });
});
