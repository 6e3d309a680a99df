import { and, desc, eq, getTableColumns, isNull, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { z } from "zod";
import type { Tx } from "#server/db/client.ts";
import { clients } from "#server/modules/cases/tables.ts";
import { assertConsent, type ConsentWithdrawal } from "#server/modules/consents/check.ts";
import { consents } from "#server/modules/consents/tables.ts";
import { notify } from "#server/modules/notifications/notify.ts";
import { audit } from "#server/platform/audit.ts";
import type { Ctx } from "#server/platform/context.ts";
import { invalidField, notFound } from "#server/platform/errors.ts";
import { memberships, organisations, users } from "#server/platform/tables.ts";
import type { ShareCreate } from "#shared/contracts/competences.ts";
import { can } from "#shared/permissions.ts";
import { profileScope, receivedScope } from "./policy.ts";
import { labelsOf, linkedQualifications, loadProfile } from "./present.ts";
import { snapshotOf, withoutSpecial } from "./sections.ts";
import { competenceProfiles, competenceProfileVersions, competenceShares } from "./tables.ts";

/**
 * Sharing (decision 015): the profile leaves its organisation only as a snapshot of chosen sections,
 * under the client's consent to "sharing the competence profile" with that recipient, checked at
 * the moment of sharing. A withdrawal of the consent ends the share in the same transaction, and
 * every read of a share checks again that it holds.
 */

const recipientUser = alias(users, "recipient_user");
const sharedByUser = alias(users, "shared_by_user");
const recipientOrg = alias(organisations, "recipient_org");

const shareSelect = {
  ...getTableColumns(competenceShares),
  recipientOrganisationName: recipientOrg.name,
  recipientUserName: recipientUser.name,
  sharedByName: sharedByUser.name,
};
type ShareRow = typeof competenceShares.$inferSelect & {
  recipientOrganisationName: string;
  recipientUserName: string | null;
  sharedByName: string | null;
};

function selectShares(tx: Tx, where: SQL) {
  return tx
    .select(shareSelect)
    .from(competenceShares)
    .innerJoin(recipientOrg, eq(recipientOrg.id, competenceShares.recipientOrganisationId))
    .leftJoin(recipientUser, eq(recipientUser.id, competenceShares.recipientUserId))
    .leftJoin(sharedByUser, eq(sharedByUser.id, competenceShares.sharedBy))
    .where(where)
    .orderBy(desc(competenceShares.sharedAt), desc(competenceShares.id));
}

function presentShare(row: ShareRow) {
  return {
    id: row.id,
    profileId: row.profileId,
    recipientOrganisationId: row.recipientOrganisationId,
    recipientOrganisationName: row.recipientOrganisationName,
    recipientUserId: row.recipientUserId,
    recipientUserName: row.recipientUserName,
    sections: row.sections,
    version: row.version,
    sharedAt: row.sharedAt.toISOString(),
    sharedByName: row.sharedByName,
    endedAt: row.endedAt?.toISOString() ?? null,
    endReason: row.endReason,
  };
}

/** A named recipient must be an active member of the recipient organisation who may read shares. */
async function assertRecipient(tx: Tx, organisationId: string, userId: string | null) {
  const [org] = await tx
    .select({ id: organisations.id })
    .from(organisations)
    .where(eq(organisations.id, organisationId));
  if (!org) throw invalidField("recipientOrganisationId", "competences.recipient_unknown");
  if (!userId) return;
  const [member] = await tx
    .select({ role: memberships.role })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(
        eq(memberships.userId, userId),
        eq(memberships.organisationId, organisationId),
        eq(memberships.status, "active"),
        eq(users.status, "active"),
      ),
    );
  if (!member || !can(member.role, "competence_share.read")) {
    throw invalidField("recipientUserId", "competences.recipient_user_unknown");
  }
}

