import { and, eq, type SQL, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { can } from "#shared/permissions.ts";
import type { Actor } from "../../platform/session.ts";
import { cases } from "./tables.ts";

/**
 * Who sees which counselling records. Personal data of counselling belongs to one organisation:
 * nobody has network scope here, not even the coordination. Counsellors see every case of their
 * organisation; volunteers only the cases assigned to them, and never special categories.
 * Everything outside the scope is simply not found (404).
 */

/** Whether the actor acts as a volunteer and so sees only assigned cases. */
export const isVolunteer = (actor: Actor) => actor.role === "volunteer";

/** Whether the actor may see special-category fields and notes (Art. 9 DSGVO). */
export const mayReadSpecial = (actor: Actor) => actor.role === "counsellor";

/** The condition on `cases` for the cases the actor may see. */
export function caseScope(actor: Actor): SQL {
  const own = eq(cases.organisationId, actor.organisationId);
  if (!can(actor.role, "case.read")) return sql`false`;
  return isVolunteer(actor) ? (and(own, eq(cases.assigneeUserId, actor.userId)) as SQL) : own;
}

/**
 * The condition on a table with organisation and client columns (clients, consents,
 * qualifications) for the rows the actor may see: own organisation, and for a volunteer only
 * clients with a case assigned to them.
 */
export function clientScope(actor: Actor, organisationId: AnyPgColumn, clientId: AnyPgColumn): SQL {
  if (!can(actor.role, "client.read")) return sql`false`;
  const own = eq(organisationId, actor.organisationId);
  if (!isVolunteer(actor)) return own;
  // Drizzle's exists() does not parenthesise a raw subquery, so the condition is written out.
  const assigned = sql`exists (select 1 from ${cases} where ${cases.clientId} = ${clientId} and ${cases.assigneeUserId} = ${actor.userId})`;
  return and(own, assigned) as SQL;
}

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
