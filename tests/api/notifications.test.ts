import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { notificationReads, notifications, outbox, referrals, users } from "../../src/server/db/schema.ts";
import { notify } from "../../src/server/modules/notifications/notify.ts";
import { createTestApp } from "../helpers/app.ts";
import { buildCase, buildClient } from "../helpers/case-factories.ts";
import { buildOrganisation, buildUser } from "../helpers/factories.ts";
import { mailsTo } from "../helpers/mail.ts";

const t = await createTestApp();

/** A referral row from one organisation to another, as the referrals module would store it. */
async function referralBetween(fromOrganisationId: string, toOrganisationId: string) {
  const client = await buildClient(t.db, { organisationId: fromOrganisationId, name: "Leyla Yilmaz" });
  const kase = await buildCase(t.db, { organisationId: fromOrganisationId, clientId: client.id });
  const [row] = await t.db
    .insert(referrals)
    .values({
      caseId: kase.id,
      fromOrganisationId,
      toOrganisationId,
      offerName: "Anpassungsqualifizierung Pflege",
      state: "sent",
    })
    .returning();
  if (!row) throw new Error("no referral");
  return row;
}

describe("notify", () => {
  it("mails the organisation's counsellors and company contacts in their language, without client names", async () => {
    const from = await buildOrganisation(t.db);
    const to = await buildOrganisation(t.db);
    const counsellor = await buildUser(t.db, { organisationId: to.id, role: "counsellor" });
    const contact = await buildUser(t.db, { organisationId: to.id, role: "company_contact" });
    await t.db.update(users).set({ locale: "en" }).where(eq(users.id, contact.id));
    const admin = await buildUser(t.db, { organisationId: to.id, role: "org_admin" });
    const gone = await buildUser(t.db, { organisationId: to.id, role: "counsellor" });
    await t.db.update(users).set({ status: "deactivated" }).where(eq(users.id, gone.id));
    const referral = await referralBetween(from.id, to.id);

    const result = await t.db.transaction((tx) =>
      notify(tx, {
        organisationId: to.id,
        kind: "referral_received",
        referralId: referral.id,
        details: { offerName: referral.offerName },
        email: true,
      }),
    );
    expect(result.mails).toBe(2);
    const [german] = await mailsTo(t.db, counsellor.email);
    expect(german).toMatchObject({
      template: "referral",
      organisationId: to.id,
      status: "held",
      subject: "Lotse: Neuer Verweis – Anpassungsqualifizierung Pflege",
    });
    expect(german?.bodyText).toContain(`http://lotse.test/referrals/${referral.id}`);
    expect(german?.bodyText).not.toContain("Leyla");
    expect(german?.bodyText).not.toContain("Yilmaz");
    const [english] = await mailsTo(t.db, contact.email);
    expect(english?.subject).toBe("Lotse: New referral – Anpassungsqualifizierung Pflege");
    expect(await mailsTo(t.db, admin.email)).toEqual([]);
    expect(await mailsTo(t.db, gone.email)).toEqual([]);
    const [row] = await t.db.select().from(notifications).where(eq(notifications.id, result.id));
    expect(row).toMatchObject({ organisationId: to.id, userId: null, kind: "referral_received" });
  });

  it("mails only the named user, and nobody without email", async () => {
    const org = await buildOrganisation(t.db);
    const sender = await buildUser(t.db, { organisationId: org.id, role: "volunteer" });
    const colleague = await buildUser(t.db, { organisationId: org.id, role: "counsellor" });
    await notify(t.db, { organisationId: org.id, userId: sender.id, kind: "referral_changed", email: true });
    expect(await mailsTo(t.db, sender.email)).toHaveLength(1);
    expect(await mailsTo(t.db, colleague.email)).toEqual([]);
    await notify(t.db, { organisationId: org.id, kind: "referral_changed" });
    expect(await mailsTo(t.db, colleague.email)).toEqual([]);
  });

  it("leaves nothing behind when the caller's transaction fails", async () => {
    const org = await buildOrganisation(t.db);
    const counsellor = await buildUser(t.db, { organisationId: org.id, role: "counsellor" });
    await expect(
      t.db.transaction(async (tx) => {
        await notify(tx, { organisationId: org.id, kind: "referral_overdue", email: true });
        throw new Error("the referral could not be stored");
      }),
    ).rejects.toThrow();
    expect(await mailsTo(t.db, counsellor.email)).toEqual([]);
    expect(await t.db.select().from(notifications).where(eq(notifications.organisationId, org.id))).toEqual(
      [],
    );
    expect(await t.db.select().from(outbox).where(eq(outbox.organisationId, org.id))).toEqual([]);
  });
});

