import { fileURLToPath } from "node:url";
import type { z } from "zod";
import { renderPdf } from "#server/platform/pdf.ts";
import { ENTRECOMP, type LANGUAGE_CERTIFICATES } from "#shared/competences.ts";
import type { CodeLabels, LinkedQualification, ProfileContent } from "#shared/contracts/competences.ts";
import type { FinderLocale } from "#shared/directory.ts";
import ar from "./texts/ar.json" with { type: "json" };
import de from "./texts/de.json" with { type: "json" };
import en from "./texts/en.json" with { type: "json" };
import fa from "./texts/fa.json" with { type: "json" };
import ru from "./texts/ru.json" with { type: "json" };
import tr from "./texts/tr.json" with { type: "json" };
import uk from "./texts/uk.json" with { type: "json" };

const TEMPLATE = fileURLToPath(new URL("./profile.typ", import.meta.url));

type Texts = typeof de;
/**
 * The profile's static texts in every language of the finder; German is always the left column.
 * EntreComp's competence and area names: English as in the framework (Bacigalupo et al. 2016,
 * doi:10.2791/593884, Figure 1). We found no official translation into the other six languages
 * (German project material words the names in several ways), so they are our own translations
 * from the English, kept close to the framework's wording; each text's `entreCompSource` says so
 * in print.
 * Arabic and Persian texts carry no short vowels (harakat): pdftotext scatters combining marks.
 */
export const PROFILE_PDF_TEXTS = { de, en, ar, uk, ru, fa, tr } satisfies Record<FinderLocale, Texts>;
type PdfLanguage = keyof typeof PROFILE_PDF_TEXTS;

export interface CompetencePdfInput {
  /** The client's language, printed beside German; German itself (or one without texts) gives English. */
  language: FinderLocale;
  profile: ProfileContent;
  client: { name: string; dateOfBirth: string | null; motherTongues: string[] };
  qualifications: z.infer<typeof LinkedQualification>[];
  /** German and English labels of the ESCO URIs and KldB codes the profile uses. */
  labels: z.infer<typeof CodeLabels>;
  organisationName: string;
  printedAt: Date | string;
}

const RIGHT_TO_LEFT = new Set(["ar", "fa", "he", "ur", "ps", "yi", "dv"]);

/** The column beside German: the client's language, English when that is German or has no texts. */
export function pdfLanguages(language: string): ["de", PdfLanguage] {
  const other = Object.hasOwn(PROFILE_PDF_TEXTS, language) && language !== "de" ? language : "en";
  return ["de", other as PdfLanguage];
}

/** Free text as someone wrote it, with the direction of its first strong letter (Unicode P2–P3). */
type Free = { s: string; rtl: boolean };
const FIRST_LETTER = /\p{L}/u;
const RTL_LETTER = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}]/u;
export function free(s: string | null): Free | null {
  if (s === null || s.trim() === "") return null;
  const first = FIRST_LETTER.exec(s)?.[0];
  return { s, rtl: first !== undefined && RTL_LETTER.test(first) };
}

/** Certificates named the same in every language; `other` takes the translated word. */
const CERTIFICATE_NAMES: Record<(typeof LANGUAGE_CERTIFICATES)[number], string | null> = {
  dtz: "DTZ",
  dtb: "DTB",
  telc: "telc",
  goethe: "Goethe-Zertifikat",
  testdaf: "TestDaF",
  dsh: "DSH",
  osd: "ÖSD",
  ielts: "IELTS",
  toefl: "TOEFL",
  cambridge: "Cambridge English",
  other: null,
};

/** Bidi marks that ICU puts into dates; Typst's bidi places the digits by itself. */
const BIDI_MARKS = /[\u200e\u200f\u061c]/g;

