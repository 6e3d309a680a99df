import { and, eq } from "drizzle-orm";
import type { Tx } from "#server/db/client.ts";
import { documentableCase, scopedCase } from "#server/modules/cases/documentation.ts";
import { recordCaseEvent } from "#server/modules/cases/events.ts";
import { activeConsent, type ConsentRow } from "#server/modules/consents/check.ts";
import { resolveInterface } from "#server/modules/interfaces/settings.ts";
import { addWorkingDays, berlinDay } from "#server/modules/interfaces/working-days.ts";
import { notify } from "#server/modules/notifications/notify.ts";
import { offers } from "#server/modules/offers/tables.ts";
import { audit } from "#server/platform/audit.ts";
import type { Ctx } from "#server/platform/context.ts";
import { AppError, invalidField } from "#server/platform/errors.ts";
import { organisations } from "#server/platform/tables.ts";
import { ownOrganisation } from "#server/platform/tenancy.ts";
import type { DataCategory } from "#shared/cases.ts";
import type { Referral, ReferralCreate } from "#shared/contracts/referrals.ts";
import { can } from "#shared/permissions.ts";
import { itemsCoveredBy } from "#shared/referral-check.ts";
import { DATA_ITEM_CATEGORY, REFERRAL_DATA_ITEMS } from "#shared/referrals.ts";
import { recordReferralEvent } from "./events.ts";
import { loadReferral, presentReferral } from "./read.ts";
import { buildSnapshot } from "./snapshot.ts";
import { referrals } from "./tables.ts";
import { assertWarningsAcknowledged, noteSubject, ownContacts } from "./warnings.ts";

/**
 * Sending a referral: the preview of what may travel, and the sending itself. The consent is
 * checked at the moment of use, inside the sending transaction (locked FOR SHARE, so a withdrawal
 * at the same moment either comes first and refuses the referral, or waits and then withdraws it).
 * The preview gives the wizard what the shared referral check needs (warnings.ts), so the sender
 * is warned while writing about exactly what the server refuses without an acknowledgement.
 */

/** An active offer of an active organisation, or a 422 on the offer. */
async function activeOffer(db: Tx, offerId: string) {
  const [row] = await db
    .select({
      id: offers.id,
      name: offers.name,
      organisationId: offers.organisationId,
      orgName: organisations.name,
    })
    .from(offers)
    .innerJoin(organisations, eq(organisations.id, offers.organisationId))
    .where(and(eq(offers.id, offerId), eq(offers.status, "active"), eq(organisations.status, "active")));
  if (!row) throw invalidField("offerId", "referral.offer_unavailable");
  return row;
}

const covers = (consent: ConsentRow | null, category: DataCategory) =>
  consent?.dataCategories.includes(category) === true;

/** Due dates in working days of Sachsen-Anhalt, counted from the Berlin day of sending. */
async function dueDates(db: Tx, fromOrgId: string, toOrgId: string, now: Date) {
  const resolved = await resolveInterface(db, fromOrgId, toOrgId);
  const day = berlinDay(now);
  return {
    resolved,
    answerDue: addWorkingDays(day, resolved.answerWithinDays),
    completeDue: addWorkingDays(day, resolved.completeWithinDays),
  };
}

