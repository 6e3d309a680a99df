import { z } from "zod";
import { PROTECTED_PROBLEMS, Problem } from "#shared/contracts/common.ts";
import { defineRoute } from "#shared/contracts/route.ts";
import {
  SsoCallbackQuery,
  SsoCheckResult,
  SsoLoginOptions,
  SsoOrgParams,
  SsoProviderInput,
  SsoSettings,
  SsoStartQuery,
} from "#shared/contracts/sso.ts";

const tags = ["sso"];
const REDIRECT = z.null().describe("Redirect (Location header)");

/** Routes of the sso module. */
export const ssoRoutes = {
  settings: defineRoute({
    method: "GET",
    path: "/api/organisations/:orgId/sso",
    access: "sso_provider.read",
    tags,
    summary: "An organisation's single sign-on provider (the secret only as set / not set)",
    params: SsoOrgParams,
    response: { 200: SsoSettings, ...PROTECTED_PROBLEMS },
  }),
  save: defineRoute({
    method: "PUT",
    path: "/api/organisations/:orgId/sso",
    access: "sso_provider.manage",
    tags,
    summary: "Configure an organisation's OpenID Connect provider",
    params: SsoOrgParams,
    body: SsoProviderInput,
    response: { 200: SsoSettings, ...PROTECTED_PROBLEMS, 422: Problem },
  }),
  remove: defineRoute({
    method: "DELETE",
    path: "/api/organisations/:orgId/sso",
    access: "sso_provider.manage",
    tags,
    summary: "Remove an organisation's provider",
    params: SsoOrgParams,
    response: { 204: z.null(), ...PROTECTED_PROBLEMS },
  }),
  check: defineRoute({
    method: "POST",
    path: "/api/organisations/:orgId/sso/check",
    access: "sso_provider.manage",
    tags,
    summary: "Check that the provider's discovery document and signing keys can be read",
    params: SsoOrgParams,
    response: { 200: SsoCheckResult, ...PROTECTED_PROBLEMS, 422: Problem, 424: Problem },
  }),
  providers: defineRoute({
    method: "GET",
    path: "/api/auth/sso/providers",
    access: "public",
    tags,
    summary: "Organisations whose staff can log in through their own provider",
    response: { 200: SsoLoginOptions },
  }),
  start: defineRoute({
    method: "GET",
    path: "/api/auth/sso/start",
    access: "public",
    tags,
    summary: "Start a login through the organisation's provider (redirects there)",
    query: SsoStartQuery,
    response: { 302: REDIRECT, 303: REDIRECT, 400: Problem, 404: Problem, 429: Problem, 424: Problem },
  }),
  callback: defineRoute({
    method: "GET",
    path: "/api/auth/sso/callback",
    access: "public",
    tags,
    summary: "The provider's answer: opens a Lotse session and redirects into the app",
    query: SsoCallbackQuery,
    response: { 303: REDIRECT, 400: Problem, 403: Problem, 404: Problem, 424: Problem },
  }),
};
