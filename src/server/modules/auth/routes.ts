import type { FastifyReply, FastifyRequest } from "fastify";
import type { App, Deps } from "#server/deps.ts";
import { acceptInvitation, describeInvitation } from "#server/modules/members/invitations.ts";
import { unauthenticated } from "#server/platform/errors.ts";
import { route } from "#server/platform/route.ts";
import { type Actor, loadActor, SESSION_COOKIE } from "#server/platform/session.ts";
import { authRoutes } from "#shared/contracts/routes/auth.ts";
import * as auth from "./service.ts";

export function registerAuthRoutes(app: App, { db, config, mailer }: Deps) {
  const actorOf = (request: FastifyRequest): Actor => {
    if (!request.actor) throw unauthenticated();
    return request.actor;
  };

  /** Sets the session cookie and answers with the new session, as login and invitation acceptance do. */
  async function startSession(request: FastifyRequest, reply: FastifyReply, token: string) {
    reply.setCookie(SESSION_COOKIE, token, {
      httpOnly: true,
      sameSite: "lax",
      secure: config.secureCookies || request.protocol === "https",
      path: "/",
    });
    const actor = await loadActor(db, token);
    if (!actor) throw unauthenticated();
    return auth.presentSession(db, actor);
  }

  route(app, authRoutes.login, async (request, reply) => {
    const token = await auth.login({
      db,
      ...request.body,
      ip: request.ip,
      requestId: request.id,
      addressLimit: config.loginRateLimit,
    });
    return startSession(request, reply, token);
  });

  route(app, authRoutes.logout, async (request, reply) => {
    await auth.logout({ db, actor: actorOf(request), requestId: request.id });
    reply.clearCookie(SESSION_COOKIE, { path: "/" });
    return reply.code(204).send(null);
  });

  route(app, authRoutes.session, async (request) => auth.presentSession(db, actorOf(request)));

  route(app, authRoutes.switchOrganisation, async (request) => {
    const actor = await auth.switchOrganisation({
      db,
      actor: actorOf(request),
      requestId: request.id,
      ...request.body,
    });
    return auth.presentSession(db, actor);
  });

  route(app, authRoutes.setLocale, async (request, reply) => {
    await auth.setLocale({ db, actor: actorOf(request), requestId: request.id, ...request.body });
    return reply.code(204).send(null);
  });

  route(app, authRoutes.requestPasswordReset, async (request, reply) => {
    await auth.requestPasswordReset({
      db,
      mailer,
      publicUrl: config.publicUrl,
      ip: request.ip,
      requestId: request.id,
      ...request.body,
    });
    return reply.code(202).send(null);
  });

  route(app, authRoutes.confirmPasswordReset, async (request, reply) => {
    await auth.confirmPasswordReset({ db, requestId: request.id, ...request.body });
    return reply.code(204).send(null);
  });

  route(app, authRoutes.invitation, async (request) =>
    describeInvitation({ db, token: request.params.token }),
  );

  route(app, authRoutes.acceptInvitation, async (request, reply) => {
    const token = await acceptInvitation({ db, ip: request.ip, requestId: request.id, ...request.body });
    return startSession(request, reply, token);
  });
}
