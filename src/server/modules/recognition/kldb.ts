import fs from "node:fs";
import { referencePath } from "#server/paths.ts";

/**
 * The KldB 2010 (© Bundesagentur für Arbeit, see reference/kldb2010/PROVENANCE.md) in memory: read-only
 * reference data that is the same on every instance, read once on first use.
 */

const CSV = referencePath("kldb2010", "kldb2010.csv");

export type KldbOccupation = { code: string; title: string; field: string; fieldTitle: string };
type Indexed = KldbOccupation & { short: string };
type Kldb = {
  occupations: Indexed[];
  byCode: Map<string, KldbOccupation>;
  fields: { code: string; title: string }[];
};

let loaded: Kldb | undefined;

function load(): Kldb {
  const lines = fs.readFileSync(CSV, "utf8").split("\n").slice(1);
  const fields = new Map<string, string>();
  const level5: { code: string; title: string; short: string }[] = [];
  for (const line of lines) {
    if (!line) continue;
    const [code = "", level, title = "", short = ""] = line.split(";");
    if (level === "2") fields.set(code, title);
    if (level === "5") level5.push({ code, title, short });
  }
  const occupations = level5.map(({ code, title, short }): Indexed => {
    const field = code.slice(0, 2);
    return { code, title, field, fieldTitle: fields.get(field) ?? "", short };
  });
  return {
    occupations,
    byCode: new Map(
      occupations.map(({ code, title, field, fieldTitle }) => [code, { code, title, field, fieldTitle }]),
    ),
    fields: [...fields].map(([code, title]) => ({ code, title })),
  };
}

function kldb(): Kldb {
  loaded ??= load();
  return loaded;
}

/** The level-5 occupation (Berufsgattung) with this five-digit code. */
export function occupationByCode(code: string): KldbOccupation | undefined {
  return kldb().byCode.get(code);
}

/** The occupation fields (Berufshauptgruppen, level 2) in the order of the classification. */
export function occupationFields(): { code: string; title: string }[] {
  return kldb().fields;
}

/** The level-5 occupations (Berufsgattungen) in the order of the classification, with their short titles. */
export function level5Occupations(): readonly (KldbOccupation & { short: string })[] {
  return kldb().occupations;
}
