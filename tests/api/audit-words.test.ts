import { describe, expect, it } from "vitest";
import type { AuditEntry } from "../../src/shared/contracts/audit.ts";
import { createTestApp } from "../helpers/app.ts";
import { buildCase, buildClient } from "../helpers/case-factories.ts";
import { buildCoordinator, buildOrganisation, buildUser } from "../helpers/factories.ts";
import { buildOffer } from "../helpers/hsds.ts";

const t = await createTestApp();

async function entries(email: string, query: Record<string, string> = {}): Promise<AuditEntry[]> {
  const res = await (await t.loginAs(email)).request("GET", "/api/audit", {
    query: { limit: "200", ...query },
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items;
}

/** A counselling service with an admin and a counsellor, and a company that receives referrals. */
async function scene() {
  const org = await buildOrganisation(t.db, { name: "Beratungsstelle Elbaue" });
  const admin = await buildUser(t.db, { organisationId: org.id, role: "org_admin", name: "Anke Admin" });
  const counsellor = await buildUser(t.db, {
    organisationId: org.id,
    role: "counsellor",
    name: "Bernd Berater",
  });
  const company = await buildOrganisation(t.db, { name: "Maschinenbau Börde GmbH", type: "company" });
  const { offer } = await buildOffer(t.db, company.id, { name: "Einarbeitung Schweißtechnik" });
  const client = await buildClient(t.db, { organisationId: org.id, name: "Samira Quellwasser" });
  const record = await buildCase(t.db, {
    organisationId: org.id,
    clientId: client.id,
    assigneeUserId: counsellor.id,
  });
  return { org, admin, counsellor, company, offer, client, record, agent: await t.loginAs(counsellor.email) };
}

describe("the audit log in words", () => {
  it("names who acted, for which organisation, and the record by its name", async () => {
    const s = await scene();
    const member = await buildUser(t.db, {
      organisationId: s.org.id,
      role: "volunteer",
      name: "Vera Ehrenamt",
    });
    const admin = await t.loginAs(s.admin.email);
    await admin.request("PATCH", `/api/organisations/${s.org.id}/members/${member.membership.id}`, {
      body: { role: "counsellor" },
    });
    const [update] = await entries(s.admin.email, { action: "member.update" });
    expect(update).toMatchObject({
      actorName: "Anke Admin",
      actorOrganisationName: "Beratungsstelle Elbaue",
      organisationName: "Beratungsstelle Elbaue",
      record: { label: "Vera Ehrenamt", organisation: null, title: null },
      reason: null,
      details: { fields: ["role"] },
    });
  });

  it("names a case by its reference, never the client, for a reader who may not see the case", async () => {
    const s = await scene();
    await s.agent.request("GET", `/api/cases/${s.record.id}`);
    const res = await (await t.loginAs(s.admin.email)).request("GET", "/api/audit", {
      query: { action: "case.read" },
    });
    const [read] = res.json().items as AuditEntry[];
    expect(read).toMatchObject({ actorName: "Bernd Berater", record: { label: s.record.pseudonym } });
    expect(res.body).not.toContain("Quellwasser");
  });

  it("gives the referral's offer and receiver, and the reason recorded for sending without consent", async () => {
    const s = await scene();
    const reason = "Die Person hat mündlich zugestimmt, die Unterschrift folgt am Montag.";
    const sent = await s.agent.request("POST", `/api/cases/${s.record.id}/referrals`, {
      body: { offerId: s.offer.id, items: ["name"], consentOverrideReason: reason },
    });
    expect(sent.statusCode, sent.body).toBe(201);
    const log = await entries(s.admin.email, { action: "referral." });
    const override = log.find((e) => e.action === "referral.consent_override");
    expect(override).toMatchObject({
      actorName: "Bernd Berater",
      record: {
        label: s.record.pseudonym,
        organisation: "Maschinenbau Börde GmbH",
        title: "Einarbeitung Schweißtechnik",
      },
      reason,
    });
    // Only the override carries the reason; the referral itself reads without it.
    expect(log.find((e) => e.action === "referral.create")?.reason).toBeNull();
  });

  it("keeps the name of an erased person out and reads the pseudonym the erasure left", async () => {
    const s = await scene();
    const erased = await s.agent.request("DELETE", `/api/clients/${s.client.id}`);
    expect(erased.statusCode, erased.body).toBe(204);
    const [entry] = await entries(s.admin.email, { action: "client.erase" });
    expect(entry?.record.label).toBe(s.client.pseudonym);
  });
});

describe("who reads which entries", () => {
  it("shows an admin only the own organisation's entries", async () => {
    const mine = await scene();
    const theirs = await scene();
    await theirs.agent.request("GET", `/api/cases/${theirs.record.id}`);
    const log = await entries(mine.admin.email);
    expect(log.every((e) => e.organisationId === mine.org.id)).toBe(true);
  });

  it("shows the coordination the network's entries but not other organisations' counselling records", async () => {
    const s = await scene();
    const { coordinator } = await buildCoordinator(t.db);
    await s.agent.request("GET", `/api/cases/${s.record.id}`);
    const admin = await t.loginAs(s.admin.email);
    await admin.request("PATCH", `/api/organisations/${s.org.id}`, { body: { city: "Schönebeck (Elbe)" } });
    const log = await entries(coordinator.email, { organisationId: s.org.id });
    const actions = log.map((e) => e.action);
    expect(actions).toContain("organisation.update");
    expect(actions).toContain("auth.login");
    expect(actions.filter((a) => /^(case|client|consent|referral|recognition)/.test(a))).toEqual([]);
    const [update] = log.filter((e) => e.action === "organisation.update");
    expect(update?.record.label).toBe("Beratungsstelle Elbaue");
  });
});

describe("many entries", () => {
  it("resolves the names of a full page of mixed records in one answer", async () => {
    const s = await scene();
    const other = await buildOrganisation(t.db);
    for (let i = 0; i < 20; i++) {
      const { offer } = await buildOffer(t.db, s.org.id, { name: `Angebot ${i}` });
      await (await t.loginAs(s.admin.email)).request("PATCH", `/api/offers/${offer.id}`, {
        body: { description: `Neu ${i}` },
      });
      await s.agent.request("GET", `/api/cases/${s.record.id}`);
    }
    const log = await entries(s.admin.email, { limit: "50" });
    expect(log).toHaveLength(50);
    expect(log.filter((e) => e.action === "offer.update").length).toBeGreaterThan(10);
    for (const e of log) {
      if (e.action === "offer.update") expect(e.record.label).toMatch(/^Angebot \d+$/);
      if (e.action === "case.read") expect(e.record.label).toBe(s.record.pseudonym);
    }
    expect(log.some((e) => e.organisationId === other.id)).toBe(false);
  });
});
