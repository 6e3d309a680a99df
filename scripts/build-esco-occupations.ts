/**
 * Builds reference/esco/occupations.tsv — the everyday occupation titles that the reference
 * occupation search knows, each resolved to a KldB 2010 level-5 code — from:
 *
 * - the ESCO v1.2.0 occupations with German labels (`../shared/data/esco/derived_occupations_de_en.csv`,
 *   see its PROVENANCE.md), or the path given as the first argument;
 * - `scripts/esco/curated-kldb.csv`: the curated mapping ESCO occupation → KldB code of the common
 *   titles, plus everyday titles that ESCO does not carry (Erzieherin, Altenpfleger …); a title of
 *   Lotse's own may lead to several codes ("Ingenieur": the main branches of engineering);
 * - the KldB 2010 of `reference/kldb2010/`, to check every code.
 *
 * There is no ISCO↔KldB crosswalk in the data. An ESCO occupation that is not curated takes the code
 * of its nearest curated broader occupation in the ESCO hierarchy (its code extends the broader one's,
 * e.g. 2330.1.9 "IT-Lehrkraft Sekundarstufe" under 2330.1 "Lehrkraft Sekundarstufe"); anything else
 * stays unmapped and is not shipped — better no hit than a wrong reference occupation.
 *
 * Run: node scripts/build-esco-occupations.ts [path/to/derived_occupations_de_en.csv]
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "csv-parse/sync";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const escoPath = process.argv[2] ?? path.resolve(root, "../shared/data/esco/derived_occupations_de_en.csv");
const curatedPath = path.join(root, "scripts/esco/curated-kldb.csv");
const kldbPath = path.join(root, "reference/kldb2010/kldb2010.csv");
const outPath = path.join(root, "reference/esco/occupations.tsv");

type EscoRow = {
  conceptUri: string;
  code: string;
  preferredLabel_de: string;
  preferredLabel_en: string;
  altLabels_de: string;
};

const kldb = new Map<string, string>();
for (const line of fs.readFileSync(kldbPath, "utf8").split("\n").slice(1)) {
  const [code = "", level, title = ""] = line.split(";");
  if (level === "5") kldb.set(code, title);
}

const esco = parse(fs.readFileSync(escoPath, "utf8"), { columns: true, bom: true }) as EscoRow[];
const byCode = new Map(esco.map((r) => [r.code, r]));

/** In the curated file: this ESCO occupation (and those below it) gets no KldB code. */
const SKIP = "-";
type Curated = { escoCode: string; kldb: string; extra: string[] };
const curated: Curated[] = [];
const problems: string[] = [];
for (const [n, line] of fs.readFileSync(curatedPath, "utf8").split("\n").entries()) {
  if (!line.trim() || line.startsWith("#") || line.startsWith("esco_code;")) continue;
  const [escoCode = "", code = "", extra = "", check = ""] = line.split(";");
  for (const c of code.split(",")) {
    if (c !== SKIP && !kldb.has(c)) problems.push(`line ${n + 1}: ${c} is not a KldB 2010 level-5 code`);
  }
  if (escoCode && code.includes(",")) problems.push(`line ${n + 1}: an ESCO occupation gets one code`);
  if (escoCode) {
    const row = byCode.get(escoCode);
    if (!row) problems.push(`line ${n + 1}: no ESCO occupation ${escoCode}`);
    else if (!row.preferredLabel_de.startsWith(check))
      problems.push(`line ${n + 1}: ESCO ${escoCode} is "${row.preferredLabel_de}", not "${check}…"`);
  } else if (!extra) problems.push(`line ${n + 1}: a title of Lotse's own needs labels`);
  curated.push({ escoCode, kldb: code, extra: extra ? extra.split("|").map((s) => s.trim()) : [] });
}
if (problems.length > 0) {
  console.error(problems.join("\n"));
  process.exit(1);
}

const curatedByEsco = new Map(curated.filter((c) => c.escoCode).map((c) => [c.escoCode, c]));
/** The nearest curated ESCO occupation at or above this one (by code prefix), if any. */
function curatedAncestor(code: string): Curated | undefined {
  for (let c = code; c.includes("."); c = c.slice(0, c.lastIndexOf("."))) {
    const hit = curatedByEsco.get(c);
    if (hit) return hit;
  }
  return undefined;
}

const clean = (s: string) => s.replaceAll(/[\t\n\r]/g, " ").trim();
const rows: string[] = ["esco_uri\tesco_code\tkldb\tmapping\tpreferred_de\tlabels_de\tpreferred_en"];
const counts = { curated: 0, inherited: 0, lotse: 0, unmapped: 0 };
for (const r of esco) {
  const own = curatedByEsco.get(r.code);
  const via = own ?? curatedAncestor(r.code);
  if (!via || via.kldb === SKIP) {
    counts.unmapped++;
    continue;
  }
  const mapping = own ? "curated" : "inherited";
  counts[mapping]++;
  const labels = [...new Set([...r.altLabels_de.split("|"), ...(own?.extra ?? [])].map(clean))].filter(
    Boolean,
  );
  rows.push(
    [
      r.conceptUri.replace("http://data.europa.eu/esco/occupation/", ""),
      r.code,
      via.kldb,
      mapping,
      clean(r.preferredLabel_de),
      labels.join("|"),
      clean(r.preferredLabel_en),
    ].join("\t"),
  );
}
for (const c of curated.filter((c) => !c.escoCode)) {
  counts.lotse++;
  const [first = "", ...rest] = c.extra;
  rows.push(["", "", c.kldb, "lotse", first, rest.join("|"), ""].join("\t"));
}

fs.mkdirSync(path.dirname(outPath), { recursive: true });
fs.writeFileSync(outPath, `${rows.join("\n")}\n`);
console.log(
  `${path.relative(root, outPath)}: ${counts.curated} curated and ${counts.inherited} inherited ESCO occupations, ` +
    `${counts.lotse} titles of Lotse's own; ${counts.unmapped} ESCO occupations left unmapped`,
);
