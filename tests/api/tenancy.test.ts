import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditLog, mailTokens, memberships, organisations, outbox } from "../../src/server/db/schema.ts";
import type { Role } from "../../src/shared/domain.ts";
import { type Agent, createTestApp } from "../helpers/app.ts";
import {
  buildCoordinator,
  buildOrganisationWithAdmin,
  buildUser,
  DEFAULT_PASSWORD,
} from "../helpers/factories.ts";

const t = await createTestApp();

/** Two organisations side by side: A's admin is the one who probes, B's records are the target. */
async function twoOrganisations() {
  const a = await buildOrganisationWithAdmin(t.db);
  const b = await buildOrganisationWithAdmin(t.db);
  const bCounsellor = await buildUser(t.db, { organisationId: b.org.id, role: "counsellor" });
  const bAgent = await t.loginAs(b.admin.email);
  const invitation = await bAgent.request("POST", `/api/organisations/${b.org.id}/invitations`, {
    body: { email: `invited-${b.org.id}@test.example`, role: "volunteer" },
  });
  expect(invitation.statusCode).toBe(201);
  const [bAudit] = await t.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.organisationId, b.org.id), eq(auditLog.action, "invitation.create")));
  if (!bAudit) throw new Error("no audit entry of B");
  const aAgent = await t.loginAs(a.admin.email);
  return {
    a,
    b,
    bCounsellor,
    aAgent,
    bAgent,
    bInvitationId: invitation.json().id as string,
    bAuditId: String(bAudit.id),
  };
}

describe("records of another organisation", () => {
  let s: Awaited<ReturnType<typeof twoOrganisations>>;
  beforeAll(async () => {
    s = await twoOrganisations();
  });

  it("hides a user of another organisation", async () => {
    const own = await buildUser(t.db, { organisationId: s.a.org.id, role: "counsellor" });
    expect((await s.aAgent.request("GET", `/api/users/${own.id}`)).statusCode).toBe(200);
    const res = await s.aAgent.request("GET", `/api/users/${s.bCounsellor.id}`);
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe("not_found");
    expect(res.body).not.toContain(s.bCounsellor.email);
  });

  it("hides another organisation's profile from its admin and its counsellors", async () => {
    expect((await s.aAgent.request("GET", `/api/organisations/${s.a.org.id}`)).statusCode).toBe(200);
    expect((await s.aAgent.request("GET", `/api/organisations/${s.b.org.id}`)).statusCode).toBe(404);
    const counsellor = await buildUser(t.db, { organisationId: s.a.org.id, role: "counsellor" });
    const c = await t.loginAs(counsellor.email);
    const res = await c.request("GET", `/api/organisations/${s.b.org.id}`);
    expect(res.statusCode).toBe(404);
    expect(res.body).not.toContain(s.b.org.name);
  });

  it("answers an edit of another organisation with 404 and leaves it unchanged", async () => {
    const res = await s.aAgent.request("PATCH", `/api/organisations/${s.b.org.id}`, {
      body: { name: "Übernommen" },
    });
    expect(res.statusCode).toBe(404);
    const [row] = await t.db.select().from(organisations).where(eq(organisations.id, s.b.org.id));
    expect(row?.name).toBe(s.b.org.name);
  });

  it("hides a member of another organisation", async () => {
    const url = `/api/organisations/${s.b.org.id}/members/${s.bCounsellor.membership.id}`;
    expect((await s.aAgent.request("GET", url)).statusCode).toBe(404);
    // Naming one's own organisation in the path does not reach B's membership either.
    const ownPath = `/api/organisations/${s.a.org.id}/members/${s.bCounsellor.membership.id}`;
    expect((await s.aAgent.request("GET", ownPath)).statusCode).toBe(404);
  });

  it("answers a change of another organisation's member with 404 and leaves the member unchanged", async () => {
    for (const orgId of [s.b.org.id, s.a.org.id]) {
      const res = await s.aAgent.request(
        "PATCH",
        `/api/organisations/${orgId}/members/${s.bCounsellor.membership.id}`,
        {
          body: { status: "deactivated", role: "org_admin" },
        },
      );
      expect(res.statusCode).toBe(404);
    }
    const [row] = await t.db
      .select()
      .from(memberships)
      .where(eq(memberships.id, s.bCounsellor.membership.id));
    expect(row).toMatchObject({ role: "counsellor", status: "active" });
  });

  it("hides another organisation's member list", async () => {
    const res = await s.aAgent.request("GET", `/api/organisations/${s.b.org.id}/members`);
    expect(res.statusCode).toBe(404);
  });

  it("hides another organisation's invitations", async () => {
    const res = await s.aAgent.request("GET", `/api/organisations/${s.b.org.id}/invitations`);
    expect(res.statusCode).toBe(404);
    expect(res.body).not.toContain("invited-");
  });

  it("refuses to invite into another organisation and sends no mail", async () => {
    const email = `intruder-${s.b.org.id}@test.example`;
    const res = await s.aAgent.request("POST", `/api/organisations/${s.b.org.id}/invitations`, {
      body: { email, role: "org_admin" },
    });
    expect(res.statusCode).toBe(404);
    expect(await t.db.select().from(mailTokens).where(eq(mailTokens.email, email))).toHaveLength(0);
    expect(await t.db.select().from(outbox).where(eq(outbox.toAddress, email))).toHaveLength(0);
  });

  it("refuses to revoke another organisation's invitation", async () => {
    for (const orgId of [s.b.org.id, s.a.org.id]) {
      const res = await s.aAgent.request(
        "DELETE",
        `/api/organisations/${orgId}/invitations/${s.bInvitationId}`,
      );
      expect(res.statusCode).toBe(404);
    }
    expect(await t.db.select().from(mailTokens).where(eq(mailTokens.id, s.bInvitationId))).toHaveLength(1);
  });

  it("hides an audit entry of another organisation", async () => {
    const res = await s.aAgent.request("GET", `/api/audit/${s.bAuditId}`);
    expect(res.statusCode).toBe(404);
    expect((await s.bAgent.request("GET", `/api/audit/${s.bAuditId}`)).statusCode).toBe(200);
  });

  it("answers a request for another organisation's audit log with 404", async () => {
    const res = await s.aAgent.request("GET", "/api/audit", { query: { organisationId: s.b.org.id } });
    expect(res.statusCode).toBe(404);
  });

  it("never lists a member of another organisation, even when searched for", async () => {
    const list = await s.aAgent.request("GET", `/api/organisations/${s.a.org.id}/members`);
    expect(list.statusCode).toBe(200);
    const userIds = list.json().items.map((m: { userId: string }) => m.userId);
    expect(userIds).toContain(s.a.admin.id);
    expect(userIds).not.toContain(s.bCounsellor.id);
    expect(userIds).not.toContain(s.b.admin.id);
    const searched = await s.aAgent.request("GET", `/api/organisations/${s.a.org.id}/members`, {
      query: { q: s.bCounsellor.email },
    });
    expect(searched.json()).toMatchObject({ items: [], total: 0 });
  });

  it("never lists an audit entry of another organisation", async () => {
    const res = await s.aAgent.request("GET", "/api/audit", { query: { limit: "200" } });
    expect(res.statusCode).toBe(200);
    const items: { id: string; organisationId: string | null }[] = res.json().items;
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((e) => e.organisationId === s.a.org.id)).toBe(true);
    expect(items.map((e) => e.id)).not.toContain(s.bAuditId);
    const prefixed = await s.aAgent.request("GET", "/api/audit", { query: { action: "invitation." } });
    expect(prefixed.json()).toMatchObject({ items: [], total: 0 });
  });
});

