import { and, eq, inArray, type SQL } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../src/server/db/client.ts";
import {
  caseNotes,
  cases,
  clients,
  interfaces,
  offers,
  organisations,
  referrals,
} from "../../src/server/db/schema.ts";
import type { Actor } from "../../src/server/platform/session.ts";
import {
  actsForNetwork,
  assertCoversOrganisation,
  assertSide,
  caseScope,
  clientScope,
  coversOrganisation,
  eitherParty,
  isParty,
  isReceiver,
  mayReadSpecial,
  organisationScope,
  ownOrganisation,
  partyScope,
  receiverScope,
  scopedOrganisation,
  senderScope,
  sidesOf,
  specialScope,
} from "../../src/server/platform/tenancy.ts";
import type { Role } from "../../src/shared/domain.ts";
import { buildCase, buildClient } from "../helpers/case-factories.ts";
import { createTestDatabase } from "../helpers/db.ts";
import { buildCoordinator, buildOrganisation, buildUser } from "../helpers/factories.ts";
import { buildOffer } from "../helpers/hsds.ts";

/**
 * Each scope of platform/tenancy.ts on its own, against a real database: two organisations (A and
 * B) with the same kinds of records, a third (C) that only receives, and the coordination. Every
 * test asks what an actor of A reaches and checks that B's record is not among it.
 */

const { db } = await createTestDatabase();

/** An actor as the session would build it, for a user of an organisation in a role. */
function actorOf(
  user: { id: string; membership: { id: string } },
  organisationId: string,
  role: Role,
): Actor {
  return {
    userId: user.id,
    userName: "Test",
    email: "test@test.example",
    locale: "de",
    membershipId: user.membership.id,
    organisationId,
    organisationName: "Test",
    role,
    sessionId: "session",
    csrfToken: "csrf",
    ssoOrganisationId: null,
  };
}

async function person(organisationId: string, role: Role) {
  return actorOf(await buildUser(db, { organisationId, role }), organisationId, role);
}

/** The ids of rows of a table that a condition lets through, among the given ones. */
async function ids(
  table: typeof cases | typeof clients | typeof offers | typeof referrals | typeof interfaces,
  among: string[],
  condition: SQL | undefined,
) {
  const rows = await (db as Db)
    .select({ id: table.id })
    .from(table)
    .where(and(inArray(table.id, among), condition));
  return rows.map((r) => r.id).sort();
}

async function scene() {
  const a = await buildOrganisation(db);
  const b = await buildOrganisation(db);
  const c = await buildOrganisation(db, { type: "education_provider" });
  const { org: coordination, coordinator: coordinatorUser } = await buildCoordinator(db);
  const volunteerUser = await buildUser(db, { organisationId: a.id, role: "volunteer" });
  const actors = {
    aCounsellor: await person(a.id, "counsellor"),
    aVolunteer: actorOf(volunteerUser, a.id, "volunteer"),
    aAdmin: await person(a.id, "org_admin"),
    aCompany: await person(a.id, "company_contact"),
    bCounsellor: await person(b.id, "counsellor"),
    cCounsellor: await person(c.id, "counsellor"),
    cCompany: await person(c.id, "company_contact"),
    coordinator: actorOf(coordinatorUser, coordination.id, "network_coordinator"),
  };
  const aAssignedClient = await buildClient(db, { organisationId: a.id });
  const aAssigned = await buildCase(db, {
    organisationId: a.id,
    clientId: aAssignedClient.id,
    assigneeUserId: volunteerUser.id,
  });
  const aOther = await buildCase(db, { organisationId: a.id });
  const bCase = await buildCase(db, { organisationId: b.id });
  const notes = await db
    .insert(caseNotes)
    .values([
      { caseId: aAssigned.id, body: "Termin vereinbart", special: false },
      { caseId: aAssigned.id, body: "Gesundheitliche Einschränkung", special: true },
    ])
    .returning();
  const aOffer = (await buildOffer(db, a.id)).offer;
  const bOffer = (await buildOffer(db, b.id)).offer;
  const referral = (caseId: string, from: string, to: string) => ({
    caseId,
    fromOrganisationId: from,
    toOrganisationId: to,
    offerName: "Sprachkurs",
    state: "sent" as const,
  });
  const [aToC, bToC, bToA] = await db
    .insert(referrals)
    .values([
      referral(aAssigned.id, a.id, c.id),
      referral(bCase.id, b.id, c.id),
      // B sends from its own case to A: A receives it and never sends it.
      referral(bCase.id, b.id, a.id),
    ])
    .returning();
  const pair = (from: string, to: string) => ({
    fromOrganisationId: from,
    toOrganisationId: to,
    scope: "external" as const,
    answerWithinDays: 5,
    completeWithinDays: 20,
  });
  const [aWithC, bWithC] = await db
    .insert(interfaces)
    .values([pair(c.id, a.id), pair(b.id, c.id)])
    .returning();
  if (!aToC || !bToC || !bToA || !aWithC || !bWithC) throw new Error("scene incomplete");
  return {
    a,
    b,
    c,
    actors,
    aAssigned,
    aAssignedClient,
    aOther,
    bCase,
    notes,
    aOffer,
    bOffer,
    referrals: { aToC, bToC, bToA },
    interfaces: { aWithC, bWithC },
  };
}

