import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { mailTokens, memberships, sessions, users } from "../../src/server/db/schema.ts";
import { createTestApp } from "../helpers/app.ts";
import {
  addMembership,
  buildCoordinator,
  buildOrganisation,
  buildOrganisationWithAdmin,
  buildUser,
  DEFAULT_PASSWORD,
} from "../helpers/factories.ts";
import { mailsTo, tokenFromLink } from "../helpers/mail.ts";

const t = await createTestApp();

const fieldsOf = (body: { errors?: { field: string }[] }) => (body.errors ?? []).map((e) => e.field);

async function membershipOf(id: string) {
  const [row] = await t.db.select().from(memberships).where(eq(memberships.id, id));
  return row;
}

/** Invites an address as the organisation's admin and returns the token from the held mail. */
async function invite(orgId: string, adminEmail: string, email: string, role = "counsellor") {
  const agent = await t.loginAs(adminEmail);
  const res = await agent.request("POST", `/api/organisations/${orgId}/invitations`, {
    body: { email, role },
  });
  expect(res.statusCode).toBe(201);
  const [mail] = await mailsTo(t.db, email);
  if (!mail) throw new Error("no invitation mail");
  return { agent, invitation: res.json(), mail, token: tokenFromLink(mail.bodyText, "/invitation") };
}

const accept = (body: Record<string, unknown>) =>
  t.app.inject({ method: "POST", url: "/api/auth/invitations/accept", payload: body });

describe("member list", () => {
  it("lists the organisation's members a page at a time with the total", async () => {
    const { org, admin } = await buildOrganisationWithAdmin(t.db);
    for (let i = 0; i < 3; i++) await buildUser(t.db, { organisationId: org.id, role: "counsellor" });
    const agent = await t.loginAs(admin.email);
    const first = await agent.request("GET", `/api/organisations/${org.id}/members`, {
      query: { limit: "2" },
    });
    expect(first.statusCode).toBe(200);
    expect(first.json().total).toBe(4);
    expect(first.json().items).toHaveLength(2);
    const rest = await agent.request("GET", `/api/organisations/${org.id}/members`, {
      query: { limit: "2", offset: "2" },
    });
    expect(rest.json().items).toHaveLength(2);
    const ids = [...first.json().items, ...rest.json().items].map(
      (m: { membershipId: string }) => m.membershipId,
    );
    expect(new Set(ids).size).toBe(4);
  });

  it("finds members by part of their name or e-mail address", async () => {
    const { org, admin } = await buildOrganisationWithAdmin(t.db);
    const amira = await buildUser(t.db, { organisationId: org.id, role: "counsellor", name: "Amira Haddad" });
    await buildUser(t.db, {
      organisationId: org.id,
      role: "counsellor",
      email: `jonas.weber-${org.id}@test.example`,
    });
    const agent = await t.loginAs(admin.email);
    const byName = await agent.request("GET", `/api/organisations/${org.id}/members`, {
      query: { q: "hadd" },
    });
    expect(byName.json().total).toBe(1);
    expect(byName.json().items[0].userId).toBe(amira.id);
    const byEmail = await agent.request("GET", `/api/organisations/${org.id}/members`, {
      query: { q: "JONAS.WEBER" },
    });
    expect(byEmail.json().total).toBe(1);
  });

  it("matches % and _ in the search literally", async () => {
    const { org, admin } = await buildOrganisationWithAdmin(t.db);
    const agent = await t.loginAs(admin.email);
    for (const q of ["%", "_"]) {
      const res = await agent.request("GET", `/api/organisations/${org.id}/members`, { query: { q } });
      expect(res.json()).toMatchObject({ items: [], total: 0 });
    }
  });

  it("filters by role and by status", async () => {
    const { org, admin } = await buildOrganisationWithAdmin(t.db);
    const trainer = await buildUser(t.db, { organisationId: org.id, role: "trainer" });
    const gone = await buildUser(t.db, { organisationId: org.id, role: "trainer" });
    await t.db
      .update(memberships)
      .set({ status: "deactivated" })
      .where(eq(memberships.id, gone.membership.id));
    const agent = await t.loginAs(admin.email);
    const url = `/api/organisations/${org.id}/members`;
    const trainers = await agent.request("GET", url, { query: { role: "trainer" } });
    expect(trainers.json().total).toBe(2);
    const active = await agent.request("GET", url, { query: { role: "trainer", status: "active" } });
    expect(active.json().total).toBe(1);
    expect(active.json().items[0].membershipId).toBe(trainer.membership.id);
    const deactivated = await agent.request("GET", url, { query: { status: "deactivated" } });
    expect(deactivated.json().items.map((m: { membershipId: string }) => m.membershipId)).toEqual([
      gone.membership.id,
    ]);
  });

  it("rejects an unknown role filter with 400 naming the field", async () => {
    const { org, admin } = await buildOrganisationWithAdmin(t.db);
    const agent = await t.loginAs(admin.email);
    const res = await agent.request("GET", `/api/organisations/${org.id}/members`, {
      query: { role: "king" },
    });
    expect(res.statusCode).toBe(400);
    expect(fieldsOf(res.json())).toEqual(["query.role"]);
  });
});