describe("the network coordinator", () => {
  let s: Awaited<ReturnType<typeof twoOrganisations>>;
  let coordinator: Agent;
  beforeAll(async () => {
    s = await twoOrganisations();
    const c = await buildCoordinator(t.db);
    coordinator = await t.loginAs(c.coordinator.email);
  });

  it("reads any organisation", async () => {
    for (const org of [s.a.org, s.b.org]) {
      const res = await coordinator.request("GET", `/api/organisations/${org.id}`);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({
        id: org.id,
        name: org.name,
        abilities: { update: true, changeStatus: true },
      });
    }
  });

  it("lists every organisation of the network", async () => {
    const res = await coordinator.request("GET", "/api/organisations", { query: { limit: "200" } });
    expect(res.statusCode).toBe(200);
    const ids = res.json().items.map((o: { id: string }) => o.id);
    expect(ids).toEqual(expect.arrayContaining([s.a.org.id, s.b.org.id]));
  });

  it("updates any organisation, including its status", async () => {
    const res = await coordinator.request("PATCH", `/api/organisations/${s.b.org.id}`, {
      body: { name: "Umbenannt durch die Koordination", status: "inactive" },
    });
    expect(res.statusCode).toBe(200);
    const [row] = await t.db.select().from(organisations).where(eq(organisations.id, s.b.org.id));
    expect(row).toMatchObject({ name: "Umbenannt durch die Koordination", status: "inactive" });
  });

  it("takes an organisation it sets inactive out of use at once", async () => {
    const { org, admin } = await buildOrganisationWithAdmin(t.db);
    const member = await t.loginAs(admin.email);
    const res = await coordinator.request("PATCH", `/api/organisations/${org.id}`, {
      body: { status: "inactive" },
    });
    expect(res.statusCode).toBe(200);
    expect((await member.request("GET", "/api/session")).statusCode).toBe(401);
    const login = await t.app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { email: admin.email, password: DEFAULT_PASSWORD },
    });
    expect(login.statusCode).toBe(401);
  });

  it("reads the audit log of every organisation", async () => {
    const all = await coordinator.request("GET", "/api/audit", { query: { limit: "200" } });
    expect(all.statusCode).toBe(200);
    const orgIds = new Set(all.json().items.map((e: { organisationId: string }) => e.organisationId));
    expect(orgIds.has(s.a.org.id)).toBe(true);
    expect(orgIds.has(s.b.org.id)).toBe(true);
    const onlyB = await coordinator.request("GET", "/api/audit", { query: { organisationId: s.b.org.id } });
    expect(onlyB.statusCode).toBe(200);
    expect(onlyB.json().items.length).toBeGreaterThan(0);
    expect(onlyB.json().items.every((e: { organisationId: string }) => e.organisationId === s.b.org.id)).toBe(
      true,
    );
    expect((await coordinator.request("GET", `/api/audit/${s.bAuditId}`)).statusCode).toBe(200);
  });
});

