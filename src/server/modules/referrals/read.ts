import { and, asc, count, desc, eq, inArray, lt, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { z } from "zod";
import type { Tx } from "#server/db/client.ts";
import { scopedCase } from "#server/modules/cases/documentation.ts";
import { cases } from "#server/modules/cases/tables.ts";
import { loadReferralSettings } from "#server/modules/interfaces/settings.ts";
import { addWorkingDays, berlinDay } from "#server/modules/interfaces/working-days.ts";
import { offers } from "#server/modules/offers/tables.ts";
import { audit } from "#server/platform/audit.ts";
import type { Ctx } from "#server/platform/context.ts";
import { notFound } from "#server/platform/errors.ts";
import type { Actor } from "#server/platform/session.ts";
import { organisations } from "#server/platform/tables.ts";
import {
  assertSide,
  isReceiver,
  mayReceive,
  receiverScope,
  type Sides,
  sidesOf,
} from "#server/platform/tenancy.ts";
import type { InboxCounts, Referral } from "#shared/contracts/referrals.ts";
import type { OfferType } from "#shared/directory.ts";
import {
  INBOX_BUCKETS,
  type InboxBucket,
  OPEN_REFERRAL_STATES,
  type ReferralDataItem,
} from "#shared/referrals.ts";
import { nextStatesFor, shownSide } from "./policy.ts";
import { referrals } from "./tables.ts";

/** Reading referrals: one referral from either side, a case's referrals, the receiver's inbox. */

const fromOrg = alias(organisations, "from_org");
const toOrg = alias(organisations, "to_org");

const referralSelect = {
  referral: referrals,
  casePseudonym: cases.pseudonym,
  fromName: fromOrg.name,
  toName: toOrg.name,
  offerType: offers.offerType,
};
export type ReferralRow = {
  referral: typeof referrals.$inferSelect;
  casePseudonym: string;
  fromName: string;
  toName: string;
  offerType: OfferType | null;
};

export function selectReferrals(db: Tx) {
  return db
    .select(referralSelect)
    .from(referrals)
    .innerJoin(cases, eq(cases.id, referrals.caseId))
    .innerJoin(fromOrg, eq(fromOrg.id, referrals.fromOrganisationId))
    .innerJoin(toOrg, eq(toOrg.id, referrals.toOrganisationId))
    .leftJoin(offers, eq(offers.id, referrals.offerId));
}

/** The due date that matters now: the answer while sent, the completion once accepted. */
export const relevantDue = sql<
  string | null
>`case when ${referrals.state} = 'sent' then ${referrals.answerDue} when ${referrals.state} in ('accepted', 'in_progress') then ${referrals.completeDue} end`;

/** Whether an open referral is past the date that matters now (today counts as in time). */
export function isOverdue(r: typeof referrals.$inferSelect, today: string): boolean {
  if (r.state === "sent") return r.answerDue !== null && r.answerDue < today;
  if (r.state === "accepted" || r.state === "in_progress")
    return r.completeDue !== null && r.completeDue < today;
  return false;
}

/**
 * A referral as the caller sees it. The sender gets the case link and never needs the snapshot
 * (the case is theirs); the receiver gets the snapshot while it exists and never the case id.
 * Lists leave the snapshot out: it is read (and audited) one referral at a time.
 */
export function presentReferral(
  row: ReferralRow,
  actor: Actor,
  sides: Sides,
  opts: { withSnapshot: boolean },
): Referral {
  const r = row.referral;
  const side = shownSide(sides);
  return {
    id: r.id,
    side,
    caseId: side === "sender" ? r.caseId : null,
    casePseudonym: row.casePseudonym,
    from: { id: r.fromOrganisationId, name: row.fromName },
    to: { id: r.toOrganisationId, name: row.toName },
    offer: { id: r.offerId, name: r.offerName, offerType: row.offerType ?? null },
    interfaceId: r.interfaceId,
    withoutInterface: r.withoutInterface,
    state: r.state,
    outcome: r.outcome,
    outcomeReason: r.outcomeReason,
    declineReason: r.declineReason,
    sharedItems: r.sharedItems as ReferralDataItem[],
    snapshot: opts.withSnapshot && sides.receiver ? (r.snapshot ?? null) : null,
    note: r.note,
    consentOverride: r.consentOverrideReason !== null,
    sentAt: r.sentAt?.toISOString() ?? null,
    answerDue: r.answerDue,
    completeDue: r.completeDue,
    overdue: isOverdue(r, berlinDay()),
    answeredAt: r.answeredAt?.toISOString() ?? null,
    closedAt: r.closedAt?.toISOString() ?? null,
    nextStates: nextStatesFor(actor, sides, r.state),
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

/**
 * A referral the actor stands on a side of, with the sides; 404 for anyone else. With `lock` the
 * row is locked FOR UPDATE, so two moves on one referral run one after the other.
 */
export async function loadReferral(db: Tx, actor: Actor, id: string, opts: { lock?: boolean } = {}) {
  const query = selectReferrals(db).where(eq(referrals.id, id));
  const [row] = opts.lock ? await query.for("update", { of: referrals }) : await query;
  if (!row) throw notFound();
  const sides = await sidesOf(db, actor, row.referral);
  assertSide(sides);
  return { row, sides };
}

/** One referral; a receiver's read of the shared data is audited as a read of personal data. */
export async function getReferral(ctx: Ctx & { referralId: string }): Promise<Referral> {
  const { row, sides } = await loadReferral(ctx.db, ctx.actor, ctx.referralId);
  const r = row.referral;
  await audit(ctx.db, ctx, {
    action: "referral.read",
    entity: "referral",
    entityId: r.id,
    organisationId: ctx.actor.organisationId,
    details: {
      side: shownSide(sides),
      caseId: r.caseId,
      items: sides.receiver && r.snapshot ? Object.keys(r.snapshot) : [],
    },
  });
  return presentReferral(row, ctx.actor, sides, { withSnapshot: true });
}

/** The referrals of a case, newest first, for the sending side. */
export async function listCaseReferrals(ctx: Ctx & { caseId: string }) {
  const record = await scopedCase(ctx.db, ctx.actor, ctx.caseId);
  const rows = await selectReferrals(ctx.db)
    .where(eq(referrals.caseId, record.id))
    .orderBy(desc(referrals.createdAt), asc(referrals.id));
  await audit(ctx.db, ctx, {
    action: "referral.list",
    entity: "case",
    entityId: record.id,
    organisationId: record.organisationId,
    details: { ids: rows.map((r) => r.referral.id) },
  });
  const sides = (row: ReferralRow): Sides => ({
    sender: true,
    receiver: isReceiver(ctx.actor, row.referral),
  });
  const items = rows.map((row) => presentReferral(row, ctx.actor, sides(row), { withSnapshot: false }));
  return { items, total: items.length };
}

const OPEN = [...OPEN_REFERRAL_STATES];

/** The condition of each inbox bucket; buckets overlap (a new referral can be due soon). */
function bucketCondition(bucket: InboxBucket, today: string, soon: string) {
  switch (bucket) {
    case "new":
      return eq(referrals.state, "sent");
    case "due_soon":
      return and(inArray(referrals.state, OPEN), sql`${relevantDue} between ${today} and ${soon}`);
    case "overdue":
      return and(inArray(referrals.state, OPEN), lt(relevantDue, today));
    case "in_progress":
      return inArray(referrals.state, ["accepted", "in_progress"]);
    case "closed":
      return sql`${referrals.state} not in ('draft', 'sent', 'accepted', 'in_progress')`;
  }
}

async function inboxWindow(db: Tx) {
  const settings = await loadReferralSettings(db);
  const today = berlinDay();
  return { today, soon: addWorkingDays(today, settings.dueSoonDays) };
}

/** The receiving organisation's inbox; people who do not answer referrals have none. */
export async function listInbox(ctx: Ctx & { bucket: InboxBucket; limit: number; offset: number }) {
  if (!mayReceive(ctx.actor)) return { items: [], total: 0 };
  const { today, soon } = await inboxWindow(ctx.db);
  const where = and(
    receiverScope(ctx.actor, referrals.toOrganisationId),
    bucketCondition(ctx.bucket, today, soon),
  );
  const order =
    ctx.bucket === "closed"
      ? [desc(referrals.closedAt), asc(referrals.id)]
      : [sql`${relevantDue} asc nulls last`, desc(referrals.sentAt), asc(referrals.id)];
  const [rows, [total]] = await Promise.all([
    selectReferrals(ctx.db)
      .where(where)
      .orderBy(...order)
      .limit(ctx.limit)
      .offset(ctx.offset),
    ctx.db.select({ n: count() }).from(referrals).where(where),
  ]);
  await audit(ctx.db, ctx, {
    action: "referral.inbox",
    entity: "organisation",
    entityId: ctx.actor.organisationId,
    organisationId: ctx.actor.organisationId,
    details: { bucket: ctx.bucket, ids: rows.map((r) => r.referral.id) },
  });
  const items = rows.map((row) =>
    presentReferral(
      row,
      ctx.actor,
      { sender: false, receiver: true },
      {
        withSnapshot: false,
      },
    ),
  );
  return { items, total: total?.n ?? 0 };
}

/** How many referrals each inbox bucket holds (no personal data, not audited). */
export async function inboxCounts(ctx: Ctx): Promise<z.infer<typeof InboxCounts>> {
  const zero = Object.fromEntries(INBOX_BUCKETS.map((b) => [b, 0])) as z.infer<typeof InboxCounts>;
  if (!mayReceive(ctx.actor)) return zero;
  const { today, soon } = await inboxWindow(ctx.db);
  const columns = Object.fromEntries(
    INBOX_BUCKETS.map((b) => [
      b,
      sql<number>`count(*) filter (where ${bucketCondition(b, today, soon)})::int`,
    ]),
  );
  const [row] = await ctx.db
    .select(columns)
    .from(referrals)
    .where(receiverScope(ctx.actor, referrals.toOrganisationId));
  return { ...zero, ...(row as Partial<z.infer<typeof InboxCounts>>) };
}
