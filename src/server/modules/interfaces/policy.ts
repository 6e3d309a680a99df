import { can } from "#shared/permissions.ts";
import type { Actor } from "../../platform/session.ts";
import { actsForNetwork, isParty } from "../../platform/tenancy.ts";

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
