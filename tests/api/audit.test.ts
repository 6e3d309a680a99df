import { and, eq, gt, inArray, max } from "drizzle-orm";
import type { LightMyRequestResponse } from "fastify";
import { describe, expect, it } from "vitest";
import { auditLog, organisations } from "../../src/server/db/schema.ts";
import { createTestApp } from "../helpers/app.ts";
import {
  buildCoordinator,
  buildOrganisationWithAdmin,
  buildUser,
  DEFAULT_PASSWORD,
} from "../helpers/factories.ts";
import { mailsTo, tokenFromLink } from "../helpers/mail.ts";

const t = await createTestApp();

/** The audit entries written while answering one response, found by the request id it carried. */
async function entriesOf(res: LightMyRequestResponse) {
  const requestId = res.headers["x-request-id"];
  if (typeof requestId !== "string" || requestId === "") throw new Error("response without x-request-id");
  return t.db.select().from(auditLog).where(eq(auditLog.requestId, requestId));
}

async function lastAuditId() {
  const [row] = await t.db.select({ id: max(auditLog.id) }).from(auditLog);
  return row?.id ?? 0;
}

describe("writes leave an audit entry carrying the response's request id", () => {
  it("records member.update", async () => {
    const { org, admin } = await buildOrganisationWithAdmin(t.db);
    const member = await buildUser(t.db, { organisationId: org.id, role: "volunteer" });
    const agent = await t.loginAs(admin.email);
    const res = await agent.request("PATCH", `/api/organisations/${org.id}/members/${member.membership.id}`, {
      body: { role: "counsellor" },
    });
    expect(res.statusCode).toBe(200);
    expect(await entriesOf(res)).toEqual([
      expect.objectContaining({
        actorUserId: admin.id,
        actorOrganisationId: org.id,
        organisationId: org.id,
        action: "member.update",
        entity: "membership",
        entityId: member.membership.id,
        details: { fields: ["role"], userId: member.id },
      }),
    ]);
  });

  it("records organisation.update", async () => {
    const { org, admin } = await buildOrganisationWithAdmin(t.db);
    const agent = await t.loginAs(admin.email);
    const res = await agent.request("PATCH", `/api/organisations/${org.id}`, { body: { city: "Magdeburg" } });
    expect(res.statusCode).toBe(200);
    expect(await entriesOf(res)).toEqual([
      expect.objectContaining({
        actorUserId: admin.id,
        organisationId: org.id,
        action: "organisation.update",
        entity: "organisation",
        entityId: org.id,
        details: { fields: ["city"] },
      }),
    ]);
  });

  it("records invitation.create", async () => {
    const { org, admin } = await buildOrganisationWithAdmin(t.db);
    const agent = await t.loginAs(admin.email);
    const res = await agent.request("POST", `/api/organisations/${org.id}/invitations`, {
      body: { email: `invitee-${org.id}@test.example`, role: "trainer" },
    });
    expect(res.statusCode).toBe(201);
    expect(await entriesOf(res)).toEqual([
      expect.objectContaining({
        actorUserId: admin.id,
        organisationId: org.id,
        action: "invitation.create",
        entity: "invitation",
        entityId: res.json().id,
      }),
    ]);
  });

  it("records auth.login and auth.logout", async () => {
    const { org, admin } = await buildOrganisationWithAdmin(t.db);
    const login = await t.app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { email: admin.email, password: DEFAULT_PASSWORD },
    });
    expect(login.statusCode).toBe(200);
    const expected = { actorUserId: admin.id, organisationId: org.id, entity: "user", entityId: admin.id };
    expect(await entriesOf(login)).toEqual([expect.objectContaining({ ...expected, action: "auth.login" })]);

    const cookie = login.cookies.find((c) => c.name === "lotse_session");
    const logout = await t.app.inject({
      method: "POST",
      url: "/api/auth/logout",
      headers: { cookie: `lotse_session=${cookie?.value}`, "x-csrf-token": login.json().csrfToken },
    });
    expect(logout.statusCode).toBe(204);
    expect(await entriesOf(logout)).toEqual([
      expect.objectContaining({ ...expected, action: "auth.logout" }),
    ]);
  });

  it("records a failed login without an actor", async () => {
    const { admin } = await buildOrganisationWithAdmin(t.db);
    const res = await t.app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { email: admin.email, password: "wrong-password" },
    });
    expect(res.statusCode).toBe(401);
    expect(await entriesOf(res)).toEqual([
      expect.objectContaining({
        action: "auth.login_failed",
        actorUserId: null,
        entity: "user",
        entityId: admin.id,
      }),
    ]);
  });
});

