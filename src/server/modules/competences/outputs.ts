import { eq } from "drizzle-orm";
import { clients } from "#server/modules/cases/tables.ts";
import { audit } from "#server/platform/audit.ts";
import type { Ctx } from "#server/platform/context.ts";
import { signJws } from "#server/platform/signing.ts";
import { organisations } from "#server/platform/tables.ts";
import { FINDER_LOCALES, type FinderLocale } from "#shared/directory.ts";
import { europassCredential } from "./europass/export.ts";
import { competencePdf } from "./pdf/render.ts";
import { loadProfile, presentProfile } from "./present.ts";
import { competenceProfiles } from "./tables.ts";

/**
 * The profile's outputs for the client: the bilingual PDF and the Europass credential. Both show
 * what the actor may read (volunteers: without special-category entries); the data is gathered and
 * the export audited in one transaction, the document is made after it.
 */
async function gather(ctx: Ctx, profileId: string, action: string, details: Record<string, unknown>) {
  return ctx.db.transaction(async (tx) => {
    const row = await loadProfile(tx, ctx.actor, eq(competenceProfiles.id, profileId));
    const profile = await presentProfile(tx, ctx.actor, row);
    const [client] = await tx
      .select({
        name: clients.name,
        pseudonym: clients.pseudonym,
        dateOfBirth: clients.dateOfBirth,
        preferredLanguages: clients.preferredLanguages,
      })
      .from(clients)
      .where(eq(clients.id, row.clientId));
    const [organisation] = await tx
      .select()
      .from(organisations)
      .where(eq(organisations.id, row.organisationId));
    if (!client || !organisation) throw new Error("profile without client or organisation");
    await audit(tx, ctx, {
      action,
      entity: "competence_profile",
      entityId: row.id,
      organisationId: row.organisationId,
      details: {
        clientId: row.clientId,
        version: row.version,
        withheldSpecial: profile.withheldSpecial,
        ...details,
      },
    });
    return { row, profile, client, organisation };
  });
}

const isFinderLocale = (l: string): l is FinderLocale => (FINDER_LOCALES as readonly string[]).includes(l);

/** The language printed beside German: the one asked for, else the client's first other language. */
function pdfLanguage(asked: string | undefined, preferred: string[]): FinderLocale {
  if (asked && isFinderLocale(asked)) return asked;
  return preferred.find((l): l is FinderLocale => l !== "de" && isFinderLocale(l)) ?? "en";
}

/** The profile as an A4 PDF, German beside the client's language. */
export async function profilePdf(ctx: Ctx & { profileId: string; language?: string | undefined }) {
  // The audit keeps a language only when it is one the PDF speaks: the query is free text.
  const { profile, client, organisation } = await gather(ctx, ctx.profileId, "competence_profile.pdf", {
    language: ctx.language && isFinderLocale(ctx.language) ? ctx.language : null,
  });
  const language = pdfLanguage(ctx.language, client.preferredLanguages);
  const pdf = await competencePdf({
    language,
    profile: profile.content,
    client: {
      name: client.name,
      dateOfBirth: client.dateOfBirth,
      motherTongues: profile.content.languages.motherTongues,
    },
    qualifications: profile.qualifications,
    labels: profile.labels,
    organisationName: organisation.name,
    printedAt: new Date(),
  });
  return { pdf, languages: ["de", language], fileName: `kompetenzprofil-${client.pseudonym}.pdf` };
}

/** A person's name as Europass wants it: given names and the family name (the last word). */
export function splitName(name: string): { givenName: string; familyName: string } {
  const parts = name.trim().split(/\s+/);
  if (parts.length < 2) return { givenName: parts[0] ?? "", familyName: parts[0] ?? "" };
  return { givenName: parts.slice(0, -1).join(" "), familyName: parts.at(-1) ?? "" };
}

/** The profile as a European Learning Model v3 credential (JSON-LD, EDC application profile). */
export async function profileEuropass(ctx: Ctx & { profileId: string; format: string }) {
  const { row, profile, client, organisation } = await gather(
    ctx,
    ctx.profileId,
    "competence_profile.europass",
    {
      format: ctx.format,
    },
  );
  const credential = europassCredential({
    profileId: row.id,
    profile: profile.content,
    client: { ...splitName(client.name), dateOfBirth: client.dateOfBirth },
    qualifications: profile.qualifications,
    labels: profile.labels,
    issuer: {
      id: organisation.id,
      name: organisation.name,
      street: organisation.street,
      postcode: organisation.postcode,
      city: organisation.city,
      website: organisation.website,
    },
    issuedAt: new Date(),
    includeSpecial: !profile.withheldSpecial,
  });
  const fileName = `europass-${client.pseudonym}`;
  if (ctx.format === "jws") {
    // Signed with the installation's key; /api/competences/jwks publishes what verifies it.
    const jws = await signJws(ctx.db, credential, { typ: "vc+ld+json" });
    return { body: jws, mediaType: "application/jose", fileName: `${fileName}.jws` };
  }
  return {
    body: JSON.stringify(credential),
    mediaType: "application/ld+json",
    fileName: `${fileName}.jsonld`,
  };
}