/** Shares chosen sections of a profile with a recipient, under the consent checked now. */
export async function shareProfile(ctx: Ctx & { profileId: string; input: z.output<typeof ShareCreate> }) {
  return ctx.db.transaction(async (tx) => {
    const row = await loadProfile(tx, ctx.actor, eq(competenceProfiles.id, ctx.profileId));
    const { recipientOrganisationId, recipientUserId } = ctx.input;
    const sections = [...new Set(ctx.input.sections)];
    // Within its own organisation a profile is read under the profile's scope, never through a share:
    // a share to it would open the profile to members who may not read it (its admins).
    if (recipientOrganisationId === row.organisationId) {
      throw invalidField("recipientOrganisationId", "competences.recipient_own");
    }
    await assertRecipient(tx, recipientOrganisationId, recipientUserId);
    const consent = await assertConsent(tx, {
      clientId: row.clientId,
      purpose: "competence_profile_sharing",
      recipientOrganisationId,
    });
    // Special-category entries travel only when the consent names that category.
    const special = consent.dataCategories.includes("special_categories");
    const snapshot = snapshotOf(special ? row.content : withoutSpecial(row.content), sections);
    const [client] = await tx
      .select({ name: clients.name, pseudonym: clients.pseudonym })
      .from(clients)
      .where(eq(clients.id, row.clientId));
    // The name is identity data: it travels only when the consent names that category (as in a
    // referral); otherwise the recipient knows the client by the pseudonym.
    const clientName = consent.dataCategories.includes("identity") ? client?.name : client?.pseudonym;
    const [latest] = await tx
      .select({ version: sql<number>`max(${competenceProfileVersions.version})::int` })
      .from(competenceProfileVersions)
      .where(eq(competenceProfileVersions.profileId, row.id));
    const [inserted] = await tx
      .insert(competenceShares)
      .values({
        organisationId: row.organisationId,
        profileId: row.id,
        consentId: consent.id,
        recipientOrganisationId,
        recipientUserId,
        sections,
        snapshot,
        clientName: clientName ?? "",
        version: latest?.version ?? 1,
        sharedBy: ctx.actor.userId,
      })
      .returning({ id: competenceShares.id });
    if (!inserted) throw new Error("share not stored");
    await audit(tx, ctx, {
      action: "competence_share.create",
      entity: "competence_share",
      entityId: inserted.id,
      organisationId: row.organisationId,
      purpose: "competence_profile_sharing",
      details: {
        clientId: row.clientId,
        profileId: row.id,
        consentId: consent.id,
        recipientOrganisationId,
        recipientUserId,
        sections,
        special,
      },
    });
    // The recipient hears of it in the app and by mail; neither names the client.
    await notify(tx, {
      organisationId: recipientOrganisationId,
      userId: recipientUserId,
      kind: "competence_profile_shared",
      details: { shareId: inserted.id },
      email: true,
      link: `/competences/shared/${inserted.id}`,
    });
    const [share] = await selectShares(tx, eq(competenceShares.id, inserted.id));
    return presentShare(share as ShareRow);
  });
}

/** The shares of a profile, ended ones too. */
export async function listShares(ctx: Ctx & { profileId: string }) {
  return ctx.db.transaction(async (tx) => {
    const row = await loadProfile(tx, ctx.actor, eq(competenceProfiles.id, ctx.profileId));
    const rows = await selectShares(tx, eq(competenceShares.profileId, row.id));
    await audit(tx, ctx, {
      action: "competence_share.list",
      entity: "competence_profile",
      entityId: row.id,
      organisationId: row.organisationId,
      details: { clientId: row.clientId, shares: rows.length },
    });
    return { items: rows.map(presentShare) };
  });
}

/** Ends a share of a profile the actor keeps: the recipient loses access at once. */
export async function revokeShare(ctx: Ctx & { shareId: string }) {
  return ctx.db.transaction(async (tx) => {
    const [found] = await tx
      .select({
        id: competenceShares.id,
        profileId: competenceShares.profileId,
        endedAt: competenceShares.endedAt,
      })
      .from(competenceShares)
      .innerJoin(competenceProfiles, eq(competenceProfiles.id, competenceShares.profileId))
      .where(and(eq(competenceShares.id, ctx.shareId), profileScope(ctx.actor)))
      .for("update", { of: competenceShares });
    if (!found) throw notFound();
    const profile = await loadProfile(tx, ctx.actor, eq(competenceProfiles.id, found.profileId));
    if (!found.endedAt) {
      await tx
        .update(competenceShares)
        .set({ endedAt: sql`now()`, endReason: "revoked" })
        .where(eq(competenceShares.id, found.id));
    }
    await audit(tx, ctx, {
      action: "competence_share.revoke",
      entity: "competence_share",
      entityId: found.id,
      organisationId: profile.organisationId,
      details: { clientId: profile.clientId, profileId: profile.id, alreadyEnded: found.endedAt !== null },
    });
    const [share] = await selectShares(tx, eq(competenceShares.id, found.id));
    return presentShare(share as ShareRow);
  });
}

