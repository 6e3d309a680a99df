import fs from "node:fs";
import zlib from "node:zlib";
import { occupationByCode } from "#server/modules/recognition/kldb.ts";
import { referencePath } from "#server/paths.ts";
import { ESCO_COLLECTIONS, type EscoCollection } from "#shared/competences.ts";

/**
 * The ESCO v1.2 classification the competence module ships (reference/esco/, see its PROVENANCE.md;
 * "This service uses the ESCO classification of the European Commission."): every skill with German
 * and English preferred and alternative labels and its collections, every occupation with its ESCO
 * code and the KldB 2010 codes the curated mapping of reference/esco/occupations.tsv gives it.
 * Read-only reference data, the same on every instance: read once per process, on first use.
 */

export const ESCO_SKILL_BASE = "http://data.europa.eu/esco/skill/";
export const ESCO_OCCUPATION_BASE = "http://data.europa.eu/esco/occupation/";

export type EscoSkillRecord = {
  uri: string;
  de: string | null;
  en: string | null;
  altDe: string[];
  altEn: string[];
  collections: EscoCollection[];
};

export type EscoOccupationRecord = {
  uri: string;
  /** The ESCO code: the ISCO-08 unit group and the occupation's place below it, e.g. "2221.1". */
  code: string;
  de: string | null;
  en: string | null;
  /** KldB 2010 level-5 codes it maps to (curated or inherited, see reference/esco/PROVENANCE.md). */
  kldb: string[];
};

/**
 * An occupation with what the search needs beside the record: ESCO's alternative labels and the
 * everyday German titles Lotse's curated mapping adds (Pflegefachkraft, Krankenschwester …).
 */
export type EscoOccupationEntry = EscoOccupationRecord & {
  altDe: string[];
  altEn: string[];
  titlesDe: string[];
};

export type EscoCatalogue = {
  skills: EscoSkillRecord[];
  occupations: EscoOccupationEntry[];
  skillByUri: Map<string, EscoSkillRecord>;
  occupationByUri: Map<string, EscoOccupationEntry>;
};

const list = (s: string | undefined) => (s ? s.split("|") : []);
const orNull = (s: string | undefined) => (s ? s : null);

function rows(file: string): string[][] {
  const text = zlib.gunzipSync(fs.readFileSync(referencePath("esco", file))).toString("utf8");
  return text
    .split("\n")
    .slice(1)
    .filter(Boolean)
    .map((line) => line.split("\t"));
}

type Mapped = { kldb: string[]; titles: string[] };

/** ESCO occupation URI → KldB codes and titles, from the curated mapping the recognition module also reads. */
function kldbMapping(): Map<string, Mapped> {
  const out = new Map<string, Mapped>();
  const lines = fs.readFileSync(referencePath("esco", "occupations.tsv"), "utf8").split("\n").slice(1);
  for (const line of lines) {
    const [id = "", , codes = "", mapping = "", , titles = ""] = line.split("\t");
    if (!id || mapping === "lotse") continue;
    const uri = `${ESCO_OCCUPATION_BASE}${id}`;
    const known = out.get(uri) ?? { kldb: [], titles: [] };
    for (const code of codes.split(",")) {
      if (occupationByCode(code) && !known.kldb.includes(code)) known.kldb.push(code);
    }
    known.titles.push(...list(titles));
    out.set(uri, known);
  }
  return out;
}

function load(): EscoCatalogue {
  const collections = new Set<string>(ESCO_COLLECTIONS);
  const skills = rows("skills.tsv.gz").map(
    ([id = "", , de, en, altDe, altEn, member]): EscoSkillRecord => ({
      uri: `${ESCO_SKILL_BASE}${id}`,
      de: orNull(de),
      en: orNull(en),
      altDe: list(altDe),
      altEn: list(altEn),
      collections: (member ? member.split(",") : []).filter((c): c is EscoCollection => collections.has(c)),
    }),
  );
  const kldb = kldbMapping();
  const occupations = rows("esco-occupations.tsv.gz").map(
    ([id = "", code = "", , de, en, altDe, altEn]): EscoOccupationEntry => {
      const uri = `${ESCO_OCCUPATION_BASE}${id}`;
      const mapped = kldb.get(uri);
      const alt = list(altDe);
      const esco = new Set([de, ...alt].map((l) => l?.toLowerCase()));
      return {
        uri,
        code,
        de: orNull(de),
        en: orNull(en),
        kldb: mapped?.kldb ?? [],
        altDe: alt,
        altEn: list(altEn),
        titlesDe: (mapped?.titles ?? []).filter((t) => !esco.has(t.toLowerCase())),
      };
    },
  );
  return {
    skills,
    occupations,
    skillByUri: new Map(skills.map((s) => [s.uri, s])),
    occupationByUri: new Map(occupations.map((o) => [o.uri, o])),
  };
}

let loaded: EscoCatalogue | undefined;

/** The whole catalogue (for the search index); read on first use. */
export function escoCatalogue(): EscoCatalogue {
  loaded ??= load();
  return loaded;
}

/** The ESCO skill with this URI (`http://data.europa.eu/esco/skill/…`), or undefined if ESCO v1.2 has none. */
export function escoSkill(uri: string): EscoSkillRecord | undefined {
  return escoCatalogue().skillByUri.get(uri);
}

/** The ESCO occupation with this URI (`http://data.europa.eu/esco/occupation/…`), with its KldB codes. */
export function escoOccupation(uri: string): EscoOccupationRecord | undefined {
  const o = escoCatalogue().occupationByUri.get(uri);
  return o && { uri: o.uri, code: o.code, de: o.de, en: o.en, kldb: o.kldb };
}

/**
 * German and English labels of ESCO skill and occupation URIs — and, for convenience, of KldB 2010
 * level-5 codes (German title, no English one). Unknown codes are left out of the result, so a
 * caller can tell them.
 */
export function escoLabels(uris: string[]): Record<string, { de: string | null; en: string | null }> {
  const { skillByUri, occupationByUri } = escoCatalogue();
  const out: Record<string, { de: string | null; en: string | null }> = {};
  for (const uri of uris) {
    const concept = skillByUri.get(uri) ?? occupationByUri.get(uri);
    if (concept) {
      out[uri] = { de: concept.de, en: concept.en };
      continue;
    }
    const kldb = /^[0-9]{5}$/.test(uri) ? occupationByCode(uri) : undefined;
    if (kldb) out[uri] = { de: kldb.title, en: null };
  }
  return out;
}
