import fs from "node:fs";
import { referencePath } from "#server/paths.ts";
import type { OccupationRecognition } from "#shared/contracts/recognition.ts";
import type {
  RecognitionLegalBasis,
  RecognitionNote,
  RecognitionRoute,
  RegulationKind,
} from "#shared/recognition.ts";

/**
 * Whether a reference occupation is regulated in Germany and who is competent for recognition in
 * Sachsen-Anhalt, from the list the product ships (reference/recognition-sa/, with SOURCES.md): the
 * regulated professions by KldB code first; for the others the route the Anerkennungs-Finder gives —
 * the Handwerkskammer for crafts, another chamber for some BBiG occupations, IHK FOSA for the skilled
 * occupations of industry and commerce, the ZAB's statement for academic degrees.
 */

const FILE = referencePath("recognition-sa", "recognition-sa.json");

type Authority = { name: string; url: string | null; certain: boolean };
type Regulated = {
  id: string;
  profession: string;
  kind: RegulationKind;
  legalBasis: RecognitionLegalBasis;
  law: string;
  authority: string | null;
  kldb: string[];
  notes: RecognitionNote[];
};
type Data = {
  authorities: Record<string, Authority>;
  regulated: Regulated[];
  crafts: { meisterRequired: string[]; free: string[]; alsoIndustry: string[] };
  otherBodies: Record<string, string[] | string>;
  fields: { agriculture: string[]; checkFinder: string[] };
};
type Index = {
  data: Data;
  regulated: Map<string, Regulated>;
  meister: Set<string>;
  crafts: Set<string>;
  alsoIndustry: Set<string>;
  otherBody: Map<string, string>;
};

let loaded: Index | undefined;

function load(): Index {
  const data = JSON.parse(fs.readFileSync(FILE, "utf8")) as Data;
  const otherBody = new Map<string, string>();
  for (const [authority, codes] of Object.entries(data.otherBodies)) {
    if (Array.isArray(codes)) for (const code of codes) otherBody.set(code, authority);
  }
  return {
    data,
    regulated: new Map(data.regulated.flatMap((r) => r.kldb.map((code) => [code, r] as const))),
    meister: new Set(data.crafts.meisterRequired),
    crafts: new Set([...data.crafts.meisterRequired, ...data.crafts.free]),
    alsoIndustry: new Set(data.crafts.alsoIndustry),
    otherBody,
  };
}

function index(): Index {
  loaded ??= load();
  return loaded;
}

function bodies(ids: string[]): OccupationRecognition["bodies"] {
  const { authorities } = index().data;
  return ids.flatMap((id) => {
    const a = authorities[id];
    return a ? [{ name: a.name, url: a.url, certain: a.certain }] : [];
  });
}

const notRegulated = (
  route: RecognitionRoute,
  ids: string[],
  legalBasis: RecognitionLegalBasis | null,
  notes: RecognitionNote[] = [],
): OccupationRecognition => ({
  regulated: false,
  route,
  profession: null,
  kind: null,
  law: null,
  legalBasis,
  bodies: bodies(ids),
  notes,
});

/** Recognition in Sachsen-Anhalt for a KldB 2010 level-5 code. */
export function recognitionFor(code: string): OccupationRecognition {
  const ix = index();
  const reg = ix.regulated.get(code);
  if (reg) {
    return {
      regulated: true,
      route: "regulated",
      profession: reg.profession,
      kind: reg.kind,
      law: reg.law,
      legalBasis: reg.legalBasis,
      bodies: bodies(reg.authority ? [reg.authority] : []),
      notes: reg.notes,
    };
  }
  // The last digit is the requirement level: 1 helper, 2 skilled, 3 specialist, 4 expert (degree).
  const level = Number(code.slice(-1));
  const field = code.slice(0, 2);
  if (ix.crafts.has(code)) {
    const industry = ix.alsoIndustry.has(code);
    return notRegulated("craft", ["hwk-halle", "hwk-magdeburg", ...(industry ? ["ihk-fosa"] : [])], "hwo", [
      ...(ix.meister.has(code) ? (["meister_required"] as const) : []),
      ...(industry ? (["also_industry"] as const) : []),
    ]);
  }
  const other = ix.otherBody.get(code);
  if (other) return notRegulated("other_chamber", [other], "bbig");
  if (level === 4) return notRegulated("academic", ["zab"], "zab_statement");
  if (level === 1) return notRegulated("helper", [], null);
  if (ix.data.fields.agriculture.includes(field)) return notRegulated("agriculture", ["lvwa-agrar"], "bbig");
  if (ix.data.fields.checkFinder.includes(field)) return notRegulated("check", [], null);
  if (level === 3) return notRegulated("vocational_or_academic", ["ihk-fosa", "zab"], null);
  return notRegulated("ihk", ["ihk-fosa"], "bqfg");
}
