import { eq } from "drizzle-orm";
import type { Role } from "#shared/domain.ts";
import { hasNetworkScope } from "#shared/permissions.ts";
import type { Tx } from "../../db/client.ts";
import { invalidField, notFound } from "../../platform/errors.ts";
import type { Actor } from "../../platform/session.ts";
import { organisations } from "../../platform/tables.ts";

/** Whether the actor may administer an organisation's records: their own, or any for the coordination. */
export function coversOrganisation(actor: Actor, organisationId: string): boolean {
  return hasNetworkScope(actor.role) || actor.organisationId === organisationId;
}

/** Resolves an organisation the actor may administer; any other answers 404, as if it did not exist. */
export async function scopedOrganisation(db: Tx, actor: Actor, organisationId: string) {
  if (!coversOrganisation(actor, organisationId)) throw notFound();
  const [org] = await db.select().from(organisations).where(eq(organisations.id, organisationId));
  if (!org) throw notFound();
  return org;
}

/** The coordination role is given only by the coordination, and only in the coordination office. */
export function assertRoleFits(actor: Actor, organisation: { type: string }, role: Role | undefined) {
  if (role !== "network_coordinator") return;
  if (!hasNetworkScope(actor.role)) throw invalidField("role", "member.coordinator_role");
  if (organisation.type !== "network_coordination")
    throw invalidField("role", "member.coordinator_organisation");
}