describe("GET /api/notifications", () => {
  async function twoColleagues() {
    const org = await buildOrganisation(t.db);
    const me = await buildUser(t.db, { organisationId: org.id, role: "counsellor" });
    const colleague = await buildUser(t.db, { organisationId: org.id, role: "counsellor" });
    return { org, me, colleague, agent: await t.loginAs(me.email) };
  }

  it("shows the organisation's and the caller's own, newest first, with the unread count", async () => {
    const { org, me, colleague, agent } = await twoColleagues();
    const elsewhere = await buildOrganisation(t.db);
    const first = await notify(t.db, {
      organisationId: org.id,
      kind: "referral_received",
      details: { offerName: "A" },
    });
    const mine = await notify(t.db, { organisationId: org.id, userId: me.id, kind: "referral_changed" });
    await notify(t.db, { organisationId: org.id, userId: colleague.id, kind: "referral_message" });
    await notify(t.db, { organisationId: elsewhere.id, kind: "referral_received" });
    const res = await agent.request("GET", "/api/notifications");
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      unread: 2,
      items: [
        { id: mine.id, kind: "referral_changed", read: false, referralId: null },
        { id: first.id, kind: "referral_received", details: { offerName: "A" } },
      ],
    });
    expect(res.json().items).toHaveLength(2);
  });

  it("marks one read, answers 404 for another person's or organisation's, and marks all read", async () => {
    const { org, colleague, agent } = await twoColleagues();
    const elsewhere = await buildOrganisation(t.db);
    const shared = await notify(t.db, { organisationId: org.id, kind: "referral_received" });
    await notify(t.db, { organisationId: org.id, kind: "referral_overdue" });
    const theirs = await notify(t.db, {
      organisationId: org.id,
      userId: colleague.id,
      kind: "referral_message",
    });
    const foreign = await notify(t.db, { organisationId: elsewhere.id, kind: "referral_received" });

    const read = await agent.request("POST", `/api/notifications/${shared.id}/read`);
    expect(read.statusCode).toBe(200);
    expect(read.json()).toMatchObject({ id: shared.id, read: true });
    expect((await agent.request("GET", "/api/notifications")).json().unread).toBe(1);
    for (const id of [theirs.id, foreign.id]) {
      expect((await agent.request("POST", `/api/notifications/${id}/read`)).statusCode).toBe(404);
    }
    const all = await agent.request("POST", "/api/notifications/read-all");
    expect(all.statusCode).toBe(200);
    expect(all.json().unread).toBe(0);
    for (const id of [theirs.id, foreign.id]) {
      const reads = await t.db
        .select()
        .from(notificationReads)
        .where(eq(notificationReads.notificationId, id));
      expect(reads).toEqual([]);
    }
  });

  it("keeps read state per person: one member's 'mark all read' leaves a new referral unread for the others", async () => {
    const { org, colleague, agent } = await twoColleagues();
    const received = await notify(t.db, { organisationId: org.id, kind: "referral_received" });
    expect((await agent.request("POST", "/api/notifications/read-all")).json().unread).toBe(0);
    const other = await t.loginAs(colleague.email);
    const theirs = (await other.request("GET", "/api/notifications")).json();
    expect(theirs.unread).toBe(1);
    expect(theirs.items).toMatchObject([{ id: received.id, read: false }]);
    expect((await other.request("POST", `/api/notifications/${received.id}/read`)).json().read).toBe(true);
    expect((await other.request("GET", "/api/notifications")).json().unread).toBe(0);
  });

  it("shows organisation-wide referral notifications only to counsellors and company contacts", async () => {
    const org = await buildOrganisation(t.db);
    const counsellor = await buildUser(t.db, { organisationId: org.id, role: "counsellor" });
    const contact = await buildUser(t.db, { organisationId: org.id, role: "company_contact" });
    const admin = await buildUser(t.db, { organisationId: org.id, role: "org_admin" });
    const trainer = await buildUser(t.db, { organisationId: org.id, role: "trainer" });
    const volunteer = await buildUser(t.db, { organisationId: org.id, role: "volunteer" });
    const received = await notify(t.db, { organisationId: org.id, kind: "referral_received" });
    for (const person of [counsellor, contact]) {
      const list = (await (await t.loginAs(person.email)).request("GET", "/api/notifications")).json();
      expect(list).toMatchObject({ unread: 1, items: [{ id: received.id }] });
    }
    for (const person of [admin, trainer, volunteer]) {
      const agent = await t.loginAs(person.email);
      const list = await agent.request("GET", "/api/notifications");
      expect(list.statusCode === 403 || list.json().items.length === 0, person.email).toBe(true);
      if (list.statusCode === 200) expect(list.json().unread).toBe(0);
      const read = await agent.request("POST", `/api/notifications/${received.id}/read`);
      expect([403, 404]).toContain(read.statusCode);
    }
  });
});
