import { fileURLToPath } from "node:url";
import type { CertificateContent } from "#server/modules/trainings/tables.ts";
import { renderPdf } from "#server/platform/pdf.ts";
import { groupCode } from "#shared/contracts/trainings-certificates.ts";
import type { EvaluationLocale } from "#shared/trainings.ts";
import { qrSvg, verifyUrl } from "./code.ts";
import ar from "./texts/ar.json" with { type: "json" };
import de from "./texts/de.json" with { type: "json" };
import en from "./texts/en.json" with { type: "json" };

const TEMPLATE = fileURLToPath(new URL("./certificate.typ", import.meta.url));

/** The certificate's printed texts; Arabic without short vowels (pdftotext scatters combining marks). */
export const CERTIFICATE_PDF_TEXTS = { de, en, ar } satisfies Record<EvaluationLocale, typeof de>;

export type PrintedCertificate = { code: string; content: CertificateContent; issuedAt: Date };

/** Free text as someone wrote it, with the direction of its first strong letter (Unicode P2–P3). */
const FIRST_LETTER = /\p{L}/u;
const RTL_LETTER = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}]/u;
function free(s: string) {
  const first = FIRST_LETTER.exec(s)?.[0];
  return { s, rtl: first !== undefined && RTL_LETTER.test(first) };
}

/** Bidi marks that ICU puts into dates; Typst's bidi places the digits by itself. */
const BIDI_MARKS = /[\u200e\u200f\u061c]/g;

function formatter(lang: EvaluationLocale) {
  const common = { calendar: "gregory", numberingSystem: "latn" } as const;
  const day = new Intl.DateTimeFormat(lang, { ...common, dateStyle: "long", timeZone: "UTC" });
  const issued = new Intl.DateTimeFormat(lang, { ...common, dateStyle: "long", timeZone: "Europe/Berlin" });
  const hours = new Intl.NumberFormat(lang, { ...common, maximumFractionDigits: 1 });
  const clean = (s: string) => s.replace(BIDI_MARKS, "");
  return {
    day: (d: string) => clean(day.format(new Date(`${d}T00:00:00Z`))),
    issued: (d: Date) => clean(issued.format(d)),
    hours: (h: number) => clean(hours.format(h)),
  };
}

const fill = (template: string, values: Record<string, string | number>) =>
  template.replace(/\{(\w+)\}/g, (_, k: string) => String(values[k] ?? ""));

/** The data certificate.typ reads. */
export async function certificateData(
  certificates: PrintedCertificate[],
  opts: { lang: EvaluationLocale; publicUrl: string },
) {
  const { lang } = opts;
  const t = CERTIFICATE_PDF_TEXTS[lang];
  const f = formatter(lang);
  return {
    lang,
    dir: lang === "ar" ? "rtl" : "ltr",
    title: certificates.length === 1 ? `${t.title} – ${certificates[0]?.content.participantName}` : t.title,
    texts: t,
    certificates: await Promise.all(
      certificates.map(async ({ code, content: c, issuedAt }) => {
        const url = verifyUrl(opts.publicUrl, code);
        return {
          name: free(c.participantName),
          organisation: c.organisationName ? free(c.organisationName) : null,
          programme: free(c.programmeTitle),
          cohort: free(c.cohortTitle),
          period: `${f.day(c.startsOn)} – ${f.day(c.endsOn)}`,
          attended: fill(t.attendedValue, {
            sessions: c.sessionsAttended,
            held: c.sessionsHeld,
            hours: f.hours(c.hoursAttended),
            hoursHeld: f.hours(c.hoursHeld),
          }),
          goals: c.goals.map((g) => free(g[lang] ?? g.de)),
          issuer: free(c.issuerName),
          issuedAt: f.issued(issuedAt),
          code: groupCode(code),
          url,
          qr: await qrSvg(url),
        };
      }),
    ),
  };
}

/** Certificates as an A4 PDF, one page each (one for a holder, all current ones for a cohort). */
export async function certificatesPdf(
  certificates: PrintedCertificate[],
  opts: { lang: EvaluationLocale; publicUrl: string },
): Promise<Buffer> {
  return renderPdf(TEMPLATE, await certificateData(certificates, opts));
}
