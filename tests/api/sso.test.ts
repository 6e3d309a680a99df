import { randomBytes } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "../../src/server/db/embedded.ts";
import { auditLog, mailTokens, ssoLoginStates, ssoProviders } from "../../src/server/db/schema.ts";
import { translator } from "../../src/server/platform/i18n.ts";
import type { Role } from "../../src/shared/domain.ts";
import { type Agent, createTestApp } from "../helpers/app.ts";
import {
  addMembership,
  buildCoordinator,
  buildOrganisation,
  buildOrganisationWithAdmin,
  buildUser,
  DEFAULT_PASSWORD,
} from "../helpers/factories.ts";
import { signInAtProvider, startTestProvider, type TestProvider } from "../helpers/oidc.ts";

const t = await createTestApp();
const REDIRECT_URI = "http://lotse.test/api/auth/sso/callback";
const de = translator("de");
const uniq = () => randomBytes(4).toString("hex");

let idp: TestProvider;
let otherIdp: TestProvider;
let coordinator: Agent;

beforeAll(async () => {
  idp = await startTestProvider({ redirectUri: REDIRECT_URI });
  // Another provider that knows a client of the same id: its answers look right but are not.
  otherIdp = await startTestProvider({ redirectUri: REDIRECT_URI, clientId: idp.clientId });
  const { coordinator: person } = await buildCoordinator(t.db);
  coordinator = await t.loginAs(person.email);
});
afterAll(async () => {
  await idp?.close();
  await otherIdp?.close();
});

/** An organisation whose provider is the test provider, trusted for a domain of its own. */
async function ssoOrganisation(opts: { required?: boolean; issuer?: string } = {}) {
  const { org, admin } = await buildOrganisationWithAdmin(t.db);
  const domain = `org-${uniq()}.example`;
  const res = await coordinator.request("PUT", `/api/organisations/${org.id}/sso`, {
    body: {
      displayName: "Dienstkonto Test",
      issuer: opts.issuer ?? idp.issuer,
      clientId: idp.clientId,
      clientSecret: idp.clientSecret,
      emailDomains: [domain],
      required: opts.required ?? false,
    },
  });
  expect(res.statusCode, res.body).toBe(200);
  return { org, admin, domain };
}

/** A member of the organisation whose address lies in the provider's domain. */
function memberAt(organisationId: string, domain: string, role: Role) {
  return buildUser(t.db, { organisationId, role, email: `m.${uniq()}@${domain}` });
}

/** A person at the provider, with a login name of its own. */
function providerAccount(email: string, emailVerified = true) {
  const login = `login-${uniq()}`;
  idp.addAccount(login, { email, email_verified: emailVerified, name: "Paula Provider" });
  otherIdp.addAccount(login, { email, email_verified: emailVerified, name: "Paula Provider" });
  return login;
}

/** GET /api/auth/sso/start as a browser would; returns the login cookie and the provider URL. */
async function start(organisationId: string, next?: string) {
  const res = await t.app.inject({
    method: "GET",
    url: "/api/auth/sso/start",
    query: { organisationId, ...(next ? { next } : {}) },
  });
  expect(res.statusCode, res.body).toBe(302);
  const cookie = res.cookies.find((c) => c.name === "lotse_sso");
  if (!cookie) throw new Error("no login cookie");
  return { cookie, authorizationUrl: String(res.headers.location) };
}

/** The provider's redirect back, delivered to Lotse with the login cookie (or none). */
function callback(url: URL, cookie: string | undefined, accept = "application/json") {
  return t.app.inject({
    method: "GET",
    url: url.pathname + url.search,
    headers: { accept, ...(cookie ? { cookie: `lotse_sso=${cookie}` } : {}) },
  });
}

/** The whole round trip: start at Lotse, sign in at the provider, come back. */
async function loginThroughProvider(organisationId: string, login: string) {
  const started = await start(organisationId);
  const back = await signInAtProvider(started.authorizationUrl, login, REDIRECT_URI);
  return { res: await callback(back, started.cookie.value), back, started };
}

