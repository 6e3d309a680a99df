import type { Actor } from "#server/platform/session.ts";
import { mayReceive, type Side, type Sides } from "#server/platform/tenancy.ts";
import { can } from "#shared/permissions.ts";
import { OPEN_REFERRAL_STATES, REFERRAL_TRANSITIONS, type ReferralState } from "#shared/referrals.ts";

/**
 * What each side of a referral may do. Who holds which side is tenancy (platform/tenancy.ts:
 * sidesOf, senderScope, receiverScope); anyone on neither side does not find the referral (404).
 */

/** The side a referral is shown from: the sender's view when the actor holds both. */
export const shownSide = (sides: Sides): Side => (sides.sender ? "sender" : "receiver");

/** Whether the actor, on the sides held, may make this move in general (state aside). */
function holdsMover(actor: Actor, sides: Sides, by: "sender" | "receiver" | "system") {
  if (by === "sender") return sides.sender && can(actor.role, "referral.send");
  if (by === "receiver") return sides.receiver && mayReceive(actor);
  return false;
}

/** The moves the actor may make now. */
export function nextStatesFor(actor: Actor, sides: Sides, state: ReferralState): ReferralState[] {
  return REFERRAL_TRANSITIONS[state].filter((t) => holdsMover(actor, sides, t.by)).map((t) => t.to);
}

/** Whether the actor could make a move to `to` in any state (so a refusal is about the state, 409). */
export function everMayMoveTo(actor: Actor, sides: Sides, to: ReferralState): boolean {
  return Object.values(REFERRAL_TRANSITIONS).some((moves) =>
    moves.some((t) => t.to === to && holdsMover(actor, sides, t.by)),
  );
}

export const isOpen = (state: string) => OPEN_REFERRAL_STATES.includes(state as ReferralState);
