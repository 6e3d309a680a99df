import { z } from "zod";
import { ESCO_COLLECTIONS } from "#shared/competences.ts";
import { KldbCode } from "./competences.ts";

// The ESCO search of the competence module: skills and occupations with German and English labels.

export const EscoQuery = z.object({
  q: z.string().trim().min(1).max(200),
  lang: z.enum(["de", "en"]).default("de").describe("Language the query is written in; results carry both"),
  collection: z.enum(ESCO_COLLECTIONS).optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});
export const EscoConcept = z.object({
  uri: z.string(),
  de: z.string().nullable().describe("German preferred label"),
  en: z.string().nullable().describe("English preferred label"),
  matched: z
    .string()
    .nullable()
    .describe("The alternative label the query matched, when not the preferred one"),
  collections: z.array(z.enum(ESCO_COLLECTIONS)),
  kldb: z.array(KldbCode).describe("For occupations: the KldB 2010 codes it maps to"),
});
export const EscoList = z.object({ items: z.array(EscoConcept) });
