import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { z } from "zod";
import { createNextStep } from "#server/modules/cases/next-steps.ts";
import { offers } from "#server/modules/offers/tables.ts";
import { audit } from "#server/platform/audit.ts";
import type { Ctx } from "#server/platform/context.ts";
import { invalidField } from "#server/platform/errors.ts";
import { organisations } from "#server/platform/tables.ts";
import { staleVersion } from "#server/platform/versioning.ts";
import { GOAL_STEPS_MAX } from "#shared/competences.ts";
import type { NextStepFromGoal } from "#shared/contracts/competences.ts";
import type { OfferType } from "#shared/directory.ts";
import { loadProfile, presentProfile } from "./present.ts";
import { competenceProfiles } from "./tables.ts";
import { recordSitting, storeContent } from "./versions.ts";

/**
 * Goals lead into the case: a goal's next step is created in the case's next steps (through the
 * cases module, so it shows on the case like any other step) and the goal records the step's id —
 * taken over, not typed twice.
 */
export async function nextStepFromGoal(
  ctx: Ctx & { profileId: string; expectedVersion: number; input: z.output<typeof NextStepFromGoal> },
) {
  return ctx.db.transaction(async (tx) => {
    const txCtx = { ...ctx, db: tx };
    const row = await loadProfile(tx, ctx.actor, eq(competenceProfiles.id, ctx.profileId), { lock: true });
    if (row.version !== ctx.expectedVersion) throw staleVersion();
    const goalAt = row.content.goals.findIndex((g) => g.id === ctx.input.goalId);
    if (goalAt < 0) throw invalidField("goalId", "competences.goal_unknown");
    if (!row.caseId) throw invalidField("goalId", "competences.no_case");
    // Checked before the step is made: a goal past the contract's limit would be stored, and then
    // every read and save of the profile would fail on it.
    if ((row.content.goals[goalAt]?.caseNextStepIds.length ?? 0) >= GOAL_STEPS_MAX) {
      throw invalidField("goalId", "competences.goal_steps_full");
    }
    const step = await createNextStep({
      ...txCtx,
      caseId: row.caseId,
      input: { title: ctx.input.title, dueDate: ctx.input.dueDate, offerId: ctx.input.offerId },
    });
    const goals = row.content.goals.map((g, i) =>
      i === goalAt ? { ...g, caseNextStepIds: [...g.caseNextStepIds, step.id] } : g,
    );
    const content = { ...row.content, goals };
    await storeContent(tx, txCtx, row.id, content);
    const sitting = await recordSitting(tx, txCtx, row.id, content);
    await audit(tx, ctx, {
      action: "competence_profile.next_step",
      entity: "competence_profile",
      entityId: row.id,
      organisationId: row.organisationId,
      details: { clientId: row.clientId, caseId: row.caseId, stepId: step.id, version: sitting.version },
    });
    return presentProfile(tx, ctx.actor, await loadProfile(tx, ctx.actor, eq(competenceProfiles.id, row.id)));
  });
}

/** Offer types of phase 4 (entering work) that advise on starting a business. */
export const STARTUP_OFFER_TYPES: readonly OfferType[] = ["existenzgruendungsberatung"];
const STARTUP_PHASE = 4;

/**
 * The directory's start-up offers for a profile whose goals include self-employment (or that holds
 * a business idea); an empty list otherwise. Offers are public network information.
 */
export async function startupOffers(ctx: Ctx & { profileId: string }) {
  return ctx.db.transaction(async (tx) => {
    const row = await loadProfile(tx, ctx.actor, eq(competenceProfiles.id, ctx.profileId));
    const wants =
      row.content.goals.some((g) => g.selfEmployment) || row.content.entrepreneurship.businessIdea !== null;
    const items = !wants
      ? []
      : await tx
          .select({
            id: offers.id,
            name: offers.name,
            organisationId: offers.organisationId,
            organisationName: organisations.name,
            city: organisations.city,
          })
          .from(offers)
          .innerJoin(organisations, eq(organisations.id, offers.organisationId))
          .where(
            and(
              eq(offers.status, "active"),
              inArray(offers.offerType, [...STARTUP_OFFER_TYPES]),
              sql`${STARTUP_PHASE} = any(${offers.phases})`,
            ),
          )
          .orderBy(asc(offers.name), asc(offers.id))
          .limit(50);
    await audit(tx, ctx, {
      action: "competence_profile.startup_offers",
      entity: "competence_profile",
      entityId: row.id,
      organisationId: row.organisationId,
      details: { clientId: row.clientId, offers: items.length },
    });
    return { items };
  });
}