/** What a referral of this case to this offer would carry, and until when it is to be answered. */
export async function referralPreview(ctx: Ctx & { caseId: string; offerId: string }) {
  return ctx.db.transaction(async (tx) => {
    const record = await scopedCase(tx, ctx.actor, ctx.caseId);
    const offer = await activeOffer(tx, ctx.offerId);
    const consent = await activeConsent(tx, {
      clientId: record.clientId,
      purpose: "referral",
      recipientOrganisationId: offer.organisationId,
    });
    const { resolved, answerDue, completeDue } = await dueDates(
      tx,
      record.organisationId,
      offer.organisationId,
      new Date(),
    );
    const subject = await noteSubject(tx, record.clientId);
    const own = await ownContacts(tx, ctx.actor, [record.organisationId, offer.organisationId]);
    await audit(tx, ctx, {
      action: "referral.preview",
      entity: "case",
      entityId: record.id,
      organisationId: record.organisationId,
      // The client's identifying fields go to the wizard for the note check: a read of personal data.
      details: {
        offerId: offer.id,
        consentId: consent?.id ?? null,
        clientId: record.clientId,
        fields: ["name", "email", "phone", "dateOfBirth"],
      },
    });
    return {
      offer: {
        id: offer.id,
        name: offer.name,
        organisation: { id: offer.organisationId, name: offer.orgName },
      },
      consent: consent
        ? { id: consent.id, givenAt: consent.givenAt.toISOString(), dataCategories: consent.dataCategories }
        : null,
      items: REFERRAL_DATA_ITEMS.map((item) => ({
        item,
        covered: covers(consent, DATA_ITEM_CATEGORY[item]),
      })),
      preselected: itemsCoveredBy(consent?.dataCategories ?? [], REFERRAL_DATA_ITEMS),
      noteCheck: { subject, ownContacts: own },
      interface:
        resolved.interface && !resolved.withoutInterface
          ? {
              id: resolved.interface.id,
              answerWithinDays: resolved.answerWithinDays,
              completeWithinDays: resolved.completeWithinDays,
            }
          : null,
      answerDue,
      completeDue,
    };
  });
}

/** The referral already sent with this key by the organisation, if any. */
async function byIdempotencyKey(tx: Tx, ctx: Ctx, key: string, caseId: string) {
  const [existing] = await tx
    .select({ id: referrals.id, caseId: referrals.caseId })
    .from(referrals)
    .where(and(ownOrganisation(ctx.actor, referrals.fromOrganisationId), eq(referrals.idempotencyKey, key)));
  if (!existing) return null;
  // The same key for another case is a client bug, not a repeat: say so instead of answering the other.
  if (existing.caseId !== caseId) throw new AppError(422, "referral.idempotency_key_reused");
  const { row, sides } = await loadReferral(tx, ctx.actor, existing.id);
  return presentReferral(row, ctx.actor, sides, { withSnapshot: false });
}

/**
 * Sends a referral of a case to an offer. A repeat with the same Idempotency-Key answers the
 * referral sent first (`created: false`), also when both arrive at the same moment: the unique
 * index decides, and the loser reads the winner.
 */
