import { asc, eq } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { audit } from "#server/platform/audit.ts";
import type { Ctx } from "#server/platform/context.ts";
import { AppError } from "#server/platform/errors.ts";
import { organisations, users } from "#server/platform/tables.ts";
import { shownSide } from "./policy.ts";
import { loadReferral } from "./read.ts";
import { referralMessages } from "./tables.ts";
import { notifyOtherSide } from "./transitions.ts";

/**
 * The thread between sender and receiver. After a withdrawal or an expiry nothing more is
 * written: the receiver is to keep only the fact that there was a referral.
 */

const authorOrg = alias(organisations, "author_org");

async function readThread(ctx: Ctx, referralId: string) {
  const rows = await ctx.db
    .select({
      id: referralMessages.id,
      body: referralMessages.body,
      authorId: referralMessages.authorUserId,
      authorName: users.name,
      orgId: referralMessages.authorOrganisationId,
      orgName: authorOrg.name,
      createdAt: referralMessages.createdAt,
    })
    .from(referralMessages)
    .innerJoin(authorOrg, eq(authorOrg.id, referralMessages.authorOrganisationId))
    .leftJoin(users, eq(users.id, referralMessages.authorUserId))
    .where(eq(referralMessages.referralId, referralId))
    .orderBy(asc(referralMessages.createdAt), asc(referralMessages.id));
  return rows.map((m) => ({
    id: m.id,
    body: m.body,
    author: m.authorId ? { id: m.authorId, name: m.authorName ?? "" } : null,
    organisation: { id: m.orgId, name: m.orgName },
    createdAt: m.createdAt.toISOString(),
  }));
}

export async function listMessages(ctx: Ctx & { referralId: string }) {
  const { row, sides } = await loadReferral(ctx.db, ctx.actor, ctx.referralId);
  const items = await readThread(ctx, row.referral.id);
  await audit(ctx.db, ctx, {
    action: "referral_message.list",
    entity: "referral",
    entityId: row.referral.id,
    organisationId: ctx.actor.organisationId,
    details: { side: shownSide(sides), count: items.length },
  });
  return { items };
}

export async function postMessage(ctx: Ctx & { referralId: string; body: string }) {
  return ctx.db.transaction(async (tx) => {
    const { row, sides } = await loadReferral(tx, ctx.actor, ctx.referralId, { lock: true });
    const referral = row.referral;
    if (referral.state === "withdrawn" || referral.state === "expired") {
      throw new AppError(409, "referral.closed");
    }
    const [message] = await tx
      .insert(referralMessages)
      .values({
        referralId: referral.id,
        authorUserId: ctx.actor.userId,
        authorOrganisationId: ctx.actor.organisationId,
        body: ctx.body,
      })
      .returning({ id: referralMessages.id });
    const side = shownSide(sides);
    await audit(tx, ctx, {
      action: "referral_message.create",
      entity: "referral",
      entityId: referral.id,
      organisationId: ctx.actor.organisationId,
      details: { side, messageId: message?.id ?? null },
    });
    await notifyOtherSide(tx, referral, side, "referral_message", { offerName: referral.offerName }, false);
    const items = await readThread({ ...ctx, db: tx }, referral.id);
    const created = items.find((m) => m.id === message?.id);
    if (!created) throw new AppError(409, "conflict");
    return created;
  });
}
