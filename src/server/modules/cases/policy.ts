import type { Actor } from "#server/platform/session.ts";
import { mayReadSpecial } from "#server/platform/tenancy.ts";
import { can } from "#shared/permissions.ts";

/**
 * What the actor may do on counselling records they can see. Which records they see is tenancy
 * (platform/tenancy.ts: caseScope, clientScope); everything outside it is not found (404).
 */

/** What the actor may do on a case they can see; the client shows buttons from this. */
export function caseAbilities(actor: Actor, record: { status: string }) {
  const open = record.status !== "closed";
  return {
    update: can(actor.role, "case.update"),
    assign: can(actor.role, "case.update"),
    document: can(actor.role, "case.document") && open,
    readSpecial: mayReadSpecial(actor),
    manageConsents: can(actor.role, "consent.manage"),
    manageRecognition: can(actor.role, "recognition.manage"),
    exportClient: can(actor.role, "client.export"),
    eraseClient: can(actor.role, "client.erase"),
  };
}

/** What the actor may do on a client record they can see. */
export function clientAbilities(actor: Actor) {
  return {
    update: can(actor.role, "client.update"),
    readSpecial: mayReadSpecial(actor),
    export: can(actor.role, "client.export"),
    erase: can(actor.role, "client.erase"),
    manageConsents: can(actor.role, "consent.manage"),
    manageRecognition: can(actor.role, "recognition.manage"),
  };
}
