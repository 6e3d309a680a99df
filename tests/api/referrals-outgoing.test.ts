import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, referrals } from "../../src/server/db/schema.ts";
import { berlinDay } from "../../src/server/modules/interfaces/working-days.ts";
import { countOutgoing } from "../../src/server/modules/referrals/outgoing.ts";
import type { Actor } from "../../src/server/platform/session.ts";
import { createTestApp } from "../helpers/app.ts";
import { buildCase, buildClient } from "../helpers/case-factories.ts";
import { buildUser } from "../helpers/factories.ts";
import { giveReferralConsent, referralScene, type Scene, send } from "./referrals-setup.ts";

const t = await createTestApp();

type Item = { id: string; overdue: boolean; state: string; due: string | null; casePseudonym: string };
const ids = (body: { items: Item[] }) => body.items.map((r) => r.id);

async function sendOne(s: Scene, agent = s.counsellor): Promise<string> {
  const res = await send(s, {}, { agent });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}

/** A second case of the scene's client, not assigned to the volunteer. */
async function unassignedCase(s: Scene) {
  const client = await buildClient(t.db, { organisationId: s.sender.id, name: "Karim Mansour" });
  const record = await buildCase(t.db, { organisationId: s.sender.id, clientId: client.id });
  await s.counsellor.request("POST", `/api/clients/${client.id}/consents`, {
    body: {
      purpose: "referral",
      recipientOrganisationId: s.receiver.id,
      legalBasis: "art6_1a",
      dataCategories: ["identity", "contact"],
      informedLanguage: "de",
      form: "signed",
    },
  });
  const res = await s.counsellor.request("POST", `/api/cases/${record.id}/referrals`, {
    body: { offerId: s.offer.id, items: ["name"] },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

describe("the outgoing list", () => {
  it("lists only what the caller's organisation sent, never another organisation's, and no personal data beyond the pseudonym", async () => {
    const s = await referralScene(t);
    const other = await referralScene(t);
    await giveReferralConsent(s);
    await giveReferralConsent(other);
    const mine = await sendOne(s);
    const theirs = await sendOne(other);

    const res = await s.counsellor.request("GET", "/api/referrals/outgoing");
    expect(res.statusCode).toBe(200);
    expect(ids(res.json())).toEqual([mine]);
    expect(res.json().total).toBe(1);
    expect(res.json().items[0]).toMatchObject({
      caseId: s.caseRecord.id,
      casePseudonym: s.caseRecord.pseudonym,
      to: { id: s.receiver.id, name: s.receiver.name },
      state: "sent",
      sentBy: { id: s.counsellorUser.id },
      due: res.json().items[0].answerDue,
      overdue: false,
    });
    expect(res.body).not.toContain("Amina");
    expect(res.body).not.toContain("Bitte bald melden");
    const org = await s.counsellor.request("GET", "/api/referrals/outgoing?sender=organisation");
    expect(ids(org.json())).not.toContain(theirs);
    // The receiving side has it in the inbox, not in its outgoing list.
    expect(ids((await s.receiverCounsellor.request("GET", "/api/referrals/outgoing")).json())).toEqual([]);
    expect(ids((await s.receiverCounsellor.request("GET", "/api/referrals/inbox")).json())).toContain(mine);

    const [entry] = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "referral.outgoing"), eq(auditLog.actorUserId, s.counsellorUser.id)));
    expect(entry?.details).toMatchObject({ sender: "me", ids: [mine] });
  });

  it("tells mine from my organisation's", async () => {
    const s = await referralScene(t);
    await giveReferralConsent(s);
    const colleague = await t.loginAs(
      (await buildUser(t.db, { organisationId: s.sender.id, role: "counsellor" })).email,
    );
    const mine = await sendOne(s);
    const colleagues = await sendOne(s, colleague);
    expect(ids((await s.counsellor.request("GET", "/api/referrals/outgoing")).json())).toEqual([mine]);
    const all = (
      await s.counsellor.request("GET", "/api/referrals/outgoing?sender=organisation&sort=sent")
    ).json();
    expect(ids(all)).toEqual([mine, colleagues]);
    expect(all.total).toBe(2);
  });

  it("shows a volunteer only the referrals of the cases assigned to them", async () => {
    const s = await referralScene(t);
    await giveReferralConsent(s);
    const byCounsellor = await sendOne(s);
    const byVolunteer = await sendOne(s, s.volunteer);
    const elsewhere = await unassignedCase(s);

    const own = (await s.volunteer.request("GET", "/api/referrals/outgoing")).json();
    expect(ids(own)).toEqual([byVolunteer]);
    const assigned = (await s.volunteer.request("GET", "/api/referrals/outgoing?sender=organisation")).json();
    expect(ids(assigned).sort()).toEqual([byCounsellor, byVolunteer].sort());
    expect(ids(assigned)).not.toContain(elsewhere);
    expect(
      (await s.volunteer.request("GET", "/api/referrals/outgoing/counts?sender=organisation")).json(),
    ).toEqual({ open: 2, overdue: 0 });
    const everything = (
      await s.counsellor.request("GET", "/api/referrals/outgoing?sender=organisation")
    ).json();
    expect(everything.total).toBe(3);
  });

  it("computes overdue against the date that runs now, filters and sorts by it, and counts it", async () => {
    const s = await referralScene(t);
    await giveReferralConsent(s);
    const [a, b, c] = [await sendOne(s), await sendOne(s), await sendOne(s)];
    // a: answer overdue; b: accepted, completion overdue; c: in time.
    await t.db.update(referrals).set({ answerDue: "2020-01-06" }).where(eq(referrals.id, a));
    const accept = await s.receiverCounsellor.request("POST", `/api/referrals/${b}/transitions`, {
      body: { to: "accepted" },
    });
    expect(accept.statusCode, accept.body).toBe(200);
    await t.db
      .update(referrals)
      .set({ completeDue: "2020-01-07", answerDue: "2019-01-01" })
      .where(eq(referrals.id, b));

    const list = (await s.counsellor.request("GET", "/api/referrals/outgoing")).json();
    expect(list.items.map((r: Item) => [r.id, r.overdue])).toEqual([
      [a, true],
      [b, true],
      [c, false],
    ]);
    expect(list.items[1].due).toBe("2020-01-07");
    const overdue = (await s.counsellor.request("GET", "/api/referrals/outgoing?overdue=true")).json();
    expect(ids(overdue)).toEqual([a, b]);
    expect(ids((await s.counsellor.request("GET", "/api/referrals/outgoing?overdue=false")).json())).toEqual([
      c,
    ]);
    expect(ids((await s.counsellor.request("GET", "/api/referrals/outgoing?sort=-due")).json())).toEqual([
      c,
      b,
      a,
    ]);
    expect((await s.counsellor.request("GET", "/api/referrals/outgoing/counts")).json()).toEqual({
      open: 3,
      overdue: 2,
    });
    // The same figures for the start pages, from the module's exported function.
    const actor = { userId: s.counsellorUser.id, organisationId: s.sender.id, role: "counsellor" } as Actor;
    expect(await countOutgoing(t.db, actor)).toEqual({ open: 3, overdue: 2 });
    expect(berlinDay() > "2020-01-07").toBe(true);

    // A closed referral is neither open nor overdue, whatever its old dates say.
    const withdraw = await s.counsellor.request("POST", `/api/referrals/${a}/transitions`, {
      body: { to: "withdrawn" },
    });
    expect(withdraw.statusCode, withdraw.body).toBe(200);
    expect(ids((await s.counsellor.request("GET", "/api/referrals/outgoing?state=closed")).json())).toEqual([
      a,
    ]);
    expect(ids((await s.counsellor.request("GET", "/api/referrals/outgoing?state=open")).json())).toEqual([
      b,
      c,
    ]);
    expect(ids((await s.counsellor.request("GET", "/api/referrals/outgoing?state=accepted")).json())).toEqual(
      [b],
    );
    expect((await s.counsellor.request("GET", "/api/referrals/outgoing/counts")).json()).toEqual({
      open: 2,
      overdue: 1,
    });
  });

  it("pages with the right total", async () => {
    const s = await referralScene(t);
    await giveReferralConsent(s);
    const sent = [await sendOne(s), await sendOne(s), await sendOne(s)];
    const first = (await s.counsellor.request("GET", "/api/referrals/outgoing?sort=sent&limit=2")).json();
    const second = (
      await s.counsellor.request("GET", "/api/referrals/outgoing?sort=sent&limit=2&offset=2")
    ).json();
    expect([first.total, second.total]).toEqual([3, 3]);
    expect([...ids(first), ...ids(second)]).toEqual(sent);
  });

  it("is for those who send: others get 403, bad filters a translated 400", async () => {
    const s = await referralScene(t);
    expect((await s.companyContact.request("GET", "/api/referrals/outgoing")).statusCode).toBe(403);
    const admin = await t.loginAs(
      (await buildUser(t.db, { organisationId: s.sender.id, role: "org_admin" })).email,
    );
    expect((await admin.request("GET", "/api/referrals/outgoing/counts")).statusCode).toBe(403);
    const bad = await s.counsellor.request("GET", "/api/referrals/outgoing?sort=name&overdue=yes");
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .errors.map((e: { field: string }) => e.field)
        .sort(),
    ).toEqual(["query.overdue", "query.sort"]);
  });
});
