import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { matchesType, sanitizeFileName } from "../../src/server/modules/consents/document.ts";
import { SHEET_TEXTS, sheetLanguages, sheetPurposes } from "../../src/server/modules/consents/sheet.ts";
import { attachment } from "../../src/server/platform/download.ts";
import { PdfRenderError, renderPdf } from "../../src/server/platform/pdf.ts";
import { CONSENT_PURPOSES, PURPOSES_WITH_RECIPIENT } from "../../src/shared/cases.ts";
import { flattenKeys } from "../../src/shared/i18n/index.ts";

const german = flattenKeys(SHEET_TEXTS.de).sort();

describe("the consent sheet's texts", () => {
  for (const [language, texts] of Object.entries(SHEET_TEXTS)) {
    it(`${language} has every German text, none empty`, () => {
      expect(flattenKeys(texts).sort()).toEqual(german);
      const values = flattenKeys(texts).map((key) =>
        key.split(".").reduce<unknown>((o, part) => (o as Record<string, unknown>)[part], texts),
      );
      expect(values.filter((v) => typeof v !== "string" || v.trim() === "")).toEqual([]);
    });
  }

  it("names Art. 15 to 18, 20 and the withdrawal in every language", () => {
    for (const texts of Object.values(SHEET_TEXTS)) {
      const rights = texts.rights.join(" ");
      for (const article of ["15", "16", "17", "18", "20"]) {
        expect(
          rights.includes(article) ||
            rights.includes(String.fromCharCode(...[...article].map((d) => 0x6f0 + Number(d)))),
        ).toBe(true);
      }
    }
  });
});

describe("the sheet's languages and purposes", () => {
  it.each([
    [undefined, ["ar", "de"], "ar"],
    [undefined, ["de", "ar"], "en"],
    [undefined, ["so"], "en"],
    [undefined, [], "en"],
    ["uk", ["ar"], "uk"],
    ["de", ["ar"], "en"],
    ["fr", ["ar"], "en"],
  ])("asked for %s with preferred %j gives German and %s", (requested, preferred, second) => {
    expect(sheetLanguages(requested, preferred)).toEqual(["de", second]);
  });

  it("prints the purposes asked for in the register's order, all when none is named", () => {
    expect(sheetPurposes("referral, statistics")).toEqual(["statistics", "referral"]);
    expect(sheetPurposes(undefined)).toHaveLength(5);
  });
});

describe("uploaded files", () => {
  it("checks the first bytes against the declared type", () => {
    expect(matchesType("application/pdf", Buffer.from("%PDF-1.7 …"))).toBe(true);
    expect(matchesType("application/pdf", Buffer.from("%PDF"))).toBe(false);
    expect(matchesType("image/jpeg", Buffer.from([0xff, 0xd8, 0xff, 0xe1, 0]))).toBe(true);
    expect(matchesType("image/png", Buffer.from([0xff, 0xd8, 0xff, 0xe1, 0]))).toBe(false);
  });

  it.each([
    [encodeURIComponent("Einwilligung Müller.pdf"), "Einwilligung Müller.pdf"],
    [encodeURIComponent("C:\\Scans\\bogen.pdf"), "bogen.pdf"],
    [encodeURIComponent("..\u0007.hidden.pdf"), "hidden.pdf"],
    ["%E0%A4%A", "einwilligung.pdf"],
    [undefined, "einwilligung.pdf"],
    [encodeURIComponent("x".repeat(300)), "x".repeat(120)],
  ])("makes %s a safe file name", (header, expected) => {
    expect(sanitizeFileName(header, "application/pdf")).toBe(expected);
  });

  it("sends a file name in any script with an ASCII fallback", () => {
    expect(attachment("عقد (نهائي).pdf")).toBe(
      `attachment; filename="___ (_____).pdf"; filename*=UTF-8''${encodeURIComponent("عقد")}%20%28${encodeURIComponent("نهائي")}%29.pdf`,
    );
  });
});

describe("renderPdf", () => {
  const sheet = fileURLToPath(new URL("../../src/server/modules/consents/sheet.typ", import.meta.url));

  it("refuses a template outside the server's folder", () => {
    expect(() => renderPdf("/tmp/x.typ", {})).toThrow(PdfRenderError);
  });

  it("names Typst's complaint when the data does not fit the template", () => {
    expect(() => renderPdf(sheet, { langs: [] })).toThrow(/sheet\.typ: .+/);
  });

  it("prints Arabic that reads back in order (screen readers and copy read the letters, not dotless shapes)", () => {
    const langs = (["de", "ar"] as const).map((code) => ({
      code,
      dir: code === "ar" ? "rtl" : "ltr",
      t: SHEET_TEXTS[code],
    }));
    const pdf = renderPdf(sheet, {
      langs,
      client: { name: "Amal Haddad", pseudonym: "K-2026-0001" },
      controller: { name: "Migrationsberatung Magdeburg e. V.", lines: ["Breiter Weg 1", "39104 Magdeburg"] },
      authority: {
        name: "Landesbeauftragter für den Datenschutz Sachsen-Anhalt",
        lines: ["39104 Magdeburg"],
      },
      purposes: [...CONSENT_PURPOSES],
      withRecipient: PURPOSES_WITH_RECIPIENT,
      languageNames: langs.map((l) => l.t.language).join(", "),
    });
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "sheet-")), "sheet.pdf");
    fs.writeFileSync(file, pdf);
    // pdftotext wraps right-to-left lines in embedding marks (U+202B … U+202C); they are not text.
    const text = execFileSync("pdftotext", ["-enc", "UTF-8", file, "-"], { encoding: "utf8" }).replace(
      /[\u202a-\u202e]/g,
      "",
    );
    const title = SHEET_TEXTS.ar.title;
    expect(text).toContain(title);
  });
});
