import type { FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import { PROTECTED_PROBLEMS, Problem } from "#shared/contracts/common.ts";
import {
  SsoCallbackQuery,
  SsoCheckResult,
  SsoLoginOptions,
  SsoOrgParams,
  SsoProviderInput,
  SsoSettings,
  SsoStartQuery,
} from "#shared/contracts/sso.ts";
import type { App, Deps } from "../../deps.ts";
import { ctxOf } from "../../platform/context.ts";
import { AppError } from "../../platform/errors.ts";
import { SESSION_COOKIE } from "../../platform/session.ts";
import { completeLogin, LOGIN_MINUTES, startLogin } from "./login.ts";
import {
  checkSsoProvider,
  getSsoSettings,
  listLoginOptions,
  redirectUriOf,
  removeSsoProvider,
  saveSsoProvider,
} from "./service.ts";

const tags = ["sso"];
/** Binds a started login to the browser; sent only to the SSO paths. */
const LOGIN_COOKIE = "lotse_sso";
const LOGIN_COOKIE_PATH = "/api/auth/sso";
const REDIRECT = z.null().describe("Redirect (Location header)");

export function registerSsoRoutes(app: App, { db, config }: Deps) {
  const ctx = (request: FastifyRequest) => ctxOf(db, request);
  const publicUrl = config.publicUrl;
  const cookieBase = (request: FastifyRequest) => ({
    httpOnly: true,
    // Lax: the provider's redirect back is a top-level GET navigation, which carries Lax cookies.
    sameSite: "lax" as const,
    secure: config.secureCookies || request.protocol === "https",
  });

  /**
   * A browser (Accept: text/html) that fails to log in lands on the login page with the reason;
   * other clients get the problem details.
   */
  async function orLoginPage(
    request: FastifyRequest,
    reply: FastifyReply,
    run: () => Promise<FastifyReply>,
  ): Promise<FastifyReply> {
    try {
      return await run();
    } catch (err) {
      if (!(request.headers.accept ?? "").includes("text/html")) throw err;
      const code = err instanceof AppError && err.code.startsWith("sso.") ? err.code.slice(4) : "failed";
      if (!(err instanceof AppError)) request.log.error({ err }, "sso login failed");
      reply.clearCookie(LOGIN_COOKIE, { path: LOGIN_COOKIE_PATH });
      return reply.redirect(`/login?sso_error=${encodeURIComponent(code)}`, 303);
    }
  }

  app.get(
    "/api/organisations/:orgId/sso",
    {
      config: { access: "sso_provider.read" },
      schema: {
        tags,
        summary: "An organisation's single sign-on provider (the secret only as set / not set)",
        params: SsoOrgParams,
        response: { 200: SsoSettings, ...PROTECTED_PROBLEMS },
      },
    },
    async (request) => getSsoSettings({ ...ctx(request), organisationId: request.params.orgId, publicUrl }),
  );

  app.put(
    "/api/organisations/:orgId/sso",
    {
      config: { access: "sso_provider.manage" },
      schema: {
        tags,
        summary: "Configure an organisation's OpenID Connect provider",
        params: SsoOrgParams,
        body: SsoProviderInput,
        response: { 200: SsoSettings, ...PROTECTED_PROBLEMS, 422: Problem },
      },
    },
    async (request) =>
      saveSsoProvider({
        ...ctx(request),
        organisationId: request.params.orgId,
        publicUrl,
        input: request.body,
      }),
  );

  app.delete(
    "/api/organisations/:orgId/sso",
    {
      config: { access: "sso_provider.manage" },
      schema: {
        tags,
        summary: "Remove an organisation's provider",
        params: SsoOrgParams,
        response: { 204: z.null(), ...PROTECTED_PROBLEMS },
      },
    },
    async (request, reply) => {
      await removeSsoProvider({ ...ctx(request), organisationId: request.params.orgId });
      return reply.code(204).send(null);
    },
  );

  app.post(
    "/api/organisations/:orgId/sso/check",
    {
      config: { access: "sso_provider.manage" },
      schema: {
        tags,
        summary: "Check that the provider's discovery document and signing keys can be read",
        params: SsoOrgParams,
        response: { 200: SsoCheckResult, ...PROTECTED_PROBLEMS, 422: Problem, 424: Problem },
      },
    },
    async (request) => checkSsoProvider({ ...ctx(request), organisationId: request.params.orgId }),
  );

  app.get(
    "/api/auth/sso/providers",
    {
      config: { access: "public" },
      schema: {
        tags,
        summary: "Organisations whose staff can log in through their own provider",
        response: { 200: SsoLoginOptions },
      },
    },
    async () => listLoginOptions({ db }),
  );

  app.get(
    "/api/auth/sso/start",
    {
      config: { access: "public" },
      schema: {
        tags,
        summary: "Start a login through the organisation's provider (redirects there)",
        querystring: SsoStartQuery,
        response: { 302: REDIRECT, 303: REDIRECT, 400: Problem, 404: Problem, 429: Problem, 424: Problem },
      },
    },
    async (request, reply) =>
      orLoginPage(request, reply, async () => {
        const { browserToken, url } = await startLogin({
          db,
          organisationId: request.query.organisationId,
          next: request.query.next,
          ip: request.ip,
          redirectUri: redirectUriOf(publicUrl),
        });
        reply.setCookie(LOGIN_COOKIE, browserToken, {
          ...cookieBase(request),
          path: LOGIN_COOKIE_PATH,
          maxAge: LOGIN_MINUTES * 60,
        });
        return reply.redirect(url, 302);
      }),
  );

  app.get(
    "/api/auth/sso/callback",
    {
      config: { access: "public" },
      schema: {
        tags,
        summary: "The provider's answer: opens a Lotse session and redirects into the app",
        querystring: SsoCallbackQuery,
        response: { 303: REDIRECT, 400: Problem, 403: Problem, 404: Problem, 424: Problem },
      },
    },
    async (request, reply) =>
      orLoginPage(request, reply, async () => {
        const browserToken = request.cookies[LOGIN_COOKIE];
        // The login state is used up whatever happens next.
        reply.clearCookie(LOGIN_COOKIE, { path: LOGIN_COOKIE_PATH });
        // The public address, not the Host header: it must equal the redirect URI sent at the start.
        const callbackUrl = new URL(request.url, `${publicUrl}/`);
        const { sessionToken, returnTo } = await completeLogin({
          db,
          browserToken,
          callbackUrl,
          requestId: request.id,
        });
        reply.setCookie(SESSION_COOKIE, sessionToken, { ...cookieBase(request), path: "/" });
        return reply.redirect(returnTo, 303);
      }),
  );
}
