import { eq } from "drizzle-orm";
import { audit } from "#server/platform/audit.ts";
import type { Ctx } from "#server/platform/context.ts";
import { AppError, notFound } from "#server/platform/errors.ts";
import { CONSENT_DOCUMENT_TYPES } from "#shared/cases.ts";
import { loadConsent, presentConsent } from "./service.ts";
import { consentDocuments } from "./tables.ts";

export type ConsentDocumentType = (typeof CONSENT_DOCUMENT_TYPES)[number];

/** How each accepted type starts; a file whose bytes say otherwise is refused, whatever its header claims. */
const MAGIC: Record<ConsentDocumentType, Buffer> = {
  "application/pdf": Buffer.from("%PDF-", "latin1"),
  "image/png": Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  "image/jpeg": Buffer.from([0xff, 0xd8, 0xff]),
};
const EXTENSION: Record<ConsentDocumentType, string> = {
  "application/pdf": "pdf",
  "image/png": "png",
  "image/jpeg": "jpg",
};

export const isConsentDocumentType = (value: string): value is ConsentDocumentType =>
  (CONSENT_DOCUMENT_TYPES as readonly string[]).includes(value);

/** Whether the content starts like a file of the declared type. */
export function matchesType(type: ConsentDocumentType, content: Buffer): boolean {
  const magic = MAGIC[type];
  return content.length > magic.length && content.subarray(0, magic.length).equals(magic);
}

/**
 * The file name from the X-File-Name header (URI-encoded, so that names in any script survive an
 * HTTP header): no path, no control or reserved characters, at most 120 characters, and a default
 * when nothing usable is left.
 */
export function sanitizeFileName(header: string | undefined, type: ConsentDocumentType): string {
  let name = "";
  try {
    name = decodeURIComponent(header ?? "");
  } catch {
    name = "";
  }
  const cleaned = (name.split(/[/\\]/).pop() ?? "")
    .normalize("NFC")
    .replace(/[\p{Cc}\p{Cf}<>:"|?*]/gu, "")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^\.+/, "");
  const short = [...cleaned].slice(0, 120).join("").trim();
  return short || `einwilligung.${EXTENSION[type]}`;
}

/** Stores the scanned sheet of a consent, replacing an earlier one. */
export async function putConsentDocument(
  ctx: Ctx & { consentId: string; mediaType: string; content: Buffer; fileNameHeader: string | undefined },
) {
  const type = ctx.mediaType;
  if (!isConsentDocumentType(type) || !matchesType(type, ctx.content)) {
    throw new AppError(415, "consent.document_type");
  }
  const fileName = sanitizeFileName(ctx.fileNameHeader, type);
  return ctx.db.transaction(async (tx) => {
    const before = await loadConsent(tx, ctx.actor, ctx.consentId, { lock: true });
    const values = {
      mediaType: type,
      fileName,
      content: ctx.content,
      byteSize: ctx.content.length,
      uploadedBy: ctx.actor.userId,
      uploadedAt: new Date(),
    };
    await tx
      .insert(consentDocuments)
      .values({ consentId: ctx.consentId, ...values })
      .onConflictDoUpdate({ target: consentDocuments.consentId, set: values });
    await audit(tx, ctx, {
      action: "consent_document.upload",
      entity: "consent",
      entityId: ctx.consentId,
      organisationId: before.consent.organisationId,
      details: {
        clientId: before.consent.clientId,
        mediaType: type,
        byteSize: ctx.content.length,
        replaced: before.document !== null,
      },
    });
    return presentConsent(await loadConsent(tx, ctx.actor, ctx.consentId), ctx.actor);
  });
}

/** The scanned sheet of a consent the actor may see; none uploaded answers 404. */
export async function getConsentDocument(ctx: Ctx & { consentId: string }) {
  return ctx.db.transaction(async (tx) => {
    const { consent } = await loadConsent(tx, ctx.actor, ctx.consentId);
    const [document] = await tx
      .select()
      .from(consentDocuments)
      .where(eq(consentDocuments.consentId, consent.id));
    if (!document) throw notFound();
    await audit(tx, ctx, {
      action: "consent_document.read",
      entity: "consent",
      entityId: consent.id,
      organisationId: consent.organisationId,
      details: { clientId: consent.clientId },
    });
    return document;
  });
}