/** Formatting for one language: Gregorian calendar and Latin digits in both columns alike. */
function formatter(code: PdfLanguage) {
  const regions = new Intl.DisplayNames([code], { type: "region", fallback: "code" });
  const languages = new Intl.DisplayNames([code], { type: "language", fallback: "code" });
  const common = { calendar: "gregory", numberingSystem: "latn", timeZone: "UTC" } as const;
  const month = new Intl.DateTimeFormat(code, { ...common, year: "numeric", month: "2-digit" });
  const day = new Intl.DateTimeFormat(code, { ...common, dateStyle: "medium" });
  const long = new Intl.DateTimeFormat(code, { ...common, dateStyle: "long", timeZone: "Europe/Berlin" });
  const clean = (s: string) => s.replace(BIDI_MARKS, "");
  const t = PROFILE_PDF_TEXTS[code];
  return {
    // A code Intl does not take (a qualification's country is a plain string) prints as given.
    country: (c: string | null) => (c ? (/^[A-Z]{2}$/.test(c) ? (regions.of(c) ?? c) : c) : null),
    language: (c: string) => (/^[a-z]{2,3}$/.test(c) ? (languages.of(c) ?? c) : c),
    month: (m: string) => clean(month.format(new Date(`${m}-01T00:00:00Z`))),
    day: (d: string) => clean(day.format(new Date(`${d}T00:00:00Z`))),
    printed: (d: Date) => clean(long.format(d)),
    period: (from: string | null, to: string | null) =>
      from === null && to === null
        ? null
        : `${from ? clean(month.format(new Date(`${from}-01T00:00:00Z`))) : "…"} – ${
            to ? clean(month.format(new Date(`${to}-01T00:00:00Z`))) : t.ongoing
          }`,
  };
}
type Formatter = ReturnType<typeof formatter>;
const formatters = new Map<PdfLanguage, Formatter>();
function fmt(code: PdfLanguage): Formatter {
  let f = formatters.get(code);
  if (!f) {
    f = formatter(code);
    formatters.set(code, f);
  }
  return f;
}

/** The EntreComp progression band of a level 1–8. */
const BANDS = ["foundation", "intermediate", "advanced", "expert"] as const;

