import { and, count, desc, eq } from "drizzle-orm";
import type { z } from "zod";
import { cases, clients } from "#server/modules/cases/tables.ts";
import { audit } from "#server/platform/audit.ts";
import type { Ctx } from "#server/platform/context.ts";
import { AppError, invalidField, notFound } from "#server/platform/errors.ts";
import { caseScope, clientScope } from "#server/platform/tenancy.ts";
import { staleVersion } from "#server/platform/versioning.ts";
import { ProfileContent, type ProfileCreate, type ProfileUpdate } from "#shared/contracts/competences.ts";
import { profileScope } from "./policy.ts";
import { caseStepIds, loadProfile, type ProfileRow, presentProfile } from "./present.ts";
import { assertContent } from "./rules.ts";
import { sameJson } from "./sections.ts";
import { competenceProfiles } from "./tables.ts";
import { EMPTY_CONTENT, recordSitting, storeContent } from "./versions.ts";

/** Audits a read of a profile: who read whose profile, and whether special entries were withheld. */
async function auditRead(ctx: Ctx, row: ProfileRow, withheldSpecial: boolean) {
  await audit(ctx.db, ctx, {
    action: "competence_profile.read",
    entity: "competence_profile",
    entityId: row.id,
    organisationId: row.organisationId,
    details: { clientId: row.clientId, version: row.version, withheldSpecial },
  });
}

/** Reads a profile by a condition, presents and audits it. */
async function readProfile(ctx: Ctx, where: ReturnType<typeof eq>) {
  return ctx.db.transaction(async (tx) => {
    const row = await loadProfile(tx, ctx.actor, where);
    const profile = await presentProfile(tx, ctx.actor, row);
    await auditRead({ ...ctx, db: tx }, row, profile.withheldSpecial);
    return profile;
  });
}

/** A profile by its id. */
export const getProfile = (ctx: Ctx & { profileId: string }) =>
  readProfile(ctx, eq(competenceProfiles.id, ctx.profileId));

/** The profile of a client. */
export const profileOfClient = (ctx: Ctx & { clientId: string }) =>
  readProfile(ctx, eq(competenceProfiles.clientId, ctx.clientId));

/** The profiles the actor may read, the latest changed first. */
export async function listProfiles(ctx: Ctx & { limit: number; offset: number }) {
  return ctx.db.transaction(async (tx) => {
    const where = profileScope(ctx.actor);
    const rows = await tx
      .select({
        id: competenceProfiles.id,
        clientId: competenceProfiles.clientId,
        clientName: clients.name,
        content: competenceProfiles.content,
        version: competenceProfiles.version,
        updatedAt: competenceProfiles.updatedAt,
      })
      .from(competenceProfiles)
      .innerJoin(clients, eq(clients.id, competenceProfiles.clientId))
      .where(where)
      .orderBy(desc(competenceProfiles.updatedAt), desc(competenceProfiles.id))
      .limit(ctx.limit)
      .offset(ctx.offset);
    const [total] = await tx.select({ n: count() }).from(competenceProfiles).where(where);
    await audit(tx, ctx, {
      action: "competence_profile.list",
      entity: "competence_profile",
      organisationId: ctx.actor.organisationId,
      details: { ids: rows.map((r) => r.id) },
    });
    return {
      items: rows.map((r) => ({
        id: r.id,
        clientId: r.clientId,
        clientName: r.clientName,
        step: r.content.step,
        version: r.version,
        updatedAt: r.updatedAt.toISOString(),
      })),
      total: total?.n ?? 0,
    };
  });
}

/** Starts the client's profile (one per client); its case, if named, must be the client's. */
export async function createProfile(ctx: Ctx & { clientId: string; input: z.output<typeof ProfileCreate> }) {
  return ctx.db.transaction(async (tx) => {
    const txCtx = { ...ctx, db: tx };
    const [client] = await tx
      .select({ id: clients.id, organisationId: clients.organisationId })
      .from(clients)
      .where(and(eq(clients.id, ctx.clientId), clientScope(ctx.actor, clients.organisationId, clients.id)))
      .for("update");
    if (!client) throw notFound();
    const caseId = ctx.input.caseId;
    if (caseId) {
      const [found] = await tx
        .select({ id: cases.id })
        .from(cases)
        .where(and(eq(cases.id, caseId), eq(cases.clientId, client.id), caseScope(ctx.actor)));
      if (!found) throw invalidField("caseId", "competences.case_unknown");
    }
    const [row] = await tx
      .insert(competenceProfiles)
      .values({
        organisationId: client.organisationId,
        clientId: client.id,
        caseId,
        content: EMPTY_CONTENT,
        createdBy: ctx.actor.userId,
        updatedBy: ctx.actor.userId,
      })
      .onConflictDoNothing()
      .returning({ id: competenceProfiles.id });
    if (!row) throw new AppError(409, "competences.profile_exists");
    await recordSitting(tx, txCtx, row.id, EMPTY_CONTENT);
    await audit(tx, ctx, {
      action: "competence_profile.create",
      entity: "competence_profile",
      entityId: row.id,
      organisationId: client.organisationId,
      details: { clientId: client.id, caseId },
    });
    return presentProfile(tx, ctx.actor, await loadProfile(tx, ctx.actor, eq(competenceProfiles.id, row.id)));
  });
}

/**
 * Saves a sitting: the parts sent replace the profile's parts, based on the version the caller saw
 * (If-Match; stale → 412). The whole result must keep the rules (rules.ts), or nothing is written.
 */
export async function saveProfile(
  ctx: Ctx & { profileId: string; expectedVersion: number; change: z.output<typeof ProfileUpdate> },
) {
  return ctx.db.transaction(async (tx) => {
    const txCtx = { ...ctx, db: tx };
    // The row lock makes a second save with the same version wait for the first and then see 412.
    const row = await loadProfile(tx, ctx.actor, eq(competenceProfiles.id, ctx.profileId), { lock: true });
    if (row.version !== ctx.expectedVersion) throw staleVersion();
    const sent = Object.fromEntries(Object.entries(ctx.change).filter(([, v]) => v !== undefined));
    const content = ProfileContent.parse({ ...row.content, ...sent });
    assertContent(content, await caseStepIds(tx, row.caseId));
    const unchanged = sameJson(content, row.content);
    const sitting = unchanged ? null : await recordSitting(tx, txCtx, row.id, content);
    if (!unchanged) await storeContent(tx, txCtx, row.id, content);
    await audit(tx, ctx, {
      action: "competence_profile.update",
      entity: "competence_profile",
      entityId: row.id,
      organisationId: row.organisationId,
      details: {
        clientId: row.clientId,
        parts: Object.keys(sent).sort(),
        version: sitting?.version ?? null,
        sections: sitting?.sections ?? [],
      },
    });
    return presentProfile(tx, ctx.actor, await loadProfile(tx, ctx.actor, eq(competenceProfiles.id, row.id)));
  });
}
