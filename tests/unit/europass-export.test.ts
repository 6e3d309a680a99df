import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import {
  type EuropassInput,
  europassCredential,
  validateEuropass,
} from "../../src/server/modules/competences/europass/export.ts";
import { SEALING_ONLY } from "../../src/server/modules/competences/europass/validate.ts";
import { language } from "../../src/server/modules/competences/europass/vocabularies.ts";
import { ProfileContent } from "../../src/shared/contracts/competences.ts";
import { ISO_639_1 } from "../../src/shared/languages.ts";
import { COMPETENCE_FIXTURES, FIXTURE_ISSUER, FIXTURE_LABELS } from "../fixtures/competence-profiles.ts";

// The Europass export of the fixture profiles against the official EDC shapes (offline), and
// deliberately broken exports that must give the expected violation.

const ISSUED_AT = "2026-12-06T10:00:00Z";
const input = (key: string, extra: Partial<EuropassInput> = {}): EuropassInput => {
  const fixture = COMPETENCE_FIXTURES.find((f) => f.key === key);
  if (!fixture) throw new Error(key);
  return { ...fixture, labels: FIXTURE_LABELS, issuer: FIXTURE_ISSUER, issuedAt: ISSUED_AT, ...extra };
};
// biome-ignore lint/suspicious/noExplicitAny: the tests reach into the JSON-LD document to break it
type Doc = any;
const exportOf = (key: string, extra: Partial<EuropassInput> = {}): Doc =>
  europassCredential(input(key, extra));
const claims = (doc: Doc): Doc[] => doc.credentialSubject.hasClaim;

const ELM = "http://data.europa.eu/snb/model/elm/";
const NO_CV = "http://data.europa.eu/snb/model/ap/edc-generic-no-cv/";
const FULL = "http://data.europa.eu/snb/model/ap/edc-generic-full/";
const SH = "http://www.w3.org/ns/shacl#";

// No network: any fetch during these tests is recorded and refused.
const fetchSpy = vi.fn(async () => {
  throw new Error("network access in a Europass test");
});
const realFetch = globalThis.fetch;
beforeAll(() => {
  globalThis.fetch = fetchSpy as unknown as typeof fetch;
});
afterAll(() => {
  globalThis.fetch = realFetch;
  expect(fetchSpy).not.toHaveBeenCalled();
});

