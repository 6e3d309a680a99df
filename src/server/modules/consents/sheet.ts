import { fileURLToPath } from "node:url";
import { eq } from "drizzle-orm";
import { loadClient } from "#server/modules/cases/clients.ts";
import { audit } from "#server/platform/audit.ts";
import type { Ctx } from "#server/platform/context.ts";
import { notFound } from "#server/platform/errors.ts";
import { renderPdf } from "#server/platform/pdf.ts";
import { organisations } from "#server/platform/tables.ts";
import { CONSENT_PURPOSES, type ConsentPurpose, PURPOSES_WITH_RECIPIENT } from "#shared/cases.ts";
import ar from "./sheet-texts/ar.json" with { type: "json" };
import de from "./sheet-texts/de.json" with { type: "json" };
import en from "./sheet-texts/en.json" with { type: "json" };
import fa from "./sheet-texts/fa.json" with { type: "json" };
import ru from "./sheet-texts/ru.json" with { type: "json" };
import tr from "./sheet-texts/tr.json" with { type: "json" };
import uk from "./sheet-texts/uk.json" with { type: "json" };

type SheetTexts = typeof de;
/** The languages the sheet is written in; German is always the first column. */
export const SHEET_TEXTS = { de, en, ar, uk, ru, fa, tr } satisfies Record<string, SheetTexts>;
export type SheetLanguage = keyof typeof SHEET_TEXTS;

/** Scripts written right to left (ISO 639-1), whichever of them gets sheet texts. */
const RIGHT_TO_LEFT = new Set(["ar", "fa", "he", "ur", "ps", "yi", "dv"]);

/** The supervisory authority for the non-public and public bodies of Sachsen-Anhalt (Art. 77 DSGVO). */
const SUPERVISORY_AUTHORITY = {
  name: "Landesbeauftragter für den Datenschutz Sachsen-Anhalt",
  lines: ["Otto-von-Guericke-Straße 34a", "39104 Magdeburg", "poststelle@lfd.sachsen-anhalt.de"],
};

const TEMPLATE = fileURLToPath(new URL("./sheet.typ", import.meta.url));

const hasTexts = (code: string | undefined): code is SheetLanguage =>
  code !== undefined && Object.hasOwn(SHEET_TEXTS, code);

/**
 * German plus one other language: the one asked for, else the person's first preferred language;
 * when that is German or no sheet texts exist for it, English.
 */
export function sheetLanguages(requested: string | undefined, preferred: string[]): ["de", SheetLanguage] {
  const wanted = requested ?? preferred[0];
  return ["de", hasTexts(wanted) && wanted !== "de" ? wanted : "en"];
}

/** The purposes to print, in the register's order; none asked for means all of them. */
export function sheetPurposes(list: string | undefined): ConsentPurpose[] {
  const asked = new Set((list ?? "").split(",").map((p) => p.trim()));
  const chosen = CONSENT_PURPOSES.filter((p) => asked.has(p));
  return chosen.length > 0 ? chosen : [...CONSENT_PURPOSES];
}

/** The printable information and consent sheet of a client, as PDF. */
export async function consentSheet(ctx: Ctx & { clientId: string; language?: string; purposes?: string }) {
  const client = await loadClient(ctx.db, ctx.actor, ctx.clientId);
  const [controller] = await ctx.db
    .select()
    .from(organisations)
    .where(eq(organisations.id, client.organisationId));
  if (!controller) throw notFound();
  const languages = sheetLanguages(ctx.language, client.preferredLanguages);
  const purposes = sheetPurposes(ctx.purposes);
  const langs = languages.map((code) => ({
    code,
    dir: RIGHT_TO_LEFT.has(code) ? "rtl" : "ltr",
    t: SHEET_TEXTS[code],
  }));
  const pdf = renderPdf(TEMPLATE, {
    langs,
    client: { name: client.name, pseudonym: client.pseudonym },
    controller: {
      name: controller.name,
      lines: [
        controller.street,
        [controller.postcode, controller.city].filter(Boolean).join(" "),
        controller.email,
        controller.phone,
      ].filter((line): line is string => Boolean(line)),
    },
    authority: SUPERVISORY_AUTHORITY,
    purposes,
    withRecipient: PURPOSES_WITH_RECIPIENT,
    languageNames: langs.map((l) => l.t.language).join(", "),
  });
  await audit(ctx.db, ctx, {
    action: "consent_sheet.read",
    entity: "client",
    entityId: client.id,
    organisationId: client.organisationId,
    details: { languages, purposes },
  });
  return { pdf, languages, fileName: `einwilligung-${client.pseudonym}-${languages[1]}.pdf` };
}
