import type { SQL } from "drizzle-orm";
import type { Actor } from "#server/platform/session.ts";
import { clientScope } from "#server/platform/tenancy.ts";
import { can } from "#shared/permissions.ts";
import { qualifications } from "./tables.ts";

/**
 * Recognition journeys are counselling data of one organisation: a qualification (and every
 * procedure under it) is visible exactly when its client is (own organisation; a volunteer only for
 * clients with a case assigned to them). Anything else is not found (404).
 */
export function qualificationScope(actor: Actor): SQL {
  return clientScope(actor, qualifications.organisationId, qualifications.clientId);
}

/** What the actor may do with a qualification or procedure they can see. */
export function recognitionAbilities(actor: Actor) {
  return { update: can(actor.role, "recognition.manage") };
}
