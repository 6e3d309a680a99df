import { and, asc, desc, eq, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Tx } from "#server/db/client.ts";
import { loadClient } from "#server/modules/cases/clients.ts";
import { recordCaseEvent } from "#server/modules/cases/events.ts";
import { cases } from "#server/modules/cases/tables.ts";
import { audit } from "#server/platform/audit.ts";
import type { Ctx } from "#server/platform/context.ts";
import { AppError, invalidField, notFound } from "#server/platform/errors.ts";
import type { Actor } from "#server/platform/session.ts";
import { organisations, users } from "#server/platform/tables.ts";
import { clientScope } from "#server/platform/tenancy.ts";
import { type DataCategory, PURPOSES_WITH_RECIPIENT } from "#shared/cases.ts";
import type { Consent, ConsentCreate } from "#shared/contracts/consents.ts";
import { can } from "#shared/permissions.ts";
import { activeConsent, type ConsentRow, consentWithdrawnListeners } from "./check.ts";
import { consentDocuments, consents } from "./tables.ts";

/** A consent may be recorded a little ahead of the server's clock (a browser's clock drifts). */
const CLOCK_SKEW_MS = 60_000;

const recorder = alias(users, "recorder");
const withdrawer = alias(users, "withdrawer");
const recipient = alias(organisations, "recipient");

const consentSelect = {
  consent: consents,
  recipientName: recipient.name,
  recorderName: recorder.name,
  withdrawerName: withdrawer.name,
  document: {
    fileName: consentDocuments.fileName,
    mediaType: consentDocuments.mediaType,
    byteSize: consentDocuments.byteSize,
    uploadedAt: consentDocuments.uploadedAt,
  },
};

type ConsentSelection = {
  consent: ConsentRow;
  recipientName: string | null;
  recorderName: string | null;
  withdrawerName: string | null;
  document: { fileName: string; mediaType: string; byteSize: number; uploadedAt: Date } | null;
};

function selectConsents(db: Tx) {
  return db
    .select(consentSelect)
    .from(consents)
    .leftJoin(recipient, eq(recipient.id, consents.recipientOrganisationId))
    .leftJoin(recorder, eq(recorder.id, consents.recordedBy))
    .leftJoin(withdrawer, eq(withdrawer.id, consents.withdrawnBy))
    .leftJoin(consentDocuments, eq(consentDocuments.consentId, consents.id));
}

const person = (id: string | null, name: string | null) => (id ? { id, name: name ?? "" } : null);

export function presentConsent(row: ConsentSelection, actor: Actor): Consent {
  const c = row.consent;
  const active = c.withdrawnAt === null;
  const manage = can(actor.role, "consent.manage");
  return {
    id: c.id,
    clientId: c.clientId,
    purpose: c.purpose,
    recipientOrganisation: c.recipientOrganisationId
      ? { id: c.recipientOrganisationId, name: row.recipientName ?? "" }
      : null,
    legalBasis: c.legalBasis,
    dataCategories: c.dataCategories as DataCategory[],
    recipients: c.recipients,
    informedLanguage: c.informedLanguage,
    form: c.form,
    fileNote: c.fileNote,
    givenAt: c.givenAt.toISOString(),
    withdrawnAt: c.withdrawnAt?.toISOString() ?? null,
    active,
    recordedBy: person(c.recordedBy, row.recorderName),
    withdrawnBy: person(c.withdrawnBy, row.withdrawerName),
    document: row.document ? { ...row.document, uploadedAt: row.document.uploadedAt.toISOString() } : null,
    abilities: { withdraw: manage && active, uploadDocument: manage },
  };
}

/** A consent the actor may see (through its client's scope); anyone else's answers 404. */
export async function loadConsent(db: Tx, actor: Actor, id: string, opts: { lock?: boolean } = {}) {
  const query = selectConsents(db).where(
    and(eq(consents.id, id), clientScope(actor, consents.organisationId, consents.clientId)),
  );
  const [row] = opts.lock ? await query.for("update", { of: consents }) : await query;
  if (!row) throw notFound();
  return row;
}

/** Appends the same event to the timeline of every case of the client. */
async function recordOnCases(
  tx: Tx,
  ctx: Ctx,
  consent: ConsentRow,
  kind: "consent_given" | "consent_withdrawn",
) {
  const caseRows = await tx.select({ id: cases.id }).from(cases).where(eq(cases.clientId, consent.clientId));
  for (const { id } of caseRows) {
    await recordCaseEvent(tx, {
      caseId: id,
      kind,
      actorUserId: ctx.actor.userId,
      subjectId: consent.id,
      details: { purpose: consent.purpose, recipientOrganisationId: consent.recipientOrganisationId },
    });
  }
  return caseRows.length;
}

