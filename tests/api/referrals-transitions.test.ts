import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import {
  caseEvents,
  notifications,
  referralEvents,
  referralMessages,
  referrals,
} from "../../src/server/db/schema.ts";
import type { Agent } from "../helpers/app.ts";
import { createTestApp } from "../helpers/app.ts";
import { giveReferralConsent, referralScene, send, sentReferral } from "./referrals-setup.ts";

const t = await createTestApp();

const move = (agent: Agent, id: string, body: Record<string, unknown>) =>
  agent.request("POST", `/api/referrals/${id}/transitions`, { body });

const eventsOf = (id: string) => t.db.select().from(referralEvents).where(eq(referralEvents.referralId, id));

describe("transitions", () => {
  it("accepts once when two people press accept at the same moment", async () => {
    const s = await referralScene(t);
    const id = await sentReferral(s);
    const agents = [s.receiverCounsellor, s.companyContact, s.receiverCounsellor, s.companyContact];
    const answers = await Promise.all(agents.map((agent) => move(agent, id, { to: "accepted" })));
    expect(answers.map((r) => r.statusCode).sort()).toEqual([200, 409, 409, 409]);
    const refused = answers.filter((r) => r.statusCode === 409);
    expect(refused.map((r) => r.json().code)).toEqual(Array(3).fill("referral.transition_not_allowed"));
    const events = await eventsOf(id);
    expect(events.map((e) => [e.fromState, e.toState])).toEqual([
      [null, "sent"],
      ["sent", "accepted"],
    ]);
  });

  it("walks sent → accepted → in_progress → completed, tells the sender and marks the case", async () => {
    const s = await referralScene(t);
    const id = await sentReferral(s);
    const accepted = await move(s.companyContact, id, { to: "accepted", comment: "Wir melden uns." });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json()).toMatchObject({ state: "accepted", side: "receiver" });
    expect(accepted.json().answeredAt).not.toBeNull();
    expect(accepted.json().nextStates.sort()).toEqual(["completed", "in_progress"]);
    expect((await move(s.receiverCounsellor, id, { to: "in_progress" })).statusCode).toBe(200);

    const noOutcome = await move(s.receiverCounsellor, id, { to: "completed" });
    expect(noOutcome.statusCode).toBe(422);
    expect(noOutcome.json().errors?.[0]?.field).toContain("outcome");
    const noReason = await move(s.receiverCounsellor, id, { to: "completed", outcome: "not_successful" });
    expect(noReason.statusCode).toBe(422);
    expect(noReason.json().code).toBe("referral.outcome_reason_required");
    const done = await move(s.receiverCounsellor, id, {
      to: "completed",
      outcome: "not_successful",
      outcomeReason: "client_unreachable",
    });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ state: "completed", outcome: "not_successful", nextStates: [] });
    expect(done.json().closedAt).not.toBeNull();

    const senderView = (await s.counsellor.request("GET", `/api/referrals/${id}`)).json();
    expect(senderView).toMatchObject({
      side: "sender",
      state: "completed",
      outcomeReason: "client_unreachable",
    });
    const told = await t.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.referralId, id), eq(notifications.organisationId, s.sender.id)));
    expect(told.map((n) => n.kind)).toEqual(["referral_changed", "referral_changed", "referral_changed"]);
    expect(told[0]?.userId).toBe(s.counsellorUser.id);
    const timeline = await t.db.select().from(caseEvents).where(eq(caseEvents.caseId, s.caseRecord.id));
    expect(timeline.filter((e) => e.kind === "referral_changed")).toHaveLength(3);
    const events = await eventsOf(id);
    expect(events.at(-1)).toMatchObject({
      toState: "completed",
      actorRole: "counsellor",
      reason: "client_unreachable",
    });
    const thread = (await s.counsellor.request("GET", `/api/referrals/${id}/messages`)).json();
    expect(thread.items.map((m: { body: string }) => m.body)).toEqual(["Wir melden uns."]);

    const late = await move(s.receiverCounsellor, id, { to: "accepted" });
    expect(late.statusCode).toBe(409);
  });

  it("needs a reason to decline and lets only the sender withdraw", async () => {
    const s = await referralScene(t);
    const id = await sentReferral(s);
    const bare = await move(s.receiverCounsellor, id, { to: "declined" });
    expect(bare.statusCode).toBe(422);
    expect(bare.json().errors?.[0]?.field).toContain("declineReason");
    expect((await move(s.counsellor, id, { to: "accepted" })).statusCode).toBe(403);
    expect((await move(s.receiverCounsellor, id, { to: "withdrawn" })).statusCode).toBe(403);
    const declined = await move(s.receiverCounsellor, id, { to: "declined", declineReason: "no_capacity" });
    expect(declined.json()).toMatchObject({
      state: "declined",
      declineReason: "no_capacity",
      snapshot: null,
    });
    expect((await move(s.counsellor, id, { to: "withdrawn" })).statusCode).toBe(409);

    const second = (await send(s)).json().id;
    const withdrawn = await move(s.volunteer, second, { to: "withdrawn" });
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    expect((await eventsOf(second)).at(-1)).toMatchObject({
      fromState: "sent",
      toState: "withdrawn",
      actorRole: "volunteer",
    });
    const [received] = await t.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.referralId, second), eq(notifications.kind, "referral_changed")));
    expect(received?.organisationId).toBe(s.receiver.id);
  });
});

