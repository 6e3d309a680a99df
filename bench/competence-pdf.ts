// `node bench/competence-pdf.ts [--runs 40] [--warmup 5]`: times the competence profile PDF
// (issue 14) warm, per language of the finder, against its target of 200 ms per document, with the
// consent sheet (the other Typst document, rendered through platform/pdf.ts) as the reference.
//
// Each run renders a *different* document: every text of the sample profile (and the consent
// sheet's client) carries the run's number, so Typst's memoised layouts of earlier runs do not
// answer for it — what a server printing one client after another sees. `identical` repeats one
// and the same document (the best case). The first render of the process (fonts loaded, the
// compiler built) is printed apart as `cold`.

import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { competencePdf } from "../src/server/modules/competences/pdf/render.ts";
import { samplePdfInput } from "../src/server/modules/competences/pdf/sample.ts";
import { SHEET_TEXTS } from "../src/server/modules/consents/sheet.ts";
import { renderPdf } from "../src/server/platform/pdf.ts";
import { CONSENT_PURPOSES, PURPOSES_WITH_RECIPIENT } from "../src/shared/cases.ts";
import { FINDER_LOCALES, type FinderLocale } from "../src/shared/directory.ts";

const { values } = parseArgs({
  options: { runs: { type: "string", default: "40" }, warmup: { type: "string", default: "5" } },
});
const RUNS = Number(values.runs);
const WARMUP = Number(values.warmup);
const TARGET_MS = 200;

/** The sample with the run's number in every text a person wrote. */
function variant(language: FinderLocale, run: number) {
  const input = samplePdfInput(language);
  const tag = ` ${run}`;
  const p = input.profile;
  input.client.name += tag;
  for (const phase of p.phases) {
    phase.title += tag;
    for (const a of phase.activities) a.description += tag;
  }
  for (const c of p.competences) c.title += tag;
  for (const e of p.education) e.title += tag;
  for (const w of p.work) w.title += tag;
  for (const i of p.interests) i.text += tag;
  for (const g of p.goals) g.text += tag;
  for (const e of p.entrepreneurship.entreComp) e.note = `${e.note ?? ""}${tag}`;
  return input;
}

/** The largest profile the contract allows (60 phases, 200 competences, 40 education, 60 work …). */
function maximal(language: FinderLocale, run: number) {
  const input = variant(language, run);
  const p = input.profile;
  const fill = <T>(items: T[], max: number, copy: (item: T, k: number) => T): T[] =>
    Array.from({ length: max }, (_, k) => copy(items[k % items.length] as T, k));
  p.phases = fill(p.phases, 60, (x, k) => ({ ...x, title: `${x.title} ${k}` }));
  p.competences = fill(p.competences, 200, (x, k) => ({ ...x, title: `${x.title} ${k}` }));
  p.education = fill(p.education, 40, (x, k) => ({ ...x, title: `${x.title} ${k}` }));
  p.work = fill(p.work, 60, (x, k) => ({ ...x, title: `${x.title} ${k}` }));
  p.languages.other = fill(p.languages.other, 20, (x) => ({ ...x }));
  p.interests = fill(p.interests, 40, (x, k) => ({ ...x, text: `${x.text} ${k}` }));
  p.goals = fill(p.goals, 30, (x, k) => ({ ...x, text: `${x.text} ${k}` }));
  return input;
}

const SHEET = fileURLToPath(new URL("../src/server/modules/consents/sheet.typ", import.meta.url));
/** The consent sheet's data as consents/sheet.ts builds it (all purposes), for a numbered client. */
function sheetData(language: FinderLocale, run: number) {
  const second = language === "de" ? "en" : language;
  const langs = (["de", second] as const).map((code) => ({
    code,
    dir: code === "ar" || code === "fa" ? "rtl" : "ltr",
    t: SHEET_TEXTS[code],
  }));
  return {
    langs,
    client: { name: `Amal Haddad ${run}`, pseudonym: `K-2026-${String(run).padStart(4, "0")}` },
    controller: { name: "Migrationsberatung Magdeburg e. V.", lines: ["Breiter Weg 1", "39104 Magdeburg"] },
    authority: { name: "Landesbeauftragter für den Datenschutz Sachsen-Anhalt", lines: ["39104 Magdeburg"] },
    purposes: [...CONSENT_PURPOSES],
    withRecipient: PURPOSES_WITH_RECIPIENT,
    languageNames: langs.map((l) => l.t.language).join(", "),
  };
}

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? Number.NaN;
}
async function time(render: (run: number) => unknown | Promise<unknown>) {
  for (let i = 0; i < WARMUP; i++) await render(-1 - i);
  const ms: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const t0 = performance.now();
    await render(run);
    ms.push(performance.now() - t0);
  }
  ms.sort((a, b) => a - b);
  return { p50: quantile(ms, 0.5), p95: quantile(ms, 0.95), max: ms.at(-1) ?? Number.NaN };
}
const f = (x: number) => `${x.toFixed(1)} ms`;