/** The consent register of a client: active ones first, then the withdrawn, newest first. */
export async function listConsents(ctx: Ctx & { clientId: string }) {
  const client = await loadClient(ctx.db, ctx.actor, ctx.clientId);
  const rows = await selectConsents(ctx.db)
    .where(eq(consents.clientId, client.id))
    .orderBy(sql`${consents.withdrawnAt} is not null`, desc(consents.givenAt), asc(consents.id));
  await audit(ctx.db, ctx, {
    action: "consent.read",
    entity: "client",
    entityId: client.id,
    organisationId: client.organisationId,
    details: { ids: rows.map((r) => r.consent.id) },
  });
  return { items: rows.map((r) => presentConsent(r, ctx.actor)) };
}

/** The rules a consent must meet beyond its shape; each failure names its field. */
async function assertValidConsent(db: Tx, input: ConsentCreate, givenAt: Date) {
  const recipientId = input.recipientOrganisationId ?? null;
  if (PURPOSES_WITH_RECIPIENT.includes(input.purpose)) {
    if (!recipientId) throw invalidField("recipientOrganisationId", "consent.recipient_required");
    const [org] = await db
      .select({ id: organisations.id })
      .from(organisations)
      .where(and(eq(organisations.id, recipientId), eq(organisations.status, "active")));
    if (!org) throw invalidField("recipientOrganisationId", "consent.recipient_unknown");
  } else if (recipientId) {
    throw invalidField("recipientOrganisationId", "consent.recipient_not_allowed");
  }
  // Art. 9(2)(a): special categories need the explicit consent, not the plain one of Art. 6(1)(a).
  if (input.dataCategories.includes("special_categories") && input.legalBasis !== "art9_2a") {
    throw invalidField("legalBasis", "consent.special_needs_art9");
  }
  if (givenAt.getTime() > Date.now() + CLOCK_SKEW_MS)
    throw invalidField("givenAt", "consent.given_in_future");
}

/** Records a consent the person gave; a second active one for the same purpose and recipient is refused. */
export async function giveConsent(ctx: Ctx & { clientId: string; input: ConsentCreate }) {
  return ctx.db.transaction(async (tx) => {
    const client = await loadClient(tx, ctx.actor, ctx.clientId);
    const input = ctx.input;
    const givenAt = input.givenAt ? new Date(input.givenAt) : new Date();
    await assertValidConsent(tx, input, givenAt);
    const need = {
      clientId: client.id,
      purpose: input.purpose,
      recipientOrganisationId: input.recipientOrganisationId ?? null,
    };
    if (await activeConsent(tx, need)) throw new AppError(409, "consent.already_active");
    // The partial unique index decides between two simultaneous recordings; the loser gets 409 too.
    const inserted = await tx
      .insert(consents)
      .values({
        organisationId: client.organisationId,
        clientId: client.id,
        purpose: input.purpose,
        recipientOrganisationId: need.recipientOrganisationId,
        legalBasis: input.legalBasis,
        dataCategories: input.dataCategories,
        recipients: input.recipients ?? null,
        informedLanguage: input.informedLanguage,
        form: input.form,
        fileNote: input.fileNote ?? null,
        givenAt,
        recordedBy: ctx.actor.userId,
      })
      .onConflictDoNothing()
      .returning();
    const consent = inserted[0];
    if (!consent) throw new AppError(409, "consent.already_active");
    const caseCount = await recordOnCases(tx, ctx, consent, "consent_given");
    await audit(tx, ctx, {
      action: "consent.give",
      entity: "consent",
      entityId: consent.id,
      organisationId: client.organisationId,
      details: {
        clientId: client.id,
        purpose: consent.purpose,
        recipientOrganisationId: consent.recipientOrganisationId,
        dataCategories: consent.dataCategories,
        cases: caseCount,
      },
    });
    return presentConsent(await loadConsent(tx, ctx.actor, consent.id), ctx.actor);
  });
}

/**
 * Withdraws a consent at once, in one step. Listeners (e.g. open referrals) act in the same
 * transaction, so nothing that depended on the consent outlives it.
 */
export async function withdrawConsent(ctx: Ctx & { consentId: string }) {
  return ctx.db.transaction(async (tx) => {
    const before = await loadConsent(tx, ctx.actor, ctx.consentId, { lock: true });
    if (before.consent.withdrawnAt) throw new AppError(409, "consent.already_withdrawn");
    const [consent] = await tx
      .update(consents)
      .set({ withdrawnAt: sql`now()`, withdrawnBy: ctx.actor.userId })
      .where(eq(consents.id, ctx.consentId))
      .returning();
    if (!consent) throw notFound();
    for (const listener of [...consentWithdrawnListeners]) {
      await listener(tx, { consent, actorUserId: ctx.actor.userId, requestId: ctx.requestId });
    }
    const caseCount = await recordOnCases(tx, ctx, consent, "consent_withdrawn");
    await audit(tx, ctx, {
      action: "consent.withdraw",
      entity: "consent",
      entityId: consent.id,
      organisationId: consent.organisationId,
      details: {
        clientId: consent.clientId,
        purpose: consent.purpose,
        recipientOrganisationId: consent.recipientOrganisationId,
        cases: caseCount,
      },
    });
    return presentConsent(await loadConsent(tx, ctx.actor, consent.id), ctx.actor);
  });
}
