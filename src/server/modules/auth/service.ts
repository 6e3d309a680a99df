import { and, asc, eq, isNull, sql } from "drizzle-orm";
import type { Db, Tx } from "#server/db/client.ts";
import { assertMayActFor, firstPasswordMembership } from "#server/modules/sso/policy.ts";
import { audit } from "#server/platform/audit.ts";
import { AppError, invalidField } from "#server/platform/errors.ts";
import { translator } from "#server/platform/i18n.ts";
import { enqueueMail, type Mailer } from "#server/platform/mail.ts";
import { hashPassword, verifyPassword } from "#server/platform/passwords.ts";
import { addressKey, consume, refund } from "#server/platform/rate-limit.ts";
import {
  type Actor,
  createSession,
  destroySession,
  destroyUserSessions,
  switchSessionOrganisation,
} from "#server/platform/session.ts";
import { mailTokens, memberships, organisations, users } from "#server/platform/tables.ts";
import { newToken, takeToken, tokenHash } from "#server/platform/tokens.ts";
import type { SessionInfo } from "#shared/contracts/auth.ts";
import type { Locale } from "#shared/domain.ts";
import { permissionsOf } from "#shared/permissions.ts";

const RESET_MINUTES = 30;
const invalidCredentials = () => new AppError(401, "auth.invalid_credentials");
const invalidToken = () => new AppError(400, "auth.invalid_token");

/** Active memberships of a user in active organisations, oldest first. */
async function activeMemberships(db: Tx, userId: string) {
  return (
    db
      .select({
        membershipId: memberships.id,
        organisationId: organisations.id,
        organisationName: organisations.name,
        role: memberships.role,
      })
      .from(memberships)
      .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
      .where(
        and(
          eq(memberships.userId, userId),
          eq(memberships.status, "active"),
          eq(organisations.status, "active"),
        ),
      )
      // Memberships made in one transaction share a creation time; the name keeps the first one stable.
      .orderBy(asc(memberships.createdAt), asc(organisations.name), asc(memberships.id))
  );
}

/** What the client needs to know about the logged-in user: identity, acting role, switcher, abilities. */
export async function presentSession(db: Tx, actor: Actor): Promise<SessionInfo> {
  const list = await activeMemberships(db, actor.userId);
  return {
    user: { id: actor.userId, name: actor.userName, email: actor.email, locale: actor.locale },
    active: {
      membershipId: actor.membershipId,
      organisationId: actor.organisationId,
      organisationName: actor.organisationName,
      role: actor.role,
    },
    memberships: list.map((m) => ({ ...m, role: m.role })),
    permissions: permissionsOf(actor.role),
    csrfToken: actor.csrfToken,
  };
}

/** Checks e-mail and password under the rate limits and opens a new session. Returns the cookie token. */
export async function login(p: {
  db: Db;
  email: string;
  password: string;
  ip: string;
  requestId: string;
  /** Attempts per minute from one address (LOTSE_LOGIN_RATE_LIMIT). */
  addressLimit?: number;
}) {
  const email = p.email.trim().toLowerCase();
  // Counted before the slow password check, so parallel guesses cannot all pass; a success gives
  // its attempt back.
  const account = await consume(p.db, "login.account", email);
  const address = await consume(p.db, "login.address", addressKey(p.ip), p.addressLimit);
  const [user] = await p.db
    .select()
    .from(users)
    .where(eq(sql`lower(${users.email})`, email));
  const ok = await verifyPassword(user?.passwordHash, p.password);
  const list = ok && user?.status === "active" ? await activeMemberships(p.db, user.id) : [];
  if (!user || list.length === 0) {
    await audit(
      p.db,
      { requestId: p.requestId },
      {
        action: "auth.login_failed",
        entity: "user",
        entityId: user?.id ?? null,
        organisationId: null,
      },
    );
    throw invalidCredentials();
  }
  await refund(p.db, account);
  await refund(p.db, address);
  // Only after the password was right, so that the refusal reveals no address: the session starts
  // in the first organisation that accepts a password; none does when all require single sign-on.
  const start = await firstPasswordMembership(p.db, list);
  if (!start) throw new AppError(403, "sso.required");
  return p.db.transaction(async (tx) => {
    const token = await createSession(tx, user.id, start.organisationId);
    await tx.update(users).set({ lastLoginAt: sql`now()` }).where(eq(users.id, user.id));
    await audit(
      tx,
      { requestId: p.requestId, actor: { userId: user.id, organisationId: start.organisationId } },
      {
        action: "auth.login",
        entity: "user",
        entityId: user.id,
        organisationId: start.organisationId,
      },
    );
    return token;
  });
}