function expectProblem(
  res: Awaited<ReturnType<typeof callback>>,
  status: number,
  code: string,
  message: RegExp,
) {
  expect(res.statusCode, res.body).toBe(status);
  expect(res.headers["content-type"]).toContain("application/problem+json");
  expect(res.json().code).toBe(code);
  expect(res.json().title).toBe(de(`errors.${code}`));
  expect(res.json().title).toMatch(message);
  expect(res.cookies.find((c) => c.name === "lotse_session")).toBeUndefined();
}

async function sessionOf(res: Awaited<ReturnType<typeof callback>>) {
  const cookie = res.cookies.find((c) => c.name === "lotse_session");
  if (!cookie) throw new Error(`no session cookie: ${res.statusCode} ${res.body}`);
  return t.app.inject({
    method: "GET",
    url: "/api/session",
    headers: { cookie: `lotse_session=${cookie.value}` },
  });
}

describe("login through the organisation's provider", () => {
  it("lets an invited person in: the invitation becomes a membership and the session works", async () => {
    const { org, admin, domain } = await ssoOrganisation();
    const email = `neu.${uniq()}@${domain}`;
    const adminAgent = await t.loginAs(admin.email);
    const invited = await adminAgent.request("POST", `/api/organisations/${org.id}/invitations`, {
      body: { email, role: "counsellor" },
    });
    expect(invited.statusCode, invited.body).toBe(201);

    const { res } = await loginThroughProvider(org.id, providerAccount(email));
    expect(res.statusCode, res.body).toBe(303);
    expect(res.headers.location).toBe("/");
    const session = res.cookies.find((c) => c.name === "lotse_session");
    expect(session?.httpOnly).toBe(true);
    expect(session?.sameSite).toBe("Lax");
    // The login cookie is cleared with the answer.
    expect(res.cookies.find((c) => c.name === "lotse_sso")?.value).toBe("");

    const me = await sessionOf(res);
    expect(me.statusCode).toBe(200);
    expect(me.json().user).toMatchObject({ email, name: "Paula Provider" });
    expect(me.json().active).toMatchObject({ organisationId: org.id, role: "counsellor" });
    const [token] = await t.db.select().from(mailTokens).where(eq(mailTokens.email, email));
    expect(token?.usedAt).not.toBeNull();
    const entries = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.organisationId, org.id), eq(auditLog.action, "auth.login")));
    expect(entries.map((e) => e.details)).toContainEqual(expect.objectContaining({ method: "sso" }));
  });

  it("lets an existing member in and continues to the page asked for", async () => {
    const { org, domain } = await ssoOrganisation();
    const member = await memberAt(org.id, domain, "volunteer");
    const started = await start(org.id, "/cases?status=open");
    const url = new URL(started.authorizationUrl);
    expect(url.origin).toBe(idp.issuer);
    expect(url.searchParams.get("code_challenge_method")).toBe("S256");
    expect(url.searchParams.get("state")).toBeTruthy();
    expect(url.searchParams.get("nonce")).toBeTruthy();
    expect(url.searchParams.get("redirect_uri")).toBe(REDIRECT_URI);
    expect(started.cookie).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/api/auth/sso" });

    const back = await signInAtProvider(
      started.authorizationUrl,
      providerAccount(member.email.toUpperCase()),
      REDIRECT_URI,
    );
    const res = await callback(back, started.cookie.value);
    expect(res.statusCode, res.body).toBe(303);
    expect(res.headers.location).toBe("/cases?status=open");
    expect((await sessionOf(res)).json().user.id).toBe(member.id);
  });

  it("never continues to another site after the login", async () => {
    const { org, domain } = await ssoOrganisation();
    const member = await memberAt(org.id, domain, "volunteer");
    const login = providerAccount(member.email);
    for (const next of ["//evil.example/", "/\\evil.example", "/\t/evil.example", "https://evil.example/"]) {
      const started = await start(org.id, next);
      const back = await signInAtProvider(started.authorizationUrl, login, REDIRECT_URI);
      const res = await callback(back, started.cookie.value);
      expect(res.statusCode, res.body).toBe(303);
      expect(res.headers.location, next).toBe("/");
    }
  });

  it("refuses an answer whose state is not the one of this login, and the login is used up", async () => {
    const { org, domain } = await ssoOrganisation();
    const member = await memberAt(org.id, domain, "volunteer");
    const started = await start(org.id);
    const back = await signInAtProvider(
      started.authorizationUrl,
      providerAccount(member.email),
      REDIRECT_URI,
    );
    const forged = new URL(back);
    forged.searchParams.set("state", "not-the-state-of-this-login");
    expectProblem(
      await callback(forged, started.cookie.value),
      400,
      "sso.state_mismatch",
      /gehört nicht zu dieser Anmeldung/,
    );
    // The genuine answer does not help afterwards: the login state was consumed.
    expectProblem(await callback(back, started.cookie.value), 400, "sso.login_expired", /abgelaufen/);
  });

  it("refuses an answer without the browser's login cookie", async () => {
    const { org, domain } = await ssoOrganisation();
    const member = await memberAt(org.id, domain, "volunteer");
    const started = await start(org.id);
    const back = await signInAtProvider(
      started.authorizationUrl,
      providerAccount(member.email),
      REDIRECT_URI,
    );
    expectProblem(await callback(back, undefined), 400, "sso.login_expired", /abgelaufen/);
    expectProblem(
      await callback(back, "a-cookie-of-another-browser"),
      400,
      "sso.login_expired",
      /abgelaufen/,
    );
  });

  it("refuses an ID token whose nonce is not the one of this login", async () => {
    const { org, domain } = await ssoOrganisation();
    const member = await memberAt(org.id, domain, "volunteer");
    const started = await start(org.id);
    // The provider is asked with another nonce, as for a token meant for another login.
    const tampered = new URL(started.authorizationUrl);
    tampered.searchParams.set("nonce", "a-nonce-of-another-login");
    const back = await signInAtProvider(tampered.href, providerAccount(member.email), REDIRECT_URI);
    expectProblem(await callback(back, started.cookie.value), 400, "sso.nonce_mismatch", /Anmeldenachweis/);
  });

  it("refuses a replayed code, in the same login and in a new one", async () => {
    const { org, domain } = await ssoOrganisation();
    const member = await memberAt(org.id, domain, "volunteer");
    const login = providerAccount(member.email);
    const first = await loginThroughProvider(org.id, login);
    expect(first.res.statusCode, first.res.body).toBe(303);

    // The same answer again, with the same cookie.
    expectProblem(
      await callback(first.back, first.started.cookie.value),
      400,
      "sso.login_expired",
      /schon verwendet/,
    );

    // The used code inside a new login of the same browser: the provider refuses it.
    const second = await start(org.id);
    const replay = new URL(first.back);
    replay.searchParams.set("state", new URL(second.authorizationUrl).searchParams.get("state") ?? "");
    expectProblem(await callback(replay, second.cookie.value), 400, "sso.code_rejected", /schon verwendet/);
  });

  it("refuses an answer of another provider, with its own issuer or with a forged one", async () => {
    const { org, domain } = await ssoOrganisation();
    const member = await memberAt(org.id, domain, "volunteer");
    const login = providerAccount(member.email);

    // Lotse sent the browser to its provider; the browser comes back from another one.
    const started = await start(org.id);
    const elsewhere = new URL(started.authorizationUrl);
    const other = new URL(otherIdp.issuer);
    elsewhere.host = other.host;
    const back = await signInAtProvider(elsewhere.href, login, REDIRECT_URI);
    expect(back.searchParams.get("iss")).toBe(otherIdp.issuer);
    expectProblem(
      await callback(back, started.cookie.value),
      400,
      "sso.issuer_mismatch",
      /nicht vom Anmeldedienst Ihrer Organisation/,
    );

    // The same, with the issuer parameter rewritten: the code is worthless at the right provider.
    const again = await start(org.id);
    const elsewhere2 = new URL(again.authorizationUrl);
    elsewhere2.host = other.host;
    const back2 = await signInAtProvider(elsewhere2.href, login, REDIRECT_URI);
    back2.searchParams.set("iss", idp.issuer);
    expectProblem(await callback(back2, again.cookie.value), 400, "sso.code_rejected", /nicht bestätigt/);
  });

  it("refuses a person without membership or invitation in the provider's organisation", async () => {
    const { org, domain } = await ssoOrganisation();
    const stranger = await loginThroughProvider(org.id, providerAccount(`fremd.${uniq()}@${domain}`));
    expectProblem(
      stranger.res,
      403,
      "sso.no_membership",
      /keine aktive Mitgliedschaft und keine offene Einladung/,
    );

    // A member of another organisation with an address of the domain is no member here either.
    const elsewhere = await buildOrganisation(t.db);
    const other = await buildUser(t.db, {
      organisationId: elsewhere.id,
      role: "counsellor",
      email: `o.${uniq()}@${domain}`,
    });
    expectProblem(
      (await loginThroughProvider(org.id, providerAccount(other.email))).res,
      403,
      "sso.no_membership",
      /Einladung/,
    );

    const failures = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.organisationId, org.id), eq(auditLog.action, "auth.login_failed")));
    expect(failures.map((f) => f.details)).toContainEqual({ method: "sso", reason: "sso.no_membership" });
  });

  it("refuses an address the provider has not verified, or one outside its domains", async () => {
    const { org, domain } = await ssoOrganisation();
    const member = await memberAt(org.id, domain, "volunteer");
    const unverified = await loginThroughProvider(org.id, providerAccount(member.email, false));
    expectProblem(unverified.res, 403, "sso.email_not_verified", /nicht bestätigt/);

    // A provider vouches only for its own domains, even for a member of its organisation.
    const outside = await buildUser(t.db, {
      organisationId: org.id,
      role: "volunteer",
      email: `m.${uniq()}@elsewhere.example`,
    });
    const res = (await loginThroughProvider(org.id, providerAccount(outside.email))).res;
    expectProblem(res, 403, "sso.email_domain_mismatch", /darf Ihre E-Mail-Adresse nicht anmelden/);
  });

  it("uses the login state once, even when two answers arrive at the same moment", async () => {
    const { org, domain } = await ssoOrganisation();
    const member = await memberAt(org.id, domain, "volunteer");
    const started = await start(org.id);
    const back = await signInAtProvider(
      started.authorizationUrl,
      providerAccount(member.email),
      REDIRECT_URI,
    );
    const answers = await Promise.all([1, 2, 3, 4].map(() => callback(back, started.cookie.value)));
    expect(answers.map((r) => r.statusCode).sort()).toEqual([303, 400, 400, 400]);
    expect(answers.filter((r) => r.statusCode === 400).map((r) => r.json().code)).toEqual(
      Array(3).fill("sso.login_expired"),
    );
    expect(await t.db.select().from(ssoLoginStates).where(eq(ssoLoginStates.organisationId, org.id))).toEqual(
      [],
    );
  });

  it("refuses an expired login state", async () => {
    const { org, domain } = await ssoOrganisation();
    const member = await memberAt(org.id, domain, "volunteer");
    const started = await start(org.id);
    const back = await signInAtProvider(
      started.authorizationUrl,
      providerAccount(member.email),
      REDIRECT_URI,
    );
    await t.db
      .update(ssoLoginStates)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(ssoLoginStates.organisationId, org.id));
    expectProblem(await callback(back, started.cookie.value), 400, "sso.login_expired", /abgelaufen/);
  });

  it("sends a browser back to the login page with the reason instead of an error page", async () => {
    const { org, domain } = await ssoOrganisation();
    const member = await memberAt(org.id, domain, "volunteer");
    const started = await start(org.id);
    const back = await signInAtProvider(
      started.authorizationUrl,
      providerAccount(member.email),
      REDIRECT_URI,
    );
    back.searchParams.set("state", "forged");
    const res = await callback(back, started.cookie.value, "text/html,application/xhtml+xml");
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe("/login?sso_error=state_mismatch");
  });

  it("says so when the provider cannot be reached, in the browser and to API clients", async () => {
    const { org } = await ssoOrganisation({ issuer: `http://127.0.0.1:${await freePort()}` });
    const api = await t.app.inject({
      method: "GET",
      url: "/api/auth/sso/start",
      query: { organisationId: org.id },
    });
    expectProblem(api, 424, "sso.provider_unreachable", /nicht erreichbar/);
    const page = await t.app.inject({
      method: "GET",
      url: "/api/auth/sso/start",
      query: { organisationId: org.id },
      headers: { accept: "text/html" },
    });
    expect(page.statusCode).toBe(303);
    expect(page.headers.location).toBe("/login?sso_error=provider_unreachable");
    const check = await coordinator.request("POST", `/api/organisations/${org.id}/sso/check`);
    expect(check.statusCode).toBe(424);
    expect(check.json().code).toBe("sso.provider_unreachable");
  });

  it("answers 404 for an organisation without a provider", async () => {
    const org = await buildOrganisation(t.db);
    const res = await t.app.inject({
      method: "GET",
      url: "/api/auth/sso/start",
      query: { organisationId: org.id },
    });
    expectProblem(res, 404, "sso.not_configured", /keine Anmeldung/);
  });
});