describe("reads of personal data leave an audit entry", () => {
  it("records member.list with the ids of the members shown", async () => {
    const { org, admin } = await buildOrganisationWithAdmin(t.db);
    const member = await buildUser(t.db, { organisationId: org.id, role: "counsellor" });
    const agent = await t.loginAs(admin.email);
    const res = await agent.request("GET", `/api/organisations/${org.id}/members`);
    expect(res.statusCode).toBe(200);
    const [entry] = await entriesOf(res);
    expect(entry).toMatchObject({
      action: "member.list",
      actorUserId: admin.id,
      organisationId: org.id,
      entity: "user",
    });
    expect((entry?.details as { userIds?: string[] } | undefined)?.userIds?.sort()).toEqual(
      [admin.id, member.id].sort(),
    );
  });

  it("records user.read for a user looked up by id and for one member", async () => {
    const { org, admin } = await buildOrganisationWithAdmin(t.db);
    const member = await buildUser(t.db, { organisationId: org.id, role: "counsellor" });
    const agent = await t.loginAs(admin.email);
    for (const url of [
      `/api/users/${member.id}`,
      `/api/organisations/${org.id}/members/${member.membership.id}`,
    ]) {
      const res = await agent.request("GET", url);
      expect(res.statusCode).toBe(200);
      expect(await entriesOf(res)).toEqual([
        expect.objectContaining({
          action: "user.read",
          actorUserId: admin.id,
          organisationId: org.id,
          entity: "user",
          entityId: member.id,
        }),
      ]);
    }
  });

  it("records outbox.list", async () => {
    const { org, coordinator } = await buildCoordinator(t.db);
    const agent = await t.loginAs(coordinator.email);
    const res = await agent.request("GET", "/api/outbox");
    expect(res.statusCode).toBe(200);
    expect(await entriesOf(res)).toEqual([
      expect.objectContaining({
        action: "outbox.list",
        actorUserId: coordinator.id,
        actorOrganisationId: org.id,
        entity: "mail",
      }),
    ]);
  });

  it("records reading the audit log itself", async () => {
    const { org, admin } = await buildOrganisationWithAdmin(t.db);
    const agent = await t.loginAs(admin.email);
    const res = await agent.request("GET", "/api/audit");
    expect(await entriesOf(res)).toEqual([
      expect.objectContaining({ action: "audit.list", actorUserId: admin.id, organisationId: org.id }),
    ]);
  });
});

describe("personal values", () => {
  it("never appear in the audit log", async () => {
    const since = await lastAuditId();
    const { org, admin } = await buildOrganisationWithAdmin(t.db);
    const name = "Zeynep Quellenhorst";
    const email = `zeynep.quellenhorst-${org.id.slice(0, 8)}@test.example`;
    const agent = await t.loginAs(admin.email);

    // Invite, accept, list, read, change, fail a login, reset the password: everything that touches the person.
    const invited = await agent.request("POST", `/api/organisations/${org.id}/invitations`, {
      body: { email, role: "counsellor" },
    });
    expect(invited.statusCode).toBe(201);
    const [mail] = await mailsTo(t.db, email);
    const token = tokenFromLink(mail?.bodyText ?? "", "/invitation");
    await t.app.inject({ method: "GET", url: `/api/auth/invitations/${token}` });
    const accepted = await t.app.inject({
      method: "POST",
      url: "/api/auth/invitations/accept",
      payload: { token, name, password: "a long new password" },
    });
    expect(accepted.statusCode).toBe(200);
    const { userId, membershipId } = {
      userId: accepted.json().user.id,
      membershipId: accepted.json().active.membershipId,
    };
    await agent.request("GET", `/api/organisations/${org.id}/members`, { query: { q: "Quellenhorst" } });
    await agent.request("GET", `/api/users/${userId}`);
    await agent.request("GET", `/api/organisations/${org.id}/members/${membershipId}`);
    await agent.request("PATCH", `/api/organisations/${org.id}/members/${membershipId}`, {
      body: { role: "trainer" },
    });
    await t.app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { email, password: "not the password" },
    });
    await t.app.inject({
      method: "POST",
      url: "/api/auth/password-reset/request",
      remoteAddress: "192.0.2.10",
      payload: { email },
    });
    const [, resetMail] = await mailsTo(t.db, email);
    await t.app.inject({
      method: "POST",
      url: "/api/auth/password-reset/confirm",
      payload: {
        token: tokenFromLink(resetMail?.bodyText ?? "", "/reset-password"),
        password: "another long password",
      },
    });
    const person = await t.loginAs(email, "another long password");
    await person.request("PUT", "/api/session/locale", { body: { locale: "en" } });
    await agent.request("GET", "/api/audit", { query: { limit: "200" } });

    const rows = await t.db.select().from(auditLog).where(gt(auditLog.id, since));
    const actions = new Set(rows.map((r) => r.action));
    for (const action of [
      "invitation.create",
      "invitation.accept",
      "member.list",
      "user.read",
      "member.update",
      "auth.login_failed",
      "auth.password_reset_requested",
      "auth.password_reset",
      "auth.login",
      "user.update",
      "audit.list",
    ]) {
      expect(actions).toContain(action);
    }
    const serialized = JSON.stringify(rows).toLowerCase();
    expect(serialized).not.toContain(email.toLowerCase());
    expect(serialized).not.toContain("quellenhorst");
    expect(serialized).not.toContain("zeynep");
    for (const password of ["a long new password", "another long password", "not the password"]) {
      expect(serialized).not.toContain(password);
    }
  });
});