export async function logout(p: { db: Db; actor: Actor; requestId: string }) {
  await p.db.transaction(async (tx) => {
    await destroySession(tx, p.actor.sessionId);
    await audit(tx, p, {
      action: "auth.logout",
      entity: "user",
      entityId: p.actor.userId,
      organisationId: p.actor.organisationId,
    });
  });
}

/** Lets a user act for another of their organisations, within the same session. */
export async function switchOrganisation(p: {
  db: Db;
  actor: Actor;
  requestId: string;
  organisationId: string;
}) {
  const target = (await activeMemberships(p.db, p.actor.userId)).find(
    (m) => m.organisationId === p.organisationId,
  );
  if (!target) throw invalidField("organisationId", "auth.membership_not_found");
  await assertMayActFor(p.db, { ...target, ssoOrganisationId: p.actor.ssoOrganisationId });
  await p.db.transaction(async (tx) => {
    await switchSessionOrganisation(tx, p.actor.sessionId, target.organisationId);
    await audit(
      tx,
      { ...p, actor: { ...p.actor, organisationId: target.organisationId } },
      {
        action: "auth.switch_organisation",
        entity: "organisation",
        entityId: target.organisationId,
        organisationId: target.organisationId,
      },
    );
  });
  return { ...p.actor, ...target, role: target.role };
}

export async function setLocale(p: { db: Db; actor: Actor; requestId: string; locale: Locale }) {
  await p.db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ locale: p.locale, updatedAt: sql`now()` })
      .where(eq(users.id, p.actor.userId));
    await audit(tx, p, {
      action: "user.update",
      entity: "user",
      entityId: p.actor.userId,
      organisationId: p.actor.organisationId,
      details: { fields: ["locale"] },
    });
  });
}

/** Sends a reset link if the address belongs to an active account; answers the same either way. */
export async function requestPasswordReset(p: {
  db: Db;
  mailer: Mailer;
  publicUrl: string;
  email: string;
  ip: string;
  requestId: string;
}) {
  await consume(p.db, "password_reset.address", addressKey(p.ip));
  const [user] = await p.db
    .select()
    .from(users)
    .where(and(eq(sql`lower(${users.email})`, p.email.trim().toLowerCase()), eq(users.status, "active")));
  if (!user) return;
  const token = newToken();
  const t = translator(user.locale);
  await p.db.transaction(async (tx) => {
    await tx.insert(mailTokens).values({
      kind: "password_reset",
      tokenHash: tokenHash(token),
      email: user.email,
      userId: user.id,
      expiresAt: new Date(Date.now() + RESET_MINUTES * 60_000),
    });
    await enqueueMail(tx, p.mailer, {
      to: user.email,
      template: "password_reset",
      subject: t("mail.password_reset.subject"),
      body: t("mail.password_reset.body", {
        link: `${p.publicUrl}/reset-password?token=${token}`,
        minutes: RESET_MINUTES,
      }),
    });
    await audit(
      tx,
      { requestId: p.requestId },
      {
        action: "auth.password_reset_requested",
        entity: "user",
        entityId: user.id,
        organisationId: null,
      },
    );
  });
}

/** Sets a new password from a reset link and ends every session of the account. */
export async function confirmPasswordReset(p: {
  db: Db;
  token: string;
  password: string;
  requestId: string;
}) {
  const passwordHash = await hashPassword(p.password);
  await p.db.transaction(async (tx) => {
    const row = await takeToken(tx, "password_reset", p.token);
    if (!row.userId) throw invalidToken();
    // Every open reset link of the account dies with this one: an older mail must not reset it again.
    await tx
      .update(mailTokens)
      .set({ usedAt: sql`now()` })
      .where(
        and(
          eq(mailTokens.kind, "password_reset"),
          eq(mailTokens.userId, row.userId),
          isNull(mailTokens.usedAt),
        ),
      );
    await tx.update(users).set({ passwordHash, updatedAt: sql`now()` }).where(eq(users.id, row.userId));
    await destroyUserSessions(tx, row.userId);
    await audit(
      tx,
      { requestId: p.requestId },
      {
        action: "auth.password_reset",
        entity: "user",
        entityId: row.userId,
        organisationId: null,
      },
    );
  });
}
