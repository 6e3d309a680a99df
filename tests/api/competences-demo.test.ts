import { performance } from "node:perf_hooks";
import { and, asc, count, eq, ne } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import {
  competenceProfiles,
  competenceProfileVersions,
  competenceShares,
  memberships,
  users,
} from "../../src/server/db/schema.ts";
import { DEMO_PROFILES } from "../../src/server/demo/competence-catalogue.ts";
import { DEMO_PARTNER_PROFILES } from "../../src/server/demo/competence-catalogue-partners.ts";
import { DEMO_PASSWORD, seedDemo } from "../../src/server/demo/seed.ts";
import { validateEuropass } from "../../src/server/modules/competences/europass/export.ts";
import { createTestApp } from "../helpers/app.ts";

const t = await createTestApp();
const ALL = [...DEMO_PROFILES, ...DEMO_PARTNER_PROFILES];
let seedMs = 0;

beforeAll(async () => {
  const start = performance.now();
  expect(await seedDemo(t.db)).toBe(true);
  seedMs = performance.now() - start;
});

const login = (email: string) => t.loginAs(email, DEMO_PASSWORD);

describe("the demo competence profiles", () => {
  it("are seeded for every catalogue client, in several languages, each over two or three sittings", async () => {
    const [profiles] = await t.db.select({ n: count() }).from(competenceProfiles);
    expect(profiles?.n).toBe(ALL.length);
    const versions = await t.db.select().from(competenceProfileVersions);
    expect(versions).toHaveLength(ALL.reduce((n, p) => n + p.sittings.length, 0));
    expect(versions.every((v) => v.sections.length > 0)).toBe(true);
    const mother = new Set(
      (await t.db.select().from(competenceProfiles)).flatMap((p) => p.content.languages.motherTongues),
    );
    for (const l of ["ar", "uk", "fa", "tr"]) expect(mother).toContain(l);
    expect(seedMs).toBeLessThan(60_000);
  });

  it("shows the counsellor a profile with versions, a goal's step in the case and an EntreComp business idea", async () => {
    const counsellor = await login("beratung@lotse.example");
    const list = await counsellor.request("GET", "/api/competence-profiles");
    expect(list.statusCode).toBe(200);
    const rania = list.json().items.find((i: { clientName: string }) => i.clientName === "Rania Al-Khatib");
    const profile = (await counsellor.request("GET", `/api/competence-profiles/${rania.id}`)).json();
    expect(profile.nextSteps).toHaveLength(1);
    expect(profile.labels).not.toEqual({});
    const versions = (
      await counsellor.request("GET", `/api/competence-profiles/${rania.id}/versions`)
    ).json();
    expect(versions.items).toHaveLength(3);
    const cmp = await counsellor.request("GET", `/api/competence-profiles/${rania.id}/compare`, {
      query: { from: "1", to: "3" },
    });
    expect(cmp.statusCode).toBe(200);
    expect(cmp.json().sections.length).toBeGreaterThan(2);
    const [halyna] = (await t.db.select().from(competenceProfiles)).filter(
      (p) => p.content.entrepreneurship.businessIdea !== null,
    );
    expect(halyna?.content.entrepreneurship.entreComp.length).toBeGreaterThan(0);
    expect(halyna?.content.goals.some((g) => g.selfEmployment && g.caseNextStepIds.length === 1)).toBe(true);
  });

  it("shares one profile with the demo company contact, who sees exactly the shared sections", async () => {
    const [share] = await t.db.select().from(competenceShares);
    expect(share).toBeDefined();
    const contact = await login("unternehmen@lotse.example");
    const inbox = (await contact.request("GET", "/api/competence-shares")).json();
    expect(inbox.items).toHaveLength(1);
    const seen = (await contact.request("GET", `/api/competence-shares/${inbox.items[0].id}`)).json();
    expect(Object.keys(seen.content).sort()).toEqual(["competences", "languages", "work"]);
  });

  it("shows the demo volunteer the profile of the assigned case only, without special entries", async () => {
    const volunteer = await login("ehrenamt@lotse.example");
    const list = (await volunteer.request("GET", "/api/competence-profiles")).json();
    for (const item of list.items) {
      const p = (await volunteer.request("GET", `/api/competence-profiles/${item.id}`)).json();
      expect(p.withheldSpecial).toBe(true);
    }
  });

  it("exports every demo profile as a Europass credential that conforms to the shipped SHACL shapes", async () => {
    const rows = await t.db
      .select({ id: competenceProfiles.id, org: competenceProfiles.organisationId })
      .from(competenceProfiles);
    for (const { id, org } of rows) {
      // Each profile is exported by a counsellor of its own organisation.
      const [who] = await t.db
        .select({ email: users.email })
        .from(memberships)
        .innerJoin(users, eq(users.id, memberships.userId))
        .where(
          and(
            eq(memberships.organisationId, org),
            eq(memberships.role, "counsellor"),
            // beratung@ acts for two organisations; the others for one.
            ne(users.email, "beratung@lotse.example"),
          ),
        )
        .orderBy(asc(users.email))
        .limit(1);
      const counsellor = await login(who?.email ?? "");
      const res = await counsellor.request("GET", `/api/competence-profiles/${id}/europass`);
      expect(res.statusCode, res.body).toBe(200);
      const result = await validateEuropass(JSON.parse(res.body));
      expect(result.results, `${id}: ${JSON.stringify(result.results.slice(0, 2))}`).toEqual([]);
    }
  });
});
