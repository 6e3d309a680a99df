import { and, count, desc, eq, gt, isNull, lt, min, sql } from "drizzle-orm";
import type { Db, Tx } from "#server/db/client.ts";
import { activateInvitation } from "#server/modules/members/invitations.ts";
import { audit } from "#server/platform/audit.ts";
import { AppError } from "#server/platform/errors.ts";
import { createSession } from "#server/platform/session.ts";
import { mailTokens, memberships, organisations, users } from "#server/platform/tables.ts";
import { newToken, tokenHash } from "#server/platform/tokens.ts";
import {
  authorizationUrl,
  discover,
  discoveryFailed,
  type IdentityClaims,
  loginProblem,
  newLoginSecrets,
  type ProviderCredentials,
  redeemCode,
  unreachable,
} from "./oidc.ts";
import { ssoLoginStates, ssoProviders } from "./tables.ts";

/** A started login must come back within this time; the cookie lives as long. */
export const LOGIN_MINUTES = 10;
/** Open logins per client address: enough for a shared office, too few to fill the table. */
const MAX_OPEN_LOGINS_PER_ADDRESS = 30;

const fail = (status: number, reason: string) => new AppError(status, `sso.${reason}`);

/**
 * The path to continue to after login: only paths inside Lotse, never another site. Browsers
 * drop tabs and line breaks from a Location and read a backslash as a slash, so "/\t/evil"
 * would become "//evil": paths with either are refused.
 */
function safeReturnTo(value: string | undefined): string {
  if (!value?.startsWith("/") || value.startsWith("//")) return "/";
  const unsafe = [...value].some((c) => c === "\\" || c.charCodeAt(0) <= 0x20 || c.charCodeAt(0) === 0x7f);
  return unsafe ? "/" : value;
}

async function discoverForLogin(provider: ProviderCredentials) {
  try {
    return await discover(provider);
  } catch (err) {
    // Unreachable, or answering with something that is no provider metadata: either way the
    // person can only try again later.
    if (discoveryFailed(err)) throw unreachable();
    throw err;
  }
}

/**
 * Starts a login through an organisation's provider: stores state, nonce and PKCE verifier in
 * PostgreSQL under the hash of a fresh browser token, and returns that token (for the cookie)
 * with the provider's authorization URL.
 */
export async function startLogin(p: {
  db: Db;
  organisationId: string;
  next: string | undefined;
  ip: string;
  redirectUri: string;
}) {
  const [provider] = await p.db
    .select({ provider: ssoProviders })
    .from(ssoProviders)
    .innerJoin(organisations, eq(organisations.id, ssoProviders.organisationId))
    .where(and(eq(ssoProviders.organisationId, p.organisationId), eq(organisations.status, "active")));
  if (!provider) throw fail(404, "not_configured");
  // Expired logins are of no use to anybody; each start sweeps them away.
  await p.db.delete(ssoLoginStates).where(lt(ssoLoginStates.expiresAt, sql`now()`));
  const addressHash = tokenHash(p.ip);
  const [open] = await p.db
    .select({ n: count(), oldest: min(ssoLoginStates.expiresAt) })
    .from(ssoLoginStates)
    .where(and(eq(ssoLoginStates.addressHash, addressHash), gt(ssoLoginStates.expiresAt, sql`now()`)));
  if ((open?.n ?? 0) >= MAX_OPEN_LOGINS_PER_ADDRESS) {
    const oldest = open?.oldest ? new Date(open.oldest).getTime() : Date.now() + LOGIN_MINUTES * 60_000;
    const retryAfter = Math.max(1, Math.ceil((oldest - Date.now()) / 1000));
    throw new AppError(429, "sso.rate_limited", { headers: { "retry-after": String(retryAfter) } });
  }
  const config = await discoverForLogin(provider.provider);
  const secrets = newLoginSecrets();
  const browserToken = newToken();
  await p.db.insert(ssoLoginStates).values({
    id: tokenHash(browserToken),
    providerId: provider.provider.id,
    organisationId: p.organisationId,
    ...secrets,
    returnTo: safeReturnTo(p.next),
    addressHash,
    expiresAt: new Date(Date.now() + LOGIN_MINUTES * 60_000),
  });
  const url = await authorizationUrl(config, { redirectUri: p.redirectUri, ...secrets });
  return { browserToken, url: url.href };
}

/**
 * Completes a login from the provider's answer. The login state is consumed first, with one
 * DELETE … RETURNING, so that it works once, even when two instances get the same answer at the
 * same moment. Then state and issuer of the answer, the code (with the PKCE verifier) and the
 * ID token (with the nonce) are checked; the person is matched by verified address to an active
 * membership of the provider's organisation or an open invitation to it; and a normal Lotse
 * session starts. Every refusal after the state was found is audited for the organisation.
 */
