import { type SQL, sql } from "drizzle-orm";
import type { Actor } from "#server/platform/session.ts";
import { clientScope, mayReadSpecial } from "#server/platform/tenancy.ts";
import { can } from "#shared/permissions.ts";
import { competenceProfiles, competenceShares } from "./tables.ts";

/**
 * A profile is counselling data of one organisation: visible exactly when its client is (own
 * organisation; a volunteer only for clients with a case assigned to them). Anything else is not
 * found (404), so that an id cannot be probed.
 */
export function profileScope(actor: Actor): SQL {
  if (!can(actor.role, "competence.read")) return sql`false`;
  return clientScope(actor, competenceProfiles.organisationId, competenceProfiles.clientId);
}

/** Whether the actor reads the profile without its special-category entries (volunteers). */
export const withholdsSpecial = (actor: Actor): boolean => !mayReadSpecial(actor);

/**
 * The shares an actor receives: addressed to their organisation, and either to them by name or,
 * when no person is named, to the organisation's readers (counsellors, admins, company contacts).
 * A share that has ended is gone for the recipient.
 */
export function receivedScope(actor: Actor): SQL {
  if (!can(actor.role, "competence_share.read")) return sql`false`;
  return sql`${competenceShares.recipientOrganisationId} = ${actor.organisationId} and ${competenceShares.endedAt} is null and (${competenceShares.recipientUserId} is null or ${competenceShares.recipientUserId} = ${actor.userId})`;
}

/** What the actor may do with a profile they can see. */
export function profileAbilities(actor: Actor) {
  return { update: can(actor.role, "competence.manage"), share: can(actor.role, "competence.share") };
}
