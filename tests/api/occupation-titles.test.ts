import { describe, expect, it } from "vitest";
import type { z } from "zod";
import type { OccupationList } from "../../src/shared/contracts/recognition.ts";
import { createTestApp } from "../helpers/app.ts";
import { buildClient } from "../helpers/case-factories.ts";
import { buildOrganisation, buildUser } from "../helpers/factories.ts";

const t = await createTestApp();
const org = await buildOrganisation(t.db);
const user = await buildUser(t.db, { organisationId: org.id, role: "counsellor" });
const agent = await t.loginAs(user.email);

type Hit = z.infer<typeof OccupationList>["items"][number];
const search = async (q: string, limit = 10): Promise<Hit[]> => {
  const res = await agent.request("GET", "/api/occupations", { query: { q, limit: String(limit) } });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items;
};

const LVWA = /^Landesverwaltungsamt Sachsen-Anhalt/;
/**
 * Everyday titles a counsellor of migrants meets, the reference occupation expected among the first
 * five hits (the bare "Ingenieur" leads to the main branches of engineering), and for regulated professions the competent authority in Sachsen-Anhalt.
 */
const TITLES: { q: string; code: string; authority?: RegExp; route?: string }[] = [
  { q: "Ingenieur", code: "25104", authority: /^Ingenieurkammer Sachsen-Anhalt$/ },
  { q: "Ingenieurin", code: "31104", authority: /^Ingenieurkammer Sachsen-Anhalt$/ },
  { q: "Bauingenieur", code: "31104", authority: /^Ingenieurkammer Sachsen-Anhalt$/ },
  { q: "Krankenschwester", code: "81302", authority: LVWA },
  { q: "Krankenpfleger", code: "81302", authority: LVWA },
  { q: "Altenpflegerin", code: "82102", authority: LVWA },
  { q: "Erzieherin", code: "83112", authority: /^Landesschulamt Sachsen-Anhalt$/ },
  { q: "Erzieher", code: "83112", authority: /^Landesschulamt Sachsen-Anhalt$/ },
  { q: "Aerztin", code: "81404", authority: LVWA },
  { q: "Arzt", code: "81404", authority: LVWA },
  { q: "Zahnärztin", code: "81474", authority: LVWA },
  { q: "Apotheker", code: "81804", authority: LVWA },
  { q: "Physiotherapeutin", code: "81712", authority: LVWA },
  { q: "Hebamme", code: "81352", authority: LVWA },
  { q: "Lehrerin", code: "84124", authority: /Landesprüfungsamt für Lehrämter/ },
  { q: "Grundschullehrer", code: "84114", authority: /Landesprüfungsamt für Lehrämter/ },
  { q: "Sozialarbeiterin", code: "83124", authority: LVWA },
  { q: "Architektin", code: "31114", authority: /^Architektenkammer Sachsen-Anhalt$/ },
  { q: "Tierärztin", code: "81504" },
  { q: "Elektriker", code: "26212", route: "craft" },
  { q: "Elektrikerin", code: "26212", route: "craft" },
  { q: "Softwareentwicklerin", code: "43414", route: "academic" },
  { q: "Programmierer", code: "43414", route: "academic" },
  { q: "Kfz-Mechaniker", code: "25212", route: "craft" },
  { q: "Maurer", code: "32122", route: "craft" },
  { q: "Tischlerin", code: "22342", route: "craft" },
  { q: "Köchin", code: "29302", route: "ihk" },
  { q: "Friseurin", code: "82312", route: "craft" },
  { q: "LKW-Fahrer", code: "52122", route: "ihk" },
  { q: "Buchhalterin", code: "72213", route: "vocational_or_academic" },
  { q: "Psychologin", code: "81614", route: "academic" },
  // Typos
  { q: "Krankenschwster", code: "81302", authority: LVWA },
  { q: "Elektricker", code: "26212", route: "craft" },
];

