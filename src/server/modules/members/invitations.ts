import { and, desc, eq, gt, isNull, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Db, Tx } from "#server/db/client.ts";
import { assertMayActFor, requiresSso } from "#server/modules/sso/policy.ts";
import { audit } from "#server/platform/audit.ts";
import type { Ctx } from "#server/platform/context.ts";
import { AppError, invalidField, notFound } from "#server/platform/errors.ts";
import { translator } from "#server/platform/i18n.ts";
import { enqueueMail, type Mailer } from "#server/platform/mail.ts";
import { hashPassword, verifyPassword } from "#server/platform/passwords.ts";
import { consume, refund } from "#server/platform/rate-limit.ts";
import { createSession } from "#server/platform/session.ts";
import { mailTokens, memberships, organisations, users } from "#server/platform/tables.ts";
import { scopedOrganisation } from "#server/platform/tenancy.ts";
import { newToken, takeToken, tokenHash } from "#server/platform/tokens.ts";
import type { InvitationCreate } from "#shared/contracts/members.ts";
import type { Locale, Role } from "#shared/domain.ts";
import { assertRoleFits } from "./policy.ts";

const INVITATION_DAYS = 7;

function presentInvitation(row: typeof mailTokens.$inferSelect) {
  return {
    id: row.id,
    email: row.email,
    role: row.role as Role,
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt.toISOString(),
    usedAt: row.usedAt?.toISOString() ?? null,
  };
}

/** Open invitations of an organisation, newest first. */
export async function listInvitations(ctx: Ctx & { organisationId: string }) {
  await scopedOrganisation(ctx.db, ctx.actor, ctx.organisationId);
  const rows = await ctx.db
    .select()
    .from(mailTokens)
    .where(
      and(
        eq(mailTokens.kind, "invitation"),
        eq(mailTokens.organisationId, ctx.organisationId),
        isNull(mailTokens.usedAt),
        gt(mailTokens.expiresAt, sql`now()`),
      ),
    )
    .orderBy(desc(mailTokens.createdAt));
  await audit(ctx.db, ctx, {
    action: "invitation.list",
    entity: "invitation",
    organisationId: ctx.organisationId,
    details: { invitationIds: rows.map((r) => r.id) },
  });
  return { items: rows.map(presentInvitation) };
}

/** Invites a person by e-mail into an organisation with a role; the link arrives by mail (or the outbox). */
export async function inviteMember(
  ctx: Ctx & {
    organisationId: string;
    input: z.infer<typeof InvitationCreate>;
    mailer: Mailer;
    publicUrl: string;
  },
) {
  const org = await scopedOrganisation(ctx.db, ctx.actor, ctx.organisationId);
  const { email, role } = ctx.input;
  assertRoleFits(ctx.actor, org, role);
  if (org.status !== "active") throw new AppError(422, "organisation.inactive");
  const [existing] = await ctx.db
    .select({ userId: users.id, locale: users.locale, membershipStatus: memberships.status })
    .from(users)
    .leftJoin(memberships, and(eq(memberships.userId, users.id), eq(memberships.organisationId, org.id)))
    .where(eq(sql`lower(${users.email})`, email.toLowerCase()));
  if (existing?.membershipStatus === "active") throw invalidField("email", "member.email_taken");
  const token = newToken();
  const t = translator((existing?.locale as Locale | undefined) ?? ctx.actor.locale);
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(mailTokens)
      .values({
        kind: "invitation",
        tokenHash: tokenHash(token),
        email,
        organisationId: org.id,
        role,
        createdBy: ctx.actor.userId,
        expiresAt: new Date(Date.now() + INVITATION_DAYS * 86_400_000),
      })
      .returning();
    if (!row) throw new Error("insert returned nothing");
    await enqueueMail(tx, ctx.mailer, {
      to: email,
      template: "invitation",
      organisationId: org.id,
      subject: t("mail.invitation.subject", { organisation: org.name }),
      body: t("mail.invitation.body", {
        inviter: ctx.actor.userName,
        organisation: org.name,
        role: t(`roles.${role}`),
        link: `${ctx.publicUrl}/invitation?token=${token}`,
        days: INVITATION_DAYS,
      }),
    });
    await audit(tx, ctx, {
      action: "invitation.create",
      entity: "invitation",
      entityId: row.id,
      organisationId: org.id,
      details: { role },
    });
    return presentInvitation(row);
  });
}

export async function revokeInvitation(ctx: Ctx & { organisationId: string; invitationId: string }) {
  await scopedOrganisation(ctx.db, ctx.actor, ctx.organisationId);
  await ctx.db.transaction(async (tx) => {
    const deleted = await tx
      .delete(mailTokens)
      .where(
        and(
          eq(mailTokens.id, ctx.invitationId),
          eq(mailTokens.kind, "invitation"),
          eq(mailTokens.organisationId, ctx.organisationId),
          isNull(mailTokens.usedAt),
        ),
      )
      .returning({ id: mailTokens.id });
    if (deleted.length === 0) throw notFound();
    await audit(tx, ctx, {
      action: "invitation.revoke",
      entity: "invitation",
      entityId: ctx.invitationId,
      organisationId: ctx.organisationId,
    });
  });
}