describe("filters", () => {
  /** An organisation with three member changes and one profile change, all in its audit log. */
  async function organisationWithHistory() {
    const { org, admin } = await buildOrganisationWithAdmin(t.db);
    const agent = await t.loginAs(admin.email);
    const members = [];
    for (let i = 0; i < 3; i++) {
      const member = await buildUser(t.db, { organisationId: org.id, role: "volunteer" });
      const res = await agent.request(
        "PATCH",
        `/api/organisations/${org.id}/members/${member.membership.id}`,
        { body: { role: "trainer" } },
      );
      expect(res.statusCode).toBe(200);
      members.push(member);
    }
    await agent.request("PATCH", `/api/organisations/${org.id}`, { body: { city: "Halle (Saale)" } });
    return { org, admin, agent, members };
  }
  type Item = {
    id: string;
    action: string;
    entity: string;
    entityId: string | null;
    organisationId: string | null;
  };
  const itemsOf = (res: LightMyRequestResponse): Item[] => res.json().items;

  it("matches an action exactly", async () => {
    const { agent } = await organisationWithHistory();
    const res = await agent.request("GET", "/api/audit", { query: { action: "member.update" } });
    expect(res.statusCode).toBe(200);
    expect(res.json().total).toBe(3);
    expect(itemsOf(res).every((e) => e.action === "member.update")).toBe(true);
    // Without the trailing dot a resource name is not a prefix.
    expect((await agent.request("GET", "/api/audit", { query: { action: "member" } })).json().total).toBe(0);
  });

  it("matches an action prefix ending in '.'", async () => {
    const { agent } = await organisationWithHistory();
    await agent.request("GET", "/api/organisations/00000000-0000-4000-8000-000000000000/members");
    const res = await agent.request("GET", "/api/audit", { query: { action: "member." } });
    const actions = new Set(itemsOf(res).map((e) => e.action));
    expect(actions.has("member.update")).toBe(true);
    expect([...actions].every((a) => a.startsWith("member."))).toBe(true);
    expect(actions.has("organisation.update")).toBe(false);
    // Wildcards in the prefix are taken literally.
    expect((await agent.request("GET", "/api/audit", { query: { action: "%." } })).json().total).toBe(0);
    expect((await agent.request("GET", "/api/audit", { query: { action: "member_." } })).json().total).toBe(
      0,
    );
  });

  it("filters by entity and entity id", async () => {
    const { org, agent, members } = await organisationWithHistory();
    const byEntity = await agent.request("GET", "/api/audit", { query: { entity: "organisation" } });
    expect(itemsOf(byEntity).map((e) => [e.action, e.entityId])).toEqual([["organisation.update", org.id]]);
    const target = members[1]?.membership.id ?? "";
    const byId = await agent.request("GET", "/api/audit", {
      query: { entity: "membership", entityId: target },
    });
    expect(itemsOf(byId)).toEqual([expect.objectContaining({ action: "member.update", entityId: target })]);
    expect(byId.json().total).toBe(1);
  });

  it("filters by time with from and to", async () => {
    const { agent, members } = await organisationWithHistory();
    const ids = members.map((m) => m.membership.id);
    const dated: [string, string][] = [
      [ids[0] ?? "", "2024-01-10T12:00:00Z"],
      [ids[1] ?? "", "2024-02-10T12:00:00Z"],
    ];
    for (const [entityId, at] of dated) {
      await t.db
        .update(auditLog)
        .set({ at: new Date(at) })
        .where(and(eq(auditLog.entityId, entityId), eq(auditLog.action, "member.update")));
    }
    const between = await agent.request("GET", "/api/audit", {
      query: { entity: "membership", from: "2024-02-01T00:00:00Z", to: "2024-03-01T00:00:00+01:00" },
    });
    expect(itemsOf(between).map((e) => e.entityId)).toEqual([ids[1]]);
    const before = await agent.request("GET", "/api/audit", {
      query: { entity: "membership", to: "2024-01-31T00:00:00Z" },
    });
    expect(itemsOf(before).map((e) => e.entityId)).toEqual([ids[0]]);
    const since = await agent.request("GET", "/api/audit", {
      query: { entity: "membership", from: "2024-02-01T00:00:00Z" },
    });
    expect(
      itemsOf(since)
        .map((e) => e.entityId)
        .sort(),
    ).toEqual([ids[1], ids[2]].sort());
    const bad = await agent.request("GET", "/api/audit", { query: { from: "yesterday" } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { field: string }) => e.field)).toEqual(["query.from"]);
  });

  it("pages newest first with the total", async () => {
    const { agent, members } = await organisationWithHistory();
    const first = await agent.request("GET", "/api/audit", { query: { entity: "membership", limit: "2" } });
    const second = await agent.request("GET", "/api/audit", {
      query: { entity: "membership", limit: "2", offset: "2" },
    });
    expect(first.json().total).toBe(3);
    expect(second.json().total).toBe(3);
    expect(itemsOf(first)).toHaveLength(2);
    expect(itemsOf(second)).toHaveLength(1);
    const entityIds = [...itemsOf(first), ...itemsOf(second)].map((e) => e.entityId);
    expect(entityIds).toEqual(members.map((m) => m.membership.id).reverse());
    const seq = [...itemsOf(first), ...itemsOf(second)].map((e) => Number(e.id));
    expect(seq).toEqual([...seq].sort((a, b) => b - a));
  });

  it("shows an organisation admin only their organisation's entries", async () => {
    const mine = await organisationWithHistory();
    const theirs = await organisationWithHistory();
    const res = await mine.agent.request("GET", "/api/audit", { query: { limit: "200" } });
    const items = itemsOf(res);
    expect(items.length).toBeGreaterThan(0);
    expect(new Set(items.map((e) => e.organisationId))).toEqual(new Set([mine.org.id]));
    const theirIds = theirs.members.map((m) => m.membership.id);
    expect(items.some((e) => e.entityId !== null && theirIds.includes(e.entityId))).toBe(false);
    const theirEntries = await t.db.select().from(auditLog).where(inArray(auditLog.entityId, theirIds));
    for (const entry of theirEntries) {
      expect((await mine.agent.request("GET", `/api/audit/${entry.id}`)).statusCode).toBe(404);
    }
  });

  it("shows one entry by id to the organisation's admin", async () => {
    const { agent, members } = await organisationWithHistory();
    const [entry] = await t.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.entityId, members[0]?.membership.id ?? ""));
    const res = await agent.request("GET", `/api/audit/${entry?.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      id: String(entry?.id),
      action: "member.update",
      requestId: entry?.requestId,
    });
  });
});

describe("failed writes", () => {
  it("leave no entry and change nothing when validation fails", async () => {
    const { org, admin } = await buildOrganisationWithAdmin(t.db);
    const agent = await t.loginAs(admin.email);
    const res = await agent.request("PATCH", `/api/organisations/${org.id}`, {
      body: { name: "Neuer Name", postcode: "1234" },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.map((e: { field: string }) => e.field)).toEqual(["body.postcode"]);
    expect(await entriesOf(res)).toEqual([]);
    const [row] = await t.db.select().from(organisations).where(eq(organisations.id, org.id));
    expect(row).toMatchObject({ name: org.name, postcode: null, updatedAt: org.updatedAt });
  });

  it("leave no entry when a business rule refuses the change", async () => {
    const { org, admin } = await buildOrganisationWithAdmin(t.db);
    const agent = await t.loginAs(admin.email);
    const res = await agent.request("PATCH", `/api/organisations/${org.id}`, {
      body: { status: "inactive" },
    });
    expect(res.statusCode).toBe(422);
    expect(await entriesOf(res)).toEqual([]);
    const [row] = await t.db.select().from(organisations).where(eq(organisations.id, org.id));
    expect(row?.status).toBe("active");
  });
});

describe("reads and writes", () => {
  it("separates who looked at records from who changed them", async () => {
    const { org, admin } = await buildOrganisationWithAdmin(t.db);
    const agent = await t.loginAs(admin.email);
    await agent.request("GET", `/api/organisations/${org.id}/members`);
    await agent.request("PATCH", `/api/organisations/${org.id}`, { body: { city: "Zerbst/Anhalt" } });
    const reads = await agent.request("GET", "/api/audit", { query: { kind: "read", limit: "200" } });
    const writes = await agent.request("GET", "/api/audit", { query: { kind: "write", limit: "200" } });
    const readActions = reads.json().items.map((e: { action: string }) => e.action);
    const writeActions = writes.json().items.map((e: { action: string }) => e.action);
    expect(readActions).toContain("member.list");
    expect(readActions).not.toContain("organisation.update");
    expect(writeActions).toContain("organisation.update");
    expect(writeActions.filter((a: string) => /\.(list|read)$/.test(a))).toEqual([]);
  });
});
