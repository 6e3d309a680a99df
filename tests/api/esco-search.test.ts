import { describe, expect, it } from "vitest";
import type { z } from "zod";
import type { EscoList } from "../../src/shared/contracts/esco.ts";
import { createTestApp } from "../helpers/app.ts";
import { buildOrganisation, buildUser } from "../helpers/factories.ts";

const t = await createTestApp();
const org = await buildOrganisation(t.db);
const counsellor = await buildUser(t.db, { organisationId: org.id, role: "counsellor" });
const volunteer = await buildUser(t.db, { organisationId: org.id, role: "volunteer" });
const agent = await t.loginAs(counsellor.email);

type Hit = z.infer<typeof EscoList>["items"][number];
type Kind = "skills" | "occupations";
const get = (kind: Kind, query: Record<string, string>) =>
  agent.request("GET", `/api/esco/${kind}`, { query });
const search = async (kind: Kind, q: string, more: Record<string, string> = {}): Promise<Hit[]> => {
  const res = await get(kind, { q, ...more });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items;
};
const labels = (hits: Hit[]) => hits.map((h) => `${h.de} | ${h.en} | ${h.matched}`).join("\n");

const SKILL = /^http:\/\/data\.europa\.eu\/esco\/skill\/[0-9a-f-]{36}$/;
const OCCUPATION = /^http:\/\/data\.europa\.eu\/esco\/occupation\/[0-9a-f-]{36}$/;

describe("ESCO skills", () => {
  it("finds a preferred label first, with German and English labels and the collection", async () => {
    const hits = await search("skills", "Deutsch");
    expect(hits[0]).toEqual({
      uri: expect.stringMatching(SKILL),
      de: "Deutsch",
      en: "German",
      matched: null,
      collections: ["language"],
      kldb: [],
    });
    // Then the labels that start with it: speaking, writing German.
    expect(hits.slice(1, 3).map((h) => h.de)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^Deutsch (sprechen|schreiben)$/)]),
    );
  });

  it("tolerates typos, also in long words and two words", async () => {
    const bookkeeping = await search("skills", "Buchhaltnug");
    expect(
      bookkeeping.map((h) => h.en),
      labels(bookkeeping),
    ).toEqual(expect.arrayContaining(["accounting", "bookkeeping regulations"]));
    const communication = await search("skills", "Kommunikaton");
    expect(communication[0]?.de).toBe("Kommunikation");
    const forklift = await search("skills", "Gabelstabler");
    expect(forklift[0]?.en).toBe("operate forklift");
    const speak = await search("skills", "Deutsh sprechen");
    expect(speak[0]?.de).toBe("Deutsch sprechen");
  });

  it("finds by alternative labels and says which one matched", async () => {
    const [accounting] = await search("skills", "Buchhaltung");
    expect(accounting).toMatchObject({ de: "Buchführung", en: "accounting", matched: "Buchhaltung" });
    const [spreadsheets] = await search("skills", "Excel");
    expect(spreadsheets).toMatchObject({
      en: "use spreadsheets software",
      matched: "Microsoft Office Excel",
    });
    expect(spreadsheets?.collections).toContain("digital");
  });

  it("finds by English labels, stemmed", async () => {
    const [service] = await search("skills", "customer service", { lang: "en" });
    expect(service).toMatchObject({ de: "Kundendienst", en: "customer service", matched: null });
    const speaking = await search("skills", "speaking english", { lang: "en" });
    expect(speaking[0]).toMatchObject({ de: "Englisch sprechen", matched: "speak English" });
  });

  it("stems German words: the infinitive finds the noun and the other way round", async () => {
    const care = await search("skills", "Pflegen", { limit: "50" });
    expect(care.length).toBeGreaterThan(10);
    expect(
      care.every((h) => /pfleg/i.test(`${h.de} ${h.matched ?? ""}`)),
      labels(care),
    ).toBe(true);
  });

  it("finds words inside compounds and compounds written apart", async () => {
    const forklift = await search("skills", "stapler");
    expect(
      forklift.map((h) => h.de),
      labels(forklift),
    ).toContain("Gabelstapler bedienen");
    const [nursing] = await search("occupations", "Krankenpflege");
    expect(nursing?.de).toMatch(/Krankenpflege/);
    const children = await search("skills", "Kinderbetreuung");
    expect(children[0]?.en, labels(children)).toBe("provide chaperone for children on set");
  });

  it("needs every typed word", async () => {
    const hits = await search("skills", "Deutsch schreiben");
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.every((h) => /deutsch/i.test(h.de ?? "") && /schreib/i.test(`${h.de} ${h.matched}`))).toBe(
      true,
    );
    expect(await search("skills", "Gabelstapler Raumfahrt")).toEqual([]);
  });

  it("filters by collection", async () => {
    for (const collection of ["digital", "green", "language", "transversal"]) {
      const q = {
        digital: "Programmieren",
        green: "Abfall",
        language: "Arabisch",
        transversal: "Verantwortung",
      }[collection] as string;
      const hits = await search("skills", q, { collection });
      expect(hits.length, `${collection}: ${q}`).toBeGreaterThan(0);
      expect(hits.every((h) => h.collections.includes(collection as never))).toBe(true);
    }
    const all = await search("skills", "Programmieren", { limit: "50" });
    expect(all.some((h) => !h.collections.includes("digital"))).toBe(true);
  });

  it("honours the limit", async () => {
    expect(await search("skills", "Pflege", { limit: "3" })).toHaveLength(3);
  });
});

