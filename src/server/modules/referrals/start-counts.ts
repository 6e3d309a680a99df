import { and, asc, count, desc, eq, inArray, lt, or, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { cases, clients } from "#server/modules/cases/tables.ts";
import { berlinDay } from "#server/modules/interfaces/working-days.ts";
import type { Ctx } from "#server/platform/context.ts";
import type { Actor } from "#server/platform/session.ts";
import { organisations } from "#server/platform/tables.ts";
import { mayReceive, receiverScope, senderScope } from "#server/platform/tenancy.ts";
import { HOME_ITEMS, type HomeItem, homeItem } from "#shared/contracts/home.ts";
import { OPEN_REFERRAL_STATES } from "#shared/referrals.ts";
import { referrals } from "./tables.ts";

/**
 * What the start pages count of referrals: the receiving organisation's new and overdue ones, the
 * overdue ones a person sent, and for the coordination the network's late interfaces. Counts only,
 * and records named the way the inbox names them (the receiver never sees a client's name).
 */

const OPEN = [...OPEN_REFERRAL_STATES];
const fromOrg = alias(organisations, "home_from_org");
const toOrg = alias(organisations, "home_to_org");

/** The due date that matters now: the answer while sent, the completion once accepted. */
const relevantDue = sql<
  string | null
>`case when ${referrals.state} = 'sent' then ${referrals.answerDue} when ${referrals.state} in ('accepted', 'in_progress') then ${referrals.completeDue} end`;

/** Open referrals past the date that matters now (today counts as in time). */
const overdue = (today: string): SQL => and(inArray(referrals.state, OPEN), lt(relevantDue, today)) as SQL;

export type Section = { count: number; items: HomeItem[] };

/** Referrals addressed to the actor's organisation: those just sent, or those open and past due. */
export async function incomingReferrals(
  ctx: Ctx,
  which: "new" | "overdue" | "in_progress",
): Promise<Section> {
  if (!mayReceive(ctx.actor)) return { count: 0, items: [] };
  const today = berlinDay();
  const condition = {
    new: eq(referrals.state, "sent"),
    overdue: overdue(today),
    in_progress: inArray(referrals.state, ["accepted", "in_progress"]),
  }[which];
  const where = and(receiverScope(ctx.actor, referrals.toOrganisationId), condition);
  const [rows, [total]] = await Promise.all([
    ctx.db
      .select({
        id: referrals.id,
        offerName: referrals.offerName,
        fromName: fromOrg.name,
        casePseudonym: cases.pseudonym,
        due: relevantDue,
      })
      .from(referrals)
      .innerJoin(cases, eq(cases.id, referrals.caseId))
      .innerJoin(fromOrg, eq(fromOrg.id, referrals.fromOrganisationId))
      .where(where)
      .orderBy(sql`${relevantDue} asc nulls last`, desc(referrals.sentAt), asc(referrals.id))
      .limit(HOME_ITEMS),
    ctx.db.select({ n: count() }).from(referrals).where(where),
  ]);
  return {
    count: total?.n ?? 0,
    items: rows.map((r) =>
      homeItem({
        id: r.id,
        to: `/referrals/${r.id}`,
        label: r.offerName,
        organisation: r.fromName,
        casePseudonym: r.casePseudonym,
        date: r.due,
        overdue: r.due !== null && r.due < today,
      }),
    ),
  };
}

/**
 * The condition of "my" outgoing referrals: sent by the actor's organisation from a case the actor
 * may see, and sent by the actor or on a case assigned to them.
 */
function mineSent(actor: Actor): SQL {
  return and(
    senderScope(actor, referrals.fromOrganisationId, referrals.caseId),
    or(eq(referrals.sentBy, actor.userId), eq(cases.assigneeUserId, actor.userId)),
  ) as SQL;
}

/** How many of the actor's outgoing referrals are open and past due (tenancy in the query). */
export async function countOutgoingOverdue(ctx: Ctx): Promise<number> {
  const [row] = await ctx.db
    .select({ n: count() })
    .from(referrals)
    .innerJoin(cases, eq(cases.id, referrals.caseId))
    .where(and(mineSent(ctx.actor), overdue(berlinDay())));
  return row?.n ?? 0;
}

/** The actor's overdue outgoing referrals, the longest overdue first; the sender sees the client. */
export async function outgoingOverdue(ctx: Ctx): Promise<Section> {
  const today = berlinDay();
  const [rows, n] = await Promise.all([
    ctx.db
      .select({
        id: referrals.id,
        offerName: referrals.offerName,
        toName: toOrg.name,
        clientName: clients.name,
        casePseudonym: cases.pseudonym,
        due: relevantDue,
      })
      .from(referrals)
      .innerJoin(cases, eq(cases.id, referrals.caseId))
      .innerJoin(clients, eq(clients.id, cases.clientId))
      .innerJoin(toOrg, eq(toOrg.id, referrals.toOrganisationId))
      .where(and(mineSent(ctx.actor), overdue(today)))
      .orderBy(sql`${relevantDue} asc`, asc(referrals.id))
      .limit(HOME_ITEMS),
    countOutgoingOverdue(ctx),
  ]);
  return {
    count: n,
    items: rows.map((r) =>
      homeItem({
        id: r.id,
        to: `/referrals/${r.id}`,
        label: r.clientName,
        organisation: r.toName,
        offer: r.offerName,
        casePseudonym: r.casePseudonym,
        date: r.due,
        overdue: true,
      }),
    ),
  };
}

/**
 * The network's late interfaces: pairs of organisations (on a registered interface or without one)
 * with open referrals past the agreed time, the most overdue referrals first. Counts only — the
 * coordination's view of the network is pseudonymised.
 */
export async function lateInterfaces(ctx: Ctx): Promise<Section> {
  const today = berlinDay();
  const groups = ctx.db
    .select({
      interfaceId: referrals.interfaceId,
      fromId: referrals.fromOrganisationId,
      toId: referrals.toOrganisationId,
      fromName: sql<string>`${fromOrg.name}`.as("from_name"),
      toName: sql<string>`${toOrg.name}`.as("to_name"),
      n: sql<number>`count(*)::int`.as("n"),
      oldest: sql<string>`min(${relevantDue})::text`.as("oldest"),
    })
    .from(referrals)
    .innerJoin(fromOrg, eq(fromOrg.id, referrals.fromOrganisationId))
    .innerJoin(toOrg, eq(toOrg.id, referrals.toOrganisationId))
    .where(overdue(today))
    .groupBy(
      referrals.interfaceId,
      referrals.fromOrganisationId,
      referrals.toOrganisationId,
      fromOrg.name,
      toOrg.name,
    )
    .as("late");
  const [rows, [total]] = await Promise.all([
    ctx.db
      .select()
      .from(groups)
      .orderBy(desc(groups.n), asc(groups.oldest), asc(groups.fromName))
      .limit(HOME_ITEMS),
    ctx.db.select({ n: count() }).from(groups),
  ]);
  return {
    count: total?.n ?? 0,
    items: rows.map((r) =>
      homeItem({
        id: r.interfaceId ?? r.toId,
        to: "/interfaces",
        label: r.fromName,
        organisation: r.toName,
        count: r.n,
        date: r.oldest,
        overdue: true,
      }),
    ),
  };
}

/** Open referrals in the whole network, and how many of them are past due. */
export async function openReferralsInNetwork(ctx: Ctx): Promise<{ open: number; overdue: number }> {
  const [row] = await ctx.db
    .select({
      open: sql<number>`count(*)::int`,
      overdue: sql<number>`count(*) filter (where ${lt(relevantDue, berlinDay())})::int`,
    })
    .from(referrals)
    .where(inArray(referrals.state, OPEN));
  return { open: row?.open ?? 0, overdue: row?.overdue ?? 0 };
}
