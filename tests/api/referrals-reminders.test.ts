import { and, eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import {
  notifications,
  outbox,
  referralEvents,
  referralSettings,
  referrals,
} from "../../src/server/db/schema.ts";
import { addWorkingDays } from "../../src/server/modules/interfaces/working-days.ts";
import { runReferralReminders } from "../../src/server/modules/referrals/reminders.ts";
import type { NotificationKind } from "../../src/shared/referrals.ts";
import { createTestApp } from "../helpers/app.ts";
import { referralScene, sentReferral } from "./referrals-setup.ts";

const t = await createTestApp();

/** Noon in Germany on a calendar day: the clock of a reminder run. */
const noonOn = (day: string) => new Date(`${day}T11:00:00Z`);
const dayAfter = (day: string) =>
  new Date(new Date(`${day}T00:00:00Z`).getTime() + 86_400_000).toISOString().slice(0, 10);

async function row(id: string) {
  const [r] = await t.db.select().from(referrals).where(eq(referrals.id, id));
  if (!r) throw new Error("no referral");
  return r;
}
const noticesOf = (id: string, kind: NotificationKind) =>
  t.db
    .select()
    .from(notifications)
    .where(and(eq(notifications.referralId, id), eq(notifications.kind, kind)));

describe("reminders", () => {
  it("flags an unanswered referral overdue once and tells both sides in the app and by mail", async () => {
    const s = await referralScene(t);
    const id = await sentReferral(s);
    const { answerDue } = await row(id);
    if (!answerDue) throw new Error("no due date");

    await runReferralReminders(t.db, { now: noonOn(answerDue) });
    expect((await row(id)).overdueSince).toBeNull();

    const addresses = [s.counsellorUser.email, s.receiverCounsellorUser.email];
    const mailsTo = async () => {
      const mails = await t.db.select().from(outbox).where(inArray(outbox.toAddress, addresses));
      return addresses.map((a) => mails.filter((m) => m.toAddress === a).length);
    };
    const before = await mailsTo();
    const late = noonOn(dayAfter(answerDue));
    await runReferralReminders(t.db, { now: late });
    expect((await row(id)).overdueSince?.toISOString()).toBe(late.toISOString());
    const told = await noticesOf(id, "referral_overdue");
    expect(told.map((n) => n.organisationId).sort()).toEqual([s.sender.id, s.receiver.id].sort());
    expect(await mailsTo()).toEqual(before.map((n) => n + 1));

    await runReferralReminders(t.db, { now: noonOn(dayAfter(dayAfter(answerDue))) });
    expect(await noticesOf(id, "referral_overdue")).toHaveLength(2);
    expect(await mailsTo()).toEqual(before.map((n) => n + 1));
    expect((await row(id)).state).toBe("sent");
  });

  it("expires a referral left unanswered past the configured limit, once, and tells both sides", async () => {
    await t.db.update(referralSettings).set({ expireAfterDays: 3 }).where(eq(referralSettings.id, 1));
    const s = await referralScene(t);
    const id = await sentReferral(s);
    const { answerDue } = await row(id);
    if (!answerDue) throw new Error("no due date");
    const limit = addWorkingDays(answerDue, 3);

    await runReferralReminders(t.db, { now: noonOn(limit) });
    expect((await row(id)).state).toBe("sent");

    await runReferralReminders(t.db, { now: noonOn(dayAfter(limit)) });
    const expired = await row(id);
    expect(expired.state).toBe("expired");
    expect(expired.closedAt).not.toBeNull();
    expect(expired.snapshot).toBeNull();
    const told = await noticesOf(id, "referral_expired");
    expect(told.map((n) => n.organisationId).sort()).toEqual([s.sender.id, s.receiver.id].sort());
    const events = await t.db.select().from(referralEvents).where(eq(referralEvents.referralId, id));
    expect(events.at(-1)).toMatchObject({ fromState: "sent", toState: "expired", actorRole: "system" });

    await runReferralReminders(t.db, { now: noonOn(dayAfter(dayAfter(limit))) });
    expect(await noticesOf(id, "referral_expired")).toHaveLength(2);
    expect(await t.db.select().from(referralEvents).where(eq(referralEvents.referralId, id))).toHaveLength(2);
    const seen = (await s.receiverCounsellor.request("GET", `/api/referrals/${id}`)).json();
    expect(seen).toMatchObject({ state: "expired", snapshot: null, nextStates: [] });
  });

  it("flags an accepted referral past its completion date", async () => {
    const s = await referralScene(t);
    const id = await sentReferral(s);
    const accepted = await s.receiverCounsellor.request("POST", `/api/referrals/${id}/transitions`, {
      body: { to: "accepted" },
    });
    expect(accepted.statusCode).toBe(200);
    const { completeDue } = await row(id);
    if (!completeDue) throw new Error("no due date");
    await runReferralReminders(t.db, { now: noonOn(completeDue) });
    expect((await row(id)).overdueSince).toBeNull();
    await runReferralReminders(t.db, { now: noonOn(dayAfter(completeDue)) });
    const flagged = await row(id);
    expect(flagged.overdueSince).not.toBeNull();
    expect(flagged.state).toBe("accepted");
    expect(await noticesOf(id, "referral_overdue")).toHaveLength(2);
  });
});
