import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  escoCatalogue,
  escoLabels,
  escoOccupation,
  escoSkill,
} from "../../src/server/modules/competences/esco/catalogue.ts";
import { occupationByCode } from "../../src/server/modules/recognition/kldb.ts";
import { ESCO_OCCUPATION_URI, ESCO_SKILL_URI } from "../../src/shared/competences.ts";

const SHOW_INITIATIVE = "http://data.europa.eu/esco/skill/001115fb-569f-4ee6-8381-c6807ef2527f";
const PHYSICIST = "http://data.europa.eu/esco/occupation/7f2761eb-4edc-48ad-9fbf-eed0a0db9a21";
const reference = path.resolve(import.meta.dirname, "../../reference/esco");

describe("the ESCO v1.2 catalogue", () => {
  it("holds every skill and occupation of ESCO v1.2 with valid URIs", () => {
    const { skills, occupations } = escoCatalogue();
    expect(skills).toHaveLength(13_939);
    expect(occupations).toHaveLength(3_039);
    expect(skills.every((s) => ESCO_SKILL_URI.test(s.uri) && s.de)).toBe(true);
    expect(occupations.every((o) => ESCO_OCCUPATION_URI.test(o.uri) && o.de && o.en && o.code)).toBe(true);
    // English labels: ESCO v1.1.1 lacks them for a few skills new in v1.2.
    expect(skills.filter((s) => !s.en).length).toBeLessThan(300);
  });

  it("knows the four collections with their official sizes", () => {
    const counts: Record<string, number> = {};
    for (const s of escoCatalogue().skills) for (const c of s.collections) counts[c] = (counts[c] ?? 0) + 1;
    expect(counts).toEqual({ digital: 1284, green: 591, language: 359, transversal: 95 });
  });

  it("answers a skill with its labels and collections", () => {
    expect(escoSkill(SHOW_INITIATIVE)).toMatchObject({
      uri: SHOW_INITIATIVE,
      de: "Initiative zeigen",
      en: "show initiative",
      altEn: expect.arrayContaining(["take the initiative"]),
      collections: ["transversal"],
    });
    expect(
      escoSkill("http://data.europa.eu/esco/skill/00000000-0000-0000-0000-000000000000"),
    ).toBeUndefined();
    expect(escoSkill(PHYSICIST)).toBeUndefined();
  });

  it("answers an occupation with exactly its record, and KldB codes of the classification", () => {
    expect(escoOccupation(PHYSICIST)).toEqual({
      uri: PHYSICIST,
      code: "2111.3",
      de: "Physiker/Physikerin",
      en: "physicist",
      kldb: ["41404"],
    });
    const mapped = escoCatalogue().occupations.filter((o) => o.kldb.length > 0);
    expect(mapped.length).toBeGreaterThan(300);
    expect(mapped.every((o) => o.kldb.every((code) => occupationByCode(code)))).toBe(true);
    expect(escoOccupation(SHOW_INITIATIVE)).toBeUndefined();
  });

  it("gives labels in German and English, leaving out unknown codes", () => {
    expect(escoLabels([SHOW_INITIATIVE, PHYSICIST, "81302", "99999", "nonsense"])).toEqual({
      [SHOW_INITIATIVE]: { de: "Initiative zeigen", en: "show initiative" },
      [PHYSICIST]: { de: "Physiker/Physikerin", en: "physicist" },
      "81302": { de: expect.stringMatching(/^Berufe in der Gesundheits- und Krankenpflege/), en: null },
    });
  });

  it("ships the files its PROVENANCE names, byte for byte", () => {
    const provenance = fs.readFileSync(path.join(reference, "PROVENANCE.md"), "utf8");
    expect(provenance).toContain("This service uses the ESCO classification of the European Commission.");
    for (const file of ["skills.tsv.gz", "esco-occupations.tsv.gz"]) {
      const sha = crypto
        .createHash("sha256")
        .update(fs.readFileSync(path.join(reference, file)))
        .digest("hex");
      expect(provenance, file).toContain(sha);
    }
  });

  it("never reads the shared folder at run time", () => {
    const dir = path.resolve(import.meta.dirname, "../../src/server/modules/competences/esco");
    for (const file of fs.readdirSync(dir)) {
      expect(fs.readFileSync(path.join(dir, file), "utf8"), file).not.toMatch(/shared\/data|\.\.\/shared/);
    }
  });
});
