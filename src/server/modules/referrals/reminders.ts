import { and, eq, inArray, isNull, lt, or, sql } from "drizzle-orm";
import type { Db } from "#server/db/client.ts";
import { loadReferralSettings } from "#server/modules/interfaces/settings.ts";
import { addWorkingDays, berlinDay } from "#server/modules/interfaces/working-days.ts";
import { notify } from "#server/modules/notifications/notify.ts";
import { audit } from "#server/platform/audit.ts";
import type { Job } from "#server/platform/jobs.ts";
import { referrals } from "./tables.ts";
import { applyMove } from "./transitions.ts";

/**
 * The scheduled follow-up of referrals: flags the overdue once and tells both sides, and expires
 * referrals left unanswered for `expireAfterDays` working days after the answer was due. Each
 * referral is handled in its own transaction with the row locked, so a receiver answering at the
 * same moment either comes first (nothing to do) or waits for the expiry.
 */

export const REFERRAL_REMINDERS_JOB = "referral-reminders";
const JOB_REQUEST = `job:${REFERRAL_REMINDERS_JOB}`;

type Row = typeof referrals.$inferSelect;

function bothSides(tx: Parameters<typeof notify>[0], r: Row, kind: "referral_overdue" | "referral_expired") {
  const details = { offerName: r.offerName, answerDue: r.answerDue, completeDue: r.completeDue };
  return Promise.all([
    notify(tx, { organisationId: r.toOrganisationId, kind, referralId: r.id, details, email: true }),
    notify(tx, {
      organisationId: r.fromOrganisationId,
      userId: r.sentBy ?? undefined,
      kind,
      referralId: r.id,
      details,
      email: true,
    }),
  ]);
}

/** Runs one pass; `now` is a parameter so tests move the clock instead of waiting. */
export async function runReferralReminders(db: Db, { now = new Date() }: { now?: Date } = {}) {
  const today = berlinDay(now);
  const settings = await loadReferralSettings(db);
  let expired = 0;
  let overdue = 0;

  const unanswered = await db
    .select({ id: referrals.id, answerDue: referrals.answerDue })
    .from(referrals)
    .where(and(eq(referrals.state, "sent"), lt(referrals.answerDue, today)));
  for (const candidate of unanswered) {
    if (!candidate.answerDue || addWorkingDays(candidate.answerDue, settings.expireAfterDays) >= today)
      continue;
    const done = await db.transaction(async (tx) => {
      const [r] = await tx.select().from(referrals).where(eq(referrals.id, candidate.id)).for("update");
      if (r?.state !== "sent") return false;
      await applyMove(tx, r, { to: "expired", actorUserId: null, actorRole: "system" });
      await bothSides(tx, r, "referral_expired");
      await audit(
        tx,
        { requestId: JOB_REQUEST },
        {
          action: "referral.expire",
          entity: "referral",
          entityId: r.id,
          organisationId: r.fromOrganisationId,
        },
      );
      return true;
    });
    if (done) expired++;
  }

  const pastDue = or(
    and(eq(referrals.state, "sent"), lt(referrals.answerDue, today)),
    and(inArray(referrals.state, ["accepted", "in_progress"]), lt(referrals.completeDue, today)),
  );
  const late = await db
    .select({ id: referrals.id })
    .from(referrals)
    .where(and(pastDue, isNull(referrals.overdueSince)));
  for (const candidate of late) {
    const done = await db.transaction(async (tx) => {
      // The condition again, under the lock: a move or another run in between makes this a no-op.
      const [r] = await tx
        .update(referrals)
        .set({ overdueSince: now, updatedAt: sql`now()` })
        .where(and(eq(referrals.id, candidate.id), pastDue, isNull(referrals.overdueSince)))
        .returning();
      if (!r) return false;
      await bothSides(tx, r, "referral_overdue");
      await audit(
        tx,
        { requestId: JOB_REQUEST },
        {
          action: "referral.overdue",
          entity: "referral",
          entityId: r.id,
          organisationId: r.fromOrganisationId,
        },
      );
      return true;
    });
    if (done) overdue++;
  }
  return { expired, overdue };
}

export function referralJobs(db: Db): Job[] {
  return [{ name: REFERRAL_REMINDERS_JOB, everySeconds: 300, run: () => runReferralReminders(db) }];
}
