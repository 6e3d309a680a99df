import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import type { Tx } from "#server/db/client.ts";
import {
  CEFR_LEVELS,
  FINDER_LOCALES,
  FUNDING_ROUTES,
  IQ_PHASES,
  OFFER_TYPES,
  TARGET_GROUPS,
} from "#shared/directory.ts";
import { DISTRICTS, ORGANISATION_TYPES } from "#shared/domain.ts";
import { OCCUPATION_FIELDS } from "#shared/occupations.ts";
import { taxonomies, taxonomyTerms } from "./tables.ts";

/** Namespace of every id Lotse derives (UUID version 5); never change it, ids are shared between installations. */
const NAMESPACE = Buffer.from("3b5c1f8e4a2d4e6b9c7a1d2e3f405162", "hex");

/** A UUID version 5 from the parts: the same parts give the same id in every installation. */
export function stableId(...parts: string[]): string {
  const hash = createHash("sha1").update(NAMESPACE).update(parts.join("\u001f")).digest();
  hash[6] = ((hash[6] ?? 0) & 0x0f) | 0x50;
  hash[8] = ((hash[8] ?? 0) & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

type TermDef = { code: string; name: string; description?: string };
type TaxonomyDef = { name: string; description: string; terms: TermDef[] };

const PHASE_NAMES: Record<number, string> = {
  1: "Zugang, Ansprache & Information",
  2: "Berufliche Orientierung & Planung",
  3: "Umsetzung & Qualifizierung",
  4: "Einstieg in Arbeit",
  5: "Stabilisierung & Weiterentwicklung",
};

const byCode = (codes: readonly string[]): TermDef[] => codes.map((code) => ({ code, name: code }));
const translatedLocales = FINDER_LOCALES.filter((l) => l !== "de");

/**
 * Lotse's own attributes as HSDS taxonomies. An offer's phases, offer type, … travel as HSDS
 * attributes whose taxonomy_term is one of these terms; values that are not codes (capacity,
 * translations) travel in the attribute's `value`.
 */
export const LOTSE_TAXONOMIES: TaxonomyDef[] = [
  {
    name: "lotse-iq-phase",
    description: "Phasen der IQ-Prozesskette, denen ein Angebot dient",
    terms: IQ_PHASES.map((p) => ({ code: String(p), name: PHASE_NAMES[p] ?? String(p) })),
  },
  { name: "lotse-offer-type", description: "Angebotsart", terms: byCode(OFFER_TYPES) },
  { name: "lotse-target-group", description: "Zielgruppe eines Angebots", terms: byCode(TARGET_GROUPS) },
  {
    name: "lotse-min-german-level",
    description: "Mindestens nötige Deutschkenntnisse (GER)",
    terms: byCode(CEFR_LEVELS),
  },
  { name: "lotse-funding-route", description: "Finanzierung eines Angebots", terms: byCode(FUNDING_ROUTES) },
  {
    name: "lotse-free-of-charge",
    description: "Ob ein Angebot für Ratsuchende kostenlos ist",
    terms: [
      { code: "true", name: "kostenlos" },
      { code: "false", name: "kostenpflichtig" },
    ],
  },
  {
    name: "lotse-capacity",
    description: "Freie und höchste Platzzahl eines Angebots; die Zahl steht im value des Attributs",
    terms: [
      { code: "available", name: "freie Plätze" },
      { code: "maximum", name: "Plätze insgesamt" },
      { code: "updated_at", name: "Platzzahl aktualisiert am (ISO 8601)" },
    ],
  },
  {
    name: "lotse-translation",
    description: "Übersetzter Name oder Beschreibung; der Text steht im value des Attributs",
    terms: translatedLocales.flatMap((l) => [
      { code: `${l}.name`, name: `Name (${l})` },
      { code: `${l}.description`, name: `Beschreibung (${l})` },
    ]),
  },
  {
    name: "lotse-district",
    description: "Landkreis oder kreisfreie Stadt in Sachsen-Anhalt (AGS)",
    terms: DISTRICTS.map((d) => ({ code: d.ags, name: d.name })),
  },
  {
    name: "lotse-organisation-type",
    description: "Art einer Organisation im Netzwerk",
    terms: byCode(ORGANISATION_TYPES),
  },
  {
    name: "lotse-occupation-field",
    description:
      "Berufsbereich eines Qualifizierungsangebots: Berufshauptgruppe der KldB 2010 (© Bundesagentur für Arbeit)",
    terms: OCCUPATION_FIELDS.map((f) => ({ code: f.code, name: f.title })),
  },
];

export type LotseTaxonomyName =
  | "lotse-iq-phase"
  | "lotse-offer-type"
  | "lotse-target-group"
  | "lotse-min-german-level"
  | "lotse-funding-route"
  | "lotse-free-of-charge"
  | "lotse-capacity"
  | "lotse-translation"
  | "lotse-district"
  | "lotse-organisation-type"
  | "lotse-occupation-field";

export const lotseTaxonomyId = (name: string) => stableId("taxonomy", name);
export const lotseTermId = (taxonomy: string, code: string) => stableId("taxonomy_term", taxonomy, code);

export type LotseTerm = { id: string; taxonomy: LotseTaxonomyName; code: string; name: string };
const TERMS = new Map<string, LotseTerm>();
const TERMS_BY_CODE = new Map<string, LotseTerm>();
for (const t of LOTSE_TAXONOMIES) {
  for (const term of t.terms) {
    const entry = {
      id: lotseTermId(t.name, term.code),
      taxonomy: t.name as LotseTaxonomyName,
      code: term.code,
      name: term.name,
    };
    TERMS.set(entry.id, entry);
    TERMS_BY_CODE.set(`${t.name}\u001f${term.code}`, entry);
  }
}
const TAXONOMY_NAMES = new Set(LOTSE_TAXONOMIES.map((t) => t.name));

/** The Lotse term with this id, or of this taxonomy name and code. */
export function findLotseTerm(opts: {
  id?: unknown;
  taxonomy?: unknown;
  code?: unknown;
}): LotseTerm | undefined {
  if (typeof opts.id === "string" && TERMS.has(opts.id)) return TERMS.get(opts.id);
  if (
    typeof opts.taxonomy === "string" &&
    TAXONOMY_NAMES.has(opts.taxonomy) &&
    typeof opts.code === "string"
  ) {
    return TERMS_BY_CODE.get(`${opts.taxonomy}\u001f${opts.code}`);
  }
  return undefined;
}

export function lotseTerm(taxonomy: LotseTaxonomyName, code: string): LotseTerm {
  const term = TERMS_BY_CODE.get(`${taxonomy}\u001f${code}`);
  if (!term) throw new Error(`unknown Lotse term ${taxonomy}/${code}`);
  return term;
}

export const isLotseTermId = (id: string) => TERMS.has(id);
export const isLotseTaxonomyId = (id: string) => LOTSE_TAXONOMIES.some((t) => lotseTaxonomyId(t.name) === id);

/** Creates or refreshes the Lotse taxonomies and their terms; the ids are the same in every installation. */
export async function ensureLotseTaxonomies(db: Tx): Promise<void> {
  await db
    .insert(taxonomies)
    .values(
      LOTSE_TAXONOMIES.map((t) => ({
        id: lotseTaxonomyId(t.name),
        name: t.name,
        description: t.description,
        version: "1",
      })),
    )
    .onConflictDoUpdate({
      target: taxonomies.id,
      set: {
        name: sql`excluded.name`,
        description: sql`excluded.description`,
        version: sql`excluded.version`,
      },
    });
  await db
    .insert(taxonomyTerms)
    .values(
      LOTSE_TAXONOMIES.flatMap((t) =>
        t.terms.map((term) => ({
          id: lotseTermId(t.name, term.code),
          taxonomyId: lotseTaxonomyId(t.name),
          code: term.code,
          name: term.name,
          description: term.description ?? term.name,
          language: "de",
        })),
      ),
    )
    .onConflictDoUpdate({
      target: taxonomyTerms.id,
      set: {
        taxonomyId: sql`excluded.taxonomy_id`,
        code: sql`excluded.code`,
        name: sql`excluded.name`,
        description: sql`excluded.description`,
        language: sql`excluded.language`,
      },
    });
}
