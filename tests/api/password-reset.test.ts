import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { mailTokens, sessions, users } from "../../src/server/db/schema.ts";
import { resources } from "../../src/shared/i18n/index.ts";
import { createTestApp } from "../helpers/app.ts";
import { buildOrganisation, buildUser, DEFAULT_PASSWORD } from "../helpers/factories.ts";
import { mailsTo, tokenFromLink } from "../helpers/mail.ts";

const t = await createTestApp();

// Reset requests are limited per address; each test asks from an address of its own.
let nextAddress = 1;
const freshAddress = () => `198.51.100.${nextAddress++}`;

const requestReset = (email: string, remoteAddress: string) =>
  t.app.inject({
    method: "POST",
    url: "/api/auth/password-reset/request",
    remoteAddress,
    payload: { email },
  });
const confirmReset = (body: Record<string, unknown>, headers: Record<string, string> = {}) =>
  t.app.inject({ method: "POST", url: "/api/auth/password-reset/confirm", headers, payload: body });
const login = (email: string, password: string) =>
  t.app.inject({ method: "POST", url: "/api/auth/login", payload: { email, password } });

async function buildPerson() {
  const org = await buildOrganisation(t.db);
  return buildUser(t.db, { organisationId: org.id, role: "counsellor" });
}

/** Asks for a reset and returns the token from the held mail. */
async function resetToken(email: string) {
  expect((await requestReset(email, freshAddress())).statusCode).toBe(202);
  const [mail] = await mailsTo(t.db, email);
  if (!mail) throw new Error("no reset mail");
  return tokenFromLink(mail.bodyText, "/reset-password");
}

