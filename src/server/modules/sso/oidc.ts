import * as client from "openid-client";
import { AppError } from "#server/platform/errors.ts";

/** How long Lotse waits for a provider before it calls it unreachable. */
const TIMEOUT_SECONDS = 10;
/** Provider metadata and signing keys are kept this long per instance; a changed configuration starts afresh. */
const CACHE_MS = 5 * 60_000;
const SCOPE = "openid email profile";

/** The provider's credentials as stored; updatedAt versions the cached discovery. */
export type ProviderCredentials = {
  id: string;
  issuer: string;
  clientId: string;
  clientSecret: string;
  updatedAt: Date;
};

/** What Lotse needs from the provider about the person: identifier and address. */
export type IdentityClaims = {
  sub: string;
  email: string | undefined;
  emailVerified: boolean;
  name: string | undefined;
};

/** Plain http is accepted only for a provider on this machine (tests, development). */
export function isLocalHttp(url: URL): boolean {
  return url.protocol === "http:" && ["127.0.0.1", "localhost", "[::1]"].includes(url.hostname);
}

/** Production providers speak https; anything else would send codes and secrets in the clear. */
export function issuerAllowed(issuer: string): boolean {
  const url = new URL(issuer);
  return url.protocol === "https:" || isLocalHttp(url);
}

// Metadata and keys are public and the same for every instance, so a per-process cache is safe;
// the login state is not cached here but lives in PostgreSQL.
const cache = new Map<string, { config: client.Configuration; until: number }>();

/** Reads the provider's discovery document (and, through openid-client, later its keys). */
export async function discover(p: ProviderCredentials, opts: { fresh?: boolean } = {}) {
  const key = `${p.id}:${p.updatedAt.getTime()}`;
  const hit = cache.get(key);
  if (!opts.fresh && hit && hit.until > Date.now()) return hit.config;
  const issuer = new URL(p.issuer);
  const config = await client.discovery(
    issuer,
    p.clientId,
    p.clientSecret,
    client.ClientSecretPost(p.clientSecret),
    { timeout: TIMEOUT_SECONDS, execute: isLocalHttp(issuer) ? [client.allowInsecureRequests] : [] },
  );
  for (const k of cache.keys()) if (k.startsWith(`${p.id}:`)) cache.delete(k);
  cache.set(key, { config, until: Date.now() + CACHE_MS });
  return config;
}

/** Counts the provider's published signing keys; a check that the JWKS endpoint answers. */
export async function countSigningKeys(config: client.Configuration): Promise<number> {
  const jwksUri = config.serverMetadata().jwks_uri;
  if (!jwksUri) return 0;
  const res = await fetch(jwksUri, { signal: AbortSignal.timeout(TIMEOUT_SECONDS * 1000) });
  if (!res.ok) throw new Error(`JWKS answered ${res.status}`);
  const body = (await res.json()) as { keys?: unknown[] };
  return Array.isArray(body.keys) ? body.keys.length : 0;
}

/** Fresh secrets of one login: state and nonce against forgery, the PKCE verifier against code theft. */
export function newLoginSecrets() {
  return {
    state: client.randomState(),
    nonce: client.randomNonce(),
    codeVerifier: client.randomPKCECodeVerifier(),
  };
}

/** The URL that sends the browser to the provider: authorization code flow with PKCE S256. */
export async function authorizationUrl(
  config: client.Configuration,
  p: { redirectUri: string; state: string; nonce: string; codeVerifier: string },
): Promise<URL> {
  return client.buildAuthorizationUrl(config, {
    redirect_uri: p.redirectUri,
    scope: SCOPE,
    response_type: "code",
    code_challenge: await client.calculatePKCECodeChallenge(p.codeVerifier),
    code_challenge_method: "S256",
    state: p.state,
    nonce: p.nonce,
  });
}

/**
 * Redeems the code from the provider's answer and verifies the ID token (signature, issuer,
 * audience, expiry, nonce). Address and its verification come from the ID token, or — where
 * the provider keeps them for the userinfo endpoint, as oidc-provider does — from there, for the
 * same subject.
 */
export async function redeemCode(
  config: client.Configuration,
  callbackUrl: URL,
  checks: { state: string; nonce: string; codeVerifier: string },
): Promise<IdentityClaims> {
  const tokens = await client.authorizationCodeGrant(config, callbackUrl, {
    pkceCodeVerifier: checks.codeVerifier,
    expectedState: checks.state,
    expectedNonce: checks.nonce,
    idTokenExpected: true,
  });
  const idToken = tokens.claims();
  if (!idToken) throw new AppError(400, "sso.response_invalid");
  let source: Record<string, unknown> = idToken;
  if (idToken.email === undefined || idToken.email_verified === undefined) {
    source = await client.fetchUserInfo(config, tokens.access_token, idToken.sub);
  }
  const name = typeof source.name === "string" ? source.name : idToken.name;
  return {
    sub: idToken.sub,
    email: typeof source.email === "string" ? source.email : undefined,
    // Only a real boolean true counts; "true" as a string or a missing claim do not.
    emailVerified: source.email_verified === true,
    name: typeof name === "string" ? name : undefined,
  };
}

/** Turns what openid-client or the network threw into one of the login's stable problem codes. */
export function loginProblem(err: unknown): AppError | undefined {
  if (err instanceof AppError) return err;
  if (err instanceof client.AuthorizationResponseError) return new AppError(400, "sso.provider_error");
  if (err instanceof client.ResponseBodyError) {
    // invalid_grant: the code was used before, belongs to another client or provider, or PKCE failed.
    return new AppError(400, err.error === "invalid_grant" ? "sso.code_rejected" : "sso.provider_rejected");
  }
  if (err instanceof client.ClientError) {
    const claim = (err.cause as { cause?: { claim?: unknown } } | undefined)?.cause?.claim;
    if (err.code === "OAUTH_JWT_CLAIM_COMPARISON_FAILED" && claim === "nonce")
      return new AppError(400, "sso.nonce_mismatch");
    if (err.code === "OAUTH_JWT_CLAIM_COMPARISON_FAILED" && claim === "iss")
      return new AppError(400, "sso.issuer_mismatch");
    return new AppError(400, "sso.response_invalid");
  }
  if (isNetworkFailure(err)) return unreachable();
  return undefined;
}

/**
 * A provider that did not answer, or not in time: 424 Failed Dependency. The request depended on
 * the organisation's provider, which failed; Lotse itself did not, and keeps 5xx for its own faults.
 */
export const unreachable = () => new AppError(424, "sso.provider_unreachable");

/** Whether discovery failed because of the provider: no answer, or no usable metadata. */
export function discoveryFailed(err: unknown): boolean {
  return isNetworkFailure(err) || err instanceof client.ClientError;
}

export function isNetworkFailure(err: unknown): boolean {
  return (
    err instanceof TypeError ||
    (err instanceof DOMException && (err.name === "TimeoutError" || err.name === "AbortError"))
  );
}