/** What the invitation page shows before the person accepts. */
export async function describeInvitation(p: { db: Db; token: string }) {
  const row = await p.db.transaction((tx) => takeToken(tx, "invitation", p.token));
  const [org] = await p.db
    .select()
    .from(organisations)
    .where(eq(organisations.id, row.organisationId ?? ""));
  if (!org) throw new AppError(400, "auth.invalid_token");
  const [user] = await p.db
    .select({ id: users.id })
    .from(users)
    .where(eq(sql`lower(${users.email})`, row.email.toLowerCase()));
  return {
    email: row.email,
    organisationName: org.name,
    role: row.role as Role,
    existingAccount: Boolean(user),
    organisationId: org.id,
    ssoRequired: row.role !== "network_coordinator" && (await requiresSso(p.db, org.id)),
  };
}

/**
 * Accepts an invitation: a new person sets name and password; an existing account proves itself
 * with its password. Either way the membership becomes active and a session starts.
 */
export async function acceptInvitation(p: {
  db: Db;
  token: string;
  name?: string | undefined;
  password: string;
  ip: string;
  requestId: string;
}): Promise<string> {
  const preview = await p.db.transaction((tx) => takeToken(tx, "invitation", p.token));
  // An organisation that requires single sign-on takes its people in through its provider only.
  await assertMayActFor(p.db, {
    organisationId: preview.organisationId ?? "",
    role: preview.role ?? "volunteer",
    ssoOrganisationId: null,
  });
  const [existing] = await p.db
    .select()
    .from(users)
    .where(eq(sql`lower(${users.email})`, preview.email.toLowerCase()));
  let newHash: string | undefined;
  if (existing) {
    // Counted before the check, as at login: parallel guesses must not all pass.
    const attempt = await consume(p.db, "login.account", existing.email.toLowerCase());
    if (!(await verifyPassword(existing.passwordHash, p.password)) || existing.status !== "active") {
      throw invalidField("password", "auth.invalid_credentials");
    }
    await refund(p.db, attempt);
  } else {
    if (!p.name) throw invalidField("name", "invitation.name_required");
    if (p.password.length < 10) throw invalidField("password", "auth.password_too_short");
    newHash = await hashPassword(p.password);
  }
  return p.db.transaction(async (tx) => {
    const row = await takeToken(tx, "invitation", p.token);
    const organisationId = row.organisationId ?? "";
    const userId = await activateInvitation(tx, {
      invitation: row,
      existingUserId: existing?.id,
      name: p.name ?? "",
      passwordHash: newHash ?? null,
      requestId: p.requestId,
      method: "password",
    });
    return createSession(tx, userId, organisationId);
  });
}

/**
 * Turns an open invitation into an active membership: creates the account when the address has
 * none, activates the membership in the invited role, uses the token up and writes the audit entry.
 * Shared by the invitation link (with a password) and single sign-on (without one).
 */
export async function activateInvitation(
  tx: Tx,
  p: {
    invitation: { id: string; email: string; organisationId: string | null; role: Role | null };
    existingUserId: string | undefined;
    name: string;
    passwordHash: string | null;
    requestId: string;
    method: "password" | "sso";
  },
): Promise<string> {
  const organisationId = p.invitation.organisationId ?? "";
  const userId = p.existingUserId ?? (await createAccount(tx, p));
  const role = p.invitation.role ?? "volunteer";
  await tx
    .insert(memberships)
    .values({ userId, organisationId, role })
    .onConflictDoUpdate({
      target: [memberships.userId, memberships.organisationId],
      set: { role, status: "active", updatedAt: sql`now()` },
    });
  await tx.update(mailTokens).set({ usedAt: sql`now()`, userId }).where(eq(mailTokens.id, p.invitation.id));
  await audit(
    tx,
    { requestId: p.requestId, actor: { userId, organisationId } },
    {
      action: "invitation.accept",
      entity: "invitation",
      entityId: p.invitation.id,
      organisationId,
      details: { userId, newAccount: !p.existingUserId, method: p.method },
    },
  );
  return userId;
}

async function createAccount(
  tx: Tx,
  p: { invitation: { email: string }; name: string; passwordHash: string | null },
) {
  const [created] = await tx
    .insert(users)
    .values({ email: p.invitation.email, name: p.name, passwordHash: p.passwordHash })
    .returning({ id: users.id });
  if (!created) throw new Error("insert returned nothing");
  return created.id;
}
