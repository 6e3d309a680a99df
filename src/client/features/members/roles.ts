import type { SessionInfo } from "#shared/contracts/auth.ts";
import { ROLES, type Role } from "#shared/domain.ts";

/** Roles the acting person may hand out: only the network coordination gives its own role. */
export function assignableRoles(session: SessionInfo): readonly Role[] {
  return session.active.role === "network_coordinator"
    ? ROLES
    : ROLES.filter((r) => r !== "network_coordinator");
}
