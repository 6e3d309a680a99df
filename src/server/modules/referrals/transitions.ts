import { and, eq, sql } from "drizzle-orm";
import type { Tx } from "#server/db/client.ts";
import { recordCaseEvent } from "#server/modules/cases/events.ts";
import { notify } from "#server/modules/notifications/notify.ts";
import { audit } from "#server/platform/audit.ts";
import type { Ctx } from "#server/platform/context.ts";
import { AppError, forbidden, invalidField } from "#server/platform/errors.ts";
import type { Side } from "#server/platform/tenancy.ts";
import type { Referral, ReferralTransition } from "#shared/contracts/referrals.ts";
import { REFERRAL_TRANSITIONS, type ReferralState } from "#shared/referrals.ts";
import { recordReferralEvent } from "./events.ts";
import { everMayMoveTo, nextStatesFor } from "./policy.ts";
import { loadReferral, presentReferral } from "./read.ts";
import { referralMessages, referrals } from "./tables.ts";

/**
 * Moving a referral on. The row is locked FOR UPDATE first, so two people pressing "accept" at the
 * same moment are served one after the other: the first moves it, the second finds it accepted
 * and is refused (409) — one transition, one event.
 */

const CLOSING: readonly ReferralState[] = ["completed", "declined", "withdrawn", "expired"];
/** Ends after which the receiver has no more use for the shared data (it did not take the client on). */
const DROPS_SHARED_DATA: readonly ReferralState[] = ["declined", "withdrawn", "expired"];

type ReferralRow = typeof referrals.$inferSelect;

/** The reason code the event log keeps for a move (outcome or decline reason). */
function reasonOf(input: ReferralTransition): string | null {
  if (input.to === "declined") return input.declineReason ?? null;
  if (input.to === "completed")
    return input.outcome === "successful" ? "successful" : (input.outcomeReason ?? null);
  return null;
}

/** The fields a move needs; each missing one is a 422 that names it. */
function assertComplete(input: ReferralTransition) {
  if (input.to === "declined" && !input.declineReason) {
    throw invalidField("declineReason", "referral.decline_reason_required");
  }
  if (input.to === "completed") {
    if (!input.outcome) throw invalidField("outcome", "referral.outcome_required");
    if (input.outcome === "not_successful" && !input.outcomeReason) {
      throw invalidField("outcomeReason", "referral.outcome_reason_required");
    }
  }
}

/**
 * Writes one move of a locked referral: the row, the event, the timeline entry on the sender's
 * case and a notification. Shared with the scheduler (expiry) and the consent withdrawal.
 */
export async function applyMove(
  tx: Tx,
  referral: ReferralRow,
  move: {
    to: ReferralState;
    actorUserId: string | null;
    actorRole: string;
    reason?: string | null;
    set?: Partial<typeof referrals.$inferInsert>;
  },
): Promise<ReferralRow> {
  const closing = CLOSING.includes(move.to);
  const [updated] = await tx
    .update(referrals)
    .set({
      state: move.to,
      // A new stage has its own due date: the overdue flag of the old one no longer applies.
      overdueSince: null,
      ...(referral.state === "sent" && (move.to === "accepted" || move.to === "declined")
        ? { answeredAt: sql`now()` }
        : {}),
      ...(closing ? { closedAt: sql`now()` } : {}),
      ...(DROPS_SHARED_DATA.includes(move.to) ? { snapshot: null, note: null } : {}),
      ...move.set,
      version: sql`${referrals.version} + 1`,
      updatedAt: sql`now()`,
    })
    // The state read under the lock, once more: a move from a stale read changes nothing.
    .where(and(eq(referrals.id, referral.id), eq(referrals.state, referral.state)))
    .returning();
  if (!updated) throw new AppError(409, "referral.transition_not_allowed");
  await recordReferralEvent(tx, updated, {
    from: referral.state,
    to: move.to,
    actorRole: move.actorRole,
    reason: move.reason ?? null,
  });
  await recordCaseEvent(tx, {
    caseId: referral.caseId,
    kind: "referral_changed",
    actorUserId: move.actorUserId,
    subjectId: referral.id,
    details: { from: referral.state, to: move.to, reason: move.reason ?? null },
  });
  return updated;
}

/** Tells the other side of a referral: the sender who sent it, or the receiving organisation. */
export function notifyOtherSide(
  tx: Tx,
  referral: ReferralRow,
  actorSide: Side,
  kind: "referral_changed" | "referral_message",
  details: Record<string, unknown>,
  email: boolean,
) {
  return actorSide === "receiver"
    ? notify(tx, {
        organisationId: referral.fromOrganisationId,
        userId: referral.sentBy ?? undefined,
        kind,
        referralId: referral.id,
        details,
        email,
      })
    : notify(tx, {
        organisationId: referral.toOrganisationId,
        kind,
        referralId: referral.id,
        details,
        email,
      });
}

export async function transitionReferral(
  ctx: Ctx & { referralId: string; input: ReferralTransition },
): Promise<Referral> {
  const input = ctx.input;
  return ctx.db.transaction(async (tx) => {
    const { row, sides } = await loadReferral(tx, ctx.actor, ctx.referralId, { lock: true });
    const referral = row.referral;
    const state = referral.state;
    if (!everMayMoveTo(ctx.actor, sides, input.to)) throw forbidden();
    if (!nextStatesFor(ctx.actor, sides, state).includes(input.to)) {
      throw new AppError(409, "referral.transition_not_allowed");
    }
    assertComplete(input);
    const mover = REFERRAL_TRANSITIONS[state].find(
      (t) => t.to === input.to && (t.by === "receiver" ? sides.receiver : sides.sender),
    );
    const side: Side = mover?.by === "receiver" ? "receiver" : "sender";
    const updated = await applyMove(tx, referral, {
      to: input.to,
      actorUserId: ctx.actor.userId,
      actorRole: ctx.actor.role,
      reason: reasonOf(input),
      set: {
        ...(input.to === "declined" ? { declineReason: input.declineReason } : {}),
        ...(input.to === "completed"
          ? {
              outcome: input.outcome,
              outcomeReason: input.outcome === "not_successful" ? input.outcomeReason : null,
            }
          : {}),
      },
    });
    if (input.comment) {
      await tx.insert(referralMessages).values({
        referralId: referral.id,
        authorUserId: ctx.actor.userId,
        authorOrganisationId: ctx.actor.organisationId,
        body: input.comment,
      });
    }
    await audit(tx, ctx, {
      action: "referral.transition",
      entity: "referral",
      entityId: referral.id,
      organisationId: ctx.actor.organisationId,
      details: {
        side,
        from: state,
        to: input.to,
        reason: reasonOf(input),
        comment: Boolean(input.comment),
        // The answer carries the snapshot to the receiver: that read is recorded here.
        items: sides.receiver && updated.snapshot ? Object.keys(updated.snapshot) : [],
      },
    });
    await notifyOtherSide(
      tx,
      updated,
      side,
      "referral_changed",
      { from: state, to: input.to, offerName: updated.offerName },
      true,
    );
    const fresh = await loadReferral(tx, ctx.actor, referral.id);
    return presentReferral(fresh.row, ctx.actor, fresh.sides, { withSnapshot: true });
  });
}
