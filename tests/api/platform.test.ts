import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import type { LightMyRequestResponse } from "fastify";
import { afterAll, describe, expect, it } from "vitest";
import { auditLog, organisations, users } from "../../src/server/db/schema.ts";
import { declaredRoutes } from "../../src/server/platform/access.ts";
import { resources } from "../../src/shared/i18n/index.ts";
import { CHECKED_IN_USE_CASES, PERMISSION_KEYS } from "../../src/shared/permissions.ts";
import { createTestApp } from "../helpers/app.ts";
import {
  buildOrganisation,
  buildOrganisationWithAdmin,
  buildUser,
  DEFAULT_PASSWORD,
} from "../helpers/factories.ts";

// A stand-in for the built web app, so that page responses can be checked without a client build.
const clientDir = fs.mkdtempSync(path.join(os.tmpdir(), "lotse-client-"));
fs.writeFileSync(
  path.join(clientDir, "index.html"),
  '<!doctype html><html lang="de"><head><script type="module" src="/assets/app.js"></script></head><body></body></html>',
);
afterAll(() => fs.rmSync(clientDir, { recursive: true, force: true }));

const t = await createTestApp({ clientDir });

function directives(res: LightMyRequestResponse): Map<string, string[]> {
  const csp = String(res.headers["content-security-policy"] ?? "");
  return new Map(
    csp
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name = "", ...values]) => [name, values]),
  );
}

function expectSecurityHeaders(res: LightMyRequestResponse) {
  const csp = directives(res);
  const scriptSrc = csp.get("script-src") ?? csp.get("default-src");
  expect(scriptSrc).toBeDefined();
  expect(scriptSrc).not.toContain("'unsafe-inline'");
  expect(scriptSrc).not.toContain("'unsafe-eval'");
  expect(csp.get("frame-ancestors")).toEqual(["'none'"]);
  expect(res.headers["x-content-type-options"]).toBe("nosniff");
  expect(res.headers["referrer-policy"]).toBeTruthy();
}

describe("security headers", () => {
  it("are set on an API response", async () => {
    const res = await t.app.inject({ method: "GET", url: "/api/health" });
    expect(res.statusCode).toBe(200);
    expectSecurityHeaders(res);
    expect(res.headers["cache-control"]).toBe("no-store");
  });

  it("are set on a page of the web app", async () => {
    const res = await t.app.inject({ method: "GET", url: "/organisations/123/members" });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toContain("text/html");
    expect(res.body).toContain("<!doctype html>");
    expectSecurityHeaders(res);
  });

  it("are set on an error response", async () => {
    const res = await t.app.inject({ method: "GET", url: "/api/session" });
    expect(res.statusCode).toBe(401);
    expectSecurityHeaders(res);
  });
});