export async function completeLogin(p: {
  db: Db;
  browserToken: string | undefined;
  callbackUrl: URL;
  requestId: string;
}): Promise<{ sessionToken: string; returnTo: string }> {
  if (!p.browserToken) throw fail(400, "login_expired");
  const [login] = await p.db
    .delete(ssoLoginStates)
    .where(eq(ssoLoginStates.id, tokenHash(p.browserToken)))
    .returning({
      providerId: ssoLoginStates.providerId,
      organisationId: ssoLoginStates.organisationId,
      state: ssoLoginStates.state,
      nonce: ssoLoginStates.nonce,
      codeVerifier: ssoLoginStates.codeVerifier,
      returnTo: ssoLoginStates.returnTo,
      live: sql<boolean>`${ssoLoginStates.expiresAt} > now()`,
    });
  if (!login?.live) throw fail(400, "login_expired");
  try {
    const [provider] = await p.db.select().from(ssoProviders).where(eq(ssoProviders.id, login.providerId));
    if (!provider) throw fail(404, "not_configured");
    const answer = p.callbackUrl.searchParams;
    // Checked here as well as by openid-client, to name the fault precisely.
    if (answer.get("state") !== login.state) throw fail(400, "state_mismatch");
    const config = await discoverForLogin(provider);
    const iss = answer.get("iss");
    if (iss !== null && iss !== config.serverMetadata().issuer) throw fail(400, "issuer_mismatch");
    const claims = await redeemCode(config, p.callbackUrl, login);
    const sessionToken = await signIn(p.db, { provider, claims, requestId: p.requestId });
    return { sessionToken, returnTo: login.returnTo };
  } catch (err) {
    const problem = loginProblem(err);
    await audit(
      p.db,
      { requestId: p.requestId },
      {
        action: "auth.login_failed",
        entity: "user",
        organisationId: login.organisationId,
        details: { method: "sso", reason: problem?.code ?? "internal" },
      },
    );
    throw problem ?? err;
  }
}

/** Matches the verified address to a member or an invitee of the provider's organisation and opens a session. */
async function signIn(
  db: Db,
  p: { provider: typeof ssoProviders.$inferSelect; claims: IdentityClaims; requestId: string },
): Promise<string> {
  const organisationId = p.provider.organisationId;
  if (!p.claims.email) throw fail(403, "email_missing");
  if (!p.claims.emailVerified) throw fail(403, "email_not_verified");
  const email = p.claims.email.trim().toLowerCase();
  // A provider vouches only for its own domains: whoever runs a mail domain could reset the
  // passwords of its addresses anyway, so trusting its provider for them gives nothing away.
  const domain = email.slice(email.lastIndexOf("@") + 1);
  if (!p.provider.emailDomains.includes(domain)) throw fail(403, "email_domain_mismatch");
  return db.transaction(async (tx) => {
    const [user] = await tx
      .select()
      .from(users)
      .where(eq(sql`lower(${users.email})`, email));
    if (user && user.status !== "active") throw fail(403, "account_inactive");
    const [membership] = user
      ? await tx
          .select({ id: memberships.id })
          .from(memberships)
          .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
          .where(
            and(
              eq(memberships.userId, user.id),
              eq(memberships.organisationId, organisationId),
              eq(memberships.status, "active"),
              eq(organisations.status, "active"),
            ),
          )
      : [];
    const userId = membership && user ? user.id : await acceptOpenInvitation(tx, p, email, user?.id);
    const sessionToken = await createSession(tx, userId, organisationId, {
      ssoOrganisationId: organisationId,
    });
    await tx.update(users).set({ lastLoginAt: sql`now()` }).where(eq(users.id, userId));
    await audit(
      tx,
      { requestId: p.requestId, actor: { userId, organisationId } },
      {
        action: "auth.login",
        entity: "user",
        entityId: userId,
        organisationId,
        details: { method: "sso", providerId: p.provider.id },
      },
    );
    return sessionToken;
  });
}

/**
 * Takes the newest open invitation of the address to the organisation, as accepting the
 * invitation link does: the account is created if needed (without a password: it logs in
 * through the provider, or sets one with "Passwort vergessen"), the membership becomes active.
 */
async function acceptOpenInvitation(
  tx: Tx,
  p: { provider: typeof ssoProviders.$inferSelect; claims: IdentityClaims; requestId: string },
  email: string,
  existingUserId: string | undefined,
): Promise<string> {
  const organisationId = p.provider.organisationId;
  // FOR UPDATE: a second, simultaneous login waits here and then finds the invitation used.
  const [invitation] = await tx
    .select()
    .from(mailTokens)
    .where(
      and(
        eq(mailTokens.kind, "invitation"),
        eq(mailTokens.organisationId, organisationId),
        eq(sql`lower(${mailTokens.email})`, email),
        isNull(mailTokens.usedAt),
        gt(mailTokens.expiresAt, sql`now()`),
      ),
    )
    .orderBy(desc(mailTokens.createdAt))
    .limit(1)
    .for("update");
  if (!invitation) throw fail(403, "no_membership");
  return activateInvitation(tx, {
    invitation,
    existingUserId,
    // Without a password: the person logs in through the provider, or sets one with "Passwort vergessen".
    name: p.claims.name?.trim() || email.slice(0, email.indexOf("@")),
    passwordHash: null,
    requestId: p.requestId,
    method: "sso",
  });
}
