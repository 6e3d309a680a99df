import { and, asc, eq, inArray, notInArray, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Tx } from "#server/db/client.ts";
import { audit } from "#server/platform/audit.ts";
import type { Ctx } from "#server/platform/context.ts";
import { invalidField, notFound } from "#server/platform/errors.ts";
import { staleVersion } from "#server/platform/versioning.ts";
import type { ProgrammeInput } from "#shared/contracts/trainings.ts";
import { programmeWithGoals } from "./cohorts.ts";
import { trainingGoals, trainingProgrammes } from "./tables.ts";

type Input = z.output<typeof ProgrammeInput>;

/** All programmes with their goals, the seed programmes first, then by title. */
export async function listProgrammes(ctx: Ctx) {
  const rows = await ctx.db
    .select({ id: trainingProgrammes.id })
    .from(trainingProgrammes)
    .orderBy(sql`${trainingProgrammes.key} is null`, asc(trainingProgrammes.title));
  return { items: await Promise.all(rows.map((r) => programmeWithGoals(ctx, r.id))) };
}

export async function getProgramme(ctx: Ctx & { programmeId: string }) {
  const [row] = await ctx.db
    .select({ id: trainingProgrammes.id })
    .from(trainingProgrammes)
    .where(eq(trainingProgrammes.id, ctx.programmeId));
  if (!row) throw notFound();
  return programmeWithGoals(ctx, row.id);
}

const fields = (input: Input) => ({
  title: input.title,
  description: input.description,
  targetGroups: input.targetGroups,
  modules: input.modules,
  hours: input.hours,
  minAttendancePercent: input.minAttendancePercent,
});

export async function createProgramme(ctx: Ctx & { input: Input }) {
  if (ctx.input.goals.some((g) => g.id)) throw invalidField("goals", "trainings.core_goal_unknown");
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(trainingProgrammes)
      .values({ ...fields(ctx.input), createdBy: ctx.actor.userId })
      .returning({ id: trainingProgrammes.id });
    if (!row) throw new Error("insert returned nothing");
    await tx
      .insert(trainingGoals)
      .values(ctx.input.goals.map((g, i) => ({ programmeId: row.id, position: i + 1, text: g.text })));
    await audit(tx, ctx, {
      action: "training_programme.create",
      entity: "training_programme",
      entityId: row.id,
      organisationId: ctx.actor.organisationId,
      details: { goals: ctx.input.goals.length },
    });
    return programmeWithGoals({ db: tx }, row.id);
  });
}

/** Replaces the goals: sent ids keep theirs (sessions and answers refer to them), new ones are added. */
async function replaceGoals(tx: Tx, programmeId: string, goals: Input["goals"]) {
  const existing = await tx
    .select({ id: trainingGoals.id })
    .from(trainingGoals)
    .where(eq(trainingGoals.programmeId, programmeId))
    .orderBy(asc(trainingGoals.position));
  const known = new Set(existing.map((g) => g.id));
  const kept = goals.flatMap((g) => (g.id ? [g.id] : []));
  if (kept.some((id) => !known.has(id)) || new Set(kept).size !== kept.length) {
    throw invalidField("goals", "trainings.core_goal_unknown");
  }
  const removed = existing.map((g) => g.id).filter((id) => !kept.includes(id));
  if (removed.length > 0) await tx.delete(trainingGoals).where(inArray(trainingGoals.id, removed));
  // Positions are unique per programme: park the kept goals out of the way before renumbering.
  if (kept.length > 0) {
    await tx
      .update(trainingGoals)
      .set({ position: sql`-${trainingGoals.position}` })
      .where(and(eq(trainingGoals.programmeId, programmeId), notInArray(trainingGoals.id, removed)));
  }
  for (const [i, goal] of goals.entries()) {
    if (goal.id) {
      await tx
        .update(trainingGoals)
        .set({ position: i + 1, text: goal.text })
        .where(eq(trainingGoals.id, goal.id));
    } else {
      await tx.insert(trainingGoals).values({ programmeId, position: i + 1, text: goal.text });
    }
  }
}

export async function updateProgramme(
  ctx: Ctx & { programmeId: string; expectedVersion: number; input: Input },
) {
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .select({ id: trainingProgrammes.id, version: trainingProgrammes.version })
      .from(trainingProgrammes)
      .where(eq(trainingProgrammes.id, ctx.programmeId))
      .for("update");
    if (!row) throw notFound();
    if (row.version !== ctx.expectedVersion) throw staleVersion();
    await replaceGoals(tx, row.id, ctx.input.goals);
    await tx
      .update(trainingProgrammes)
      .set({ ...fields(ctx.input), version: row.version + 1, updatedAt: new Date() })
      .where(eq(trainingProgrammes.id, row.id));
    await audit(tx, ctx, {
      action: "training_programme.update",
      entity: "training_programme",
      entityId: row.id,
      organisationId: ctx.actor.organisationId,
      details: { version: row.version + 1, goals: ctx.input.goals.length },
    });
    return programmeWithGoals({ db: tx }, row.id);
  });
}
