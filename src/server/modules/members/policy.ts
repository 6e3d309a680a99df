import { invalidField } from "#server/platform/errors.ts";
import type { Actor } from "#server/platform/session.ts";
import { actsForNetwork } from "#server/platform/tenancy.ts";
import type { Role } from "#shared/domain.ts";

/** The coordination role is given only by the coordination, and only in the coordination office. */
export function assertRoleFits(actor: Actor, organisation: { type: string }, role: Role | undefined) {
  if (role !== "network_coordinator") return;
  if (!actsForNetwork(actor)) throw invalidField("role", "member.coordinator_role");
  if (organisation.type !== "network_coordination")
    throw invalidField("role", "member.coordinator_organisation");
}
