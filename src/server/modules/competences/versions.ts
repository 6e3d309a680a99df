import { and, desc, eq, sql } from "drizzle-orm";
import type { Tx } from "#server/db/client.ts";
import { audit } from "#server/platform/audit.ts";
import type { Ctx } from "#server/platform/context.ts";
import { AppError } from "#server/platform/errors.ts";
import type { Actor } from "#server/platform/session.ts";
import { users } from "#server/platform/tables.ts";
import { SITTING_GAP_MINUTES } from "#shared/competences.ts";
import { ProfileContent } from "#shared/contracts/competences.ts";
import { compareContents } from "./compare.ts";
import { withholdsSpecial } from "./policy.ts";
import { loadProfile, visibleContent } from "./present.ts";
import { changedSections } from "./sections.ts";
import { competenceProfiles, competenceProfileVersions } from "./tables.ts";

/**
 * Every sitting leaves a version (decision 015): saves by the same person less than
 * SITTING_GAP_MINUTES after the last save of the current version amend it; any other save opens the
 * next version. A version keeps the content as its sitting left it and the sections it changed
 * against the version before.
 */

export const EMPTY_CONTENT: ProfileContent = ProfileContent.parse({});

type VersionRow = typeof competenceProfileVersions.$inferSelect;

async function versionRow(tx: Tx, profileId: string, version: number): Promise<VersionRow | undefined> {
  const [row] = await tx
    .select()
    .from(competenceProfileVersions)
    .where(
      and(eq(competenceProfileVersions.profileId, profileId), eq(competenceProfileVersions.version, version)),
    );
  return row;
}

/** Records a save in the profile's versions: amends the current sitting or opens the next. */
export async function recordSitting(tx: Tx, ctx: Ctx, profileId: string, content: ProfileContent) {
  const [latest] = await tx
    .select()
    .from(competenceProfileVersions)
    .where(eq(competenceProfileVersions.profileId, profileId))
    .orderBy(desc(competenceProfileVersions.version))
    .limit(1)
    .for("update");
  const now = new Date();
  const sameSitting =
    latest !== undefined &&
    latest.savedBy === ctx.actor.userId &&
    now.getTime() - latest.savedAt.getTime() < SITTING_GAP_MINUTES * 60_000;
  if (latest && sameSitting) {
    const before = latest.version > 1 ? await versionRow(tx, profileId, latest.version - 1) : undefined;
    const sections = changedSections(before?.content ?? EMPTY_CONTENT, content);
    await tx
      .update(competenceProfileVersions)
      .set({ content, sections, savedAt: now })
      .where(
        and(
          eq(competenceProfileVersions.profileId, profileId),
          eq(competenceProfileVersions.version, latest.version),
        ),
      );
    return { version: latest.version, sections, amended: true };
  }
  const version = (latest?.version ?? 0) + 1;
  const sections = changedSections(latest?.content ?? EMPTY_CONTENT, content);
  await tx.insert(competenceProfileVersions).values({
    profileId,
    version,
    content,
    sections,
    startedAt: now,
    savedAt: now,
    savedBy: ctx.actor.userId,
  });
  return { version, sections, amended: false };
}

const versionSelect = {
  version: competenceProfileVersions.version,
  content: competenceProfileVersions.content,
  sections: competenceProfileVersions.sections,
  startedAt: competenceProfileVersions.startedAt,
  savedAt: competenceProfileVersions.savedAt,
  byName: users.name,
};
type Listed = {
  version: number;
  sections: VersionRow["sections"];
  startedAt: Date;
  savedAt: Date;
  byName: string | null;
};

/**
 * The sections a sitting changed, as the actor may see them: a volunteer gets them recomputed from
 * the contents without special-category entries, so that a sitting which touched only those shows no
 * change (the stored list would tell that there are such entries, and where).
 */
function visibleSections(actor: Actor, v: Listed & { content: ProfileContent }, before?: ProfileContent) {
  if (!withholdsSpecial(actor)) return v.sections;
  return changedSections(
    visibleContent(actor, before ?? EMPTY_CONTENT).content,
    visibleContent(actor, v.content).content,
  );
}

const presentVersion = (v: Listed) => ({
  version: v.version,
  at: v.savedAt.toISOString(),
  startedAt: v.startedAt.toISOString(),
  byName: v.byName,
  sections: v.sections,
});

function selectVersions(tx: Tx, profileId: string, version?: number) {
  return tx
    .select(versionSelect)
    .from(competenceProfileVersions)
    .leftJoin(users, eq(users.id, competenceProfileVersions.savedBy))
    .where(
      and(
        eq(competenceProfileVersions.profileId, profileId),
        version === undefined ? undefined : eq(competenceProfileVersions.version, version),
      ),
    );
}

/** The sittings of a profile, the latest first. */
export async function listVersions(ctx: Ctx & { profileId: string }) {
  return ctx.db.transaction(async (tx) => {
    const profile = await loadProfile(tx, ctx.actor, eq(competenceProfiles.id, ctx.profileId));
    const rows = await selectVersions(tx, profile.id).orderBy(desc(competenceProfileVersions.version));
    const byVersion = new Map(rows.map((r) => [r.version, r.content]));
    const items = rows.map((r) =>
      presentVersion({ ...r, sections: visibleSections(ctx.actor, r, byVersion.get(r.version - 1)) }),
    );
    await audit(tx, ctx, {
      action: "competence_profile.versions",
      entity: "competence_profile",
      entityId: profile.id,
      organisationId: profile.organisationId,
      details: { clientId: profile.clientId, versions: rows.length },
    });
    return { items };
  });
}

/** What changed between two versions, section by section, in words (volunteers: without special entries). */
export async function compareVersions(ctx: Ctx & { profileId: string; from: number; to: number }) {
  return ctx.db.transaction(async (tx) => {
    const profile = await loadProfile(tx, ctx.actor, eq(competenceProfiles.id, ctx.profileId));
    const find = async (version: number, field: "from" | "to") => {
      const [row] = await selectVersions(tx, profile.id, version);
      if (!row) throw new AppError(422, "competences.version_unknown", { field, location: "query" });
      if (!withholdsSpecial(ctx.actor) || version === 1) {
        return { ...row, sections: visibleSections(ctx.actor, row) };
      }
      const [before] = await selectVersions(tx, profile.id, version - 1);
      return { ...row, sections: visibleSections(ctx.actor, row, before?.content) };
    };
    const from = await find(ctx.from, "from");
    const to = await find(ctx.to, "to");
    const sections = compareContents(
      visibleContent(ctx.actor, from.content).content,
      visibleContent(ctx.actor, to.content).content,
    );
    await audit(tx, ctx, {
      action: "competence_profile.compare",
      entity: "competence_profile",
      entityId: profile.id,
      organisationId: profile.organisationId,
      details: { clientId: profile.clientId, from: ctx.from, to: ctx.to },
    });
    return { from: presentVersion(from), to: presentVersion(to), sections };
  });
}

/** Bumps the profile's version (its ETag) with the new content. */
export async function storeContent(tx: Tx, ctx: Ctx, profileId: string, content: ProfileContent) {
  await tx
    .update(competenceProfiles)
    .set({
      content,
      version: sql`${competenceProfiles.version} + 1`,
      updatedAt: sql`now()`,
      updatedBy: ctx.actor.userId,
    })
    .where(eq(competenceProfiles.id, profileId));
}