describe("requesting a reset", () => {
  it("answers 202 for an unknown address, just as for a known one, and sends nothing", async () => {
    const email = `nobody-${freshAddress()}@test.example`;
    const res = await requestReset(email, freshAddress());
    expect(res.statusCode).toBe(202);
    const known = await requestReset((await buildPerson()).email, freshAddress());
    expect({ status: known.statusCode, body: known.body }).toEqual({
      status: res.statusCode,
      body: res.body,
    });
    expect(await mailsTo(t.db, email)).toHaveLength(0);
    expect(await t.db.select().from(mailTokens).where(eq(mailTokens.email, email))).toHaveLength(0);
  });

  it("answers 202 for a deactivated account and sends nothing", async () => {
    const person = await buildPerson();
    await t.db.update(users).set({ status: "deactivated" }).where(eq(users.id, person.id));
    expect((await requestReset(person.email, freshAddress())).statusCode).toBe(202);
    expect(await mailsTo(t.db, person.email)).toHaveLength(0);
  });

  it("holds a mail with a reset link in the account's language", async () => {
    const person = await buildPerson();
    await t.db.update(users).set({ locale: "en" }).where(eq(users.id, person.id));
    const res = await requestReset(person.email.toUpperCase(), freshAddress());
    expect(res.statusCode).toBe(202);
    const mails = await mailsTo(t.db, person.email);
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({
      status: "held",
      template: "password_reset",
      subject: resources.en.mail.password_reset.subject,
    });
    expect(mails[0]?.subject).toBe("Lotse: reset your password");
    expect(mails[0]?.bodyText).toContain("Set a new password: http://lotse.test/reset-password?token=");
    expect(tokenFromLink(mails[0]?.bodyText ?? "", "/reset-password")).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it("writes the mail in German when the account has no other preference", async () => {
    const person = await buildPerson();
    await requestReset(person.email, freshAddress());
    const [mail] = await mailsTo(t.db, person.email);
    expect(mail?.subject).toBe(resources.de.mail.password_reset.subject);
  });

  it("answers the 11th request from one address within 10 minutes with 429", async () => {
    const remoteAddress = freshAddress();
    const person = await buildPerson();
    const codes: number[] = [];
    for (let i = 0; i < 11; i++)
      codes.push((await requestReset(`someone-${i}@test.example`, remoteAddress)).statusCode);
    expect(codes.slice(0, 10)).toEqual(Array(10).fill(202));
    expect(codes[10]).toBe(429);
    const limited = await requestReset(person.email, remoteAddress);
    expect(limited.statusCode).toBe(429);
    expect(limited.json().code).toBe("rate_limited");
    expect(Number(limited.headers["retry-after"])).toBeGreaterThan(0);
    expect(await mailsTo(t.db, person.email)).toHaveLength(0);
    // Another address is not affected.
    expect((await requestReset(person.email, freshAddress())).statusCode).toBe(202);
  });

  it("rejects a malformed address with 400 naming the field", async () => {
    const res = await requestReset("not-an-address", freshAddress());
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.map((e: { field: string }) => e.field)).toEqual(["body.email"]);
  });
});

describe("confirming a reset", () => {
  it("sets the new password: the new one works, the old one no longer does", async () => {
    const person = await buildPerson();
    const token = await resetToken(person.email);
    const res = await confirmReset({ token, password: "a brand new passphrase" });
    expect(res.statusCode).toBe(204);
    expect((await login(person.email, "a brand new passphrase")).statusCode).toBe(200);
    expect((await login(person.email, DEFAULT_PASSWORD)).statusCode).toBe(401);
  });

  it("ends every existing session of the account", async () => {
    const person = await buildPerson();
    const first = await t.loginAs(person.email);
    const second = await t.loginAs(person.email);
    const token = await resetToken(person.email);
    expect((await confirmReset({ token, password: "a brand new passphrase" })).statusCode).toBe(204);
    expect((await first.request("GET", "/api/session")).statusCode).toBe(401);
    expect((await second.request("GET", "/api/session")).statusCode).toBe(401);
    expect(await t.db.select().from(sessions).where(eq(sessions.userId, person.id))).toHaveLength(0);
  });

  it("uses a token only once", async () => {
    const person = await buildPerson();
    const token = await resetToken(person.email);
    expect((await confirmReset({ token, password: "a brand new passphrase" })).statusCode).toBe(204);
    const again = await confirmReset({ token, password: "an attacker's passphrase" });
    expect(again.statusCode).toBe(400);
    expect(again.json().code).toBe("auth.invalid_token");
    expect((await login(person.email, "a brand new passphrase")).statusCode).toBe(200);
  });

  it("voids the account's other open reset links once one is used", async () => {
    const person = await buildPerson();
    expect((await requestReset(person.email, freshAddress())).statusCode).toBe(202);
    expect((await requestReset(person.email, freshAddress())).statusCode).toBe(202);
    const [older, newer] = (await mailsTo(t.db, person.email)).map((m) =>
      tokenFromLink(m.bodyText, "/reset-password"),
    );
    expect(older).not.toBe(newer);
    expect((await confirmReset({ token: newer, password: "a brand new passphrase" })).statusCode).toBe(204);
    const stale = await confirmReset({ token: older, password: "an attacker's passphrase" });
    expect(stale.statusCode).toBe(400);
    expect(stale.json().code).toBe("auth.invalid_token");
    expect((await login(person.email, "a brand new passphrase")).statusCode).toBe(200);
  });

  it("refuses an expired token and keeps the old password", async () => {
    const person = await buildPerson();
    const token = await resetToken(person.email);
    await t.db
      .update(mailTokens)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(mailTokens.userId, person.id));
    const res = await confirmReset(
      { token, password: "a brand new passphrase" },
      { "accept-language": "en" },
    );
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      code: "auth.invalid_token",
      title: resources.en.errors.auth.invalid_token,
    });
    expect((await login(person.email, DEFAULT_PASSWORD)).statusCode).toBe(200);
  });

  it("refuses a made-up token", async () => {
    const res = await confirmReset({ token: "x".repeat(43), password: "a brand new passphrase" });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe("auth.invalid_token");
  });

  it("does not take an invitation token for a reset token", async () => {
    const org = await buildOrganisation(t.db);
    const admin = await buildUser(t.db, { organisationId: org.id, role: "org_admin" });
    const inviter = await t.loginAs(admin.email);
    const email = `invited-${org.id}@test.example`;
    await inviter.request("POST", `/api/organisations/${org.id}/invitations`, {
      body: { email, role: "volunteer" },
    });
    const [mail] = await mailsTo(t.db, email);
    const invitationToken = tokenFromLink(mail?.bodyText ?? "", "/invitation");
    const res = await confirmReset({ token: invitationToken, password: "a brand new passphrase" });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe("auth.invalid_token");
    expect(
      (await t.app.inject({ method: "GET", url: `/api/auth/invitations/${invitationToken}` })).statusCode,
    ).toBe(200);
  });

  it("rejects a too-short password with 400 naming the field and keeps the token usable", async () => {
    const person = await buildPerson();
    const token = await resetToken(person.email);
    const res = await confirmReset({ token, password: "short" });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.map((e: { field: string }) => e.field)).toEqual(["body.password"]);
    expect((await login(person.email, DEFAULT_PASSWORD)).statusCode).toBe(200);
    expect((await confirmReset({ token, password: "a brand new passphrase" })).statusCode).toBe(204);
  });
});