describe("roles without a permission", () => {
  const roles: Role[] = ["counsellor", "volunteer", "trainer", "company_contact"];

  it.each(roles)(
    "refuses %s the member, audit, outbox and organisation-list routes with 403",
    async (role) => {
      const { org, admin } = await buildOrganisationWithAdmin(t.db);
      const user = await buildUser(t.db, { organisationId: org.id, role });
      const agent = await t.loginAs(user.email);
      const [entry] = await t.db.select().from(auditLog).where(eq(auditLog.organisationId, org.id));
      const members = `/api/organisations/${org.id}/members`;
      const member = `${members}/${admin.membership.id}`;
      const requests: [Parameters<Agent["request"]>[0], string, unknown?][] = [
        ["GET", members],
        ["GET", member],
        ["PATCH", member, { role: "counsellor" }],
        ["GET", `/api/users/${admin.id}`],
        ["GET", `/api/organisations/${org.id}/invitations`],
        [
          "POST",
          `/api/organisations/${org.id}/invitations`,
          { email: "someone@test.example", role: "volunteer" },
        ],
        ["GET", "/api/audit"],
        ["GET", `/api/audit/${entry?.id}`],
        ["GET", "/api/outbox"],
        ["GET", "/api/organisations"],
        ["POST", "/api/organisations", { name: "Neue Organisation", type: "company", districtAgs: "15003" }],
        ["PATCH", `/api/organisations/${org.id}`, { name: "Neuer Name" }],
      ];
      for (const [method, url, body] of requests) {
        const res = await agent.request(method, url, { body });
        expect({ method, url, status: res.statusCode, code: res.json().code }).toEqual({
          method,
          url,
          status: 403,
          code: "forbidden",
        });
      }
      const [row] = await t.db.select().from(memberships).where(eq(memberships.id, admin.membership.id));
      expect(row?.role).toBe("org_admin");
      expect(await t.db.select().from(mailTokens).where(eq(mailTokens.organisationId, org.id))).toHaveLength(
        0,
      );
    },
  );

  it.each(roles)("shows %s their own organisation", async (role) => {
    const { org } = await buildOrganisationWithAdmin(t.db);
    const user = await buildUser(t.db, { organisationId: org.id, role });
    const agent = await t.loginAs(user.email);
    const res = await agent.request("GET", `/api/organisations/${org.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      id: org.id,
      abilities: { update: false, changeStatus: false, manageMembers: false },
    });
  });

  it("refuses an organisation admin the outbox and the organisation list", async () => {
    const { admin } = await buildOrganisationWithAdmin(t.db);
    const agent = await t.loginAs(admin.email);
    expect((await agent.request("GET", "/api/outbox")).statusCode).toBe(403);
    expect((await agent.request("GET", "/api/organisations")).statusCode).toBe(403);
  });
});

describe("organisation figures", () => {
  it("counts the active members of each organisation", async () => {
    const { coordinator } = await buildCoordinator(t.db);
    const { org } = await buildOrganisationWithAdmin(t.db);
    await buildUser(t.db, { organisationId: org.id, role: "counsellor" });
    const leaver = await buildUser(t.db, { organisationId: org.id, role: "volunteer" });
    await t.db
      .update(memberships)
      .set({ status: "deactivated" })
      .where(eq(memberships.id, leaver.membership.id));
    const agent = await t.loginAs(coordinator.email);
    const one = await agent.request("GET", `/api/organisations/${org.id}`);
    expect(one.json().memberCount).toBe(2);
    const list = await agent.request("GET", "/api/organisations", { query: { q: org.name } });
    expect(list.json().items[0].memberCount).toBe(2);
  });
});
