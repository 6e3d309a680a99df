import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { sessions, users } from "../../src/server/db/schema.ts";
import { type Agent, createTestApp } from "../helpers/app.ts";
import {
  addMembership,
  buildOrganisation,
  buildOrganisationWithAdmin,
  buildUser,
  DEFAULT_PASSWORD,
} from "../helpers/factories.ts";

const t = await createTestApp();

describe("login", () => {
  it("opens a server-side session with an httpOnly, SameSite=Lax cookie", async () => {
    const { admin } = await buildOrganisationWithAdmin(t.db);
    const res = await t.app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { email: admin.email, password: DEFAULT_PASSWORD },
    });
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === "lotse_session");
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe("Lax");
    expect(cookie?.path).toBe("/");
    expect(res.json().user.email).toBe(admin.email);
    expect(res.json().active.role).toBe("org_admin");
    const rows = await t.db.select().from(sessions).where(eq(sessions.userId, admin.id));
    expect(rows).toHaveLength(1);
    // Only the hash of the cookie token is stored.
    expect(rows[0]?.id).not.toBe(cookie?.value);
  });

  it("accepts the e-mail address in any letter case", async () => {
    const { admin } = await buildOrganisationWithAdmin(t.db);
    const res = await t.app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { email: admin.email.toUpperCase(), password: DEFAULT_PASSWORD },
    });
    expect(res.statusCode).toBe(200);
  });

  it("answers a wrong password and an unknown address with the same message", async () => {
    const { admin } = await buildOrganisationWithAdmin(t.db);
    const wrong = await t.app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { email: admin.email, password: "wrong-password" },
    });
    const unknown = await t.app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { email: "nobody-here@test.example", password: "wrong-password" },
    });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().title).toBe(unknown.json().title);
    expect(wrong.json().code).toBe("auth.invalid_credentials");
    expect(wrong.headers["content-type"]).toContain("application/problem+json");
  });

  it("gives a new session id at every login", async () => {
    const { admin } = await buildOrganisationWithAdmin(t.db);
    const a = await t.loginAs(admin.email);
    const b = await t.loginAs(admin.email);
    expect(a.cookie).not.toBe(b.cookie);
  });

  it("refuses a deactivated user", async () => {
    const org = await buildOrganisation(t.db);
    const user = await buildUser(t.db, { organisationId: org.id, role: "counsellor" });
    await t.db.update(users).set({ status: "deactivated" }).where(eq(users.id, user.id));
    const res = await t.app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { email: user.email, password: DEFAULT_PASSWORD },
    });
    expect(res.statusCode).toBe(401);
  });

  it("answers the 11th wrong password for an account within a minute with 429", async () => {
    const { admin } = await buildOrganisationWithAdmin(t.db);
    const codes: number[] = [];
    for (let i = 0; i < 11; i++) {
      const res = await t.app.inject({
        method: "POST",
        url: "/api/auth/login",
        payload: { email: admin.email, password: `wrong-${i}` },
      });
      codes.push(res.statusCode);
    }
    expect(codes.slice(0, 10)).toEqual(Array(10).fill(401));
    expect(codes[10]).toBe(429);
    // Even the right password is refused while the account is limited.
    const right = await t.app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { email: admin.email, password: DEFAULT_PASSWORD },
    });
    expect(right.statusCode).toBe(429);
    expect(Number(right.headers["retry-after"])).toBeGreaterThan(0);
  });

  it("limits failed logins per address across accounts", async () => {
    const remoteAddress = "203.0.113.77";
    const codes: number[] = [];
    for (let i = 0; i < 51; i++) {
      const res = await t.app.inject({
        method: "POST",
        url: "/api/auth/login",
        remoteAddress,
        payload: { email: `spray-${i}@test.example`, password: "wrong-password" },
      });
      codes.push(res.statusCode);
    }
    expect(codes.filter((c) => c === 401)).toHaveLength(50);
    expect(codes[50]).toBe(429);
  });

  it("names the wrong field of a malformed login", async () => {
    const res = await t.app.inject({
      method: "POST",
      url: "/api/auth/login",
      headers: { "accept-language": "en" },
      payload: { email: "not-an-address", password: "" },
    });
    expect(res.statusCode).toBe(400);
    const fields = res.json().errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(["body.email", "body.password"]));
    expect(res.json().title).toBe("The input is not valid.");
  });
});

describe("session", () => {
  let agent: Agent;
  beforeAll(async () => {
    const { admin } = await buildOrganisationWithAdmin(t.db);
    agent = await t.loginAs(admin.email);
  });

  it("describes the acting organisation and the role's permissions", async () => {
    const res = await agent.request("GET", "/api/session");
    expect(res.statusCode).toBe(200);
    expect(res.json().permissions).toContain("member.invite");
    expect(res.json().permissions).not.toContain("outbox.read");
  });

  it("answers 401 without a session", async () => {
    const res = await t.app.inject({ method: "GET", url: "/api/session" });
    expect(res.statusCode).toBe(401);
  });

  it("logout invalidates the session on the server, not only the cookie", async () => {
    const { admin } = await buildOrganisationWithAdmin(t.db);
    const a = await t.loginAs(admin.email);
    expect((await a.request("POST", "/api/auth/logout")).statusCode).toBe(204);
    const again = await a.request("GET", "/api/session");
    expect(again.statusCode).toBe(401);
  });

  it("switches between a user's organisations and refuses foreign ones", async () => {
    const { org, admin } = await buildOrganisationWithAdmin(t.db);
    const second = await buildOrganisation(t.db);
    const foreign = await buildOrganisation(t.db);
    await addMembership(t.db, { userId: admin.id, organisationId: second.id, role: "counsellor" });
    const a = await t.loginAs(admin.email);
    expect(a.session.active.organisationId).toBe(org.id);
    const switched = await a.request("PUT", "/api/session/organisation", {
      body: { organisationId: second.id },
    });
    expect(switched.statusCode).toBe(200);
    expect(switched.json().active).toMatchObject({ organisationId: second.id, role: "counsellor" });
    expect(switched.json().memberships).toHaveLength(2);
    const refused = await a.request("PUT", "/api/session/organisation", {
      body: { organisationId: foreign.id },
    });
    expect(refused.statusCode).toBe(422);
    expect((await a.request("GET", "/api/session")).json().active.organisationId).toBe(second.id);
  });

  it("remembers the preferred language", async () => {
    const { admin } = await buildOrganisationWithAdmin(t.db);
    const a = await t.loginAs(admin.email);
    expect((await a.request("PUT", "/api/session/locale", { body: { locale: "ar" } })).statusCode).toBe(204);
    expect((await a.request("GET", "/api/session")).json().user.locale).toBe("ar");
    const bad = await a.request("PUT", "/api/session/locale", { body: { locale: "xx" } });
    expect(bad.statusCode).toBe(400);
  });
});
