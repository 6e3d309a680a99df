import { and, eq, inArray, sql } from "drizzle-orm";
import type { Tx } from "#server/db/client.ts";
import { cases } from "#server/modules/cases/tables.ts";
import { type ConsentWithdrawal, onConsentWithdrawn } from "#server/modules/consents/check.ts";
import { notify } from "#server/modules/notifications/notify.ts";
import { audit } from "#server/platform/audit.ts";
import { OPEN_REFERRAL_STATES } from "#shared/referrals.ts";
import { referralMessages, referrals } from "./tables.ts";
import { applyMove } from "./transitions.ts";

/**
 * When a client withdraws the consent to refer to an organisation, every open referral to it is
 * withdrawn in the same transaction, and the receiver keeps only the fact that there was a
 * referral: the snapshot, the note and the thread go — also of referrals already closed, since
 * the data was shared on the strength of the consent now withdrawn.
 */
export async function withdrawReferralsOnConsent(
  tx: Tx,
  { consent, actorUserId, requestId }: ConsentWithdrawal,
) {
  if (consent.purpose !== "referral" || !consent.recipientOrganisationId) return;
  const affected = await tx
    .select()
    .from(referrals)
    .where(
      and(
        eq(referrals.toOrganisationId, consent.recipientOrganisationId),
        eq(referrals.fromOrganisationId, consent.organisationId),
        inArray(
          referrals.caseId,
          tx.select({ id: cases.id }).from(cases).where(eq(cases.clientId, consent.clientId)),
        ),
      ),
    )
    .for("update");
  if (affected.length === 0) return;
  const ids = affected.map((r) => r.id);
  await tx.delete(referralMessages).where(inArray(referralMessages.referralId, ids));
  await tx
    .update(referrals)
    .set({ snapshot: null, note: null, updatedAt: sql`now()` })
    .where(inArray(referrals.id, ids));
  let withdrawn = 0;
  for (const referral of affected) {
    if (!OPEN_REFERRAL_STATES.includes(referral.state as (typeof OPEN_REFERRAL_STATES)[number])) continue;
    await applyMove(tx, referral, {
      to: "withdrawn",
      actorUserId,
      actorRole: "system",
      reason: "consent_withdrawn",
    });
    await notify(tx, {
      organisationId: referral.toOrganisationId,
      kind: "referral_withdrawn",
      referralId: referral.id,
      details: { offerName: referral.offerName, reason: "consent_withdrawn" },
      email: true,
    });
    withdrawn++;
  }
  await audit(
    tx,
    { actor: { userId: actorUserId, organisationId: consent.organisationId }, requestId },
    {
      action: "referral.consent_withdrawn",
      entity: "consent",
      entityId: consent.id,
      organisationId: consent.organisationId,
      details: { clientId: consent.clientId, referrals: ids, withdrawn },
    },
  );
}

// Registered when the module is loaded; routes.ts imports this file, so the app always has it.
onConsentWithdrawn(withdrawReferralsOnConsent);
