import { and, asc, eq, inArray, isNull, ne } from "drizzle-orm";
import { consents } from "#server/modules/consents/tables.ts";
import { audit } from "#server/platform/audit.ts";
import type { Ctx } from "#server/platform/context.ts";
import { memberships, organisations, users } from "#server/platform/tables.ts";
import { PERMISSIONS } from "#shared/permissions.ts";
import { loadProfile } from "./present.ts";
import { competenceProfiles } from "./tables.ts";

/**
 * Who the profile may go to: only organisations with the client's active consent to sharing the
 * competence profile, each with its active members who can read shares (a company contact, a
 * counsellor). Nothing about other organisations' staff is shown without such a consent.
 */
export async function shareRecipients(ctx: Ctx & { profileId: string }) {
  const profile = await loadProfile(ctx.db, ctx.actor, eq(competenceProfiles.id, ctx.profileId));
  const orgs = await ctx.db
    .selectDistinct({ id: organisations.id, name: organisations.name })
    .from(consents)
    .innerJoin(organisations, eq(organisations.id, consents.recipientOrganisationId))
    .where(
      and(
        eq(consents.clientId, profile.clientId),
        eq(consents.purpose, "competence_profile_sharing"),
        isNull(consents.withdrawnAt),
        // The profile's own organisation is no recipient (shares.ts refuses it).
        ne(organisations.id, profile.organisationId),
      ),
    )
    .orderBy(asc(organisations.name));
  await audit(ctx.db, ctx, {
    action: "competence_share.recipients",
    entity: "competence_profile",
    entityId: profile.id,
    organisationId: profile.organisationId,
    details: { clientId: profile.clientId, organisations: orgs.length },
  });
  if (orgs.length === 0) return { items: [] };
  const people = await ctx.db
    .select({
      organisationId: memberships.organisationId,
      userId: users.id,
      name: users.name,
      role: memberships.role,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(
        inArray(
          memberships.organisationId,
          orgs.map((o) => o.id),
        ),
        inArray(memberships.role, [...PERMISSIONS["competence_share.read"]]),
        eq(memberships.status, "active"),
        eq(users.status, "active"),
      ),
    )
    .orderBy(asc(users.name));
  return {
    items: orgs.map((o) => ({
      organisationId: o.id,
      organisationName: o.name,
      people: people
        .filter((p) => p.organisationId === o.id)
        .map((p) => ({ userId: p.userId, name: p.name, role: p.role })),
    })),
  };
}
