import { and, asc, desc, eq, getTableColumns, inArray, type SQL, sql } from "drizzle-orm";
import type { Tx } from "#server/db/client.ts";
import { caseNextSteps } from "#server/modules/cases/tables.ts";
import { occupationByCode } from "#server/modules/recognition/kldb.ts";
import { qualifications, recognitionProcedures } from "#server/modules/recognition/tables.ts";
import { notFound } from "#server/platform/errors.ts";
import type { Actor } from "#server/platform/session.ts";
import { users } from "#server/platform/tables.ts";
import type { ProfileContent } from "#shared/contracts/competences.ts";
import { escoLabels } from "./esco/catalogue.ts";
import { profileScope, withholdsSpecial } from "./policy.ts";
import { codesOf, type Snapshot, withoutSpecial } from "./sections.ts";
import { competenceProfiles } from "./tables.ts";

export type ProfileRow = typeof competenceProfiles.$inferSelect & { updatedByName: string | null };

/** A profile the actor may see, by a condition (id or client); else 404. `lock` for a save. */
export async function loadProfile(
  db: Tx,
  actor: Actor,
  where: SQL,
  opts: { lock?: boolean } = {},
): Promise<ProfileRow> {
  const query = db
    .select({ ...getTableColumns(competenceProfiles), updatedByName: users.name })
    .from(competenceProfiles)
    .leftJoin(users, eq(users.id, competenceProfiles.updatedBy))
    .where(and(where, profileScope(actor)));
  const [row] = opts.lock ? await query.for("update", { of: competenceProfiles }) : await query;
  if (!row) throw notFound();
  return row;
}

/** Labels of the ESCO and KldB codes a content uses: ESCO in German and English, KldB in German. */
export function labelsOf(content: Snapshot): Record<string, { de: string | null; en: string | null }> {
  const { esco, kldb } = codesOf(content);
  const labels: Record<string, { de: string | null; en: string | null }> = { ...escoLabels(esco) };
  for (const code of kldb) labels[code] = { de: occupationByCode(code)?.title ?? null, en: null };
  return labels;
}

/**
 * The client's foreign qualifications from the recognition module, read live (no double entry),
 * each with the state of its latest procedure.
 */
export async function linkedQualifications(db: Tx, clientId: string) {
  // Written with an alias: Drizzle prints the columns of a one-table select unqualified, so
  // `qualification_id = id` compared the procedure with itself and the state was always null.
  const latestState = sql<
    string | null
  >`(select rp.state from ${recognitionProcedures} rp where rp.qualification_id = ${qualifications}.id order by rp.created_at desc, rp.id desc limit 1)`;
  const rows = await db
    .select({
      id: qualifications.id,
      originalTitle: qualifications.originalTitle,
      germanTitle: qualifications.germanTitle,
      country: qualifications.country,
      year: qualifications.year,
      eqfLevel: qualifications.dqrLevel,
      iscedLevel: qualifications.iscedLevel,
      recognitionState: latestState,
    })
    .from(qualifications)
    .where(eq(qualifications.clientId, clientId))
    .orderBy(asc(qualifications.createdAt), asc(qualifications.id));
  return rows;
}

/** The ids of the next steps of a case (what goals may point at). */
export async function caseStepIds(db: Tx, caseId: string | null): Promise<Set<string>> {
  if (!caseId) return new Set();
  const rows = await db
    .select({ id: caseNextSteps.id })
    .from(caseNextSteps)
    .where(eq(caseNextSteps.caseId, caseId));
  return new Set(rows.map((r) => r.id));
}

async function linkedSteps(db: Tx, caseId: string | null, content: ProfileContent) {
  const ids = content.goals.flatMap((g) => g.caseNextStepIds);
  if (!caseId || ids.length === 0) return [];
  const rows = await db
    .select()
    .from(caseNextSteps)
    .where(and(eq(caseNextSteps.caseId, caseId), inArray(caseNextSteps.id, ids)))
    .orderBy(desc(caseNextSteps.createdAt), asc(caseNextSteps.id));
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    dueDate: r.dueDate,
    doneAt: r.doneAt?.toISOString() ?? null,
  }));
}

/** The content the actor may read: volunteers never get special-category entries. */
export function visibleContent(actor: Actor, content: ProfileContent) {
  const withheld = withholdsSpecial(actor);
  return { content: withheld ? withoutSpecial(content) : content, withheld };
}

/** The profile as the actor may see it, with the qualifications, next steps and labels it links. */
export async function presentProfile(db: Tx, actor: Actor, row: ProfileRow) {
  const { content, withheld } = visibleContent(actor, row.content);
  return {
    id: row.id,
    clientId: row.clientId,
    caseId: row.caseId,
    version: row.version,
    content,
    withheldSpecial: withheld,
    qualifications: await linkedQualifications(db, row.clientId),
    nextSteps: await linkedSteps(db, row.caseId, content),
    labels: labelsOf(content),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    updatedByName: row.updatedByName,
  };
}
