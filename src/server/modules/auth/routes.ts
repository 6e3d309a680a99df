import type { FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import {
  AcceptInvitationBody,
  InvitationInfo,
  InvitationToken,
  LocaleBody,
  LoginBody,
  PasswordResetConfirmBody,
  PasswordResetRequestBody,
  SessionInfo,
  SwitchOrganisationBody,
} from "#shared/contracts/auth.ts";
import { Problem } from "#shared/contracts/common.ts";
import type { App, Deps } from "../../deps.ts";
import { unauthenticated } from "../../platform/errors.ts";
import { type Actor, loadActor, SESSION_COOKIE } from "../../platform/session.ts";
import { acceptInvitation, describeInvitation } from "../members/invitations.ts";
import * as auth from "./service.ts";

const tags = ["auth"];
const problems = { 400: Problem, 401: Problem, 403: Problem, 429: Problem };

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

  app.post(
    "/api/auth/login",
    {
      config: { access: "public" },
      schema: {
        tags,
        summary: "Log in with e-mail and password",
        body: LoginBody,
        response: { 200: SessionInfo, ...problems },
      },
    },
    async (request, reply) => {
      const token = await auth.login({ db, ...request.body, ip: request.ip, requestId: request.id });
      return startSession(request, reply, token);
    },
  );

  app.post(
    "/api/auth/logout",
    {
      config: { access: "authenticated" },
      schema: { tags, summary: "End the session on the server", response: { 204: z.null(), ...problems } },
    },
    async (request, reply) => {
      await auth.logout({ db, actor: actorOf(request), requestId: request.id });
      reply.clearCookie(SESSION_COOKIE, { path: "/" });
      return reply.code(204).send(null);
    },
  );

  app.get(
    "/api/session",
    {
      config: { access: "authenticated" },
      schema: { tags, summary: "The current session", response: { 200: SessionInfo, 401: Problem } },
    },
    async (request) => auth.presentSession(db, actorOf(request)),
  );

  app.put(
    "/api/session/organisation",
    {
      config: { access: "authenticated" },
      schema: {
        tags,
        summary: "Act for another of one's organisations",
        body: SwitchOrganisationBody,
        response: { 200: SessionInfo, ...problems, 403: Problem, 422: Problem },
      },
    },
    async (request) => {
      const actor = await auth.switchOrganisation({
        db,
        actor: actorOf(request),
        requestId: request.id,
        ...request.body,
      });
      return auth.presentSession(db, actor);
    },
  );

  app.put(
    "/api/session/locale",
    {
      config: { access: "authenticated" },
      schema: {
        tags,
        summary: "Remember the preferred interface language",
        body: LocaleBody,
        response: { 204: z.null(), ...problems },
      },
    },
    async (request, reply) => {
      await auth.setLocale({ db, actor: actorOf(request), requestId: request.id, ...request.body });
      return reply.code(204).send(null);
    },
  );

  app.post(
    "/api/auth/password-reset/request",
    {
      config: { access: "public" },
      schema: {
        tags,
        summary: "Mail a reset link (answers the same for unknown addresses)",
        body: PasswordResetRequestBody,
        response: { 202: z.null(), ...problems },
      },
    },
    async (request, reply) => {
      await auth.requestPasswordReset({
        db,
        mailer,
        publicUrl: config.publicUrl,
        ip: request.ip,
        requestId: request.id,
        ...request.body,
      });
      return reply.code(202).send(null);
    },
  );

  app.post(
    "/api/auth/password-reset/confirm",
    {
      config: { access: "public" },
      schema: {
        tags,
        summary: "Set a new password with the token from the mail",
        body: PasswordResetConfirmBody,
        response: { 204: z.null(), ...problems },
      },
    },
    async (request, reply) => {
      await auth.confirmPasswordReset({ db, requestId: request.id, ...request.body });
      return reply.code(204).send(null);
    },
  );

  app.get(
    "/api/auth/invitations/:token",
    {
      config: { access: "public" },
      schema: {
        tags,
        summary: "What an invitation link offers",
        params: InvitationToken,
        response: { 200: InvitationInfo, ...problems },
      },
    },
    async (request) => describeInvitation({ db, token: request.params.token }),
  );

  app.post(
    "/api/auth/invitations/accept",
    {
      config: { access: "public" },
      schema: {
        tags,
        summary: "Accept an invitation and log in",
        body: AcceptInvitationBody,
        response: { 200: SessionInfo, ...problems, 422: Problem },
      },
    },
    async (request, reply) => {
      const token = await acceptInvitation({ db, ip: request.ip, requestId: request.id, ...request.body });
      return startSession(request, reply, token);
    },
  );
}
