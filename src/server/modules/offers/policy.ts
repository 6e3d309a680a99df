import { eq, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { can, hasNetworkScope } from "#shared/permissions.ts";
import type { Actor } from "../../platform/session.ts";
import { coversOrganisation } from "../../platform/tenancy.ts";

/**
 * Restricts a query on a directory table to the records the actor may see: their own
 * organisation's, or all for the coordination. Others are simply not found (404).
 */
export function directoryScope(actor: Actor, organisationColumn: AnyPgColumn): SQL | undefined {
  return hasNetworkScope(actor.role) ? undefined : eq(organisationColumn, actor.organisationId);
}

/** What the actor may do with an offer or location of an organisation. */
export function directoryAbilities(actor: Actor, organisationId: string) {
  const manages = coversOrganisation(actor, organisationId) && can(actor.role, "offer.manage");
  return { update: manages, history: coversOrganisation(actor, organisationId) };
}

/** Offers are retired by their status; removing one for good is the coordination's decision. */
export function mayDeleteOffer(actor: Actor): boolean {
  return hasNetworkScope(actor.role);
}