describe("the export of every fixture profile", () => {
  it.each(COMPETENCE_FIXTURES.map((f) => f.key))(
    "%s conforms to the EDC shapes but for sealing",
    async (key) => {
      const started = performance.now();
      const report = await validateEuropass(exportOf(key));
      const ms = performance.now() - started;
      console.log(`europass validation ${key}: ${ms.toFixed(0)} ms, ${report.quads} quads`);
      expect(report.results).toEqual([]);
      expect(report.conforms).toBe(true);
      // What is set apart is exactly the issuer's eIDAS identifier, which sealing adds.
      expect(report.sealingOnly).toHaveLength(1);
      expect(report.sealingOnly[0]).toMatchObject({
        shape: SEALING_ONLY[0].shape,
        node: `${NO_CV}IssuerNodeShape`,
        value: `urn:uuid:${FIXTURE_ISSUER.id}`,
      });
    },
  );

  it("counts that one result when validated as a sealed credential", async () => {
    const report = await validateEuropass(exportOf("arabic-nurse"), { sealed: true });
    expect(report.conforms).toBe(false);
    expect(report.results.map((r) => [r.shape, r.constraint])).toEqual([
      [`${NO_CV}EuropeanDigitalCredential-cred_issuer`, `${SH}NodeConstraintComponent`],
    ]);
  });

  it("is the same document for the same input, with name-based ids", () => {
    expect(exportOf("ukrainian-engineer")).toEqual(exportOf("ukrainian-engineer"));
    const later = exportOf("ukrainian-engineer", { issuedAt: "2026-12-07T10:00:00Z" });
    expect(later.id).not.toBe(exportOf("ukrainian-engineer").id);
    expect(later.credentialSubject).toEqual(exportOf("ukrainian-engineer").credentialSubject);
    expect(JSON.stringify(exportOf("ukrainian-engineer"))).not.toMatch(/urn:epass|_:b/);
  });

  it("gives every nested node an id and a type", () => {
    const missing: string[] = [];
    const isLangMap = (o: object) =>
      Object.entries(o).every(([k, v]) => /^[a-z]{2}$/.test(k) && typeof v === "string");
    const walk = (node: unknown, path: string) => {
      if (Array.isArray(node)) {
        node.forEach((n, i) => {
          walk(n, `${path}[${i}]`);
        });
        return;
      }
      if (!node || typeof node !== "object" || isLangMap(node)) return;
      const o = node as Record<string, unknown>;
      if (path !== "$" && !(typeof o.id === "string" && o.type)) missing.push(path);
      for (const [k, v] of Object.entries(o)) if (k !== "@context") walk(v, `${path}.${k}`);
    };
    for (const f of COMPETENCE_FIXTURES) walk(exportOf(f.key), "$");
    expect(missing).toEqual([]);
  });

  it("holds the person, the ESCO skills, the EQF levels and the CEFR grades", () => {
    const nurse = exportOf("arabic-nurse");
    expect(nurse.issuer).toMatchObject({ id: `urn:uuid:${FIXTURE_ISSUER.id}`, type: "Organisation" });
    expect(nurse.credentialSubject).toMatchObject({
      type: "Person",
      fullName: { de: "Amal Haddad" },
      dateOfBirth: "1990-03-14T00:00:00Z",
    });
    expect(exportOf("ukrainian-engineer").credentialSubject).not.toHaveProperty("dateOfBirth");

    const escoUris = claims(nurse).flatMap((c) =>
      (c.specifiedBy.learningOutcome ?? []).flatMap((o: Doc) =>
        (o.relatedESCOSkill ?? []).map((s: Doc) => s.id),
      ),
    );
    const fixture = COMPETENCE_FIXTURES[0];
    const coded = fixture?.profile.competences.filter((c) => c.escoUri && !c.special).map((c) => c.escoUri);
    expect(escoUris.sort()).toEqual(coded?.sort());

    const qualifications = claims(nurse).filter((c) => c.specifiedBy.type === "Qualification");
    expect(qualifications.map((q) => q.specifiedBy.eqfLevel.id).sort()).toEqual([
      "http://data.europa.eu/snb/eqf/4",
      "http://data.europa.eu/snb/eqf/6",
    ]);
    const foreign = qualifications.find((q) => q.title.de === "Bachelor in Krankenpflege");
    expect(foreign?.specifiedBy.eqfLevel.inScheme).toEqual({
      id: "http://data.europa.eu/snb/eqf/25831c2",
      type: "ConceptScheme",
    });

    const german = claims(nurse).find((c) => c.title.en === "German – language skills");
    expect(german.specifiedBy.language.id).toBe(
      "http://publications.europa.eu/resource/authority/language/DEU",
    );
    const grades = Object.fromEntries(
      german.provenBy.map((a: Doc) => [a.title.en ?? a.title.de, a.grade.noteLiteral.en]),
    );
    expect(grades).toMatchObject({
      Listening: "B2",
      Reading: "B2",
      "Spoken interaction": "B1",
      "Spoken production": "B1",
      Writing: "B1",
      "telc Deutsch B1·B2 Pflege": "B2",
    });
    expect(claims(nurse).map((c) => c.title.en)).toContain("Arabic – mother tongue");
    const founder = exportOf("persian-founder");
    expect(claims(founder).map((c) => c.title.en)).toEqual(
      expect.arrayContaining(["Persian – mother tongue", "Entrepreneurial competences (EntreComp)"]),
    );
    const mother = claims(founder).find((c) => c.title.en === "Persian – mother tongue");
    expect(mother.specifiedBy.language.id).toBe(
      "http://publications.europa.eu/resource/authority/language/FAS",
    );
  });

  it("leaves out special-category items and unfinished education unless asked", () => {
    const text = JSON.stringify(exportOf("arabic-nurse"));
    expect(text).not.toContain("Pflege eines Angehörigen mit Demenz");
    expect(JSON.stringify(exportOf("arabic-nurse", { includeSpecial: true }))).toContain(
      "Pflege eines Angehörigen mit Demenz",
    );
    expect(JSON.stringify(exportOf("ukrainian-engineer"))).not.toContain("Deutsch für Ingenieure");
  });
});

describe("the parts of the document", () => {
  it("have an EU language-authority concept for every ISO 639-1 code the profile allows", () => {
    const ids = ISO_639_1.map((code) => language(code).id);
    for (const id of ids)
      expect(id).toMatch(/^http:\/\/publications\.europa\.eu\/resource\/authority\/language\/[A-Z]{3}$/);
    expect(new Set(ids).size).toBe(ISO_639_1.length);
    const code = (c: string) => language(c).id.split("/").pop();
    expect(["ar", "fa", "uk", "ru", "tr", "de", "en", "ku", "el", "sq"].map(code)).toEqual([
      "ARA",
      "FAS",
      "UKR",
      "RUS",
      "TUR",
      "DEU",
      "ENG",
      "KUR",
      "ELL",
      "SQI",
    ]);
  });

  it("include a rendered SVG page with the holder and the claims, escaped", () => {
    const doc = exportOf("arabic-nurse", {
      client: { givenName: "Amal <&>", familyName: "Haddad", dateOfBirth: null },
    });
    const image = doc.displayParameter.individualDisplay.displayDetail.image;
    expect(image.contentType.id).toBe("http://publications.europa.eu/resource/authority/file-type/SVG");
    const svg = Buffer.from(image.content, "base64").toString("utf8");
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    expect(svg).toContain("Amal &lt;&amp;&gt; Haddad");
    expect(svg).toContain("Bachelor in Krankenpflege");
  });
});