export async function sendReferral(
  ctx: Ctx & { caseId: string; input: ReferralCreate; idempotencyKey: string | null },
): Promise<{ referral: Referral; created: boolean }> {
  const key = ctx.idempotencyKey;
  return ctx.db.transaction(async (tx) => {
    const record = await documentableCase(tx, ctx.actor, ctx.caseId);
    if (key) {
      const existing = await byIdempotencyKey(tx, ctx, key, record.id);
      if (existing) return { referral: existing, created: false };
    }
    const input = ctx.input;
    const offer = await activeOffer(tx, input.offerId);
    const consent = await activeConsent(tx, {
      clientId: record.clientId,
      purpose: "referral",
      recipientOrganisationId: offer.organisationId,
    });
    const override = consent ? null : (input.consentOverrideReason ?? null);
    if (!consent && !override) throw new AppError(422, "referral.consent_missing");
    if (override && !can(ctx.actor.role, "referral.consent_override")) {
      throw new AppError(403, "referral.consent_override_forbidden");
    }
    if (consent && input.items.some((item) => !covers(consent, DATA_ITEM_CATEGORY[item]))) {
      throw invalidField("items", "referral.item_not_consented");
    }
    const acknowledgement = assertWarningsAcknowledged(ctx.actor, {
      items: input.items,
      note: input.note,
      subject: await noteSubject(tx, record.clientId),
      covered: itemsCoveredBy(consent?.dataCategories ?? [], REFERRAL_DATA_ITEMS),
      ownContacts: await ownContacts(tx, ctx.actor, [record.organisationId, offer.organisationId]),
      consentOverride: override !== null,
      acknowledged: input.acknowledged,
    });
    const now = new Date();
    const { resolved, answerDue, completeDue } = await dueDates(
      tx,
      record.organisationId,
      offer.organisationId,
      now,
    );
    const snapshot = await buildSnapshot(tx, record.id, input.items);
    const [referral] = await tx
      .insert(referrals)
      .values({
        caseId: record.id,
        fromOrganisationId: record.organisationId,
        toOrganisationId: offer.organisationId,
        offerId: offer.id,
        offerName: offer.name,
        interfaceId: resolved.withoutInterface ? null : (resolved.interface?.id ?? null),
        withoutInterface: resolved.withoutInterface,
        consentId: consent?.id ?? null,
        consentOverrideReason: override,
        state: "sent",
        sharedItems: [...input.items],
        snapshot,
        note: input.note ?? null,
        sentBy: ctx.actor.userId,
        sentAt: now,
        answerDue,
        completeDue,
        idempotencyKey: key,
      })
      .onConflictDoNothing()
      .returning();
    if (!referral) {
      // Another request with the same key committed first (nothing was written here yet).
      const winner = key ? await byIdempotencyKey(tx, ctx, key, record.id) : null;
      if (!winner) throw new AppError(409, "conflict");
      return { referral: winner, created: false };
    }
    await recordReferralEvent(tx, referral, { from: null, to: "sent", actorRole: ctx.actor.role });
    await recordCaseEvent(tx, {
      caseId: record.id,
      kind: "referral_sent",
      actorUserId: ctx.actor.userId,
      subjectId: referral.id,
      details: {
        toOrganisationId: offer.organisationId,
        offerId: offer.id,
        items: input.items,
        consentOverride: override !== null,
        acknowledged: acknowledgement.acknowledged,
      },
    });
    await audit(tx, ctx, {
      action: "referral.create",
      entity: "referral",
      entityId: referral.id,
      organisationId: record.organisationId,
      details: {
        caseId: record.id,
        clientId: record.clientId,
        toOrganisationId: offer.organisationId,
        offerId: offer.id,
        items: input.items,
        consentId: consent?.id ?? null,
        // What the sender confirmed despite a warning: codes and kinds of data, never the note's text.
        acknowledged: acknowledgement.acknowledged,
        noteFindings: acknowledgement.noteFindings,
      },
    });
    if (acknowledgement.outsideConsent) {
      // Personal data beyond the consent in the note: a data-protection judgement like an override.
      await audit(tx, ctx, {
        action: "referral.note_outside_consent",
        entity: "referral",
        entityId: referral.id,
        organisationId: record.organisationId,
        purpose: "referral",
        details: {
          caseId: record.id,
          clientId: record.clientId,
          toOrganisationId: offer.organisationId,
          kinds: acknowledgement.noteFindings.filter((f) => f.scope === "outside_consent").map((f) => f.kind),
        },
      });
    }
    if (override) {
      await audit(tx, ctx, {
        action: "referral.consent_override",
        entity: "referral",
        entityId: referral.id,
        organisationId: record.organisationId,
        purpose: "referral",
        details: {
          caseId: record.id,
          clientId: record.clientId,
          toOrganisationId: offer.organisationId,
          items: input.items,
        },
      });
    }
    await notify(tx, {
      organisationId: offer.organisationId,
      kind: "referral_received",
      referralId: referral.id,
      details: { offerName: offer.name, fromOrganisationId: record.organisationId },
      email: true,
    });
    const { row, sides } = await loadReferral(tx, ctx.actor, referral.id);
    return { referral: presentReferral(row, ctx.actor, sides, { withSnapshot: false }), created: true };
  });
}
