import { describe, expect, it } from "vitest";
import { FINDER_LOCALES, IQ_PHASES, OFFER_TYPES, TARGET_GROUPS } from "../../src/shared/directory.ts";
import { finderResources } from "../../src/shared/i18n/finder/index.ts";
import { flattenKeys } from "../../src/shared/i18n/index.ts";

const source = flattenKeys(finderResources.de);
const valueAt = (catalogue: unknown, key: string) =>
  key.split(".").reduce<unknown>((o, part) => (o as Record<string, unknown>)[part], catalogue);

describe("the finder's translation catalogues", () => {
  it("ships every finder language", () => {
    expect(Object.keys(finderResources).sort()).toEqual([...FINDER_LOCALES].sort());
  });

  for (const [locale, catalogue] of Object.entries(finderResources)) {
    it(`${locale} has exactly the keys of the German source, none empty`, () => {
      const keys = flattenKeys(catalogue);
      expect(
        source.filter((k) => !keys.includes(k)),
        "missing",
      ).toEqual([]);
      expect(
        keys.filter((k) => !source.includes(k)),
        "not in German",
      ).toEqual([]);
      expect(keys.filter((k) => String(valueAt(catalogue, k) ?? "").trim() === "")).toEqual([]);
    });

    it(`${locale} keeps the placeholders of the German source`, () => {
      const placeholders = (c: unknown, key: string) =>
        [...String(valueAt(c, key)).matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
      for (const key of source)
        expect(placeholders(catalogue, key), key).toEqual(placeholders(finderResources.de, key));
    });
  }

  it("names every phase, offer type and target group", () => {
    for (const phase of IQ_PHASES) expect(source).toContain(`phases.${phase}`);
    for (const type of OFFER_TYPES) expect(source).toContain(`offerTypes.${type}`);
    for (const group of TARGET_GROUPS) expect(source).toContain(`targetGroups.${group}`);
  });
});