/** The data the template reads (profile.typ). Pairs are [German, the other language]. */
export function profileData(input: CompetencePdfInput) {
  const [, other] = pdfLanguages(input.language);
  const f = [fmt("de"), fmt(other)] as const;
  const both = <T>(render: (f: Formatter, i: 0 | 1) => T): [T, T] => [render(f[0], 0), render(f[1], 1)];
  const where = (country: string | null, place: string | null) =>
    both(
      (g, i) =>
        [place, g.country(country)].filter(Boolean).join(PROFILE_PDF_TEXTS[i === 0 ? "de" : other].comma) ||
        null,
    );
  const { profile, labels } = input;
  const label = (code: string | null) => (code ? labels[code] : undefined);

  const activityPhase = new Map<string, string>();
  for (const p of profile.phases) for (const a of p.activities) activityPhase.set(a.id, p.title);

  const competence = (c: ProfileContent["competences"][number]) => {
    const esco = label(c.escoUri);
    const coded = esco && (esco.de || esco.en);
    const germanLabel = esco?.de ?? c.title;
    return {
      title: free(c.title),
      // Coded: the German ESCO label left; right the English one, marked as English unless the
      // column is English (ESCO ships German and English here). The counsellor's own wording is
      // kept when it says more than the German label.
      label: coded ? [germanLabel, esco.en ?? germanLabel] : null,
      marked: Boolean(coded && esco.en && other !== "en"),
      ownWording: coded && c.title.trim() !== germanLabel.trim() ? free(c.title) : null,
      context: c.context,
      evidence: c.evidence.map((e) => ({ kind: e.kind, note: free(e.note) })),
      clientRating: c.clientRating,
      counsellorRating: c.counsellorRating,
      from: [...new Set(c.activityIds.map((id) => activityPhase.get(id)).filter((t) => t !== undefined))].map(
        (t) => free(t),
      ),
    };
  };
  const isSkill = (c: ProfileContent["competences"][number]) => c.escoUri !== null || c.context === "formal";
  const motherTongues = [...new Set([...profile.languages.motherTongues, ...input.client.motherTongues])];
  const printedAt = typeof input.printedAt === "string" ? new Date(input.printedAt) : input.printedAt;

  return {
    langs: (["de", other] as const).map((code) => ({
      code,
      dir: RIGHT_TO_LEFT.has(code) ? "rtl" : "ltr",
      t: PROFILE_PDF_TEXTS[code],
    })),
    attribution: en.escoAttribution,
    client: {
      name: free(input.client.name),
      dateOfBirth: input.client.dateOfBirth ? both((g) => g.day(input.client.dateOfBirth as string)) : null,
    },
    organisationName: free(input.organisationName),
    printed: both((g) => g.printed(printedAt)),
    phases: profile.phases.map((p) => ({
      kind: p.kind,
      title: free(p.title),
      period: both((g) => g.period(p.from, p.to)),
      where: where(p.country, p.place),
      activities: p.activities.map((a) => free(a.description)),
    })),
    education: profile.education.map((e) => ({
      kind: e.kind,
      title: free(e.title),
      institution: free(e.institution),
      period: both((g) => g.period(e.from, e.to)),
      where: where(e.country, null),
      completed: e.completed,
      eqf: e.eqfLevel,
      isced: e.iscedLevel,
    })),
    qualifications: input.qualifications.map((q) => ({
      title: free(q.originalTitle),
      germanTitle: free(q.germanTitle),
      where: where(q.country, null),
      year: q.year,
      eqf: q.eqfLevel,
      isced: q.iscedLevel,
      state: q.recognitionState,
    })),
    work: profile.work.map((w) => {
      const esco = label(w.escoOccupationUri);
      const kldb = label(w.kldbCode);
      return {
        title: free(w.title),
        period: both((g) => g.period(w.from, w.to)),
        where: where(w.country, null),
        employer: free(w.employer),
        esco: esco && (esco.de || esco.en) ? [esco.de ?? esco.en, esco.en ?? esco.de] : null,
        marked: Boolean(esco?.en && other !== "en"),
        // KldB 2010 is German only: its label in the left column, the code alone on the right.
        kldb: w.kldbCode ? { code: w.kldbCode, label: [kldb?.de ?? "", kldb?.en ?? ""] } : null,
        tasks: free(w.tasks),
      };
    }),
    motherTongues: motherTongues.map((code) => both((g) => g.language(code))),
    languages: profile.languages.other.map((l) => ({
      name: both((g) => g.language(l.language)),
      levels: {
        listening: l.listening,
        reading: l.reading,
        spoken_interaction: l.spokenInteraction,
        spoken_production: l.spokenProduction,
        writing: l.writing,
      },
      certificates: l.certificates.map((c) => ({
        // "telc" before "telc Deutsch B1·B2 Pflege" says nothing new; null: the word for "other".
        kind: c.name?.toLowerCase().startsWith(CERTIFICATE_NAMES[c.kind]?.toLowerCase() ?? "\0")
          ? ""
          : CERTIFICATE_NAMES[c.kind],
        name: free(c.name),
        level: c.level,
        date: c.date ? fmt("de").day(c.date) : null,
      })),
    })),
    skills: profile.competences.filter(isSkill).map(competence),
    informal: profile.competences.filter((c) => !isSkill(c)).map(competence),
    interests: profile.interests.map((i) => free(i.text)),
    goals: profile.goals.map((g) => ({ text: free(g.text), selfEmployment: g.selfEmployment })),
    business: profile.entrepreneurship.businessIdea && {
      field: free(profile.entrepreneurship.businessIdea.field),
      stage: profile.entrepreneurship.businessIdea.stage,
      description: free(profile.entrepreneurship.businessIdea.description),
      needs: free(profile.entrepreneurship.businessIdea.needs),
    },
    entreComp: ENTRECOMP.flatMap((framework) =>
      profile.entrepreneurship.entreComp
        .filter((e) => e.competence === framework.key)
        .map((e) => ({
          key: framework.key,
          number: framework.number,
          area: framework.area,
          level: e.level,
          band: BANDS[Math.min(3, Math.floor((e.level - 1) / 2))],
          note: free(e.note),
        })),
    ),
  };
}

/**
 * The client's competence profile as an A4 PDF: German and the client's language side by side.
 * Every item given is printed, special-category ones included (the PDF is for the client and the
 * counsellor): the caller decides what goes in, e.g. a volunteer's copy without them.
 */
export async function competencePdf(input: CompetencePdfInput): Promise<Uint8Array> {
  return new Uint8Array(renderPdf(TEMPLATE, profileData(input)));
}
