import { describe, expect, it } from "vitest";
import {
  allowedEdits,
  editDistance,
  spell,
  stem,
  titleScore,
  wordFit,
} from "../../src/server/modules/recognition/title-match.ts";

const score = (q: string, title: string) => titleScore(spell(q), spell(title));

describe("the occupation title matcher", () => {
  it("spells a title without case and umlauts, two ways", () => {
    expect(spell("Ärztin für Allgemeinmedizin")).toEqual({
      folded: ["aerztin", "fuer", "allgemeinmedizin"],
      plain: ["arztin", "fur", "allgemeinmedizin"],
    });
    expect(spell("Straßenbauer").plain).toEqual(["strassenbauer"]);
  });

  it("takes gender endings off, on both sides alike", () => {
    expect(stem("lehrerin")).toBe("lehrer");
    expect(stem("lehrerinnen")).toBe("lehrer");
    expect(stem("kauffrau")).toBe("kaufmann");
    expect(stem("arzt")).toBe("arzt");
  });

  it("scores the whole title and its umlaut spellings as a full match, its other gender form just below", () => {
    expect(score("Krankenschwester", "Krankenschwester")).toBe(100);
    expect(score("Aerztin", "Ärztin")).toBe(100);
    expect(score("Arztin", "Ärztin")).toBe(100);
    expect(score("lehrerin", "Lehrer")).toBe(97);
    expect(score("Kauffrau im Einzelhandel", "Kaufmann im Einzelhandel")).toBe(97);
  });

  it("ranks a whole title above its start, above words at word starts, inside compounds and typos", () => {
    const whole = score("Ingenieur", "Ingenieur");
    const start = score("Ingenieur", "Ingenieur Elektronik");
    const words = score("elektronik ingenieur", "Ingenieur Elektronik");
    const compound = score("Ingenieur", "Bauingenieur");
    const typo = score("Ingeneur", "Ingenieur");
    expect(whole).toBeGreaterThan(start);
    expect(start).toBeGreaterThan(words);
    expect(words).toBeGreaterThan(compound);
    expect(compound).toBeGreaterThan(typo);
    expect(typo).toBeGreaterThan(0);
  });

  it("needs every typed word, and finds nothing for nonsense", () => {
    expect(score("Krankenpflege Chirurgie", "Gesundheits- und Krankenpflege")).toBe(0);
    expect(score("Qwrtzplx", "Krankenschwester")).toBe(0);
  });

  it("allows small typos by word length, first letter kept", () => {
    expect(allowedEdits(3)).toBe(0);
    expect(allowedEdits(6)).toBe(1);
    expect(allowedEdits(12)).toBe(2);
    expect(wordFit("krankenschwster", "krankenschwester")).toBe(0.5);
    expect(wordFit("elektricker", "elektriker")).toBe(0.5);
    expect(wordFit("krankenschw", "krankenschwester")).toBe(0.85);
    expect(wordFit("rzt", "arzt")).toBe(0);
    expect(wordFit("lehrer", "leiter")).toBe(0);
    // The prefix of a longer word, with a typo in it.
    expect(wordFit("krankenshwe", "krankenschwester")).toBe(0.5);
  });

  it("counts a transposition as one edit", () => {
    expect(editDistance("ingenieur", "ingenieru", 2)).toBe(1);
    expect(editDistance("abc", "abcdef", 1)).toBe(2);
  });
});