describe("CSRF protection", () => {
  async function adminOfFreshOrganisation() {
    const { org, admin } = await buildOrganisationWithAdmin(t.db);
    return { org, agent: await t.loginAs(admin.email) };
  }
  async function expectUnchanged(orgId: string, name: string, res: LightMyRequestResponse) {
    const [row] = await t.db.select().from(organisations).where(eq(organisations.id, orgId));
    expect(row?.name).toBe(name);
    const requestId = String(res.headers["x-request-id"]);
    expect(await t.db.select().from(auditLog).where(eq(auditLog.requestId, requestId))).toEqual([]);
  }

  it("refuses an authenticated write without the CSRF token and changes nothing", async () => {
    const { org, agent } = await adminOfFreshOrganisation();
    const res = await t.app.inject({
      method: "PATCH",
      url: `/api/organisations/${org.id}`,
      headers: { cookie: agent.cookie },
      payload: { name: "Geändert ohne Token" },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe("csrf");
    await expectUnchanged(org.id, org.name, res);
  });

  it("refuses an authenticated write with a wrong CSRF token and changes nothing", async () => {
    const { org, agent } = await adminOfFreshOrganisation();
    const other = await adminOfFreshOrganisation();
    for (const token of ["wrong", other.agent.csrfToken]) {
      const res = await agent.request("PATCH", `/api/organisations/${org.id}`, {
        body: { name: "Geändert mit falschem Token" },
        headers: { "x-csrf-token": token },
      });
      expect(res.statusCode).toBe(403);
      expect(res.json().code).toBe("csrf");
      await expectUnchanged(org.id, org.name, res);
    }
  });

  it("refuses a write from a foreign origin, even with the right token", async () => {
    const { org, agent } = await adminOfFreshOrganisation();
    const res = await agent.request("PATCH", `/api/organisations/${org.id}`, {
      body: { name: "Geändert von fremder Seite" },
      headers: { origin: "https://evil.example", host: "lotse.test" },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe("csrf");
    await expectUnchanged(org.id, org.name, res);
  });

  it("refuses a login from a foreign origin", async () => {
    const { admin } = await buildOrganisationWithAdmin(t.db);
    const res = await t.app.inject({
      method: "POST",
      url: "/api/auth/login",
      headers: { origin: "https://evil.example", host: "lotse.test" },
      payload: { email: admin.email, password: DEFAULT_PASSWORD },
    });
    expect(res.statusCode).toBe(403);
    expect(res.cookies.find((c) => c.name === "lotse_session")).toBeUndefined();
  });

  it("accepts a write from its own origin with the right token", async () => {
    const { org, agent } = await adminOfFreshOrganisation();
    const res = await agent.request("PATCH", `/api/organisations/${org.id}`, {
      body: { name: "Geändert von der eigenen Seite" },
      headers: { origin: "http://lotse.test", host: "lotse.test" },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().name).toBe("Geändert von der eigenen Seite");
  });
});

describe("problem details", () => {
  const unauthenticated = (headers: Record<string, string> = {}) =>
    t.app.inject({ method: "GET", url: "/api/session", headers });

  it("are German by default", async () => {
    const res = await unauthenticated();
    expect(res.headers["content-type"]).toContain("application/problem+json");
    expect(res.json()).toMatchObject({
      status: 401,
      code: "unauthenticated",
      title: resources.de.errors.unauthenticated,
    });
  });

  it("follow Accept-Language for English and Arabic", async () => {
    const cases: [string, string][] = [
      ["en", resources.en.errors.unauthenticated],
      ["en-GB,en;q=0.9", resources.en.errors.unauthenticated],
      ["fr-FR, ar;q=0.8, en;q=0.5", resources.ar.errors.unauthenticated],
      ["ar", resources.ar.errors.unauthenticated],
      ["fr", resources.de.errors.unauthenticated],
    ];
    for (const [header, title] of cases) {
      const res = await unauthenticated({ "accept-language": header });
      expect({ header, title: res.json().title }).toEqual({ header, title });
    }
    expect(resources.en.errors.unauthenticated).not.toBe(resources.de.errors.unauthenticated);
    expect(resources.ar.errors.unauthenticated).not.toBe(resources.de.errors.unauthenticated);
  });

  it("fall back to the user's preferred language when the request names none", async () => {
    const org = await buildOrganisation(t.db);
    const user = await buildUser(t.db, { organisationId: org.id, role: "counsellor" });
    await t.db.update(users).set({ locale: "en" }).where(eq(users.id, user.id));
    const agent = await t.loginAs(user.email);
    const res = await agent.request("GET", "/api/audit");
    expect(res.statusCode).toBe(403);
    expect(res.json().title).toBe(resources.en.errors.forbidden);
  });

  it("translate the messages of field errors", async () => {
    const res = await t.app.inject({
      method: "POST",
      url: "/api/auth/login",
      headers: { "accept-language": "ar" },
      payload: { email: "not-an-address", password: "x" },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().title).toBe(resources.ar.errors.validation);
    expect(res.json().errors).toEqual([
      { field: "body.email", code: "invalid_email", message: resources.ar.validation.invalid_email },
    ]);
  });

  it("carry the request id as instance", async () => {
    for (const res of [
      await unauthenticated(),
      await t.app.inject({ method: "POST", url: "/api/auth/login", payload: { email: "x" } }),
      await t.app.inject({ method: "GET", url: "/api/does-not-exist" }),
    ]) {
      const requestId = res.headers["x-request-id"];
      expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
      expect(res.json().instance).toBe(requestId);
    }
  });

  it("answer an unknown API path with 404, whatever the method and session", async () => {
    const { admin } = await buildOrganisationWithAdmin(t.db);
    const agent = await t.loginAs(admin.email);
    for (const res of [
      await t.app.inject({ method: "GET", url: "/api/does-not-exist" }),
      await t.app.inject({ method: "POST", url: "/api/does-not-exist", payload: {} }),
      await agent.request("GET", "/api/organisations/x/y/z"),
      await agent.request("DELETE", "/api/does-not-exist"),
    ]) {
      expect(res.statusCode).toBe(404);
      expect(res.headers["content-type"]).toContain("application/problem+json");
      expect(res.json()).toMatchObject({
        status: 404,
        code: "not_found",
        title: resources.de.errors.not_found,
      });
    }
  });

  it("answer an unknown API path with JSON, never with the web app's page", async () => {
    const res = await t.app.inject({ method: "GET", url: "/api/nothing-here" });
    expect(res.statusCode).toBe(404);
    expect(res.body).not.toContain("<!doctype html>");
  });
});

describe("route access", () => {
  const levels = new Set<string>(["public", "authenticated", ...PERMISSION_KEYS]);
  const apiRoutes = () => declaredRoutes.filter((r) => r.url.startsWith("/api/"));

  it("declares for every API route a level that is public, authenticated or a registry permission", () => {
    expect(apiRoutes().length).toBeGreaterThan(0);
    const undeclared = apiRoutes().filter((r) => r.access === undefined || !levels.has(r.access));
    expect(undeclared).toEqual([]);
  });

  it("uses every permission of the registry in at least one route", () => {
    const used = new Set(apiRoutes().map((r) => r.access));
    const unused = PERMISSION_KEYS.filter((p) => !used.has(p));
    expect(unused).toEqual([...CHECKED_IN_USE_CASES]);
  });

  it("keeps the public routes to the ones meant for people without a session", () => {
    const open = [
      ...new Set(
        apiRoutes()
          .filter((r) => r.access === "public")
          .map((r) => `${r.method} ${r.url}`),
      ),
    ].sort();
    expect(open).toEqual(
      [
        "GET /api/auth/invitations/:token",
        "GET /api/auth/sso/callback",
        "GET /api/auth/sso/providers",
        "GET /api/auth/sso/start",
        "GET /api/health",
        "GET /api/hsds",
        "GET /api/hsds/organizations",
        "GET /api/hsds/organizations/:id",
        "GET /api/hsds/service_at_locations",
        "GET /api/hsds/service_at_locations/:id",
        "GET /api/hsds/services",
        "GET /api/hsds/services/:id",
        "GET /api/hsds/taxonomies",
        "GET /api/hsds/taxonomies/:id",
        "GET /api/hsds/taxonomy_terms",
        "GET /api/hsds/taxonomy_terms/:id",
        "GET /api/finder/districts",
        "GET /api/finder/offers",
        // The public keys that verify signed Europass exports: a verifier has no session.
        "GET /api/competences/jwks",
        "GET /api/finder/offers/:id",
        "GET /api/openapi.json",
        "POST /api/auth/invitations/accept",
        "POST /api/auth/login",
        "POST /api/auth/password-reset/confirm",
        "POST /api/auth/password-reset/request",
        // Trainings: applying without an account, the personal evaluation link, the calendar
        // address a calendar app fetches, and the verification a certificate's reader opens.
        "GET /api/training-applications/cohorts",
        "GET /api/training-applications/cohorts/:cohortId",
        "POST /api/training-applications/cohorts/:cohortId",
        "GET /api/training-evaluations/:token",
        "POST /api/training-evaluations/:token",
        "GET /api/training-feeds/:token.ics",
        "GET /api/training-certificates/verify/:code",
      ].sort(),
    );
  });
});

describe("platform endpoints", () => {
  it("reports health after a database round trip", async () => {
    const res = await t.app.inject({ method: "GET", url: "/api/health" });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: "ok" });
  });

  it("serves the OpenAPI 3.1 document", async () => {
    const res = await t.app.inject({ method: "GET", url: "/api/openapi.json" });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toMatch(/^3\.1\.\d+$/);
    expect(doc.info.title).toBe("Lotse API");
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(["/api/auth/login", "/api/organisations/{id}"]),
    );
  });
});

describe("order of checks", () => {
  it("answers 403 to a role without the permission before looking at its input", async () => {
    const org = await buildOrganisation(t.db);
    const volunteer = await buildUser(t.db, { organisationId: org.id, role: "volunteer" });
    const agent = await t.loginAs(volunteer.email);
    const res = await agent.request("POST", `/api/organisations/${org.id}/invitations`, {
      body: { email: 42 },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().errors).toBeUndefined();
  });

  it("accepts a write whose Origin is the public address, as behind a proxy that rewrites Host", async () => {
    const { admin } = await buildOrganisationWithAdmin(t.db);
    const agent = await t.loginAs(admin.email);
    const res = await agent.request("PUT", "/api/session/locale", {
      body: { locale: "en" },
      headers: { origin: "http://lotse.test", host: "10.0.0.5:3000" },
    });
    expect(res.statusCode).toBe(204);
  });
});
