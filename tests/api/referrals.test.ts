import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import {
  auditLog,
  caseEvents,
  cases,
  interfaces,
  notifications,
  outbox,
  referralEvents,
  referrals,
} from "../../src/server/db/schema.ts";
import {
  addWorkingDays,
  berlinDay,
  isWorkingDay,
  workingDaysBetween,
} from "../../src/server/modules/interfaces/working-days.ts";
import { createTestApp } from "../helpers/app.ts";
import { buildCase } from "../helpers/case-factories.ts";
import { buildOrganisation, buildUser } from "../helpers/factories.ts";
import { buildOffer } from "../helpers/hsds.ts";
import { giveReferralConsent, referralScene, send, sentReferral } from "./referrals-setup.ts";

const t = await createTestApp();

describe("preview", () => {
  it("shows which items the consent to the offer's organisation covers, and the due dates", async () => {
    const s = await referralScene(t);
    const url = `/api/cases/${s.caseRecord.id}/referral-preview?offerId=${s.offer.id}`;
    const before = (await s.counsellor.request("GET", url)).json();
    expect(before.consent).toBeNull();
    expect(before.items.every((i: { covered: boolean }) => !i.covered)).toBe(true);
    expect(before.offer.organisation).toEqual({ id: s.receiver.id, name: s.receiver.name });

    const consentId = await giveReferralConsent(s, ["identity", "contact"]);
    const res = await s.counsellor.request("GET", url);
    expect(res.statusCode).toBe(200);
    const preview = res.json();
    expect(preview.consent.id).toBe(consentId);
    const covered = preview.items
      .filter((i: { covered: boolean }) => i.covered)
      .map((i: { item: string }) => i.item);
    expect(covered.sort()).toEqual(["contact", "date_of_birth", "languages", "name"]);
    expect(preview.interface).toBeNull();
    expect(preview.answerDue).toBe(addWorkingDays(berlinDay(), 5));
    expect(preview.completeDue).toBe(addWorkingDays(berlinDay(), 30));
  });
});

describe("sending", () => {
  it("refuses without consent, and sends with an override reason that is audited", async () => {
    const s = await referralScene(t);
    const refused = await send(s);
    expect(refused.statusCode).toBe(422);
    expect(refused.json().code).toBe("referral.consent_missing");
    expect(await t.db.select().from(referrals).where(eq(referrals.caseId, s.caseRecord.id))).toEqual([]);

    const res = await send(s, { consentOverrideReason: "Akute Notlage, Person hat mündlich zugestimmt." });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().consentOverride).toBe(true);
    const [entry] = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "referral.consent_override"), eq(auditLog.entityId, res.json().id)));
    expect(entry?.purpose).toBe("referral");
    expect(JSON.stringify(entry?.details)).not.toContain("Notlage");
  });

  it("refuses an item the consent does not cover, naming the field", async () => {
    const s = await referralScene(t);
    await giveReferralConsent(s, ["identity"]);
    const res = await send(s, { items: ["name", "contact"] });
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe("referral.item_not_consented");
    expect(res.json().errors?.[0]).toMatchObject({
      field: "body.items",
      code: "referral.item_not_consented",
    });
  });

  it("sends, logs the event, marks the timeline and tells the receiving organisation", async () => {
    const s = await referralScene(t);
    await giveReferralConsent(s);
    const res = await send(s);
    expect(res.statusCode, res.body).toBe(201);
    const referral = res.json();
    expect(referral).toMatchObject({
      side: "sender",
      caseId: s.caseRecord.id,
      state: "sent",
      sharedItems: ["name", "contact"],
      snapshot: null,
      withoutInterface: true,
      nextStates: ["withdrawn"],
    });
    const events = await t.db.select().from(referralEvents).where(eq(referralEvents.referralId, referral.id));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      fromState: null,
      toState: "sent",
      actorRole: "counsellor",
      casePseudonym: s.caseRecord.pseudonym,
      fromOrganisationId: s.sender.id,
      toOrganisationId: s.receiver.id,
      offerId: s.offer.id,
    });
    const timeline = await t.db.select().from(caseEvents).where(eq(caseEvents.caseId, s.caseRecord.id));
    expect(timeline.map((e) => e.kind)).toContain("referral_sent");
    const [note] = await t.db.select().from(notifications).where(eq(notifications.referralId, referral.id));
    expect(note).toMatchObject({ organisationId: s.receiver.id, kind: "referral_received" });
    const mails = await t.db.select().from(outbox).where(eq(outbox.organisationId, s.receiver.id));
    expect(mails.map((m) => m.toAddress)).toContain(s.receiverCounsellorUser.email);
    expect(mails.map((m) => m.bodyText).join()).not.toContain("Amina");
  });

  it("keeps the event log append-only: rewriting or deleting an event is refused by the database", async () => {
    const s = await referralScene(t);
    await giveReferralConsent(s);
    const referral = (await send(s)).json();
    const where = eq(referralEvents.referralId, referral.id);
    const refused = { cause: expect.objectContaining({ message: "referral_events is append-only" }) };
    await expect(t.db.update(referralEvents).set({ toState: "accepted" }).where(where)).rejects.toMatchObject(
      refused,
    );
    await expect(t.db.delete(referralEvents).where(where)).rejects.toMatchObject(refused);
    expect(await t.db.select().from(referralEvents).where(where)).toHaveLength(1);
  });

  it("counts the due dates in working days of the agreed interface", async () => {
    const s = await referralScene(t);
    await t.db.insert(interfaces).values({
      fromOrganisationId: s.sender.id,
      toOrganisationId: s.receiver.id,
      scope: "external",
      answerWithinDays: 3,
      completeWithinDays: 12,
    });
    await giveReferralConsent(s);
    const referral = (await send(s)).json();
    const today = berlinDay();
    expect(referral.withoutInterface).toBe(false);
    expect(referral.interfaceId).not.toBeNull();
    expect(referral.answerDue).toBe(addWorkingDays(today, 3));
    expect(referral.completeDue).toBe(addWorkingDays(today, 12));
    expect(isWorkingDay(referral.answerDue)).toBe(true);
    if (isWorkingDay(today)) expect(workingDaysBetween(today, referral.answerDue)).toBe(3);
    // Over Christmas and a weekend: 23 Dec 2025 + 3 working days skips 25/26 Dec and 27/28 Dec.
    expect(addWorkingDays("2025-12-23", 3)).toBe("2025-12-30");
  });
});

