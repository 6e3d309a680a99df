import { and, asc, count, desc, eq, inArray, lt, type SQL, sql } from "drizzle-orm";
import type { Tx } from "#server/db/client.ts";
import { cases } from "#server/modules/cases/tables.ts";
import { berlinDay } from "#server/modules/interfaces/working-days.ts";
import { offers } from "#server/modules/offers/tables.ts";
import { audit } from "#server/platform/audit.ts";
import type { Ctx } from "#server/platform/context.ts";
import type { Actor } from "#server/platform/session.ts";
import { organisations, users } from "#server/platform/tables.ts";
import { senderScope } from "#server/platform/tenancy.ts";
import type {
  OUTGOING_SENDERS,
  OutgoingQuery,
  OutgoingReferral,
  OutgoingStateFilter,
} from "#shared/contracts/referrals.ts";
import type { OfferType } from "#shared/directory.ts";
import { can } from "#shared/permissions.ts";
import { OPEN_REFERRAL_STATES, type ReferralDataItem } from "#shared/referrals.ts";
import { isOverdue, relevantDue } from "./read.ts";
import { referrals } from "./tables.ts";

/**
 * The sending side's list of referrals ("Ausgang"): every referral the actor's organisation sent
 * from a case the actor may see — for a volunteer, the cases assigned to them — with where it
 * stands and by when it is due under the interface's agreed times. Tenancy lives in the query:
 * the sending organisation is the actor's, and the case passes the case scope, so a referral of
 * another organisation (or of a case a volunteer does not hold) is never counted or listed.
 */

type Sender = (typeof OUTGOING_SENDERS)[number];
const OPEN = [...OPEN_REFERRAL_STATES];

/** The referrals the actor may see as sender: own organisation, visible case, optionally own sending. */
function outgoingScope(actor: Actor, sender: Sender): SQL {
  if (!can(actor.role, "referral.send")) return sql`false`;
  const conditions = [
    senderScope(actor, referrals.fromOrganisationId, referrals.caseId),
    // Drafts never left the organisation; the list is of what was sent.
    sql`${referrals.state} <> 'draft'`,
  ];
  if (sender === "me") conditions.push(eq(referrals.sentBy, actor.userId));
  return and(...conditions) as SQL;
}

function stateCondition(state: OutgoingStateFilter | undefined): SQL | undefined {
  if (state === undefined) return undefined;
  if (state === "open") return inArray(referrals.state, OPEN);
  if (state === "closed") return sql`${referrals.state} not in ('draft', 'sent', 'accepted', 'in_progress')`;
  return eq(referrals.state, state);
}

/** Open and past the date that runs now (today counts as in time), as isOverdue() decides it. */
const overdueCondition = (today: string) =>
  and(inArray(referrals.state, OPEN), lt(relevantDue, today)) as SQL;

function overdueFilter(overdue: "true" | "false" | undefined, today: string): SQL | undefined {
  if (overdue === "true") return overdueCondition(today);
  if (overdue === "false") return sql`not coalesce(${overdueCondition(today)}, false)`;
  return undefined;
}

function orderOf(sort: OutgoingQuery["sort"]) {
  switch (sort) {
    case "due":
      return [sql`${relevantDue} asc nulls last`, desc(referrals.sentAt), asc(referrals.id)];
    case "-due":
      return [sql`${relevantDue} desc nulls last`, desc(referrals.sentAt), asc(referrals.id)];
    case "sent":
      return [asc(referrals.sentAt), asc(referrals.id)];
    case "-sent":
      return [desc(referrals.sentAt), asc(referrals.id)];
  }
}

const select = {
  referral: referrals,
  casePseudonym: cases.pseudonym,
  toName: organisations.name,
  offerType: offers.offerType,
  sentByName: users.name,
};
type Row = {
  referral: typeof referrals.$inferSelect;
  casePseudonym: string;
  toName: string;
  offerType: OfferType | null;
  sentByName: string | null;
};

function present(row: Row, today: string): OutgoingReferral {
  const r = row.referral;
  const state = r.state;
  return {
    id: r.id,
    caseId: r.caseId,
    casePseudonym: row.casePseudonym,
    to: { id: r.toOrganisationId, name: row.toName },
    offer: { id: r.offerId, name: r.offerName, offerType: row.offerType ?? null },
    state,
    outcome: r.outcome,
    outcomeReason: r.outcomeReason,
    declineReason: r.declineReason,
    sharedItems: r.sharedItems as ReferralDataItem[],
    sentBy: r.sentBy && row.sentByName !== null ? { id: r.sentBy, name: row.sentByName } : null,
    sentAt: r.sentAt?.toISOString() ?? null,
    answerDue: r.answerDue,
    completeDue: r.completeDue,
    due:
      state === "sent" ? r.answerDue : state === "accepted" || state === "in_progress" ? r.completeDue : null,
    overdue: isOverdue(r, today),
    withoutInterface: r.withoutInterface,
  };
}

/**
 * One page of the sending side's referrals. Audited like the inbox: the page names cases by
 * pseudonym, which is personal data to the organisation that holds the case.
 */
export async function listOutgoing(ctx: Ctx & OutgoingQuery) {
  const today = berlinDay();
  const where = and(
    outgoingScope(ctx.actor, ctx.sender),
    stateCondition(ctx.state),
    overdueFilter(ctx.overdue, today),
  );
  const [rows, [total]] = await Promise.all([
    ctx.db
      .select(select)
      .from(referrals)
      .innerJoin(cases, eq(cases.id, referrals.caseId))
      .innerJoin(organisations, eq(organisations.id, referrals.toOrganisationId))
      .leftJoin(offers, eq(offers.id, referrals.offerId))
      .leftJoin(users, eq(users.id, referrals.sentBy))
      .where(where)
      .orderBy(...orderOf(ctx.sort))
      .limit(ctx.limit)
      .offset(ctx.offset),
    ctx.db.select({ n: count() }).from(referrals).where(where),
  ]);
  await audit(ctx.db, ctx, {
    action: "referral.outgoing",
    entity: "organisation",
    entityId: ctx.actor.organisationId,
    organisationId: ctx.actor.organisationId,
    details: {
      sender: ctx.sender,
      state: ctx.state ?? null,
      overdue: ctx.overdue ?? null,
      ids: rows.map((r) => r.referral.id),
    },
  });
  return { items: rows.map((row) => present(row, today)), total: total?.n ?? 0 };
}

/**
 * How many of the actor's outgoing referrals are open and how many of those are overdue — for the
 * referrals page and for start pages. Counts only, no personal data: not audited.
 */
export async function countOutgoing(
  db: Tx,
  actor: Actor,
  opts: { sender?: Sender } = {},
): Promise<{ open: number; overdue: number }> {
  const today = berlinDay();
  const [row] = await db
    .select({
      open: sql<number>`count(*) filter (where ${inArray(referrals.state, OPEN)})::int`,
      overdue: sql<number>`count(*) filter (where ${overdueCondition(today)})::int`,
    })
    .from(referrals)
    .where(outgoingScope(actor, opts.sender ?? "me"));
  return { open: row?.open ?? 0, overdue: row?.overdue ?? 0 };
}
