import { z } from "zod";
import { Id, Timestamp } from "./common.ts";

/** A mail domain such as landkreis-harz.de: lower case, at least one dot, no scheme or path. */
export const EmailDomain = z
  .string()
  .trim()
  .toLowerCase()
  .max(253)
  .regex(/^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/)
  .describe("Mail domain whose addresses the provider vouches for, e.g. landkreis-harz.de");

/** What the coordination enters for an organisation's OpenID Connect provider. */
export const SsoProviderInput = z.object({
  displayName: z
    .string()
    .trim()
    .min(2)
    .max(100)
    .describe("Name of the provider as people know it, e.g. 'Dienstkonto Landkreis Harz'"),
  issuer: z
    .url()
    .max(500)
    .describe("Issuer URL; for Keycloak https://host/realms/realm. https only, except on localhost"),
  clientId: z.string().trim().min(1).max(200).describe("Client id of Lotse at the provider"),
  clientSecret: z
    .string()
    .min(1)
    .max(500)
    .optional()
    .describe("Client secret; required the first time, left out to keep the stored one"),
  emailDomains: z
    .array(EmailDomain)
    .min(1)
    .max(20)
    .describe("The provider is trusted only for addresses of these domains"),
  required: z.boolean().describe("Members of the organisation may not log in with a password"),
});
export type SsoProviderInput = z.infer<typeof SsoProviderInput>;

/** An organisation's provider as the API shows it: never the secret, only whether one is stored. */
export const SsoProvider = z.object({
  displayName: z.string(),
  issuer: z.string(),
  clientId: z.string(),
  clientSecretSet: z.boolean().describe("Whether a client secret is stored; the secret itself is never sent"),
  emailDomains: z.array(z.string()),
  required: z.boolean(),
  updatedAt: Timestamp,
});
export type SsoProvider = z.infer<typeof SsoProvider>;

export const SsoSettings = z
  .object({
    organisationId: Id,
    redirectUri: z.string().describe("The redirect URI to register for Lotse's client at the provider"),
    provider: SsoProvider.nullable().describe("Null while the organisation has no provider"),
    abilities: z.object({ manage: z.boolean().describe("Whether the caller may change or remove it") }),
  })
  .meta({ id: "SsoSettings" });
export type SsoSettings = z.infer<typeof SsoSettings>;

export const SsoOrgParams = z.object({ orgId: Id });

/** What "Verbindung prüfen" found at the issuer. */
export const SsoCheckResult = z.object({
  issuer: z.string(),
  authorizationEndpoint: z.string(),
  tokenEndpoint: z.string(),
  signingKeys: z.number().int().describe("Number of keys the provider publishes for signing ID tokens"),
});

/** An organisation that offers login through its provider, for the choice on the login page. */
export const SsoLoginOption = z.object({
  organisationId: Id,
  organisationName: z.string(),
  displayName: z.string(),
  emailDomains: z
    .array(z.string())
    .describe("Lets the login page suggest the organisation for a typed address"),
});
export type SsoLoginOption = z.infer<typeof SsoLoginOption>;
export const SsoLoginOptions = z.object({ items: z.array(SsoLoginOption) });
export type SsoLoginOptions = z.infer<typeof SsoLoginOptions>;

export const SsoStartQuery = z.object({
  organisationId: Id,
  next: z.string().max(500).optional().describe("Path inside Lotse to continue to after the login"),
});

/** The provider's answer; Lotse reads the whole URL, the schema only bounds its parts. */
export const SsoCallbackQuery = z.object({
  code: z.string().max(2000).optional(),
  state: z.string().max(500).optional(),
  iss: z.string().max(500).optional(),
  error: z.string().max(200).optional(),
});

/**
 * Why an SSO login failed; each is `sso.<reason>` in problem details and `errors.sso.<reason>`
 * in the catalogues. The login page shows these after a failed callback (`?sso_error=`).
 */
export const SSO_LOGIN_ERRORS = [
  "login_expired",
  "state_mismatch",
  "nonce_mismatch",
  "issuer_mismatch",
  "code_rejected",
  "response_invalid",
  "provider_error",
  "provider_rejected",
  "provider_unreachable",
  "not_configured",
  "email_missing",
  "email_not_verified",
  "email_domain_mismatch",
  "no_membership",
  "account_inactive",
  "rate_limited",
  "failed",
] as const;
export type SsoLoginError = (typeof SSO_LOGIN_ERRORS)[number];
