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
import { defineRoute } from "#shared/contracts/route.ts";

const tags = ["auth"];
const problems = { 400: Problem, 401: Problem, 403: Problem, 429: Problem };

/** Routes of the auth module. */
export const authRoutes = {
  login: defineRoute({
    method: "POST",
    path: "/api/auth/login",
    access: "public",
    tags,
    summary: "Log in with e-mail and password",
    body: LoginBody,
    response: { 200: SessionInfo, ...problems },
  }),
  logout: defineRoute({
    method: "POST",
    path: "/api/auth/logout",
    access: "authenticated",
    tags,
    summary: "End the session on the server",
    response: { 204: z.null(), ...problems },
  }),
  session: defineRoute({
    method: "GET",
    path: "/api/session",
    access: "authenticated",
    tags,
    summary: "The current session",
    response: { 200: SessionInfo, 401: Problem },
  }),
  switchOrganisation: defineRoute({
    method: "PUT",
    path: "/api/session/organisation",
    access: "authenticated",
    tags,
    summary: "Act for another of one's organisations",
    body: SwitchOrganisationBody,
    response: { 200: SessionInfo, ...problems, 403: Problem, 422: Problem },
  }),
  setLocale: defineRoute({
    method: "PUT",
    path: "/api/session/locale",
    access: "authenticated",
    tags,
    summary: "Remember the preferred interface language",
    body: LocaleBody,
    response: { 204: z.null(), ...problems },
  }),
  requestPasswordReset: defineRoute({
    method: "POST",
    path: "/api/auth/password-reset/request",
    access: "public",
    tags,
    summary: "Mail a reset link (answers the same for unknown addresses)",
    body: PasswordResetRequestBody,
    response: { 202: z.null(), ...problems },
  }),
  confirmPasswordReset: defineRoute({
    method: "POST",
    path: "/api/auth/password-reset/confirm",
    access: "public",
    tags,
    summary: "Set a new password with the token from the mail",
    body: PasswordResetConfirmBody,
    response: { 204: z.null(), ...problems },
  }),
  invitation: defineRoute({
    method: "GET",
    path: "/api/auth/invitations/:token",
    access: "public",
    tags,
    summary: "What an invitation link offers",
    params: InvitationToken,
    response: { 200: InvitationInfo, ...problems },
  }),
  acceptInvitation: defineRoute({
    method: "POST",
    path: "/api/auth/invitations/accept",
    access: "public",
    tags,
    summary: "Accept an invitation and log in",
    body: AcceptInvitationBody,
    response: { 200: SessionInfo, ...problems, 422: Problem },
  }),
};
