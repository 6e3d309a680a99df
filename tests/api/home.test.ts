import { randomBytes } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import {
  auditLog,
  caseNextSteps,
  consents,
  mailTokens,
  offers,
  outbox,
  referrals,
} from "../../src/server/db/schema.ts";
import { berlinDay } from "../../src/server/modules/interfaces/working-days.ts";
import type { Home, HomeSection } from "../../src/shared/contracts/home.ts";
import type { ReferralState } from "../../src/shared/referrals.ts";
import { createTestApp } from "../helpers/app.ts";
import { buildCase, buildClient } from "../helpers/case-factories.ts";
import { buildCoordinator, buildOrganisation, buildUser } from "../helpers/factories.ts";
import { buildOffer } from "../helpers/hsds.ts";

const t = await createTestApp();

/** A calendar day `n` days from today in Germany. */
function day(n: number): string {
  const d = new Date(`${berlinDay()}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

async function homeOf(email: string): Promise<Home> {
  const agent = await t.loginAs(email);
  const res = await agent.request("GET", "/api/home");
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

function section(home: Home, key: HomeSection["key"]): HomeSection {
  const found = home.sections.find((s) => s.key === key);
  if (!found) throw new Error(`no section ${key} in ${home.sections.map((s) => s.key).join(", ")}`);
  return found;
}

/** A referral written straight to the database, in the given state and with the given answer date. */
async function referral(p: {
  caseId: string;
  from: string;
  to: string;
  state?: ReferralState;
  answerDue?: string;
  completeDue?: string;
  sentBy?: string | null;
  offerName?: string;
}) {
  const [row] = await t.db
    .insert(referrals)
    .values({
      caseId: p.caseId,
      fromOrganisationId: p.from,
      toOrganisationId: p.to,
      offerName: p.offerName ?? `Angebot ${randomBytes(3).toString("hex")}`,
      state: p.state ?? "sent",
      sentAt: new Date(),
      sentBy: p.sentBy ?? null,
      answerDue: p.answerDue ?? day(5),
      completeDue: p.completeDue ?? day(30),
    })
    .returning();
  if (!row) throw new Error("no referral");
  return row;
}

/**
 * Two counselling services that refer to each other, each with a counsellor and overdue work; a
 * start page of one must never count the other's.
 */
async function twoServices() {
  const a = await buildOrganisation(t.db, { name: `Beratung A ${randomBytes(3).toString("hex")}` });
  const b = await buildOrganisation(t.db, { name: `Beratung B ${randomBytes(3).toString("hex")}` });
  const me = await buildUser(t.db, { organisationId: a.id, role: "counsellor" });
  const colleague = await buildUser(t.db, { organisationId: a.id, role: "counsellor" });
  const theirs = await buildUser(t.db, { organisationId: b.id, role: "counsellor" });
  const mine = await buildCase(t.db, { organisationId: a.id, assigneeUserId: me.id });
  const colleagues = await buildCase(t.db, { organisationId: a.id, assigneeUserId: colleague.id });
  const other = await buildCase(t.db, { organisationId: b.id, assigneeUserId: theirs.id });
  return { a, b, me, colleague, theirs, mine, colleagues, other };
}

describe("the counsellor's start page", () => {
  it("counts the own deadlines, inbox and overdue sent referrals, never another organisation's", async () => {
    const s = await twoServices();
    await t.db.insert(caseNextSteps).values([
      { caseId: s.mine.id, title: "Zeugnisse übersetzen", dueDate: day(-3) },
      { caseId: s.other.id, title: "Fremder Schritt", dueDate: day(-3) },
      { caseId: s.colleagues.id, title: "Schritt der Kollegin", dueDate: day(-2) },
    ]);
    // Into A: one new, one past its answer date; into B: overdue ones that A must not see.
    await referral({ caseId: s.other.id, from: s.b.id, to: s.a.id, offerName: "Neu bei A" });
    await referral({
      caseId: s.other.id,
      from: s.b.id,
      to: s.a.id,
      answerDue: day(-2),
      offerName: "Spät bei A",
    });
    await referral({ caseId: s.mine.id, from: s.a.id, to: s.b.id, answerDue: day(-4), sentBy: s.me.id });
    await referral({
      caseId: s.colleagues.id,
      from: s.a.id,
      to: s.b.id,
      answerDue: day(-4),
      sentBy: s.colleague.id,
    });
    await referral({ caseId: s.other.id, from: s.b.id, to: s.b.id, answerDue: day(-6), sentBy: s.theirs.id });
    // In time, or closed: not overdue.
    await referral({ caseId: s.mine.id, from: s.a.id, to: s.b.id, answerDue: day(0), sentBy: s.me.id });
    await referral({
      caseId: s.mine.id,
      from: s.a.id,
      to: s.b.id,
      state: "declined",
      answerDue: day(-9),
      sentBy: s.me.id,
    });

    const home = await homeOf(s.me.email);
    expect(home.deadlines?.map((d) => d.title)).toEqual(["Zeugnisse übersetzen"]);
    expect(home.deadlines?.[0]).toMatchObject({ overdue: true, caseId: s.mine.id });

    expect(section(home, "referrals_new")).toMatchObject({ count: 2, to: "/referrals?bucket=new" });
    const late = section(home, "referrals_incoming_overdue");
    expect(late).toMatchObject({ count: 1, tone: "overdue" });
    expect(late.items.map((i) => [i.label, i.organisation, i.overdue])).toEqual([
      ["Spät bei A", s.b.name, true],
    ]);
    // The start page and the inbox tabs count alike.
    const counts = (await (await t.loginAs(s.me.email)).request("GET", "/api/referrals/inbox/counts")).json();
    expect([counts.new, counts.overdue]).toEqual([2, 1]);

    const outgoing = section(home, "referrals_outgoing_overdue");
    expect(outgoing.count).toBe(1);
    expect(outgoing.items).toEqual([
      expect.objectContaining({
        to: expect.stringMatching(/^\/referrals\//),
        organisation: s.b.name,
        overdue: true,
      }),
    ]);
    expect(outgoing.items[0]?.label).toMatch(/^Testperson /);

    // B's counsellor sees the three overdue referrals B received, and none of A's inbox.
    const theirs = await homeOf(s.theirs.email);
    expect(section(theirs, "referrals_incoming_overdue").count).toBe(3);
    expect(section(theirs, "referrals_new").count).toBe(4);
    // Theirs are the overdue ones they sent and those sent on a case assigned to them.
    expect(section(theirs, "referrals_outgoing_overdue").count).toBe(2);
    expect(theirs.deadlines?.map((d) => d.title)).toEqual(["Fremder Schritt"]);
  });

  it("names the own open cases that have no next step planned, with a link to plan one", async () => {
    const s = await twoServices();
    await t.db.insert(caseNextSteps).values({ caseId: s.colleagues.id, title: "Geplant", dueDate: day(3) });
    await buildCase(t.db, {
      organisationId: s.a.id,
      assigneeUserId: s.me.id,
      status: "closed",
      outcome: "other",
    });
    const home = await homeOf(s.me.email);
    const waiting = section(home, "cases_without_step");
    expect(waiting.count).toBe(1);
    expect(waiting.items).toEqual([
      expect.objectContaining({
        id: s.mine.id,
        to: `/cases/${s.mine.id}?tab=steps`,
        casePseudonym: s.mine.pseudonym,
      }),
    ]);
  });

  it("lists the organisation's cases whose special categories lack a consent or legal basis", async () => {
    const s = await twoServices();
    const bare = await buildClient(t.db, { organisationId: s.a.id, healthNote: "Rückenleiden" });
    const based = await buildClient(t.db, {
      organisationId: s.a.id,
      religion: "muslimisch",
      specialPurpose: "Gebetszeiten bei der Terminplanung",
      specialLegalBasis: "art9_2b",
    });
    const consented = await buildClient(t.db, { organisationId: s.a.id, ethnicOrigin: "kurdisch" });
    await t.db.insert(consents).values({
      organisationId: s.a.id,
      clientId: consented.id,
      purpose: "counselling_documentation",
      legalBasis: "art9_2a",
      dataCategories: ["identity", "special_categories"],
      informedLanguage: "de",
      form: "signed",
      givenAt: new Date(),
    });
    const foreign = await buildClient(t.db, { organisationId: s.b.id, healthNote: "Asthma" });
    const flagged = await buildCase(t.db, { organisationId: s.a.id, clientId: bare.id });
    await buildCase(t.db, { organisationId: s.a.id, clientId: based.id });
    await buildCase(t.db, { organisationId: s.a.id, clientId: consented.id });
    await buildCase(t.db, { organisationId: s.b.id, clientId: foreign.id });

    const special = section(await homeOf(s.me.email), "special_data_unbased");
    expect(special.items.map((i) => i.id)).toEqual([flagged.id]);
    expect(special.count).toBe(1);
  });
});

describe("the volunteer's start page", () => {
  it("shows only the cases assigned to them with their next step, and no special categories", async () => {
    const org = await buildOrganisation(t.db);
    const volunteer = await buildUser(t.db, { organisationId: org.id, role: "volunteer" });
    const client = await buildClient(t.db, { organisationId: org.id, healthNote: "Diabetes" });
    const assigned = await buildCase(t.db, {
      organisationId: org.id,
      clientId: client.id,
      assigneeUserId: volunteer.id,
    });
    const notMine = await buildCase(t.db, { organisationId: org.id });
    await t.db.insert(caseNextSteps).values([
      { caseId: assigned.id, title: "Termin im Jobcenter begleiten", dueDate: day(-1) },
      { caseId: notMine.id, title: "Nicht meins", dueDate: day(-1) },
    ]);
    const home = await homeOf(volunteer.email);
    expect(home.sections.map((s) => s.key)).toEqual(["assigned_cases", "referrals_outgoing_overdue"]);
    const cases = section(home, "assigned_cases");
    expect(cases).toMatchObject({ count: 1, overdue: 1 });
    expect(cases.items).toEqual([
      expect.objectContaining({
        id: assigned.id,
        title: "Termin im Jobcenter begleiten",
        date: day(-1),
        overdue: true,
      }),
    ]);
    expect(home.deadlines?.map((d) => d.title)).toEqual(["Termin im Jobcenter begleiten"]);
    expect(JSON.stringify(home)).not.toContain("Diabetes");
  });
});

describe("the company contact's start page", () => {
  it("counts the referrals addressed to the company: new, overdue and in progress", async () => {
    const sender = await buildOrganisation(t.db);
    const company = await buildOrganisation(t.db, { type: "company" });
    const elsewhere = await buildOrganisation(t.db, { type: "company" });
    const contact = await buildUser(t.db, { organisationId: company.id, role: "company_contact" });
    const c = await buildCase(t.db, { organisationId: sender.id });
    await referral({ caseId: c.id, from: sender.id, to: company.id });
    await referral({ caseId: c.id, from: sender.id, to: company.id, answerDue: day(-1) });
    await referral({
      caseId: c.id,
      from: sender.id,
      to: company.id,
      state: "in_progress",
      completeDue: day(10),
    });
    await referral({ caseId: c.id, from: sender.id, to: elsewhere.id, answerDue: day(-5) });
    const home = await homeOf(contact.email);
    expect(home.deadlines).toBeNull();
    expect(home.sections.map((s) => [s.key, s.count])).toEqual([
      ["referrals_new", 2],
      ["referrals_incoming_overdue", 1],
      ["referrals_in_progress", 1],
    ]);
  });
});

describe("the organisation admin's start page", () => {
  it("counts members, open invitations, undelivered mail and stale offers of the own organisation only", async () => {
    const org = await buildOrganisation(t.db);
    const other = await buildOrganisation(t.db);
    const admin = await buildUser(t.db, { organisationId: org.id, role: "org_admin" });
    await buildUser(t.db, { organisationId: org.id, role: "counsellor" });
    const inAWeek = new Date(Date.now() + 7 * 86_400_000);
    await t.db.insert(mailTokens).values([
      {
        kind: "invitation",
        tokenHash: randomBytes(16).toString("hex"),
        email: "neu@test.example",
        organisationId: org.id,
        role: "volunteer",
        expiresAt: inAWeek,
      },
      {
        kind: "invitation",
        tokenHash: randomBytes(16).toString("hex"),
        email: "alt@test.example",
        organisationId: org.id,
        role: "volunteer",
        expiresAt: new Date(Date.now() - 1000),
      },
      {
        kind: "invitation",
        tokenHash: randomBytes(16).toString("hex"),
        email: "fremd@test.example",
        organisationId: other.id,
        role: "volunteer",
        expiresAt: inAWeek,
      },
    ]);
    const mail = {
      subject: "Einladung",
      bodyText: "…",
      template: "invitation" as const,
      status: "failed" as const,
    };
    await t.db.insert(outbox).values([
      { ...mail, organisationId: org.id, toAddress: "tippfehler@test.invalid" },
      { ...mail, organisationId: other.id, toAddress: "fremd@test.invalid" },
      { ...mail, organisationId: org.id, toAddress: "zugestellt@test.example", status: "sent" },
    ]);
    const old = new Date(Date.now() - 400 * 86_400_000);
    const stale = await buildOffer(t.db, org.id, {
      name: "Alte Sprechstunde",
      capacityMaximum: null,
      capacityAvailable: null,
    });
    await t.db.update(offers).set({ updatedAt: old }).where(eq(offers.id, stale.offer.id));
    await buildOffer(t.db, org.id, { name: "Frische Sprechstunde", capacityUpdatedAt: new Date() });

    const home = await homeOf(admin.email);
    expect(home.deadlines).toBeNull();
    expect(section(home, "members").count).toBe(2);
    const invitations = section(home, "invitations_open");
    expect(invitations.items.map((i) => [i.label, i.role])).toEqual([["neu@test.example", "volunteer"]]);
    expect(section(home, "mail_problems").items.map((i) => i.label)).toEqual(["tippfehler@test.invalid"]);
    expect(section(home, "offers_stale").items.map((i) => i.label)).toEqual(["Alte Sprechstunde"]);
    expect(section(home, "offers_stale").items[0]).toMatchObject({ id: stale.offer.id, organisation: null });
    expect(section(home, "capacities_stale").count).toBe(0);
  });
});

describe("the network coordinator's start page", () => {
  it("names the interfaces whose referrals are past the agreed time, and counts the network's open ones", async () => {
    const { coordinator } = await buildCoordinator(t.db);
    const jobcenter = await buildOrganisation(t.db, {
      name: `Jobcenter Spät ${randomBytes(3).toString("hex")}`,
    });
    const school = await buildOrganisation(t.db, { name: `Sprachschule ${randomBytes(3).toString("hex")}` });
    const c = await buildCase(t.db, { organisationId: jobcenter.id });
    const before = section(await homeOf(coordinator.email), "referrals_open");
    for (let i = 0; i < 12; i++)
      await referral({ caseId: c.id, from: jobcenter.id, to: school.id, answerDue: day(-3 - i) });
    await referral({ caseId: c.id, from: jobcenter.id, to: school.id });

    const home = await homeOf(coordinator.email);
    expect(home.deadlines).toBeNull();
    const late = section(home, "interfaces_late");
    expect(late.items[0]).toMatchObject({
      label: jobcenter.name,
      organisation: school.name,
      count: 12,
      date: day(-14),
    });
    const open = section(home, "referrals_open");
    expect(open.count - before.count).toBe(13);
    expect((open.overdue ?? 0) - (before.overdue ?? 0)).toBe(12);
    expect(home.sections.map((s) => s.key)).toEqual([
      "interfaces_late",
      "referrals_open",
      "offers_stale",
      "capacities_stale",
      "mail_problems",
    ]);
  });
});

describe("every role", () => {
  it("gets a start page with real sections, and trainers see their organisation's offers", async () => {
    const org = await buildOrganisation(t.db, { type: "education_provider" });
    const trainer = await buildUser(t.db, { organisationId: org.id, role: "trainer" });
    await buildOffer(t.db, org.id, { name: "Berufssprachkurs B2" });
    const home = await homeOf(trainer.email);
    expect(section(home, "organisation_offers").items.map((i) => i.label)).toEqual(["Berufssprachkurs B2"]);
    expect(section(home, "organisation_interfaces").count).toBe(0);
  });

  it("answers 401 without a session", async () => {
    const res = await t.app.inject({ method: "GET", url: "/api/home" });
    expect(res.statusCode).toBe(401);
  });

  it("audits which cases and referrals the start page named", async () => {
    const s = await twoServices();
    const agent = await t.loginAs(s.me.email);
    const res = await agent.request("GET", "/api/home");
    const [entry] = await t.db
      .select()
      .from(auditLog)
      .where(
        and(eq(auditLog.requestId, String(res.headers["x-request-id"])), eq(auditLog.action, "home.read")),
      );
    expect(entry).toMatchObject({ actorUserId: s.me.id, organisationId: s.a.id });
    expect(entry?.details).toEqual({ cases_without_step: [s.mine.id] });
  });
});