let s: Awaited<ReturnType<typeof scene>>;
beforeAll(async () => {
  s = await scene();
});

describe("the organisation scope", () => {
  it("lets an organisation's people reach their own organisation's rows only", async () => {
    const both = [s.aOffer.id, s.bOffer.id];
    expect(await ids(offers, both, ownOrganisation(s.actors.aAdmin, offers.organisationId))).toEqual([
      s.aOffer.id,
    ]);
    expect(await ids(offers, both, organisationScope(s.actors.aAdmin, offers.organisationId))).toEqual([
      s.aOffer.id,
    ]);
    expect(coversOrganisation(s.actors.aAdmin, s.a.id)).toBe(true);
    expect(coversOrganisation(s.actors.aAdmin, s.b.id)).toBe(false);
  });

  it("answers another organisation with not found", async () => {
    expect(() => assertCoversOrganisation(s.actors.aAdmin, s.b.id)).toThrow(
      expect.objectContaining({ status: 404 }),
    );
    await expect(scopedOrganisation(db, s.actors.aAdmin, s.b.id)).rejects.toMatchObject({ status: 404 });
    expect((await scopedOrganisation(db, s.actors.aAdmin, s.a.id)).id).toBe(s.a.id);
  });
});

describe("the network scope", () => {
  it("lets the coordination administer every organisation's rows", async () => {
    const coordinator = s.actors.coordinator;
    expect(actsForNetwork(coordinator)).toBe(true);
    expect(actsForNetwork(s.actors.aAdmin)).toBe(false);
    expect(organisationScope(coordinator, offers.organisationId)).toBeUndefined();
    expect(coversOrganisation(coordinator, s.b.id)).toBe(true);
    expect((await scopedOrganisation(db, coordinator, s.b.id)).id).toBe(s.b.id);
    const both = [s.aOffer.id, s.bOffer.id];
    expect(await ids(offers, both, organisationScope(coordinator, offers.organisationId))).toEqual(
      both.sort(),
    );
    // Its own organisation's rows stay its own: no offer of A or B is the coordination's.
    expect(await ids(offers, both, ownOrganisation(coordinator, offers.organisationId))).toEqual([]);
  });

  it("still answers 404 for an organisation that does not exist", async () => {
    const unknown = "00000000-0000-4000-8000-000000000000";
    await expect(scopedOrganisation(db, s.actors.coordinator, unknown)).rejects.toMatchObject({
      status: 404,
    });
    const [row] = await db.select().from(organisations).where(eq(organisations.id, unknown));
    expect(row).toBeUndefined();
  });
});

describe("the case and client scope", () => {
  const allCases = () => [s.aAssigned.id, s.aOther.id, s.bCase.id];
  const allClients = () => [s.aAssigned.clientId, s.aOther.clientId, s.bCase.clientId];

  it("lets a counsellor reach every case and client of their organisation, and none of another", async () => {
    const counsellor = s.actors.aCounsellor;
    expect(await ids(cases, allCases(), caseScope(counsellor))).toEqual([s.aAssigned.id, s.aOther.id].sort());
    expect(
      await ids(clients, allClients(), clientScope(counsellor, clients.organisationId, clients.id)),
    ).toEqual([s.aAssigned.clientId, s.aOther.clientId].sort());
  });

  it("lets a volunteer reach only the cases assigned to them and those cases' clients", async () => {
    const volunteer = s.actors.aVolunteer;
    expect(await ids(cases, allCases(), caseScope(volunteer))).toEqual([s.aAssigned.id]);
    expect(
      await ids(clients, allClients(), clientScope(volunteer, clients.organisationId, clients.id)),
    ).toEqual([s.aAssignedClient.id]);
  });

  it("gives no counselling record to roles without counselling, the coordination included", async () => {
    for (const actor of [s.actors.aAdmin, s.actors.aCompany, s.actors.coordinator]) {
      expect(await ids(cases, allCases(), caseScope(actor))).toEqual([]);
      expect(
        await ids(clients, allClients(), clientScope(actor, clients.organisationId, clients.id)),
      ).toEqual([]);
    }
  });

  it("shows special-category notes to counsellors only", async () => {
    const noteIds = s.notes.map((n) => n.id);
    const ordinary = s.notes.filter((n) => !n.special).map((n) => n.id);
    const read = async (actor: Actor) =>
      (
        await db
          .select({ id: caseNotes.id })
          .from(caseNotes)
          .where(and(inArray(caseNotes.id, noteIds), specialScope(actor, caseNotes.special)))
      )
        .map((r) => r.id)
        .sort();
    expect(mayReadSpecial(s.actors.aCounsellor)).toBe(true);
    expect(await read(s.actors.aCounsellor)).toEqual([...noteIds].sort());
    expect(mayReadSpecial(s.actors.aVolunteer)).toBe(false);
    expect(await read(s.actors.aVolunteer)).toEqual(ordinary);
  });
});

