import { and, eq, gt, lt, sql } from "drizzle-orm";
import type { Db, Tx } from "#server/db/client.ts";
import { ssoProviders } from "#server/modules/sso/tables.ts";
import type { Locale, Role } from "#shared/domain.ts";
import { memberships, organisations, sessions, users } from "./tables.ts";
import { newToken, tokenHash } from "./tokens.ts";

export const SESSION_COOKIE = "lotse_session";
/** A session ends after 8 hours without a request, and after 7 days at the latest. */
const IDLE_MS = 8 * 60 * 60 * 1000;
const ABSOLUTE_MS = 7 * 24 * 60 * 60 * 1000;
/** last_seen_at is written at most this often, so that reads do not turn into writes. */
const TOUCH_MS = 60 * 1000;

/** The person behind a request, acting for one organisation in one role. */
export type Actor = {
  userId: string;
  userName: string;
  email: string;
  locale: Locale;
  membershipId: string;
  organisationId: string;
  organisationName: string;
  role: Role;
  sessionId: string;
  csrfToken: string;
  /** The organisation whose provider opened the session; null after a password login. */
  ssoOrganisationId: string | null;
};

/** Starts a new session (a new id at every login) and returns the cookie token. */
export async function createSession(
  db: Tx,
  userId: string,
  organisationId: string,
  opts: { ssoOrganisationId?: string } = {},
): Promise<string> {
  const token = newToken();
  await db.insert(sessions).values({
    id: tokenHash(token),
    userId,
    organisationId,
    ssoOrganisationId: opts.ssoOrganisationId ?? null,
    csrfToken: newToken(),
    expiresAt: new Date(Date.now() + IDLE_MS),
  });
  return token;
}

/** Resolves a cookie token to its actor; a session of a deactivated user, membership or organisation is void. */
export async function loadActor(db: Db, token: string): Promise<Actor | undefined> {
  const id = tokenHash(token);
  const [row] = await db
    .select({
      sessionId: sessions.id,
      csrfToken: sessions.csrfToken,
      ssoOrganisationId: sessions.ssoOrganisationId,
      createdAt: sessions.createdAt,
      lastSeenAt: sessions.lastSeenAt,
      userId: users.id,
      userName: users.name,
      email: users.email,
      locale: users.locale,
      membershipId: memberships.id,
      organisationId: organisations.id,
      organisationName: organisations.name,
      role: memberships.role,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .innerJoin(
      memberships,
      and(eq(memberships.userId, sessions.userId), eq(memberships.organisationId, sessions.organisationId)),
    )
    .innerJoin(organisations, eq(organisations.id, sessions.organisationId))
    .leftJoin(ssoProviders, eq(ssoProviders.organisationId, sessions.organisationId))
    .where(
      and(
        eq(sessions.id, id),
        gt(sessions.expiresAt, sql`now()`),
        gt(sessions.createdAt, sql`now() - make_interval(secs => ${ABSOLUTE_MS / 1000})`),
        eq(users.status, "active"),
        eq(memberships.status, "active"),
        // Login refuses an inactive organisation; a session that is already open must not outlive it.
        eq(organisations.status, "active"),
        // An organisation that requires single sign-on accepts only sessions its own provider
        // opened, also one that was open before it began to require it (the coordination excepted).
        sql`(${ssoProviders.required} is not true or ${sessions.ssoOrganisationId} = ${sessions.organisationId}
          or ${memberships.role} = 'network_coordinator')`,
      ),
    );
  if (!row) return undefined;
  if (Date.now() - row.lastSeenAt.getTime() > TOUCH_MS) {
    await db
      .update(sessions)
      .set({ lastSeenAt: sql`now()`, expiresAt: new Date(Date.now() + IDLE_MS) })
      .where(eq(sessions.id, id));
  }
  return {
    sessionId: row.sessionId,
    csrfToken: row.csrfToken,
    userId: row.userId,
    userName: row.userName,
    email: row.email,
    locale: row.locale,
    membershipId: row.membershipId,
    organisationId: row.organisationId,
    organisationName: row.organisationName,
    role: row.role,
    ssoOrganisationId: row.ssoOrganisationId,
  };
}

/** Ends one session on the server; the cookie alone is worth nothing afterwards. */
export async function destroySession(db: Tx, sessionId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, sessionId));
}

/** Ends every session of a user, e.g. after a password reset or deactivation. */
export async function destroyUserSessions(db: Tx, userId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.userId, userId));
}

export async function switchSessionOrganisation(db: Tx, sessionId: string, organisationId: string) {
  await db.update(sessions).set({ organisationId }).where(eq(sessions.id, sessionId));
}

/** Deletes expired sessions; run by the scheduler. */
export async function pruneSessions(db: Db): Promise<void> {
  await db.delete(sessions).where(lt(sessions.expiresAt, sql`now()`));
}
