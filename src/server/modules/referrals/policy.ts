import { and, eq } from "drizzle-orm";
import { can } from "#shared/permissions.ts";
import { OPEN_REFERRAL_STATES, REFERRAL_TRANSITIONS, type ReferralState } from "#shared/referrals.ts";
import type { Tx } from "../../db/client.ts";
import type { Actor } from "../../platform/session.ts";
import { caseScope } from "../cases/policy.ts";
import { cases } from "../cases/tables.ts";

/**
 * Who stands on which side of a referral. The sender side is the sending organisation's people who
 * may see the case (volunteers: their assigned cases); the receiver side is the receiving
 * organisation's counsellors and company contacts. The receiver never gets the case itself, only
 * the snapshot. Anyone else does not find the referral (404).
 */

export type Side = "sender" | "receiver";
export type Sides = { sender: boolean; receiver: boolean };

/** The part of a referral row the policy needs. */
type Parties = { caseId: string; fromOrganisationId: string; toOrganisationId: string };

/** Whether the actor may answer referrals addressed to their organisation. */
export const mayReceive = (actor: Actor) => can(actor.role, "referral.respond");

/** The sides the actor holds on a referral; both can hold when a referral stays inside one organisation. */
export async function sidesOf(db: Tx, actor: Actor, referral: Parties): Promise<Sides> {
  let sender = false;
  if (referral.fromOrganisationId === actor.organisationId && can(actor.role, "referral.read")) {
    const [visible] = await db
      .select({ id: cases.id })
      .from(cases)
      .where(and(eq(cases.id, referral.caseId), caseScope(actor)));
    sender = Boolean(visible);
  }
  const receiver = referral.toOrganisationId === actor.organisationId && mayReceive(actor);
  return { sender, receiver };
}

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