describe("reference occupations by everyday titles", () => {
  it.each(TITLES)("finds $code for “$q”", async ({ q, code, authority, route }) => {
    const items = await search(q);
    const hit = items.slice(0, 5).find((o) => o.code === code);
    expect(hit, `${q}: ${items.map((o) => o.code).join(", ")}`).toBeDefined();
    if (!hit) return;
    if (authority) {
      expect(hit.recognition.regulated).toBe(true);
      expect(hit.recognition.route).toBe("regulated");
      expect(hit.recognition.profession).toBeTruthy();
      expect(hit.recognition.law).toBeTruthy();
      expect(hit.recognition.bodies[0]?.name).toMatch(authority);
    } else if (route) {
      expect(hit.recognition.regulated).toBe(false);
      expect(hit.recognition.route).toBe(route);
    } else {
      expect(hit.recognition.regulated).toBe(true);
    }
  });

  it("says which title matched and which ESCO occupation it came from", async () => {
    const [first] = await search("Krankenschwester");
    expect(first).toMatchObject({
      code: "81302",
      title: expect.stringMatching(/^Berufe in der Gesundheits- und Krankenpflege/),
      field: "81",
      matched: {
        label: "Krankenschwester",
        source: "esco",
        escoUri: expect.stringMatching(/^http:\/\/data\.europa\.eu\/esco\/occupation\//),
      },
      recognition: {
        regulated: true,
        kind: "title",
        legalBasis: "federal_profession_law",
        bodies: [{ name: expect.stringMatching(LVWA), url: "https://lvwa.sachsen-anhalt.de", certain: true }],
      },
    });
    const [erzieherin] = await search("Erzieherin");
    expect(erzieherin).toMatchObject({ code: "83112", matched: { label: "Erzieherin" } });
    const [kinderkrankenpflegerin] = await search("Gesundheits- und Kinderkrankenpflegerin");
    expect(kinderkrankenpflegerin?.matched).toEqual({
      label: "Gesundheits- und Kinderkrankenpflegerin",
      source: "lotse",
      escoUri: null,
    });
  });

  it("matches regardless of case, umlauts and gender form", async () => {
    const first = async (q: string) => (await search(q, 3))[0]?.code;
    for (const q of ["Ärztin", "ÄRZTIN", "aerztin", "Arztin", "arzt"]) expect(await first(q)).toBe("81404");
    for (const q of ["Köchin", "koechin", "Koch"]) expect(await first(q)).toBe("29302");
    expect(await first("Kauffrau im Einzelhandel")).toBe(await first("Kaufmann im Einzelhandel"));
  });

  it("finds by the start of a title and ranks the common title first", async () => {
    expect((await search("Krankensch", 3))[0]?.code).toBe("81302");
    expect((await search("Hebam", 3))[0]?.code).toBe("81352");
  });

  it("tells the crafts that need a Meister for self-employment", async () => {
    const [friseur] = await search("Friseur", 1);
    expect(friseur?.recognition.notes).toContain("meister_required");
    expect(friseur?.recognition.bodies.map((b) => b.name)).toEqual([
      expect.stringMatching(/^Handwerkskammer Halle \(Saale\)/),
      expect.stringMatching(/^Handwerkskammer Magdeburg/),
    ]);
  });

  it("finds nothing for nonsense", async () => {
    for (const q of ["Qwrtzplx", "zzzz yyyy", "Blörpfnax"]) expect(await search(q)).toEqual([]);
  });

  it("still finds official KldB titles and codes", async () => {
    expect((await search("fachlich krankenpflege", 3))[0]?.code).toBe("81302");
    const byCode = await search("8130", 10);
    expect(byCode.map((o) => o.code)).toContain("81302");
    expect(byCode.every((o) => o.matched === null)).toBe(true);
  });

  it("answers one hit per reference occupation", async () => {
    const items = await search("Ingenieur", 50);
    expect(new Set(items.map((o) => o.code)).size).toBe(items.length);
  });

  it("shows the recognition of the reference occupation on a procedure", async () => {
    const client = await buildClient(t.db, { organisationId: org.id });
    const q = await agent.request("POST", `/api/clients/${client.id}/qualifications`, {
      body: { originalTitle: "Медсестра", country: "UA" },
    });
    expect(q.statusCode, q.body).toBe(201);
    const p = await agent.request("POST", "/api/recognition-procedures", {
      body: { qualificationId: q.json().id, referenceOccupationCode: "81302", regulated: true },
    });
    expect(p.statusCode, p.body).toBe(201);
    expect(p.json().recognition).toMatchObject({
      regulated: true,
      bodies: [{ name: expect.stringMatching(LVWA) }],
    });
  });
});
