import { describe, expect, it } from "vitest";
import { addMonths } from "../../src/server/modules/recognition/dates.ts";
import { OCCUPATION_FIELDS } from "../../src/shared/occupations.ts";
import { createTestApp } from "../helpers/app.ts";
import { buildOrganisation, buildUser } from "../helpers/factories.ts";

const t = await createTestApp();
const org = await buildOrganisation(t.db);
const user = await buildUser(t.db, { organisationId: org.id, role: "counsellor" });
const agent = await t.loginAs(user.email);

const search = async (q: string, limit?: number) => {
  const res = await agent.request("GET", "/api/occupations", {
    query: { q, ...(limit ? { limit: String(limit) } : {}) },
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items as {
    code: string;
    title: string;
    field: string;
    fieldTitle: string;
    matched: { label: string } | null;
  }[];
};

describe("KldB 2010 occupations", () => {
  it("finds level-5 occupations by words in any order, with their field", async () => {
    const items = await search("fachlich krankenpflege");
    expect(items[0]).toMatchObject({
      code: "81302",
      title:
        "Berufe in der Gesundheits- und Krankenpflege (ohne Spezialisierung) – fachlich ausgerichtete Tätigkeiten",
      field: "81",
      fieldTitle: "Medizinische Gesundheitsberufe",
      matched: null,
    });
    for (const o of items) expect(o.code).toMatch(/^[0-9]{5}$/);
  });

  it("ignores case and umlauts, whichever way they are typed", async () => {
    const codes = async (q: string) => (await search(q, 50)).map((o) => o.code);
    const withUmlaut = await codes("Ärzte Chirurgie");
    expect(withUmlaut).toContain("81434");
    expect(await codes("aerzte chirurgie")).toEqual(withUmlaut);
    expect(await codes("ARZTE CHIRURGIE")).toEqual(withUmlaut);
  });

  it("ranks a match at the start of the title or of a word above one inside a word", async () => {
    // Among the hits on official titles; everyday titles (Krankenschwester) are another test's.
    const items = (await search("kranken", 50)).filter((o) => o.matched === null);
    const first = items.findIndex((o) => !/(^|[^\p{L}])kranken/iu.test(o.title));
    const last = items.findLastIndex((o) => /(^|[^\p{L}])kranken/iu.test(o.title));
    expect(first).toBeGreaterThan(0);
    expect(last).toBeLessThan(first);
  });

  it("keeps leading zeros and finds occupations by the start of their code", async () => {
    const items = await search("0110");
    expect(items.map((o) => o.code)).toContain("01104");
    expect(items.every((o) => o.code.startsWith("0110") && o.field === "01")).toBe(true);
  });

  it("lists the 37 occupation fields, the same as the shared list the contracts validate against", async () => {
    const res = await agent.request("GET", "/api/occupations/fields");
    expect(res.statusCode).toBe(200);
    expect(res.json().items).toHaveLength(37);
    expect(res.json().items).toEqual(OCCUPATION_FIELDS.map((f) => ({ code: f.code, title: f.title })));
    expect(res.json().items).toContainEqual({ code: "43", title: expect.stringMatching(/^Informatik/) });
  });

  it("refuses a query of less than two letters", async () => {
    const res = await agent.request("GET", "/api/occupations", { query: { q: "P" } });
    expect(res.statusCode).toBe(400);
  });
});

describe("organisations of the directory", () => {
  it("finds active organisations of the whole network by name, names starting with the words first", async () => {
    const suffix = crypto.randomUUID().slice(0, 8);
    const authority = await buildOrganisation(t.db, { name: `Landesamt ${suffix}`, type: "other" });
    const chamber = await buildOrganisation(t.db, {
      name: `Kammer beim Landesamt ${suffix}`,
      type: "chamber",
    });
    await buildOrganisation(t.db, { name: `Landesamt ${suffix} alt`, status: "inactive" });
    const res = await agent.request("GET", "/api/directory/organisations", {
      query: { q: `landesamt ${suffix}` },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().items).toEqual([
      { id: authority.id, name: authority.name, type: "other" },
      { id: chamber.id, name: chamber.name, type: "chamber" },
    ]);
  });

  it("answers at most 20", async () => {
    for (let i = 0; i < 22; i++) await buildOrganisation(t.db, { name: `Verbund Nord ${i}` });
    const res = await agent.request("GET", "/api/directory/organisations", { query: { q: "Verbund Nord" } });
    expect(res.json().items).toHaveLength(20);
  });

  it("lists organisations by name when nothing is typed yet", async () => {
    const res = await agent.request("GET", "/api/directory/organisations");
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().items.length).toBeGreaterThan(0);
    expect(res.json().items.length).toBeLessThanOrEqual(20);
  });
});

describe("the authority's decision deadline", () => {
  it("is three months on, or the last day of a shorter month", () => {
    expect(addMonths("2026-01-15", 3)).toBe("2026-04-15");
    expect(addMonths("2025-11-30", 3)).toBe("2026-02-28");
    expect(addMonths("2027-11-30", 3)).toBe("2028-02-29");
    expect(addMonths("2026-10-31", 3)).toBe("2027-01-31");
  });
});