describe("idempotency", () => {
  it("answers a repeat with the same key with the first referral, also when both arrive at once", async () => {
    const s = await referralScene(t);
    await giveReferralConsent(s);
    const first = await send(s, {}, { key: "send-1" });
    const again = await send(s, {}, { key: "send-1" });
    expect(first.statusCode).toBe(201);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual(first.json());

    const racing = await Promise.all([1, 2, 3].map(() => send(s, {}, { key: "send-2" })));
    expect(racing.map((r) => r.statusCode).sort()).toEqual([200, 200, 201]);
    expect(new Set(racing.map((r) => r.json().id)).size).toBe(1);
    const rows = await t.db.select().from(referrals).where(eq(referrals.caseId, s.caseRecord.id));
    expect(rows).toHaveLength(2);
    const events = await t.db
      .select()
      .from(referralEvents)
      .where(eq(referralEvents.referralId, racing[0]?.json().id));
    expect(events).toHaveLength(1);
  });
});

describe("who sees what", () => {
  it("gives the receiver the chosen items only, and never the case", async () => {
    const s = await referralScene(t);
    const id = await sentReferral(s);
    const res = await s.receiverCounsellor.request("GET", `/api/referrals/${id}`);
    expect(res.statusCode).toBe(200);
    const seen = res.json();
    expect(seen.side).toBe("receiver");
    expect(seen.caseId).toBeNull();
    expect(seen.snapshot).toEqual({
      name: "Amina Haddad",
      contact: { email: "amina@example.org", phone: "+49 391 555 01" },
    });
    expect(seen.nextStates.sort()).toEqual(["accepted", "declined"]);
    expect(res.body).not.toContain("1990-04-02");
    expect(res.body).not.toContain("Rückenleiden");
    expect(res.body).not.toContain("Pflegefachfrau");
    expect(res.body).not.toContain(s.caseRecord.id);

    expect((await s.receiverCounsellor.request("GET", `/api/cases/${s.caseRecord.id}`)).statusCode).toBe(404);
    expect(
      (await s.receiverCounsellor.request("GET", `/api/cases/${s.caseRecord.id}/referrals`)).statusCode,
    ).toBe(404);
    expect((await s.receiverCounsellor.request("GET", `/api/clients/${s.client.id}`)).statusCode).toBe(404);
    expect((await s.companyContact.request("GET", `/api/cases/${s.caseRecord.id}`)).statusCode).not.toBe(200);
    const byContact = await s.companyContact.request("GET", `/api/referrals/${id}`);
    expect(byContact.statusCode).toBe(200);
    expect(byContact.json().snapshot.name).toBe("Amina Haddad");

    const [read] = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "referral.read"), eq(auditLog.entityId, id)));
    expect(read?.details).toMatchObject({ side: "receiver", items: ["name", "contact"] });
  });

  it("hides the referral from other organisations and from the receiver's volunteers (404)", async () => {
    const s = await referralScene(t);
    const id = await sentReferral(s);
    const other = await buildOrganisation(t.db);
    const stranger = await t.loginAs(
      (await buildUser(t.db, { organisationId: other.id, role: "counsellor" })).email,
    );
    const receiverVolunteer = await t.loginAs(
      (await buildUser(t.db, { organisationId: s.receiver.id, role: "volunteer" })).email,
    );
    for (const agent of [stranger, receiverVolunteer]) {
      expect((await agent.request("GET", `/api/referrals/${id}`)).statusCode).toBe(404);
      expect((await agent.request("GET", `/api/referrals/${id}/messages`)).statusCode).toBe(404);
      expect((await agent.request("GET", `/api/referrals/${id}/events`)).statusCode).toBe(404);
      const move = await agent.request("POST", `/api/referrals/${id}/transitions`, {
        body: { to: "accepted" },
      });
      expect(move.statusCode).toBe(404);
    }
    const inbox = await stranger.request("GET", "/api/referrals/inbox?bucket=new");
    expect(inbox.json().items).toEqual([]);
  });

  it("lets a volunteer send on an assigned case only", async () => {
    const s = await referralScene(t);
    await giveReferralConsent(s);
    const res = await send(s, {}, { agent: s.volunteer });
    expect(res.statusCode, res.body).toBe(201);
    expect((await s.volunteer.request("GET", `/api/referrals/${res.json().id}`)).json().side).toBe("sender");
    const unassigned = await buildCase(t.db, { organisationId: s.sender.id, clientId: s.client.id });
    const refused = await s.volunteer.request("POST", `/api/cases/${unassigned.id}/referrals`, {
      body: { offerId: s.offer.id, items: ["name"] },
    });
    expect(refused.statusCode).toBe(404);
    expect(
      (
        await s.companyContact.request("POST", `/api/cases/${s.caseRecord.id}/referrals`, {
          body: { offerId: s.offer.id, items: [] },
        })
      ).statusCode,
    ).toBe(403);
  });

  it("lets only a staff counsellor send without consent; a volunteer's override is refused and nothing is sent", async () => {
    const s = await referralScene(t);
    const reason = "Termin morgen, Einwilligung wird nachgeholt";
    const refused = await send(s, { items: [], consentOverrideReason: reason }, { agent: s.volunteer });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe("referral.consent_override_forbidden");
    expect(refused.json().title).toContain("Einwilligung");
    const inbox = await s.volunteer.request("GET", `/api/cases/${s.caseRecord.id}/referrals`);
    expect(inbox.json().items ?? inbox.json()).toHaveLength(0);
    const sent = await send(s, { items: [], consentOverrideReason: reason });
    expect(sent.statusCode, sent.body).toBe(201);
    expect(sent.json().consentOverride).toBe(true);
  });

  it("refuses an inactive offer and a closed case", async () => {
    const s = await referralScene(t);
    await giveReferralConsent(s);
    const { offer } = await buildOffer(t.db, s.receiver.id, { status: "inactive" });
    const res = await send(s, { offerId: offer.id });
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe("referral.offer_unavailable");
    await t.db
      .update(cases)
      .set({ status: "closed", outcome: "other", closedAt: new Date() })
      .where(eq(cases.id, s.caseRecord.id));
    expect((await send(s)).statusCode).toBe(422);
  });
});