describe("a deliberately broken export", () => {
  it("with an EQF level 7 in a non-EQF scheme violates EQFLevelRestriction at the qualification", async () => {
    const doc = exportOf("ukrainian-engineer");
    const master = claims(doc).find((c) => c.specifiedBy.eqfLevel?.id === "http://data.europa.eu/snb/eqf/7");
    master.specifiedBy.eqfLevel.inScheme = {
      id: "http://data.europa.eu/snb/isced-f/25831c2",
      type: "ConceptScheme",
    };
    const report = await validateEuropass(doc);
    expect(report.conforms).toBe(false);
    expect(report.results).toHaveLength(1);
    expect(report.results[0]).toMatchObject({
      focusNode: master.specifiedBy.id,
      path: `${ELM}EQFLevel`,
      shapeOwner: `${FULL}QualificationShapeCV`,
      node: `${FULL}EQFLevelRestriction`,
      constraint: `${SH}NodeConstraintComponent`,
      value: "http://data.europa.eu/snb/eqf/7",
    });
  });

  it("with a skill without id and type violates the learning outcome's relatedESCOSkill shapes", async () => {
    const doc = exportOf("ukrainian-engineer");
    const outcome = claims(doc).find((c) => c.specifiedBy.learningOutcome).specifiedBy.learningOutcome[0];
    delete outcome.relatedESCOSkill[0].id;
    delete outcome.relatedESCOSkill[0].type;
    const report = await validateEuropass(doc);
    expect(report.conforms).toBe(false);
    expect(report.results.map((r) => [r.focusNode, r.path, r.shapeOwner, r.constraint])).toEqual(
      expect.arrayContaining([
        [
          outcome.id,
          `${ELM}relatedESCOSkill`,
          `${NO_CV}LearningOutcome-elm_relatedESCOSkill`,
          `${SH}ClassConstraintComponent`,
        ],
        [
          outcome.id,
          `${ELM}relatedESCOSkill`,
          `${FULL}LearningOutcomeShapeCV`,
          `${SH}NodeKindConstraintComponent`,
        ],
      ]),
    );
    expect(report.results).toHaveLength(2);
  });

  it("without a credentialSubject violates its minimum count at the credential", async () => {
    const doc = exportOf("persian-founder");
    delete doc.credentialSubject;
    const report = await validateEuropass(doc);
    expect(report.results).toEqual([
      expect.objectContaining({
        focusNode: doc.id,
        path: "https://www.w3.org/2018/credentials#credentialSubject",
        shape: `${NO_CV}EuropeanDigitalCredential-cred_credentialSubject`,
        constraint: `${SH}MinCountConstraintComponent`,
      }),
    ]);
  });

  it("without `issued` fails: only the issuer's eIDAS identifier is set apart as sealing-only", async () => {
    const doc = exportOf("persian-founder");
    delete doc.issued;
    const report = await validateEuropass(doc);
    expect(report.conforms).toBe(false);
    expect(report.results.map((r) => r.shape)).toEqual([`${NO_CV}EuropeanDigitalCredential-cred_issued`]);
    expect(report.sealingOnly).toHaveLength(1);
  });

  it("with a wrong eIDAS identifier on the issuer fails (a present identifier is not waived)", async () => {
    const doc = exportOf("persian-founder");
    doc.issuer.eIDASIdentifier = { id: "urn:example:note", type: "Note", noteLiteral: { en: "DE123" } };
    const report = await validateEuropass(doc);
    expect(report.conforms).toBe(false);
    expect(report.sealingOnly).toEqual([]);
    expect(report.results.map((r) => [r.shape, r.value])).toEqual(
      expect.arrayContaining([
        [`${NO_CV}EuropeanDigitalCredential-cred_issuer`, `urn:uuid:${FIXTURE_ISSUER.id}`],
        [`${NO_CV}Organisation-elm_eidasLegalIdentifier`, "urn:example:note"],
      ]),
    );
  });

  it("of a profile with nothing to claim violates the person's hasClaim minimum", async () => {
    const fixture = COMPETENCE_FIXTURES[1];
    if (!fixture) throw new Error("fixture");
    const empty = ProfileContent.parse({ work: fixture.profile.work, goals: fixture.profile.goals });
    const doc = exportOf("ukrainian-engineer", { profile: empty, qualifications: [] });
    const report = await validateEuropass(doc);
    expect(report.results.map((r) => [r.focusNode, r.path, r.constraint])).toEqual([
      [doc.credentialSubject.id, `${ELM}hasClaim`, `${SH}MinCountConstraintComponent`],
    ]);
  });

  it("with a term the shipped contexts do not define is refused, not silently dropped", async () => {
    const doc = exportOf("persian-founder");
    doc.credentialSubject.favouriteColour = "blue";
    await expect(validateEuropass(doc)).rejects.toThrow();
  });
});
