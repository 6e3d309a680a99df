import { describe, expect, it } from "vitest";
import { findPersonalData, type NoteSubject, nameParts } from "../../src/shared/personal-data.ts";
import { checkReferral, mayAcknowledge, removeFindings } from "../../src/shared/referral-check.ts";

const subject: NoteSubject = {
  name: "Amina Al-Haddad Müller",
  email: "amina.h@example.org",
  phone: "+49 391 555 01",
  dateOfBirth: "1990-04-02",
};
const found = (note: string, own: string[] = [], who: NoteSubject = subject) =>
  findPersonalData(note, who, own).map((f) => `${f.kind}:${f.text}`);

describe("the note check finds the client's name", () => {
  it("in any case, without diacritics, with umlauts written out, and in the genitive", () => {
    expect(found("AMÍNA hat angerufen")).toEqual(["name:AMÍNA"]);
    expect(found("Frau Haddad bringt Aminas Zeugnisse")).toEqual(["name:Haddad", "name:Aminas"]);
    expect(found("Herr Mueller und Frau Muller")).toEqual(["name:Mueller", "name:Muller"]);
    expect(found("Amina’s file")).toEqual(["name:Amina’s"]);
    expect(found("Termin mit Haddad-Familie")).toEqual(["name:Haddad"]);
  });

  it("as one finding where its parts stand together, particles included", () => {
    expect(found("Bitte Amina al-Haddad anrufen, Amina, Müller")).toEqual([
      "name:Amina al-Haddad",
      "name:Amina",
      "name:Müller",
    ]);
    expect(
      removeFindings(
        "Bitte Amina Al-Haddad anrufen",
        findPersonalData("Bitte Amina Al-Haddad anrufen", subject),
      ),
    ).toBe("Bitte […] anrufen");
  });

  it("but not inside another word, nor in a particle or title alone", () => {
    expect(found("Aminata und Haddadi aus dem Kurs; Al und Frau sind keine Namen")).toEqual([]);
    expect(nameParts("Dr. Amina al-Haddad von Müller")).toEqual(["Amina", "Haddad", "Müller"]);
  });

  it("in Arabic script, whatever the spelling of ta marbuta and hamza", () => {
    const arabic = { ...subject, name: "أمينة حداد" };
    expect(found("امينه تحتاج موعدا", [], arabic)).toEqual(["name:امينه"]);
  });
});

describe("the note check finds contact data and dates of birth", () => {
  it("e-mail addresses and phone numbers, the client's in any writing", () => {
    expect(found("Mail an amina.h@example.org oder jemand@web.de")).toEqual([
      "email:amina.h@example.org",
      "email:jemand@web.de",
    ]);
    expect(found("Tel. 0391 55501, mobil +49 (0)170 123 45 67, auch 391-555-01")).toEqual([
      "phone:0391 55501",
      "phone:+49 (0)170 123 45 67",
      "phone:391-555-01",
    ]);
  });

  it("but not years, dates, appointment times or amounts as phone numbers", () => {
    expect(found("Einreise 2019, Termin 12/05/2026 um 10:30, Kosten 1.500 Euro, Kurs 2025-2026")).toEqual([]);
  });

  it("the client's date of birth in common formats, and any date marked as a birth date", () => {
    for (const written of ["02.04.1990", "2.4.90", "1990-04-02", "2. April 1990", "02/04/1990"]) {
      expect(found(`Sie ist am ${written} geboren`), written).toEqual([`date_of_birth:${written}`]);
    }
    expect(found("Ehemann geb. 03.05.1985")).toEqual(["date_of_birth:geb. 03.05.1985"]);
    expect(found("Kurs endet am 02.04.2026")).toEqual([]);
  });

  it("street addresses and postcodes with a place, not amounts or years after a word", () => {
    expect(found("Wohnt Breiter Weg 12, 39104 Magdeburg")).toEqual([
      "address:Breiter Weg 12",
      "postcode:39104 Magdeburg",
    ]);
    expect(found("Hauptstraße 5a, Am Krökentor 3")).toEqual([
      "address:Hauptstraße 5a",
      "address:Am Krökentor 3",
    ]);
    expect(found("Förderung 12000 Euro, Einstieg in den Arbeitsmarkt 2026")).toEqual([]);
  });

  it("merges overlapping finds into the longer kind (a name inside an e-mail address)", () => {
    expect(found("amina.haddad@example.org")).toEqual(["email:amina.haddad@example.org"]);
  });

  it("leaves out the sender's and the organisations' own contact data", () => {
    expect(
      found("Rückfragen: team@beratung.example, +49 345 1234567", ["team@beratung.example", "0345 1234567"]),
    ).toEqual([]);
  });
});

describe("checkReferral", () => {
  const base = { subject, covered: ["name", "date_of_birth", "languages"] as const, note: "" };

  it("warns of an empty selection, except for a referral sent without consent with a reason", () => {
    expect(checkReferral({ ...base, items: [] })).toEqual([{ code: "empty_selection" }]);
    expect(checkReferral({ ...base, items: [], consentOverride: true })).toEqual([]);
    expect(checkReferral({ ...base, items: ["languages"] })).toEqual([]);
  });

  it("tells data the consent covers but was not selected from data outside the consent", () => {
    const [warning] = checkReferral({ ...base, items: ["languages"], note: "Amina, 0391 55501" });
    expect(warning).toMatchObject({
      code: "note_personal_data",
      outsideConsent: true,
      findings: [
        { kind: "name", scope: "not_selected" },
        { kind: "phone", scope: "outside_consent" },
      ],
    });
    expect(checkReferral({ ...base, items: ["name"], note: "Amina kommt" })).toEqual([]);
  });

  it("lets anyone confirm within the consent, only those who may share beyond it outside", () => {
    const within = checkReferral({ ...base, items: ["languages"], note: "Amina kommt" });
    const outside = checkReferral({ ...base, items: ["languages"], note: "Tel. 0391 55501" });
    expect(within.every((w) => mayAcknowledge(w, false))).toBe(true);
    expect(outside.every((w) => mayAcknowledge(w, false))).toBe(false);
    expect(outside.every((w) => mayAcknowledge(w, true))).toBe(true);
    expect(mayAcknowledge({ code: "empty_selection" }, false)).toBe(true);
  });

  it("removes what was found from the note, leaving a mark", () => {
    const note = "Frau Haddad, Tel. 0391 55501, kommt Montag.";
    expect(removeFindings(note, findPersonalData(note, subject))).toBe("Frau […], Tel. […], kommt Montag.");
  });
});