describe("ESCO occupations", () => {
  it("finds occupations with their ESCO URI and KldB codes", async () => {
    const [nurse] = await search("occupations", "Krankenschwester");
    expect(nurse).toMatchObject({
      uri: expect.stringMatching(OCCUPATION),
      de: expect.stringContaining("Krankenschwester"),
      kldb: ["81302"],
      collections: [],
    });
    const [engineer] = await search("occupations", "Bauingenieur");
    expect(engineer).toMatchObject({
      de: "Bauingenieur/Bauingenieurin",
      en: "civil engineer",
      kldb: ["31104"],
    });
  });

  it("finds a gender form and an everyday title, with typos", async () => {
    const [developer] = await search("occupations", "Softwareentwicklerin");
    expect(developer).toMatchObject({ en: "software developer", matched: null, kldb: ["43414"] });
    const [nurse] = await search("occupations", "Pflegfachkraft");
    expect(nurse).toMatchObject({ en: "nurse responsible for general care", matched: "Pflegefachkraft" });
    const electric = await search("occupations", "Elektricker");
    expect(
      electric.slice(0, 5).some((h) => h.kldb.includes("26212")),
      labels(electric),
    ).toBe(true);
  });

  it("finds occupations without a KldB mapping, by English label", async () => {
    const hits = await search("occupations", "nurse", { lang: "en" });
    expect(hits.slice(0, 3).map((h) => h.en)).toContain("nurse responsible for general care");
    const [officer] = await search("occupations", "air force officer", { lang: "en" });
    expect(officer).toMatchObject({ de: "Luftwaffenoffizier/Luftwaffenoffizierin", kldb: [] });
  });

  it("knows no collections", async () => {
    expect(await search("occupations", "Krankenschwester", { collection: "digital" })).toEqual([]);
  });
});

describe("ESCO search: odd input and access", () => {
  it("finds nothing for nonsense", async () => {
    for (const q of ["Qwrtzplx", "zzzz yyyy", "Blörpfnax"]) expect(await search("skills", q)).toEqual([]);
  });

  it("answers odd input with 400 or an empty list, never 500", async () => {
    const odd = [
      "x".repeat(200),
      "Pflege ".repeat(28),
      "!!!???...",
      "😀😀",
      "'; drop table users; --",
      "%",
      "_",
      "\\",
      "Ä\u0000Ö",
      "١٢٣ ممرضة",
      "a b c d e f g h i j k l m n o p q r s t",
    ];
    for (const kind of ["skills", "occupations"] as const) {
      for (const q of odd) {
        const res = await get(kind, { q });
        expect([200, 400], `${kind} ${JSON.stringify(q)}: ${res.body}`).toContain(res.statusCode);
        if (res.statusCode === 200 && !q.startsWith("Pflege")) {
          expect(Array.isArray(res.json().items)).toBe(true);
        }
      }
      const invalid: Record<string, string>[] = [
        { q: "" },
        { q: "   " },
        { q: "x".repeat(201) },
        { q: "Pflege", lang: "fr" },
        { q: "Pflege", limit: "0" },
        { q: "Pflege", limit: "51" },
        { q: "Pflege", collection: "blue" },
      ];
      for (const query of invalid) {
        expect((await get(kind, query)).statusCode, JSON.stringify(query)).toBe(400);
      }
    }
  });

  it("serves every signed-in role, and no one anonymous", async () => {
    const asVolunteer = await t.loginAs(volunteer.email);
    const res = await asVolunteer.request("GET", "/api/esco/skills", { query: { q: "Deutsch" } });
    expect(res.statusCode).toBe(200);
    for (const kind of ["skills", "occupations"]) {
      const anonymous = await t.app.inject({ method: "GET", url: `/api/esco/${kind}?q=Deutsch` });
      expect(anonymous.statusCode).toBe(401);
    }
  });
});
