/**
 * Builds the ESCO v1.2 catalogue the competence module ships (reference/esco/skills.tsv.gz and
 * reference/esco/esco-occupations.tsv.gz) from the shared reference data (see its PROVENANCE.md):
 *
 * - `derived_skills_de_en.csv`: every skill (conceptType KnowledgeSkillCompetence) with German and
 *   English preferred and alternative labels; skill groups are left out (no profile codes a group);
 * - `digitalSkillsCollection_*.csv`, `greenSkillsCollection_*`, `languageSkillsCollection_*`,
 *   `transversalSkillsCollection_*`: which skill belongs to which collection, and alternative labels
 *   the derived file may lack;
 * - `derived_occupations_de_en.csv`: every occupation with its ESCO code, ISCO group and labels.
 *
 * The KldB 2010 codes of the occupations are not copied here: the catalogue reads them at run time
 * from reference/esco/occupations.tsv (built by scripts/build-esco-occupations.ts), the one place
 * where the curated mapping lives.
 *
 * Output: gzip'ed UTF-8 TSV, one concept a line, labels `|`-separated; deterministic (sorted by URI,
 * gzip without a time stamp), so a rerun on the same input gives the same bytes.
 *
 * Run: node scripts/build-esco-catalogue.ts [path/to/shared/data/esco]
 */
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import zlib from "node:zlib";
import { parse } from "csv-parse/sync";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const dir = process.argv[2] ?? path.resolve(root, "../shared/data/esco");
const out = path.join(root, "reference/esco");

const SKILL = "http://data.europa.eu/esco/skill/";
const OCCUPATION = "http://data.europa.eu/esco/occupation/";
const COLLECTIONS = ["digital", "green", "language", "transversal"] as const;

type Row = Record<string, string>;
const read = (file: string): Row[] =>
  parse(fs.readFileSync(path.join(dir, file), "utf8"), { columns: true, bom: true }) as Row[];

const problems: string[] = [];
/** A label as one line of the TSV: whitespace collapsed, no tab or `|` inside. */
function clean(label: string | undefined, where: string): string {
  const s = (label ?? "").replace(/\s+/g, " ").trim();
  if (s.includes("|")) problems.push(`${where}: label with '|': ${s}`);
  return s;
}
/** Alternative labels, split on newlines or " | " (both occur in the exports), without the preferred one. */
function alternatives(lists: (string | undefined)[], preferred: string, where: string): string[] {
  const seen = new Set([preferred.toLowerCase()]);
  const outList: string[] = [];
  for (const list of lists) {
    for (const part of (list ?? "").split(/\n|\s\|\s|\|/)) {
      const label = clean(part, where);
      if (label && !seen.has(label.toLowerCase())) {
        seen.add(label.toLowerCase());
        outList.push(label);
      }
    }
  }
  return outList;
}
const idOf = (uri: string, base: string, where: string) => {
  if (!uri.startsWith(base)) problems.push(`${where}: unexpected URI ${uri}`);
  return uri.slice(base.length);
};

// Collections: membership and the alternative labels of the official v1.2 collection files.
const membership = new Map<string, Set<string>>();
const extraAlt = { de: new Map<string, string>(), en: new Map<string, string>() };
for (const c of COLLECTIONS) {
  for (const lang of ["de", "en"] as const) {
    for (const row of read(`${c}SkillsCollection_${lang}.csv`)) {
      const uri = row.conceptUri ?? "";
      if (!membership.has(uri)) membership.set(uri, new Set());
      membership.get(uri)?.add(c);
      if (row.altLabels) extraAlt[lang].set(uri, `${extraAlt[lang].get(uri) ?? ""}\n${row.altLabels}`);
    }
  }
}

const skillLines: string[] = [];
const skillUris = new Set<string>();
for (const row of read("derived_skills_de_en.csv")) {
  if (row.conceptType !== "KnowledgeSkillCompetence") continue;
  const uri = row.conceptUri ?? "";
  const where = `skill ${uri}`;
  const de = clean(row.preferredLabel_de, where);
  const en = clean(row.preferredLabel_en, where);
  if (!de && !en) problems.push(`${where}: no label`);
  const altDe = alternatives([row.altLabels_de, extraAlt.de.get(uri)], de, where);
  const altEn = alternatives([row.altLabels_en, extraAlt.en.get(uri)], en, where);
  const collections = COLLECTIONS.filter((c) => membership.get(uri)?.has(c));
  skillUris.add(uri);
  skillLines.push(
    [
      idOf(uri, SKILL, where),
      row.skillType ?? "",
      de,
      en,
      altDe.join("|"),
      altEn.join("|"),
      collections.join(","),
    ].join("\t"),
  );
}
for (const uri of membership.keys()) {
  if (!skillUris.has(uri)) problems.push(`collection member ${uri} is not a skill of the derived file`);
}

const occupationLines: string[] = [];
for (const row of read("derived_occupations_de_en.csv")) {
  const uri = row.conceptUri ?? "";
  const where = `occupation ${uri}`;
  const de = clean(row.preferredLabel_de, where);
  const en = clean(row.preferredLabel_en, where);
  occupationLines.push(
    [
      idOf(uri, OCCUPATION, where),
      clean(row.code, where),
      clean(row.iscoGroup, where),
      de,
      en,
      alternatives([row.altLabels_de], de, where).join("|"),
      alternatives([row.altLabels_en], en, where).join("|"),
    ].join("\t"),
  );
}

if (problems.length > 0) {
  console.error(problems.slice(0, 50).join("\n"));
  process.exit(1);
}

function write(name: string, header: string, lines: string[]) {
  lines.sort();
  const text = `${header}\n${lines.join("\n")}\n`;
  const gz = zlib.gzipSync(Buffer.from(text, "utf8"), { level: 9 });
  fs.writeFileSync(path.join(out, name), gz);
  const sha = crypto.createHash("sha256").update(gz).digest("hex");
  console.log(`${name}: ${lines.length} rows, ${gz.length} bytes, sha256 ${sha}`);
}
write(
  "skills.tsv.gz",
  "esco_uri\tskill_type\tpreferred_de\tpreferred_en\talt_de\talt_en\tcollections",
  skillLines,
);
write(
  "esco-occupations.tsv.gz",
  "esco_uri\tesco_code\tisco_group\tpreferred_de\tpreferred_en\talt_de\talt_en",
  occupationLines,
);
for (const file of [
  "derived_skills_de_en.csv",
  "derived_occupations_de_en.csv",
  ...COLLECTIONS.flatMap((c) => [`${c}SkillsCollection_de.csv`, `${c}SkillsCollection_en.csv`]),
]) {
  const sha = crypto
    .createHash("sha256")
    .update(fs.readFileSync(path.join(dir, file)))
    .digest("hex");
  console.log(`input ${file}: sha256 ${sha}`);
}