describe("messages and history", () => {
  it("carries a thread between both sides and shows the events to both", async () => {
    const s = await referralScene(t);
    const id = await sentReferral(s);
    const asked = await s.receiverCounsellor.request("POST", `/api/referrals/${id}/messages`, {
      body: { body: "Hat die Person ein B1-Zertifikat?" },
    });
    expect(asked.statusCode, asked.body).toBe(201);
    expect(asked.json().organisation.id).toBe(s.receiver.id);
    await s.volunteer.request("POST", `/api/referrals/${id}/messages`, { body: { body: "Ja, seit März." } });
    const thread = (await s.companyContact.request("GET", `/api/referrals/${id}/messages`)).json();
    expect(thread.items.map((m: { body: string }) => m.body)).toEqual([
      "Hat die Person ein B1-Zertifikat?",
      "Ja, seit März.",
    ]);
    const kinds = await t.db
      .select({ kind: notifications.kind, org: notifications.organisationId })
      .from(notifications)
      .where(and(eq(notifications.referralId, id), eq(notifications.kind, "referral_message")));
    expect(kinds.map((k) => k.org).sort()).toEqual([s.receiver.id, s.sender.id].sort());
    for (const agent of [s.counsellor, s.receiverCounsellor]) {
      const events = (await agent.request("GET", `/api/referrals/${id}/events`)).json();
      expect(events.items.map((e: { toState: string }) => e.toState)).toEqual(["sent"]);
    }
  });
});

describe("consent withdrawal", () => {
  it("withdraws open referrals at once and leaves the receiver only the fact of the referral", async () => {
    const s = await referralScene(t);
    const consentId = await giveReferralConsent(s);
    const id = (await send(s)).json().id;
    await s.receiverCounsellor.request("POST", `/api/referrals/${id}/messages`, {
      body: { body: "Termin am 3.?" },
    });
    const res = await s.counsellor.request("POST", `/api/consents/${consentId}/withdraw`);
    expect(res.statusCode, res.body).toBe(200);

    const seen = await s.receiverCounsellor.request("GET", `/api/referrals/${id}`);
    expect(seen.statusCode).toBe(200);
    expect(seen.json()).toMatchObject({ state: "withdrawn", snapshot: null, note: null, nextStates: [] });
    expect(seen.body).not.toContain("Amina");
    const thread = (await s.receiverCounsellor.request("GET", `/api/referrals/${id}/messages`)).json();
    expect(thread.items).toEqual([]);
    expect(await t.db.select().from(referralMessages).where(eq(referralMessages.referralId, id))).toEqual([]);
    expect((await s.receiverCounsellor.request("GET", `/api/cases/${s.caseRecord.id}`)).statusCode).toBe(404);
    const posted = await s.receiverCounsellor.request("POST", `/api/referrals/${id}/messages`, {
      body: { body: "Noch da?" },
    });
    expect(posted.statusCode).toBe(409);
    expect((await eventsOf(id)).at(-1)).toMatchObject({
      toState: "withdrawn",
      actorRole: "system",
      reason: "consent_withdrawn",
    });
    const [told] = await t.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.referralId, id), eq(notifications.kind, "referral_withdrawn")));
    expect(told?.organisationId).toBe(s.receiver.id);
    const [row] = await t.db.select().from(referrals).where(eq(referrals.id, id));
    expect(row?.snapshot).toBeNull();
    // Without the consent a new referral is refused again.
    expect((await send(s)).json().code).toBe("referral.consent_missing");
  });

  it("also takes the shared data back from a referral already completed", async () => {
    const s = await referralScene(t);
    const consentId = await giveReferralConsent(s);
    const id = (await send(s)).json().id;
    await move(s.receiverCounsellor, id, { to: "accepted" });
    await move(s.receiverCounsellor, id, { to: "completed", outcome: "successful" });
    expect(
      (await s.receiverCounsellor.request("GET", `/api/referrals/${id}`)).json().snapshot,
    ).not.toBeNull();
    await s.counsellor.request("POST", `/api/consents/${consentId}/withdraw`);
    const seen = (await s.receiverCounsellor.request("GET", `/api/referrals/${id}`)).json();
    expect(seen).toMatchObject({ state: "completed", outcome: "successful", snapshot: null, note: null });
  });
});

describe("data-subject rights", () => {
  it("puts referrals into the Art. 15 export and erases them with the client; the event log stays", async () => {
    const s = await referralScene(t);
    const id = await sentReferral(s);
    const exported = await s.counsellor.request("GET", `/api/clients/${s.client.id}/export`);
    expect(exported.statusCode).toBe(200);
    expect(exported.json().records.referrals.map((r: { id: string }) => r.id)).toEqual([id]);
    expect(exported.json().records.notifications.length).toBeGreaterThan(0);
    expect((await s.counsellor.request("DELETE", `/api/clients/${s.client.id}`)).statusCode).toBe(204);
    expect(await t.db.select().from(referrals).where(eq(referrals.id, id))).toEqual([]);
    expect(await t.db.select().from(notifications).where(eq(notifications.referralId, id))).toEqual([]);
    expect(await eventsOf(id)).toHaveLength(1);
    expect((await s.receiverCounsellor.request("GET", `/api/referrals/${id}`)).statusCode).toBe(404);
  });
});
