import type { Actor } from "#server/platform/session.ts";
import { actsForNetwork, isParty } from "#server/platform/tenancy.ts";
import { can } from "#shared/permissions.ts";

/**
 * Who maintains an interface: the coordination any of them, an organisation's admin only those
 * where their organisation is one of the two sides. Everyone reads the register.
 */
export function maintainsInterface(
  actor: Actor,
  row: { fromOrganisationId: string; toOrganisationId: string },
): boolean {
  if (!can(actor.role, "interface.manage")) return false;
  return actsForNetwork(actor) || isParty(actor, row);
}
