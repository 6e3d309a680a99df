import { describe, expect, it } from "vitest";
import { MAIL_TEMPLATES } from "../../src/shared/contracts/outbox.ts";
import { ORGANISATION_TYPES, ROLES } from "../../src/shared/domain.ts";
import { flattenKeys, resources } from "../../src/shared/i18n/index.ts";

const source = new Set(flattenKeys(resources.de));

describe("translation catalogues", () => {
  for (const [locale, catalogue] of Object.entries(resources)) {
    it(`${locale} has exactly the keys of the German source`, () => {
      const keys = new Set(flattenKeys(catalogue));
      expect(
        [...source].filter((k) => !keys.has(k)),
        "missing",
      ).toEqual([]);
      expect(
        [...keys].filter((k) => !source.has(k)),
        "not in German",
      ).toEqual([]);
    });

    it(`${locale} has no empty text`, () => {
      const empty = flattenKeys(catalogue).filter((k) => {
        const value = k
          .split(".")
          .reduce<unknown>((o, part) => (o as Record<string, unknown>)[part], catalogue);
        return typeof value !== "string" || value.trim() === "";
      });
      expect(empty).toEqual([]);
    });
  }

  it("names every role and organisation type", () => {
    for (const role of ROLES) expect(source.has(`roles.${role}`)).toBe(true);
    for (const type of ORGANISATION_TYPES) expect(source.has(`organisationTypes.${type}`)).toBe(true);
  });

  it("names every kind of mail in the outbox", () => {
    for (const template of MAIL_TEMPLATES)
      expect(source.has(`outbox.template.${template}`), template).toBe(true);
  });

  it("has the same interpolation placeholders in every language", () => {
    const placeholders = (catalogue: unknown, key: string) => {
      const value = key
        .split(".")
        .reduce<unknown>((o, part) => (o as Record<string, unknown>)[part], catalogue);
      return [...String(value).matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
    };
    for (const key of source) {
      for (const [, catalogue] of Object.entries(resources)) {
        expect(placeholders(catalogue, key), key).toEqual(placeholders(resources.de, key));
      }
    }
  });
});