describe("invitations", () => {
  it("holds the invitation mail in the outbox with a link to the invitation page", async () => {
    const { org, admin } = await buildOrganisationWithAdmin(t.db);
    const email = `new-${org.id}@test.example`;
    const { invitation, mail, token } = await invite(org.id, admin.email, email, "volunteer");
    expect(invitation).toMatchObject({ email, role: "volunteer", usedAt: null });
    expect(mail).toMatchObject({ status: "held", template: "invitation", organisationId: org.id });
    expect(mail.subject).toContain(org.name);
    expect(token.length).toBeGreaterThanOrEqual(40);
    // Only the hash of the token is stored.
    const [row] = await t.db.select().from(mailTokens).where(eq(mailTokens.id, invitation.id));
    expect(row?.tokenHash).not.toBe(token);
  });

  it("describes an invitation to whoever holds the link", async () => {
    const { org, admin } = await buildOrganisationWithAdmin(t.db);
    const email = `new-${org.id}@test.example`;
    const { token } = await invite(org.id, admin.email, email, "trainer");
    const res = await t.app.inject({ method: "GET", url: `/api/auth/invitations/${token}` });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      email,
      organisationName: org.name,
      role: "trainer",
      existingAccount: false,
      organisationId: org.id,
      ssoRequired: false,
    });
  });

  it("creates the account, logs the new person in with the invited role, and uses the token once", async () => {
    const { org, admin } = await buildOrganisationWithAdmin(t.db);
    const email = `new-${org.id}@test.example`;
    const { token } = await invite(org.id, admin.email, email, "trainer");
    const res = await accept({ token, name: "Leyla Demir", password: "a long new password" });
    expect(res.statusCode).toBe(200);
    expect(res.json().user).toMatchObject({ email, name: "Leyla Demir" });
    expect(res.json().active).toMatchObject({ organisationId: org.id, role: "trainer" });
    const cookie = res.cookies.find((c) => c.name === "lotse_session");
    expect(cookie?.httpOnly).toBe(true);
    const session = await t.app.inject({
      method: "GET",
      url: "/api/session",
      headers: { cookie: `lotse_session=${cookie?.value}` },
    });
    expect(session.statusCode).toBe(200);
    expect(session.json().active.role).toBe("trainer");
    // The new password works for a normal login.
    expect((await t.loginAs(email, "a long new password")).session.active.organisationId).toBe(org.id);

    const again = await accept({ token, name: "Someone Else", password: "another long password" });
    expect(again.statusCode).toBe(400);
    expect(again.json().code).toBe("auth.invalid_token");
    expect((await t.app.inject({ method: "GET", url: `/api/auth/invitations/${token}` })).statusCode).toBe(
      400,
    );
    expect(await t.db.select().from(users).where(eq(users.email, email))).toHaveLength(1);
  });

  it("requires a name and a long enough password for a new account, and creates nothing otherwise", async () => {
    const { org, admin } = await buildOrganisationWithAdmin(t.db);
    const email = `new-${org.id}@test.example`;
    const { token } = await invite(org.id, admin.email, email);
    const noName = await accept({ token, password: "a long new password" });
    expect(noName.statusCode).toBe(422);
    expect(fieldsOf(noName.json())).toEqual(["body.name"]);
    const short = await accept({ token, name: "Leyla Demir", password: "short" });
    expect(short.statusCode).toBe(422);
    expect(fieldsOf(short.json())).toEqual(["body.password"]);
    expect(await t.db.select().from(users).where(eq(users.email, email))).toHaveLength(0);
    // The token is still good after the failed attempts.
    expect((await accept({ token, name: "Leyla Demir", password: "a long new password" })).statusCode).toBe(
      200,
    );
  });

  it("asks an existing account for its own password before it joins", async () => {
    const { org, admin } = await buildOrganisationWithAdmin(t.db);
    const other = await buildOrganisation(t.db);
    const person = await buildUser(t.db, { organisationId: other.id, role: "counsellor" });
    const { token } = await invite(org.id, admin.email, person.email.toUpperCase(), "volunteer");
    const info = await t.app.inject({ method: "GET", url: `/api/auth/invitations/${token}` });
    expect(info.json().existingAccount).toBe(true);

    const wrong = await accept({ token, password: "not the password" });
    expect(wrong.statusCode).toBe(422);
    expect(fieldsOf(wrong.json())).toEqual(["body.password"]);
    expect(await t.db.select().from(memberships).where(eq(memberships.userId, person.id))).toHaveLength(1);

    const right = await accept({ token, name: "Ignored Name", password: DEFAULT_PASSWORD });
    expect(right.statusCode).toBe(200);
    expect(right.json().active).toMatchObject({ organisationId: org.id, role: "volunteer" });
    expect(right.json().memberships).toHaveLength(2);
    const [row] = await t.db.select().from(users).where(eq(users.id, person.id));
    expect(row?.name).toBe(person.name);
  });

  it("refuses to invite someone who is already an active member", async () => {
    const { org, admin } = await buildOrganisationWithAdmin(t.db);
    const member = await buildUser(t.db, { organisationId: org.id, role: "counsellor" });
    const agent = await t.loginAs(admin.email);
    const res = await agent.request("POST", `/api/organisations/${org.id}/invitations`, {
      body: { email: member.email.toUpperCase(), role: "trainer" },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe("member.email_taken");
    expect(fieldsOf(res.json())).toEqual(["body.email"]);
    expect(await mailsTo(t.db, member.email)).toHaveLength(0);
  });

  it("invites a deactivated member back and reactivates them on acceptance", async () => {
    const { org, admin } = await buildOrganisationWithAdmin(t.db);
    const member = await buildUser(t.db, { organisationId: org.id, role: "counsellor" });
    await t.db
      .update(memberships)
      .set({ status: "deactivated" })
      .where(eq(memberships.id, member.membership.id));
    const { token } = await invite(org.id, admin.email, member.email, "trainer");
    expect((await accept({ token, password: DEFAULT_PASSWORD })).statusCode).toBe(200);
    expect(await membershipOf(member.membership.id)).toMatchObject({ status: "active", role: "trainer" });
  });

  it("does not let an organisation admin give the network coordinator role", async () => {
    const { org, admin } = await buildOrganisationWithAdmin(t.db);
    const agent = await t.loginAs(admin.email);
    const email = `coord-${org.id}@test.example`;
    const res = await agent.request("POST", `/api/organisations/${org.id}/invitations`, {
      body: { email, role: "network_coordinator" },
    });
    expect(res.statusCode).toBe(422);
    expect(fieldsOf(res.json())).toEqual(["body.role"]);
    expect(await t.db.select().from(mailTokens).where(eq(mailTokens.email, email))).toHaveLength(0);
    expect(await mailsTo(t.db, email)).toHaveLength(0);
  });

  it("lists open invitations and forgets a revoked one", async () => {
    const { org, admin } = await buildOrganisationWithAdmin(t.db);
    const email = `new-${org.id}@test.example`;
    const { agent, invitation, token } = await invite(org.id, admin.email, email);
    const listed = await agent.request("GET", `/api/organisations/${org.id}/invitations`);
    expect(listed.json().items.map((i: { id: string }) => i.id)).toEqual([invitation.id]);

    const revoked = await agent.request(
      "DELETE",
      `/api/organisations/${org.id}/invitations/${invitation.id}`,
    );
    expect(revoked.statusCode).toBe(204);
    expect((await agent.request("GET", `/api/organisations/${org.id}/invitations`)).json().items).toEqual([]);
    const described = await t.app.inject({ method: "GET", url: `/api/auth/invitations/${token}` });
    expect(described.statusCode).toBe(400);
    expect(described.json().code).toBe("auth.invalid_token");
    expect((await accept({ token, name: "Too Late", password: "a long new password" })).statusCode).toBe(400);
    expect(
      (await agent.request("DELETE", `/api/organisations/${org.id}/invitations/${invitation.id}`)).statusCode,
    ).toBe(404);
  });

  it("rejects a malformed invitation with 400 naming the fields and stores nothing", async () => {
    const { org, admin } = await buildOrganisationWithAdmin(t.db);
    const agent = await t.loginAs(admin.email);
    const res = await agent.request("POST", `/api/organisations/${org.id}/invitations`, {
      body: { email: "not-an-address", role: "boss" },
    });
    expect(res.statusCode).toBe(400);
    expect(fieldsOf(res.json()).sort()).toEqual(["body.email", "body.role"]);
    expect(await t.db.select().from(mailTokens).where(eq(mailTokens.organisationId, org.id))).toHaveLength(0);
  });
});