const senderOrg = alias(organisations, "sender_org");
/** A share holds while it has not ended and its consent is not withdrawn (checked again on every read). */
const holds = sql`exists (select 1 from ${consents} where ${consents.id} = ${competenceShares.consentId} and ${consents.withdrawnAt} is null)`;

function selectReceived(tx: Tx, where: SQL) {
  return tx
    .select({ ...getTableColumns(competenceShares), senderOrganisationName: senderOrg.name })
    .from(competenceShares)
    .innerJoin(senderOrg, eq(senderOrg.id, competenceShares.organisationId))
    .where(and(where, isNull(competenceShares.endedAt), holds))
    .orderBy(desc(competenceShares.sharedAt), desc(competenceShares.id));
}

/** The shares the actor receives that still hold. */
export async function listReceived(ctx: Ctx) {
  return ctx.db.transaction(async (tx) => {
    const rows = await selectReceived(tx, receivedScope(ctx.actor));
    await audit(tx, ctx, {
      action: "competence_share.list_received",
      entity: "competence_share",
      organisationId: ctx.actor.organisationId,
      details: { ids: rows.map((r) => r.id) },
    });
    return {
      items: rows.map((r) => ({
        id: r.id,
        senderOrganisationName: r.senderOrganisationName,
        clientName: r.clientName,
        sections: r.sections,
        sharedAt: r.sharedAt.toISOString(),
      })),
    };
  });
}

/** A received share: the snapshot of exactly the shared sections; 404 once ended or withdrawn. */
export async function getReceived(ctx: Ctx & { shareId: string }) {
  return ctx.db.transaction(async (tx) => {
    const [row] = await selectReceived(
      tx,
      and(eq(competenceShares.id, ctx.shareId), receivedScope(ctx.actor)) as SQL,
    );
    if (!row) throw notFound();
    const [profile] = await tx
      .select({ clientId: competenceProfiles.clientId })
      .from(competenceProfiles)
      .where(eq(competenceProfiles.id, row.profileId));
    // The foreign qualifications belong to the education section: shown only when it was shared.
    const linked =
      row.sections.includes("education") && profile ? await linkedQualifications(tx, profile.clientId) : [];
    // Where a recognition procedure stands is recognition data: shown only under a consent naming it.
    const [consent] = await tx
      .select({ dataCategories: consents.dataCategories })
      .from(consents)
      .where(eq(consents.id, row.consentId));
    const recognition = consent?.dataCategories.includes("recognition") ?? false;
    const qualifications = linked.map((q) => (recognition ? q : { ...q, recognitionState: null }));
    await audit(tx, ctx, {
      action: "competence_share.read",
      entity: "competence_share",
      entityId: row.id,
      organisationId: row.organisationId,
      purpose: "competence_profile_sharing",
      details: { clientId: profile?.clientId ?? null, recipientOrganisationId: row.recipientOrganisationId },
    });
    return {
      id: row.id,
      senderOrganisationName: row.senderOrganisationName,
      clientName: row.clientName,
      sections: row.sections,
      sharedAt: row.sharedAt.toISOString(),
      content: row.snapshot,
      qualifications,
      labels: labelsOf(row.snapshot),
    };
  });
}

/** Listener of consent withdrawals: ends the shares that stood on the consent, in its transaction. */
export async function endSharesOnWithdrawal(tx: Tx, withdrawal: ConsentWithdrawal): Promise<void> {
  const ended = await tx
    .update(competenceShares)
    .set({ endedAt: sql`now()`, endReason: "consent_withdrawn" })
    .where(and(eq(competenceShares.consentId, withdrawal.consent.id), isNull(competenceShares.endedAt)))
    .returning({ id: competenceShares.id });
  if (ended.length === 0) return;
  await audit(
    tx,
    {
      actor: { userId: withdrawal.actorUserId, organisationId: withdrawal.consent.organisationId },
      requestId: withdrawal.requestId,
    },
    {
      action: "competence_share.end",
      entity: "consent",
      entityId: withdrawal.consent.id,
      organisationId: withdrawal.consent.organisationId,
      details: {
        clientId: withdrawal.consent.clientId,
        shares: ended.map((s) => s.id),
        reason: "consent_withdrawn",
      },
    },
  );
}