describe("the two-party scope", () => {
  const allReferrals = () => Object.values(s.referrals).map((r) => r.id);
  const allInterfaces = () => Object.values(s.interfaces).map((r) => r.id);

  it("lets the sending side reach referrals of its organisation from cases it sees", async () => {
    const scope = (actor: Actor) => senderScope(actor, referrals.fromOrganisationId, referrals.caseId);
    expect(await ids(referrals, allReferrals(), scope(s.actors.aCounsellor))).toEqual([s.referrals.aToC.id]);
    expect(await ids(referrals, allReferrals(), scope(s.actors.aVolunteer))).toEqual([s.referrals.aToC.id]);
    expect(await ids(referrals, allReferrals(), scope(s.actors.bCounsellor))).toEqual(
      [s.referrals.bToC.id, s.referrals.bToA.id].sort(),
    );
    expect(await ids(referrals, allReferrals(), scope(s.actors.aAdmin))).toEqual([]);
  });

  it("lets the receiving side reach referrals addressed to its organisation", async () => {
    const scope = (actor: Actor) => receiverScope(actor, referrals.toOrganisationId);
    expect(await ids(referrals, allReferrals(), scope(s.actors.cCompany))).toEqual(
      [s.referrals.aToC.id, s.referrals.bToC.id].sort(),
    );
    expect(await ids(referrals, allReferrals(), scope(s.actors.aCounsellor))).toEqual([s.referrals.bToA.id]);
    // Volunteers send, but do not answer.
    expect(await ids(referrals, allReferrals(), scope(s.actors.aVolunteer))).toEqual([]);
  });

  it("tells the sides of a referral, and neither to a third organisation", async () => {
    const { aToC, bToC } = s.referrals;
    expect(await sidesOf(db, s.actors.aVolunteer, aToC)).toEqual({ sender: true, receiver: false });
    expect(await sidesOf(db, s.actors.cCounsellor, aToC)).toEqual({ sender: false, receiver: true });
    expect(isReceiver(s.actors.cCounsellor, aToC)).toBe(true);
    const outsider = await sidesOf(db, s.actors.aCounsellor, bToC);
    expect(outsider).toEqual({ sender: false, receiver: false });
    expect(() => assertSide(outsider)).toThrow(expect.objectContaining({ status: 404 }));
  });

  it("lets either party reach a pair's record, and the coordination every pair", async () => {
    const either = (actor: Actor) =>
      eitherParty(actor, interfaces.fromOrganisationId, interfaces.toOrganisationId);
    const party = (actor: Actor) =>
      partyScope(actor, interfaces.fromOrganisationId, interfaces.toOrganisationId);
    expect(await ids(interfaces, allInterfaces(), either(s.actors.aAdmin))).toEqual([s.interfaces.aWithC.id]);
    expect(await ids(interfaces, allInterfaces(), party(s.actors.aAdmin))).toEqual([s.interfaces.aWithC.id]);
    expect(await ids(interfaces, allInterfaces(), either(s.actors.cCounsellor))).toEqual(
      allInterfaces().sort(),
    );
    expect(await ids(interfaces, allInterfaces(), party(s.actors.coordinator))).toEqual(
      allInterfaces().sort(),
    );
    expect(isParty(s.actors.aAdmin, s.interfaces.aWithC)).toBe(true);
    expect(isParty(s.actors.aAdmin, s.interfaces.bWithC)).toBe(false);
  });
});
