import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  competencePdf,
  free,
  PROFILE_PDF_TEXTS,
  pdfLanguages,
  profileData,
} from "../../src/server/modules/competences/pdf/render.ts";
import { SAMPLE_ARABIC_ACTIVITY, samplePdfInput } from "../../src/server/modules/competences/pdf/sample.ts";
import { arabicFontSource } from "../../src/server/platform/pdf.ts";
import {
  BUSINESS_STAGES,
  CEFR_SKILLS,
  EDUCATION_KINDS,
  ENTRECOMP,
  ENTRECOMP_AREAS,
  EVIDENCE_KINDS,
  LEARNING_CONTEXTS,
  PHASE_KINDS,
  RATINGS,
} from "../../src/shared/competences.ts";
import { ProfileContent } from "../../src/shared/contracts/competences.ts";
import { FINDER_LOCALES } from "../../src/shared/directory.ts";
import { flattenKeys } from "../../src/shared/i18n/index.ts";
import { RECOGNITION_STATES } from "../../src/shared/recognition.ts";

// Text extraction uses poppler-utils (pdftotext, pdfinfo): Debian package poppler-utils (.ci/run).

const german = flattenKeys(PROFILE_PDF_TEXTS.de).sort();
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "competence-pdf-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

let n = 0;
function extract(pdf: Uint8Array): { text: string; info: string } {
  const file = path.join(dir, `${n++}.pdf`);
  fs.writeFileSync(file, pdf);
  const text = execFileSync("pdftotext", ["-enc", "UTF-8", file, "-"], { encoding: "utf8" });
  const info = execFileSync("pdfinfo", [file], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] });
  // pdftotext wraps right-to-left lines in embedding marks (U+202B … U+202C); they are not text.
  // It also reverses the characters of a right-to-left glyph that maps to two of them, and Typst
  // gives the zero-width non-joiner of Persian (U+200C, "شایستگی‌ها") to the next letter's glyph: the
  // invisible mark comes out one letter late. Words and their order are right; the mark is set aside.
  return { text: text.replace(/[\u202a-\u202e\u2066-\u2069\u200c]/g, ""), info };
}
/** The words of a text in order, punctuation and line breaks aside. */
const words = (s: string) =>
  s
    .replace(/\u200c/g, "")
    .split(/[\s.,:;()·،]+/u)
    .filter(Boolean);
const plain = (s: string) => s.replace(/\u200c/g, "").replace(/\s+/g, " ");
const containsSequence = (haystack: string[], needle: string[]) =>
  haystack.some((_, i) => needle.every((w, k) => haystack[i + k] === w));

describe("the competence profile's texts", () => {
  for (const [language, texts] of Object.entries(PROFILE_PDF_TEXTS)) {
    it(`${language} has every German text, none empty`, () => {
      expect(flattenKeys(texts).sort()).toEqual(german);
      const values = flattenKeys(texts).map((key) =>
        key.split(".").reduce<unknown>((o, part) => (o as Record<string, unknown>)[part], texts),
      );
      expect(values.filter((v) => typeof v !== "string" || v.trim() === "")).toEqual([]);
    });
  }

  it("covers every language of the finder and every kind the profile knows", () => {
    expect(Object.keys(PROFILE_PDF_TEXTS).sort()).toEqual([...FINDER_LOCALES].sort());
    const t = PROFILE_PDF_TEXTS.de;
    expect(Object.keys(t.phaseKinds).sort()).toEqual([...PHASE_KINDS].sort());
    expect(Object.keys(t.educationKinds).sort()).toEqual([...EDUCATION_KINDS].sort());
    expect(Object.keys(t.evidenceKinds).sort()).toEqual([...EVIDENCE_KINDS].sort());
    expect(Object.keys(t.contexts).sort()).toEqual([...LEARNING_CONTEXTS].sort());
    expect(Object.keys(t.cefrSkills).sort()).toEqual([...CEFR_SKILLS].sort());
    expect(Object.keys(t.stages).sort()).toEqual([...BUSINESS_STAGES].sort());
    expect(Object.keys(t.ratings).sort()).toEqual(RATINGS.map(String));
    expect(Object.keys(t.entreCompNames).sort()).toEqual(ENTRECOMP.map((c) => c.key).sort());
    expect(Object.keys(t.entreCompAreas).sort()).toEqual([...ENTRECOMP_AREAS].sort());
    expect(Object.keys(t.recognitionStates).sort()).toEqual([...RECOGNITION_STATES].sort());
  });

  it("gives the EntreComp names of the framework's English text", () => {
    expect(Object.values(PROFILE_PDF_TEXTS.en.entreCompNames)).toContain(
      "Coping with uncertainty, ambiguity and risk",
    );
    expect(PROFILE_PDF_TEXTS.en.escoAttribution).toBe(
      "This service uses the ESCO classification of the European Commission.",
    );
  });
});

