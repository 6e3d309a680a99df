import type { FastifyReply, FastifyRequest } from "fastify";
import type { App, Deps } from "#server/deps.ts";
import { ctxOf } from "#server/platform/context.ts";
import { AppError } from "#server/platform/errors.ts";
import { route } from "#server/platform/route.ts";
import { SESSION_COOKIE } from "#server/platform/session.ts";
import { ssoRoutes } from "#shared/contracts/routes/sso.ts";
import { completeLogin, LOGIN_MINUTES, startLogin } from "./login.ts";
import {
  checkSsoProvider,
  getSsoSettings,
  listLoginOptions,
  redirectUriOf,
  removeSsoProvider,
  saveSsoProvider,
} from "./service.ts";

/** Binds a started login to the browser; sent only to the SSO paths. */
const LOGIN_COOKIE = "lotse_sso";
const LOGIN_COOKIE_PATH = "/api/auth/sso";

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

  route(app, ssoRoutes.settings, async (request) =>
    getSsoSettings({ ...ctx(request), organisationId: request.params.orgId, publicUrl }),
  );

  route(app, ssoRoutes.save, async (request) =>
    saveSsoProvider({
      ...ctx(request),
      organisationId: request.params.orgId,
      publicUrl,
      input: request.body,
    }),
  );

  route(app, ssoRoutes.remove, async (request, reply) => {
    await removeSsoProvider({ ...ctx(request), organisationId: request.params.orgId });
    return reply.code(204).send(null);
  });

  route(app, ssoRoutes.check, async (request) =>
    checkSsoProvider({ ...ctx(request), organisationId: request.params.orgId }),
  );

  route(app, ssoRoutes.providers, async () => listLoginOptions({ db }));

  route(app, ssoRoutes.start, async (request, reply) =>
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

  route(app, ssoRoutes.callback, async (request, reply) =>
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