describe("password login of organisations that require SSO", () => {
  const passwordLogin = (email: string, password = DEFAULT_PASSWORD) =>
    t.app.inject({ method: "POST", url: "/api/auth/login", payload: { email, password } });

  it("refuses the right password with a message pointing to the SSO button, and allows it once SSO is optional", async () => {
    const { org, domain } = await ssoOrganisation({ required: true });
    const member = await memberAt(org.id, domain, "counsellor");
    const refused = await passwordLogin(member.email);
    expectProblem(refused, 403, "sso.required", /„Mit Ihrer Organisation anmelden“/);
    const english = await t.app.inject({
      method: "POST",
      url: "/api/auth/login",
      headers: { "accept-language": "en" },
      payload: { email: member.email, password: DEFAULT_PASSWORD },
    });
    expect(english.json().title).toMatch(/Log in with your organisation/);
    // A wrong password still gets the usual answer: the refusal is no way to probe addresses.
    expect((await passwordLogin(member.email, "wrong-password")).json().code).toBe(
      "auth.invalid_credentials",
    );

    await t.db.update(ssoProviders).set({ required: false }).where(eq(ssoProviders.organisationId, org.id));
    expect((await passwordLogin(member.email)).statusCode).toBe(200);
  });

  it("allows the password for the other organisations of a person, but acts for the SSO one only through its provider", async () => {
    const { org, domain } = await ssoOrganisation({ required: true });
    const member = await memberAt(org.id, domain, "counsellor");
    const other = await buildOrganisation(t.db);
    await addMembership(t.db, { userId: member.id, organisationId: other.id, role: "volunteer" });
    const login = await passwordLogin(member.email);
    expect(login.statusCode).toBe(200);
    // The session starts in the organisation that accepts a password, whatever the order.
    expect(login.json().active.organisationId).toBe(other.id);
    const agent = await t.loginAs(member.email);
    const switched = await agent.request("PUT", "/api/session/organisation", {
      body: { organisationId: org.id },
    });
    expectProblem(switched, 403, "sso.required", /anmelden/);
    expect((await agent.request("GET", "/api/session")).json().active.organisationId).toBe(other.id);

    // Through the provider the same person acts for the organisation, and may switch to the other.
    const { res } = await loginThroughProvider(org.id, providerAccount(member.email));
    const cookie = `lotse_session=${res.cookies.find((c) => c.name === "lotse_session")?.value}`;
    const session = (await sessionOf(res)).json();
    expect(session.active.organisationId).toBe(org.id);
    const away = await t.app.inject({
      method: "PUT",
      url: "/api/session/organisation",
      headers: { cookie, "x-csrf-token": session.csrfToken },
      payload: { organisationId: other.id },
    });
    expect(away.statusCode, away.body).toBe(200);
  });

  it("ends password sessions of an organisation as soon as it requires SSO", async () => {
    const { org, domain } = await ssoOrganisation({ required: false });
    const member = await memberAt(org.id, domain, "counsellor");
    const agent = await t.loginAs(member.email);
    expect((await agent.request("GET", "/api/session")).statusCode).toBe(200);
    await t.db.update(ssoProviders).set({ required: true }).where(eq(ssoProviders.organisationId, org.id));
    expect((await agent.request("GET", "/api/session")).statusCode).toBe(401);
  });

  it("takes invited people in through the provider only, not with a password", async () => {
    const { org } = await ssoOrganisation({ required: true });
    const invited = await coordinator.request("POST", `/api/organisations/${org.id}/invitations`, {
      body: { email: `neu.${uniq()}@elsewhere.example`, role: "counsellor" },
    });
    expect(invited.statusCode, invited.body).toBeLessThan(300);
    const [token] = await t.db
      .select()
      .from(mailTokens)
      .where(and(eq(mailTokens.organisationId, org.id), eq(mailTokens.kind, "invitation")));
    expect(token).toBeDefined();
    // The stored hash cannot be turned back into the link; the mail holds the token.
    const mail = await t.db.execute<{ body_text: string }>(
      sql`select body_text from outbox where organisation_id = ${org.id} order by created_at desc limit 1`,
    );
    const link = /token=([\w-]+)/.exec(mail.rows[0]?.body_text ?? "")?.[1] ?? "";
    expect(link).not.toBe("");
    const preview = await t.app.inject({ method: "GET", url: `/api/auth/invitations/${link}` });
    expect(preview.json()).toMatchObject({ ssoRequired: true, organisationId: org.id });
    const accept = await t.app.inject({
      method: "POST",
      url: "/api/auth/invitations/accept",
      payload: { token: link, name: "Neue Person", password: "ein langes Passwort" },
    });
    expectProblem(accept, 403, "sso.required", /anmelden/);
  });

  it("never locks the network coordination out", async () => {
    const { org, coordinator: person } = await buildCoordinator(t.db);
    const res = await coordinator.request("PUT", `/api/organisations/${org.id}/sso`, {
      body: {
        displayName: "Koordination",
        issuer: idp.issuer,
        clientId: idp.clientId,
        clientSecret: idp.clientSecret,
        emailDomains: ["koordination.example"],
        required: true,
      },
    });
    expect(res.statusCode).toBe(200);
    expect((await passwordLogin(person.email)).statusCode).toBe(200);
  });
});

