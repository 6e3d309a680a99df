import { can, hasNetworkScope } from "#shared/permissions.ts";
import type { Actor } from "../../platform/session.ts";

/**
 * Who maintains an interface: the coordination any of them, an organisation's admin only those
 * where their organisation is one of the two sides. Everyone reads the register.
 */
export function maintainsInterface(
  actor: Actor,
  row: { fromOrganisationId: string; toOrganisationId: string },
): boolean {
  if (!can(actor.role, "interface.manage")) return false;
  if (hasNetworkScope(actor.role)) return true;
  return actor.organisationId === row.fromOrganisationId || actor.organisationId === row.toOrganisationId;
}