describe("member changes", () => {
  it("changes a member's role", async () => {
    const { org, admin } = await buildOrganisationWithAdmin(t.db);
    const member = await buildUser(t.db, { organisationId: org.id, role: "volunteer" });
    const agent = await t.loginAs(admin.email);
    const res = await agent.request("PATCH", `/api/organisations/${org.id}/members/${member.membership.id}`, {
      body: { role: "counsellor" },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      membershipId: member.membership.id,
      role: "counsellor",
      abilities: { update: true },
    });
    expect((await membershipOf(member.membership.id))?.role).toBe("counsellor");
  });

  it("does not let an organisation admin give or take the network coordinator role", async () => {
    const { org, admin } = await buildOrganisationWithAdmin(t.db);
    const member = await buildUser(t.db, { organisationId: org.id, role: "counsellor" });
    const coordinator = await buildUser(t.db, { organisationId: org.id, role: "network_coordinator" });
    const agent = await t.loginAs(admin.email);
    const give = await agent.request(
      "PATCH",
      `/api/organisations/${org.id}/members/${member.membership.id}`,
      {
        body: { role: "network_coordinator" },
      },
    );
    expect(give.statusCode).toBe(422);
    expect(give.json().code).toBe("member.coordinator_role");
    expect(fieldsOf(give.json())).toEqual(["body.role"]);
    const take = await agent.request(
      "PATCH",
      `/api/organisations/${org.id}/members/${coordinator.membership.id}`,
      {
        body: { role: "counsellor" },
      },
    );
    expect(take.statusCode).toBe(422);
    expect((await membershipOf(member.membership.id))?.role).toBe("counsellor");
    expect((await membershipOf(coordinator.membership.id))?.role).toBe("network_coordinator");
  });

  it("does not let an admin change their own role or status", async () => {
    const { org, admin } = await buildOrganisationWithAdmin(t.db);
    await buildUser(t.db, { organisationId: org.id, role: "org_admin" });
    const agent = await t.loginAs(admin.email);
    for (const body of [{ role: "counsellor" }, { status: "deactivated" }]) {
      const res = await agent.request(
        "PATCH",
        `/api/organisations/${org.id}/members/${admin.membership.id}`,
        { body },
      );
      expect(res.statusCode).toBe(422);
      expect(res.json().code).toBe("member.self");
    }
    expect(await membershipOf(admin.membership.id)).toMatchObject({ role: "org_admin", status: "active" });
  });

  it("keeps the last active admin of an organisation", async () => {
    const { org, admin } = await buildOrganisationWithAdmin(t.db);
    const { coordinator } = await buildCoordinator(t.db);
    const agent = await t.loginAs(coordinator.email);
    const url = `/api/organisations/${org.id}/members/${admin.membership.id}`;
    const demote = await agent.request("PATCH", url, { body: { role: "counsellor" } });
    expect(demote.statusCode).toBe(422);
    expect(demote.json().code).toBe("member.last_admin");
    expect(fieldsOf(demote.json())).toEqual(["body.role"]);
    const deactivate = await agent.request("PATCH", url, { body: { status: "deactivated" } });
    expect(deactivate.statusCode).toBe(422);
    expect(fieldsOf(deactivate.json())).toEqual(["body.status"]);
    expect(await membershipOf(admin.membership.id)).toMatchObject({ role: "org_admin", status: "active" });
  });

  it("does not count a deactivated admin as the other admin", async () => {
    const { org, admin } = await buildOrganisationWithAdmin(t.db);
    const former = await buildUser(t.db, { organisationId: org.id, role: "org_admin" });
    await t.db
      .update(memberships)
      .set({ status: "deactivated" })
      .where(eq(memberships.id, former.membership.id));
    const { coordinator } = await buildCoordinator(t.db);
    const agent = await t.loginAs(coordinator.email);
    const res = await agent.request("PATCH", `/api/organisations/${org.id}/members/${admin.membership.id}`, {
      body: { role: "counsellor" },
    });
    expect(res.statusCode).toBe(422);
  });

  it("demotes or deactivates an admin when another active admin remains", async () => {
    const { org, admin } = await buildOrganisationWithAdmin(t.db);
    const second = await buildUser(t.db, { organisationId: org.id, role: "org_admin" });
    const third = await buildUser(t.db, { organisationId: org.id, role: "org_admin" });
    const agent = await t.loginAs(admin.email);
    const demote = await agent.request(
      "PATCH",
      `/api/organisations/${org.id}/members/${second.membership.id}`,
      {
        body: { role: "counsellor" },
      },
    );
    expect(demote.statusCode).toBe(200);
    const deactivate = await agent.request(
      "PATCH",
      `/api/organisations/${org.id}/members/${third.membership.id}`,
      {
        body: { status: "deactivated" },
      },
    );
    expect(deactivate.statusCode).toBe(200);
    expect(await membershipOf(second.membership.id)).toMatchObject({ role: "counsellor", status: "active" });
    expect(await membershipOf(third.membership.id)).toMatchObject({
      role: "org_admin",
      status: "deactivated",
    });
  });

  it("ends a deactivated member's sessions at once, and their only membership no longer logs them in", async () => {
    const { org, admin } = await buildOrganisationWithAdmin(t.db);
    const member = await buildUser(t.db, { organisationId: org.id, role: "counsellor" });
    const memberAgent = await t.loginAs(member.email);
    expect((await memberAgent.request("GET", "/api/session")).statusCode).toBe(200);
    const agent = await t.loginAs(admin.email);
    const res = await agent.request("PATCH", `/api/organisations/${org.id}/members/${member.membership.id}`, {
      body: { status: "deactivated" },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().status).toBe("deactivated");
    expect((await memberAgent.request("GET", "/api/session")).statusCode).toBe(401);
    expect(await t.db.select().from(sessions).where(eq(sessions.userId, member.id))).toHaveLength(0);
    const login = await t.app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { email: member.email, password: DEFAULT_PASSWORD },
    });
    expect(login.statusCode).toBe(401);
  });

  it("keeps a deactivated member's sessions for their other organisations", async () => {
    const { org, admin } = await buildOrganisationWithAdmin(t.db);
    const other = await buildOrganisation(t.db);
    const member = await buildUser(t.db, { organisationId: org.id, role: "counsellor" });
    await addMembership(t.db, { userId: member.id, organisationId: other.id, role: "trainer" });
    const here = await t.loginAs(member.email);
    const there = await t.loginAs(member.email);
    expect(
      (await there.request("PUT", "/api/session/organisation", { body: { organisationId: other.id } }))
        .statusCode,
    ).toBe(200);
    const agent = await t.loginAs(admin.email);
    await agent.request("PATCH", `/api/organisations/${org.id}/members/${member.membership.id}`, {
      body: { status: "deactivated" },
    });
    expect((await here.request("GET", "/api/session")).statusCode).toBe(401);
    const still = await there.request("GET", "/api/session");
    expect(still.statusCode).toBe(200);
    expect(still.json().memberships.map((m: { organisationId: string }) => m.organisationId)).toEqual([
      other.id,
    ]);
    // A fresh login now acts for the remaining organisation.
    expect((await t.loginAs(member.email)).session.active).toMatchObject({
      organisationId: other.id,
      role: "trainer",
    });
  });

  it("ends a member's sessions in the organisation when their role changes", async () => {
    const { org, admin } = await buildOrganisationWithAdmin(t.db);
    const member = await buildUser(t.db, { organisationId: org.id, role: "counsellor" });
    const memberAgent = await t.loginAs(member.email);
    const agent = await t.loginAs(admin.email);
    await agent.request("PATCH", `/api/organisations/${org.id}/members/${member.membership.id}`, {
      body: { role: "volunteer" },
    });
    expect((await memberAgent.request("GET", "/api/session")).statusCode).toBe(401);
    expect((await t.loginAs(member.email)).session.active.role).toBe("volunteer");
  });

  it("rejects a bad change with 400 naming the field and changes nothing", async () => {
    const { org, admin } = await buildOrganisationWithAdmin(t.db);
    const member = await buildUser(t.db, { organisationId: org.id, role: "counsellor" });
    const agent = await t.loginAs(admin.email);
    const url = `/api/organisations/${org.id}/members/${member.membership.id}`;
    const cases: [unknown, string[]][] = [
      [{ role: "king" }, ["body.role"]],
      [{ status: "gone", role: "volunteer" }, ["body.status"]],
      [{ userId: admin.id }, ["body"]],
      [{}, ["body"]],
    ];
    for (const [body, fields] of cases) {
      const res = await agent.request("PATCH", url, { body });
      expect(res.statusCode).toBe(400);
      expect(fieldsOf(res.json())).toEqual(fields);
    }
    const bad = await agent.request("GET", `/api/organisations/${org.id}/members/not-a-uuid`);
    expect(bad.statusCode).toBe(400);
    expect(fieldsOf(bad.json())).toEqual(["params.membershipId"]);
    expect(await membershipOf(member.membership.id)).toMatchObject({
      role: "counsellor",
      status: "active",
      userId: member.id,
    });
  });

  it("ignores fields it does not know instead of writing them", async () => {
    const { org, admin } = await buildOrganisationWithAdmin(t.db);
    const member = await buildUser(t.db, { organisationId: org.id, role: "counsellor" });
    const other = await buildOrganisation(t.db);
    const agent = await t.loginAs(admin.email);
    const res = await agent.request("PATCH", `/api/organisations/${org.id}/members/${member.membership.id}`, {
      body: { role: "trainer", organisationId: other.id, userId: admin.id },
    });
    expect(res.statusCode).toBe(200);
    const [row] = await t.db
      .select()
      .from(memberships)
      .where(
        and(
          eq(memberships.id, member.membership.id),
          eq(memberships.organisationId, org.id),
          eq(memberships.userId, member.id),
        ),
      );
    expect(row?.role).toBe("trainer");
  });
});