describe("provider settings", () => {
  const body = (secret?: string) => ({
    displayName: "Keycloak Landkreis",
    issuer: idp.issuer,
    clientId: idp.clientId,
    ...(secret ? { clientSecret: secret } : {}),
    emailDomains: ["Landkreis-Test.example", "landkreis-test.example"],
    required: false,
  });

  it("never sends the client secret, only whether one is set", async () => {
    const { org, admin } = await buildOrganisationWithAdmin(t.db);
    const secret = `secret-${uniq()}-${uniq()}`;
    const saved = await coordinator.request("PUT", `/api/organisations/${org.id}/sso`, {
      body: body(secret),
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().provider).toMatchObject({
      clientSecretSet: true,
      emailDomains: ["landkreis-test.example"],
    });
    expect(saved.json().redirectUri).toBe(REDIRECT_URI);
    // Leaving the secret out keeps it.
    const kept = await coordinator.request("PUT", `/api/organisations/${org.id}/sso`, { body: body() });
    expect(kept.statusCode).toBe(200);
    const [row] = await t.db.select().from(ssoProviders).where(eq(ssoProviders.organisationId, org.id));
    expect(row?.clientSecret).toBe(secret);

    const answers = [
      saved,
      kept,
      await coordinator.request("GET", `/api/organisations/${org.id}/sso`),
      await (await t.loginAs(admin.email)).request("GET", `/api/organisations/${org.id}/sso`),
      await coordinator.request("POST", `/api/organisations/${org.id}/sso/check`),
      await t.app.inject({ method: "GET", url: "/api/auth/sso/providers" }),
      await coordinator.request("GET", "/api/audit", { query: { organisationId: org.id } }),
    ];
    for (const res of answers) {
      expect(res.statusCode, res.body).toBe(200);
      expect(res.body).not.toContain(secret);
    }
    expect(answers[4]?.json()).toMatchObject({ issuer: idp.issuer, signingKeys: 1 });
    const audit = await t.db.select().from(auditLog).where(eq(auditLog.organisationId, org.id));
    expect(JSON.stringify(audit)).not.toContain(secret);
  });

  it("needs a secret the first time and an https issuer (plain http only on this machine)", async () => {
    const org = await buildOrganisation(t.db);
    const noSecret = await coordinator.request("PUT", `/api/organisations/${org.id}/sso`, { body: body() });
    expect(noSecret.statusCode).toBe(422);
    expect(noSecret.json().errors[0]).toMatchObject({
      field: "body.clientSecret",
      code: "sso.secret_required",
    });
    const http = await coordinator.request("PUT", `/api/organisations/${org.id}/sso`, {
      body: { ...body("s"), issuer: "http://keycloak.example/realms/lotse" },
    });
    expect(http.statusCode).toBe(422);
    expect(http.json().errors[0]).toMatchObject({ field: "body.issuer", code: "sso.issuer_not_https" });
    const badDomain = await coordinator.request("PUT", `/api/organisations/${org.id}/sso`, {
      body: { ...body("s"), emailDomains: ["https://landkreis.example"] },
    });
    expect(badDomain.statusCode).toBe(400);
  });

  it("lets only the coordination configure, and hides another organisation's settings (404)", async () => {
    const { org, admin } = await buildOrganisationWithAdmin(t.db);
    const { org: otherOrg, admin: otherAdmin } = await buildOrganisationWithAdmin(t.db);
    const counsellor = await buildUser(t.db, { organisationId: org.id, role: "counsellor" });
    await coordinator.request("PUT", `/api/organisations/${org.id}/sso`, { body: body("s") });
    const own = await t.loginAs(admin.email);
    const other = await t.loginAs(otherAdmin.email);

    const read = await own.request("GET", `/api/organisations/${org.id}/sso`);
    expect(read.statusCode).toBe(200);
    expect(read.json().abilities.manage).toBe(false);
    expect(
      (await own.request("PUT", `/api/organisations/${org.id}/sso`, { body: body("x") })).statusCode,
    ).toBe(403);
    expect((await own.request("DELETE", `/api/organisations/${org.id}/sso`)).statusCode).toBe(403);
    expect((await own.request("POST", `/api/organisations/${org.id}/sso/check`)).statusCode).toBe(403);
    const foreign = await other.request("GET", `/api/organisations/${org.id}/sso`);
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json().code).toBe("not_found");
    expect((await other.request("GET", `/api/organisations/${otherOrg.id}/sso`)).json().provider).toBeNull();
    const c = await t.loginAs(counsellor.email);
    expect((await c.request("GET", `/api/organisations/${org.id}/sso`)).statusCode).toBe(403);

    const removed = await coordinator.request("DELETE", `/api/organisations/${org.id}/sso`);
    expect(removed.statusCode).toBe(204);
    expect((await coordinator.request("GET", `/api/organisations/${org.id}/sso`)).json().provider).toBeNull();
    expect((await coordinator.request("DELETE", `/api/organisations/${org.id}/sso`)).statusCode).toBe(404);
  });

  it("lists the organisations with a provider publicly, without credentials", async () => {
    const { org, domain } = await ssoOrganisation();
    const res = await t.app.inject({ method: "GET", url: "/api/auth/sso/providers" });
    const item = res.json().items.find((i: { organisationId: string }) => i.organisationId === org.id);
    expect(item).toEqual({
      organisationId: org.id,
      organisationName: org.name,
      displayName: "Dienstkonto Test",
      emailDomains: [domain],
    });
  });
});
