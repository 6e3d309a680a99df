import type { Actor } from "#server/platform/session.ts";
import { actsForNetwork, coversOrganisation } from "#server/platform/tenancy.ts";
import { can } from "#shared/permissions.ts";

/**
 * Directory records (offers, locations) are read under the organisation scope
 * (platform/tenancy.ts: organisationScope): own organisation's, or all for the coordination.
 */

/** What the actor may do with an offer or location of an organisation. */
export function directoryAbilities(actor: Actor, organisationId: string) {
  const manages = coversOrganisation(actor, organisationId) && can(actor.role, "offer.manage");
  return { update: manages, history: coversOrganisation(actor, organisationId) };
}

/** Offers are retired by their status; removing one for good is the coordination's decision. */
export function mayDeleteOffer(actor: Actor): boolean {
  return actsForNetwork(actor);
}
