import { and, eq, or, type SQL, type SQLWrapper, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { Tx } from "#server/db/client.ts";
import { cases } from "#server/modules/cases/tables.ts";
import { can, hasNetworkScope } from "#shared/permissions.ts";
import { notFound } from "./errors.ts";
import type { Actor } from "./session.ts";
import { organisations } from "./tables.ts";

/**
 * Tenancy: which records an actor reaches. Every scope is written once here, in two forms: a SQL
 * condition for queries (so lists, counts, searches and exports share it) and, for a record already
 * in hand, a boolean or an assert that throws. A record outside the scope is simply not found
 * (404), never forbidden with a hint, so that an id cannot be probed.
 *
 * - organisation: the actor's own organisation's records (`ownOrganisation`), or every
 *   organisation's for the network coordination (`organisationScope`, `coversOrganisation`);
 * - network: whether the actor acts for the whole network (`actsForNetwork`);
 * - case and client: counselling records of one organisation, never network-wide; a volunteer only
 *   those of cases assigned to them; special categories only for counsellors;
 * - two parties: records between a sending and a receiving organisation (referrals, interfaces,
 *   analytics facts): the organisation on either side reaches them (`eitherParty`, `isParty`); the
 *   coordination reaches all only where no personal data is in them (`partyScope`: analytics). A
 *   referral has two sides with their own rules (`senderScope`, `receiverScope`, `sidesOf`).
 */

/** A column, or a raw column reference such as `t.from_organisation_id`. */
type Column = AnyPgColumn | SQLWrapper;

// ── Organisation and network ──────────────────────────────────────────────────────────────────

/** Whether the actor acts for the whole network (the coordination) rather than one organisation. */
export const actsForNetwork = (actor: Actor): boolean => hasNetworkScope(actor.role);

/** The condition for rows of the actor's own organisation, whatever the role. */
export function ownOrganisation(actor: Actor, organisationId: Column): SQL {
  return eq(organisationId, actor.organisationId);
}

/** The condition for rows the actor administers: their organisation's, or all (undefined) for the network. */
export function organisationScope(actor: Actor, organisationId: Column): SQL | undefined {
  return actsForNetwork(actor) ? undefined : ownOrganisation(actor, organisationId);
}

/** Whether the actor may administer an organisation's records: their own, or any for the coordination. */
export function coversOrganisation(actor: Actor, organisationId: string): boolean {
  return actsForNetwork(actor) || actor.organisationId === organisationId;
}

/** Throws not-found for an organisation outside the actor's scope. */
export function assertCoversOrganisation(actor: Actor, organisationId: string): void {
  if (!coversOrganisation(actor, organisationId)) throw notFound();
}

/** Resolves an organisation the actor may administer; any other answers 404, as if it did not exist. */
export async function scopedOrganisation(db: Tx, actor: Actor, organisationId: string) {
  assertCoversOrganisation(actor, organisationId);
  const [org] = await db.select().from(organisations).where(eq(organisations.id, organisationId));
  if (!org) throw notFound();
  return org;
}

// ── Cases and clients ─────────────────────────────────────────────────────────────────────────

/** Whether the actor acts as a volunteer and so sees only assigned cases. */
export const isVolunteer = (actor: Actor): boolean => actor.role === "volunteer";

/** Whether the actor may see special-category fields and notes (Art. 9 DSGVO). */
export const mayReadSpecial = (actor: Actor): boolean => actor.role === "counsellor";

/**
 * The condition on `cases` for the cases the actor may see: own organisation (nobody has network
 * scope on counselling data, not even the coordination); a volunteer only cases assigned to them.
 */
export function caseScope(actor: Actor): SQL {
  const own = ownOrganisation(actor, cases.organisationId);
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
  const own = ownOrganisation(actor, organisationId);
  if (!isVolunteer(actor)) return own;
  // Drizzle's exists() does not parenthesise a raw subquery, so the condition is written out.
  const assigned = sql`exists (select 1 from ${cases} where ${cases.clientId} = ${clientId} and ${cases.assigneeUserId} = ${actor.userId})`;
  return and(own, assigned) as SQL;
}

/** The condition on a row with a `special` flag (note, event): all for counsellors, else only the ordinary. */
export function specialScope(actor: Actor, special: AnyPgColumn): SQL | undefined {
  return mayReadSpecial(actor) ? undefined : eq(special, false);
}

// ── Two parties ───────────────────────────────────────────────────────────────────────────────

/** The condition for rows between two organisations where the actor's organisation is on a side. */
export function eitherParty(actor: Actor, from: Column, to: Column): SQL {
  return or(ownOrganisation(actor, from), ownOrganisation(actor, to)) as SQL;
}

/** The condition for two-party rows the actor sees: their organisation on a side, or all for the network. */
export function partyScope(actor: Actor, from: Column, to: Column): SQL | undefined {
  return actsForNetwork(actor) ? undefined : eitherParty(actor, from, to);
}

/** Whether the actor's organisation stands on a side of a two-party record. */
export function isParty(
  actor: Actor,
  row: { fromOrganisationId: string; toOrganisationId: string },
): boolean {
  return actor.organisationId === row.fromOrganisationId || actor.organisationId === row.toOrganisationId;
}

/** Whether the actor may answer referrals addressed to their organisation (the receiving side). */
export const mayReceive = (actor: Actor): boolean => can(actor.role, "referral.respond");

/** Whether the actor stands on the receiving side of a referral. */
export function isReceiver(actor: Actor, referral: { toOrganisationId: string }): boolean {
  return referral.toOrganisationId === actor.organisationId && mayReceive(actor);
}

/**
 * The condition for the sending side of a referral: sent by the actor's organisation, from a case
 * the actor may see (a volunteer: a case assigned to them).
 */
export function senderScope(actor: Actor, fromOrganisationId: AnyPgColumn, caseId: AnyPgColumn): SQL {
  return and(
    ownOrganisation(actor, fromOrganisationId),
    sql`exists (select 1 from ${cases} where ${cases.id} = ${caseId} and ${caseScope(actor)})`,
  ) as SQL;
}

/** The condition for the receiving side: addressed to the actor's organisation, for those who answer. */
export function receiverScope(actor: Actor, toOrganisationId: AnyPgColumn): SQL {
  return mayReceive(actor) ? ownOrganisation(actor, toOrganisationId) : sql`false`;
}

export type Side = "sender" | "receiver";
export type Sides = { sender: boolean; receiver: boolean };

/** The part of a referral row the sides depend on. */
type Parties = { caseId: string; fromOrganisationId: string; toOrganisationId: string };

/**
 * The sides the actor holds on a referral; both can hold when a referral stays inside one
 * organisation. The receiver never gets the case itself, only the snapshot.
 */
export async function sidesOf(db: Tx, actor: Actor, referral: Parties): Promise<Sides> {
  let sender = false;
  if (referral.fromOrganisationId === actor.organisationId && can(actor.role, "referral.read")) {
    const [visible] = await db
      .select({ id: cases.id })
      .from(cases)
      .where(and(eq(cases.id, referral.caseId), caseScope(actor)));
    sender = Boolean(visible);
  }
  return { sender, receiver: isReceiver(actor, referral) };
}

/** Throws not-found unless the actor holds a side. */
export function assertSide(sides: Sides): void {
  if (!sides.sender && !sides.receiver) throw notFound();
}