describe("inbox", () => {
  it("lists new referrals for the receiving organisation with counts", async () => {
    const s = await referralScene(t);
    const id = await sentReferral(s);
    const inbox = await s.companyContact.request("GET", "/api/referrals/inbox?bucket=new");
    expect(inbox.statusCode).toBe(200);
    expect(inbox.json().items.map((r: { id: string }) => r.id)).toEqual([id]);
    expect(inbox.json().items[0].snapshot).toBeNull();
    const counts = (await s.receiverCounsellor.request("GET", "/api/referrals/inbox/counts")).json();
    expect(counts).toMatchObject({ new: 1, overdue: 0, in_progress: 0, closed: 0 });
    await t.db
      .update(referrals)
      .set({ answerDue: addWorkingDays(berlinDay(), 1) })
      .where(eq(referrals.id, id));
    const soon = (await s.receiverCounsellor.request("GET", "/api/referrals/inbox?bucket=due_soon")).json();
    expect(soon.items.map((r: { id: string }) => r.id)).toEqual([id]);
    expect((await s.receiverCounsellor.request("GET", "/api/referrals/inbox/counts")).json().due_soon).toBe(
      1,
    );
    await t.db.update(referrals).set({ answerDue: "2020-01-02" }).where(eq(referrals.id, id));
    const overdue = (await s.receiverCounsellor.request("GET", "/api/referrals/inbox?bucket=overdue")).json();
    expect(overdue.items.map((r: { id: string; overdue: boolean }) => [r.id, r.overdue])).toEqual([
      [id, true],
    ]);
    const list = (await s.counsellor.request("GET", `/api/cases/${s.caseRecord.id}/referrals`)).json();
    expect(list.items.map((r: { id: string }) => r.id)).toEqual([id]);
    expect((await s.counsellor.request("GET", "/api/referrals/inbox")).json().items).toEqual([]);
  });
});