let t0 = performance.now();
const first = await competencePdf(samplePdfInput("ar"));
const coldProfile = performance.now() - t0;
t0 = performance.now();
renderPdf(SHEET, sheetData("ar", 0));
const coldSheet = performance.now() - t0;
console.log(
  `cold (first render, fonts and compiler): profile ${f(coldProfile)}, consent sheet ${f(coldSheet)}`,
);

const rows: string[][] = [];
let pages = 0;
for (const language of FINDER_LOCALES) {
  const profile = await time((run) => competencePdf(variant(language, run)));
  const identical = await time(() => competencePdf(samplePdfInput(language)));
  const sheet = await time((run) => renderPdf(SHEET, sheetData(language, run)));
  rows.push([
    language,
    f(profile.p50),
    f(profile.p95),
    f(profile.max),
    `${(profile.p95 / TARGET_MS).toFixed(2)}×`,
    f(identical.p95),
    f(sheet.p50),
    f(sheet.p95),
    `${(profile.p50 / sheet.p50).toFixed(2)}×`,
  ]);
}
const countPages = (pdf: Uint8Array) =>
  (
    Buffer.from(pdf)
      .toString("latin1")
      .match(/\/Type\s*\/Page[^s]/g) ?? []
  ).length;
pages = countPages(first);
const largeRuns = Math.max(5, Math.round(RUNS / 4));
const large: string[] = [];
for (const language of ["de", "ar"] as const) {
  const ms: number[] = [];
  let largePages = 0;
  for (let run = -2; run < largeRuns; run++) {
    const t = performance.now();
    const pdf = await competencePdf(maximal(language, run));
    if (run >= 0) ms.push(performance.now() - t);
    largePages = countPages(pdf);
  }
  ms.sort((a, b) => a - b);
  large.push(`${language}: ${largePages} pages, p50 ${f(quantile(ms, 0.5))}, p95 ${f(quantile(ms, 0.95))}`);
}

const header = [
  "language",
  "profile p50",
  "profile p95",
  "max",
  "p95 / 200 ms",
  "identical p95",
  "consent sheet p50",
  "sheet p95",
  "profile / sheet (p50)",
];
console.log(
  `\n${RUNS} runs per language after ${WARMUP} warm-up runs; sample profile: ${pages} A4 pages (ar)\n`,
);
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(" | ")} |`;
console.log(line(header));
console.log(`|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`);
for (const r of rows) console.log(line(r));

// Time by size: the sample's phases, competences, education and work repeated (German beside Arabic).
const bySize: string[] = [];
for (const factor of [1, 3, 5, 7, 9, 12]) {
  const ms: number[] = [];
  let sizePages = 0;
  for (let run = -2; run < 10; run++) {
    const input = variant("ar", run);
    const p = input.profile;
    const repeat = <T extends { title: string }>(items: T[]) =>
      Array.from({ length: items.length * factor }, (_, k) => {
        const item = items[k % items.length] as T;
        return { ...item, title: `${item.title} ${k}` };
      });
    p.phases = repeat(p.phases);
    p.competences = repeat(p.competences);
    p.education = repeat(p.education);
    p.work = repeat(p.work);
    const t = performance.now();
    const pdf = await competencePdf(input);
    if (run >= 0) ms.push(performance.now() - t);
    sizePages = countPages(pdf);
  }
  ms.sort((a, b) => a - b);
  bySize.push(`${sizePages} pages ${f(quantile(ms, 0.5))} (p95 ${f(quantile(ms, 0.95))})`);
}
console.log(`\nby size, p50 of 10 runs (ar): ${bySize.join(", ")}`);
console.log(`\nthe largest profile the contract allows (${largeRuns} runs after 2): ${large.join("; ")}`);