describe("languages and writing direction", () => {
  it.each([
    ["ar", "ar"],
    ["fa", "fa"],
    ["tr", "tr"],
    ["de", "en"],
    ["so", "en"],
  ])("%s beside German gives %s", (asked, second) => {
    expect(pdfLanguages(asked)).toEqual(["de", second]);
  });

  it("takes the direction of free text from its first letter", () => {
    expect(free("١٢ مريضا في القسم")?.rtl).toBe(true);
    expect(free("12 Betten, جراحة")?.rtl).toBe(false);
    expect(free("„شكرا“")?.rtl).toBe(true);
    expect(free("   ")).toBeNull();
  });

  it("names countries and languages in both columns, with the Gregorian calendar", () => {
    const data = profileData(samplePdfInput("fa"));
    expect(data.phases[0]?.where).toEqual(["Syrien", "سوریه"]);
    expect(data.motherTongues).toEqual([["Arabisch", "عربی"]]);
    expect(data.phases[0]?.period[1]).toMatch(/2000.*2008/);
    expect(data.langs.map((l) => l.dir)).toEqual(["ltr", "rtl"]);
    const odd = samplePdfInput("ar");
    odd.qualifications = odd.qualifications.map((q) => ({ ...q, country: "Syrien (Aleppo)" }));
    expect(profileData(odd).qualifications[0]?.where).toEqual(["Syrien (Aleppo)", "Syrien (Aleppo)"]);
  });
});

describe("the PDF", () => {
  it("loads the Noto Naskh Arabic whose glyphs map back to whole letters", () => {
    // Debian's fonts-noto-core, installed by .ci/run; the packaged build would pass the other tests
    // only by luck of the words chosen.
    expect(arabicFontSource()).toBe("system");
  });

  for (const language of FINDER_LOCALES) {
    it(`prints German and ${language} side by side, A4, with text in reading order`, async () => {
      const [, other] = pdfLanguages(language);
      const t = PROFILE_PDF_TEXTS[other];
      const { text, info } = extract(await competencePdf(samplePdfInput(language)));
      expect(info).toMatch(/Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/);
      const flat = plain(text);
      for (const label of [
        PROFILE_PDF_TEXTS.de.title,
        PROFILE_PDF_TEXTS.de.sections.biography,
        PROFILE_PDF_TEXTS.de.entreCompNames.creativity,
        t.title,
        t.sections.biography,
        t.sections.entrepreneurship,
        t.entreCompNames.creativity,
        t.entreCompNames.working_with_others,
      ]) {
        expect(flat, label).toContain(plain(label));
      }
      // Skills with their ESCO labels: German left, English right.
      expect(text).toContain("Erste Hilfe leisten");
      expect(text).toContain("provide first aid");
      expect(text).toContain("KldB 2010");
      expect(text).toContain("81302");
      expect(text).toContain("This service uses the ESCO classification of the European Commission.");
      // The client's Arabic activity: its exact word sequence.
      expect(containsSequence(words(text), words(SAMPLE_ARABIC_ACTIVITY))).toBe(true);
      // A heading of the right column, word by word in reading order.
      expect(containsSequence(words(text), words(t.sections.biography))).toBe(true);
    });
  }

  it("keeps Arabic headings and EntreComp names in logical order", async () => {
    const { text } = extract(await competencePdf(samplePdfInput("ar")));
    const lines = text.split("\n").map((l) => l.trim());
    expect(lines).toContain("مراحل الحياة والعمل");
    expect(lines).toContain("كفاءات مكتسبة بشكل غير رسمي وغير نظامي");
    expect(lines).toContain(SAMPLE_ARABIC_ACTIVITY);
    expect(text).toContain("الإبداع");
    expect(text).toContain("التعامل مع عدم اليقين والغموض والمخاطر");
    expect(text).not.toContain("الإببداع");
    expect(text).not.toContain("telc telc");
  });

  it("prints names and text with markup characters as written", async () => {
    const input = samplePdfInput("tr");
    const strange = '#import "x.typ": * $x^2$ *bold* _under_ <label> @ref \\ ] [ // #{1+1}';
    input.client.name = `Ayşe #set page(width: 1cm) *Yılmaz*`;
    input.organisationName = "Verein $Geld$ & #Partner";
    const phase = input.profile.phases[0];
    if (!phase) throw new Error("sample without phases");
    phase.title = strange;
    phase.activities = [
      {
        id: "00000000-0000-4000-8000-000000009999",
        description: "= Heading? - list? + enum?",
        special: false,
      },
    ];
    const { text, info } = extract(await competencePdf(input));
    expect(info).toMatch(/\(A4\)/);
    const flat = text.replace(/\s+/g, " ");
    expect(flat).toContain("Ayşe #set page(width: 1cm) *Yılmaz*");
    expect(flat).toContain("Verein $Geld$ & #Partner");
    expect(flat).toContain(strange);
    expect(flat).toContain("= Heading? - list? + enum?");
  });

  it("renders an empty profile", async () => {
    const pdf = await competencePdf({
      language: "ar",
      profile: ProfileContent.parse({}),
      client: { name: "", dateOfBirth: null, motherTongues: [] },
      qualifications: [],
      labels: {},
      organisationName: "Beratung",
      printedAt: "2026-12-06T10:00:00Z",
    });
    const { text, info } = extract(pdf);
    expect(info).toMatch(/Pages:\s+1\n/);
    expect(info).toMatch(/\(A4\)/);
    expect(text).toContain(PROFILE_PDF_TEXTS.de.none);
    expect(text).toContain(PROFILE_PDF_TEXTS.ar.none);
    expect(text.replace(/\s+/g, " ")).toContain(PROFILE_PDF_TEXTS.de.sections.entrepreneurship);
  });
});