describe("rules of the coordination role", () => {
  it("is given only in the coordination office, even by the coordination", async () => {
    const { coordinator } = await buildCoordinator(t.db);
    const agent = await t.loginAs(coordinator.email);
    const { org } = await buildOrganisationWithAdmin(t.db);
    const member = await buildUser(t.db, { organisationId: org.id, role: "counsellor" });
    const res = await agent.request("PATCH", `/api/organisations/${org.id}/members/${member.membership.id}`, {
      body: { role: "network_coordinator" },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe("member.coordinator_organisation");
    const invite = await agent.request("POST", `/api/organisations/${org.id}/invitations`, {
      body: { email: "coord-elsewhere@test.example", role: "network_coordinator" },
    });
    expect(invite.statusCode).toBe(422);
  });

  it("refuses invitations into an inactive organisation", async () => {
    const { coordinator } = await buildCoordinator(t.db);
    const agent = await t.loginAs(coordinator.email);
    const org = await buildOrganisation(t.db, { status: "inactive" });
    const res = await agent.request("POST", `/api/organisations/${org.id}/invitations`, {
      body: { email: "into-inactive@test.example", role: "counsellor" },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe("organisation.inactive");
  });

  it("keeps the coordination office active", async () => {
    const { coordinator } = await buildCoordinator(t.db);
    const agent = await t.loginAs(coordinator.email);
    const res = await agent.request("PATCH", `/api/organisations/${agent.session.active.organisationId}`, {
      body: { status: "inactive" },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors[0].field).toBe("body.status");
  });
});
