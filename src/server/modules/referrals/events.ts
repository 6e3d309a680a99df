import { asc, eq } from "drizzle-orm";
import type { Tx } from "#server/db/client.ts";
import { recordReferralFact } from "#server/modules/analytics/facts.ts";
import { cases } from "#server/modules/cases/tables.ts";
import { offers } from "#server/modules/offers/tables.ts";
import type { Ctx } from "#server/platform/context.ts";
import type { ReferralState } from "#shared/referrals.ts";
import { loadReferral } from "./read.ts";
import { referralEvents, type referrals } from "./tables.ts";

/**
 * The append-only event log of referrals: one row per transition, with pseudonym, organisations,
 * offer, interface, states, the actor's role and time — the raw material of the interface
 * analytics, free of personal data.
 */
export async function recordReferralEvent(
  db: Tx,
  referral: typeof referrals.$inferSelect,
  move: { from: ReferralState | null; to: ReferralState; actorRole: string; reason?: string | null },
): Promise<void> {
  const [info] = await db
    .select({ pseudonym: cases.pseudonym })
    .from(cases)
    .where(eq(cases.id, referral.caseId));
  const [offer] = referral.offerId
    ? await db.select({ offerType: offers.offerType }).from(offers).where(eq(offers.id, referral.offerId))
    : [];
  await db.insert(referralEvents).values({
    referralId: referral.id,
    casePseudonym: info?.pseudonym ?? "",
    fromOrganisationId: referral.fromOrganisationId,
    toOrganisationId: referral.toOrganisationId,
    offerId: referral.offerId,
    offerType: offer?.offerType ?? null,
    interfaceId: referral.interfaceId,
    fromState: move.from,
    toState: move.to,
    actorRole: move.actorRole,
    reason: move.reason ?? null,
  });
  await recordReferralFact(db, referral, {
    ...move,
    casePseudonym: info?.pseudonym ?? "",
    offerType: offer?.offerType ?? null,
  });
}

/** The history of a referral, oldest first, for either side. */
export async function listReferralEvents(ctx: Ctx & { referralId: string }) {
  const { row } = await loadReferral(ctx.db, ctx.actor, ctx.referralId);
  const rows = await ctx.db
    .select()
    .from(referralEvents)
    .where(eq(referralEvents.referralId, row.referral.id))
    .orderBy(asc(referralEvents.at), asc(referralEvents.id));
  return {
    items: rows.map((e) => ({
      id: e.id,
      fromState: e.fromState,
      toState: e.toState,
      actorRole: e.actorRole,
      reason: e.reason,
      at: e.at.toISOString(),
    })),
  };
}
