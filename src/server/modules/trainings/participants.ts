import { and, asc, eq, inArray, or, sql } from "drizzle-orm";
import { audit } from "#server/platform/audit.ts";
import type { Ctx } from "#server/platform/context.ts";
import { AppError, notFound } from "#server/platform/errors.ts";
import type { Mailer } from "#server/platform/mail.ts";
import type { CohortMix, Participant } from "#shared/contracts/trainings.ts";
import { ORGANISATION_TYPES } from "#shared/domain.ts";
import { PARTICIPANT_ROLES } from "#shared/trainings.ts";
import { type CohortRelation, cohortRelation, teaches } from "./access.ts";
import { fillFreePlaces, lockCohort, registrationMail } from "./places.ts";
import { trainingParticipants } from "./tables.ts";

type Row = typeof trainingParticipants.$inferSelect;

/** A participant as the caller may see them: the e-mail only where the caller may contact them. */
export function presentParticipant(row: Row, showEmail: boolean, showMotivation = false): Participant {
  return {
    id: row.id,
    userId: row.userId,
    name: row.name,
    email: showEmail ? row.email : null,
    organisationId: row.organisationId,
    organisationName: row.organisationName,
    organisationType: row.organisationType,
    role: row.role,
    status: row.status,
    createdAt: row.createdAt.toISOString(),
    ...(showMotivation ? { motivation: row.motivation } : {}),
  };
}

/** Whether the caller may see this participant's details (e-mail, status history) and act for them. */
export function ownsRecord(ctx: Ctx, relation: CohortRelation, row: Row) {
  return (
    teaches(relation) ||
    row.id === relation.participantId ||
    (relation.admin && row.organisationId === ctx.actor.organisationId) ||
    (ctx.actor.role === "org_admin" && row.organisationId === ctx.actor.organisationId)
  );
}

/**
 * The participants of a cohort. Those who run it see everyone, with e-mail and every status; an
 * admin sees their own organisation's people in full; everyone else in the cohort sees the
 * enrolled and waitlisted people by name and organisation only.
 */
export async function listParticipants(ctx: Ctx & { cohortId: string }) {
  const { cohort, relation } = await cohortRelation(ctx, ctx.cohortId);
  const visible = teaches(relation)
    ? undefined
    : or(
        inArray(trainingParticipants.status, ["enrolled", "waitlisted"]),
        relation.participantId ? eq(trainingParticipants.id, relation.participantId) : undefined,
        relation.admin ? eq(trainingParticipants.organisationId, ctx.actor.organisationId) : undefined,
      );
  return ctx.db.transaction(async (tx) => {
    const rows = await tx
      .select()
      .from(trainingParticipants)
      .where(and(eq(trainingParticipants.cohortId, cohort.id), visible))
      .orderBy(
        sql`case ${trainingParticipants.status} when 'enrolled' then 0 when 'waitlisted' then 1 when 'applied' then 2 else 3 end`,
        asc(trainingParticipants.updatedAt),
        asc(trainingParticipants.name),
      );
    const items = rows.map((r) => presentParticipant(r, ownsRecord(ctx, relation, r), teaches(relation)));
    await audit(tx, ctx, {
      action: "training_participant.list",
      entity: "training_cohort",
      entityId: cohort.id,
      organisationId: cohort.organisationId,
      details: { participantIds: rows.map((r) => r.id), withEmail: items.filter((i) => i.email).length },
    });
    const [counts] = await tx
      .select({
        enrolled: sql<number>`count(*) filter (where ${trainingParticipants.status} = 'enrolled')::int`,
        waitlisted: sql<number>`count(*) filter (where ${trainingParticipants.status} = 'waitlisted')::int`,
      })
      .from(trainingParticipants)
      .where(eq(trainingParticipants.cohortId, cohort.id));
    return {
      items,
      capacity: cohort.capacity,
      enrolled: counts?.enrolled ?? 0,
      waitlisted: counts?.waitlisted ?? 0,
    };
  });
}

/** The mix of actor groups among the enrolled: counts by organisation type and by volunteer/staff. */
export async function cohortMix(ctx: Ctx & { cohortId: string }): Promise<CohortMix> {
  const { cohort } = await cohortRelation(ctx, ctx.cohortId);
  const rows = await ctx.db
    .select({
      type: trainingParticipants.organisationType,
      role: trainingParticipants.role,
      organisation: sql<string>`coalesce(${trainingParticipants.organisationId}::text, lower(${trainingParticipants.organisationName}))`,
    })
    .from(trainingParticipants)
    .where(and(eq(trainingParticipants.cohortId, cohort.id), eq(trainingParticipants.status, "enrolled")));
  const count = <K>(key: K, of: (r: (typeof rows)[number]) => K) => rows.filter((r) => of(r) === key).length;
  return {
    total: rows.length,
    byOrganisationType: ORGANISATION_TYPES.map((type) => ({
      type,
      count: count(type, (r) => r.type),
    })).filter((x) => x.count > 0),
    byRole: PARTICIPANT_ROLES.map((role) => ({ role, count: count(role, (r) => r.role) })),
    organisations: new Set(rows.map((r) => r.organisation)).size,
  };
}

/** A participant of a cohort the caller reaches and may act for; 404 otherwise. */
async function participantFor(ctx: Ctx & { cohortId: string; participantId: string }) {
  const { relation } = await cohortRelation(ctx, ctx.cohortId);
  const [row] = await ctx.db
    .select()
    .from(trainingParticipants)
    .where(
      and(eq(trainingParticipants.id, ctx.participantId), eq(trainingParticipants.cohortId, ctx.cohortId)),
    );
  if (!row) throw notFound();
  return { row, relation };
}

/**
 * Withdraws a registration: the coordination, the person's own admin, or the person. A freed place
 * goes to the first on the waiting list (with a mail). Trainers cannot withdraw people.
 */
export async function withdrawParticipant(
  ctx: Ctx & { cohortId: string; participantId: string; mailer: Mailer },
) {
  const { row: seen, relation } = await participantFor(ctx);
  const may =
    relation.coordinator ||
    seen.id === relation.participantId ||
    (ctx.actor.role === "org_admin" && seen.organisationId === ctx.actor.organisationId);
  if (!may) {
    if (!ownsRecord(ctx, relation, seen) && !["enrolled", "waitlisted"].includes(seen.status))
      throw notFound();
    throw new AppError(403, "forbidden");
  }
  return ctx.db.transaction(async (tx) => {
    const cohort = await lockCohort(tx, ctx.cohortId);
    if (!cohort) throw notFound();
    // A completed or cancelled cohort keeps its records (attendance, certificates) as they were.
    if (cohort.status === "completed" || cohort.status === "cancelled") {
      throw new AppError(422, "trainings.core_cohort_closed", { field: "cohortId", location: "params" });
    }
    const [row] = await tx
      .select()
      .from(trainingParticipants)
      .where(eq(trainingParticipants.id, seen.id))
      .for("update");
    if (!row) throw notFound();
    if (!["enrolled", "waitlisted", "applied"].includes(row.status)) {
      throw new AppError(409, "trainings.core_not_active", { field: "participantId", location: "params" });
    }
    const [updated] = await tx
      .update(trainingParticipants)
      .set({ status: "withdrawn", updatedAt: new Date() })
      .where(eq(trainingParticipants.id, row.id))
      .returning();
    if (!updated) throw notFound();
    const movedUp =
      row.status === "enrolled" ? await fillFreePlaces({ db: tx, mailer: ctx.mailer }, cohort.id) : [];
    await audit(tx, ctx, {
      action: "training_participant.withdraw",
      entity: "training_participant",
      entityId: row.id,
      organisationId: row.organisationId ?? cohort.organisationId,
      details: { cohortId: cohort.id, from: row.status, movedUp },
    });
    return presentParticipant(updated, true);
  });
}

/** The coordination approves (a place, or the waiting list when full) or declines a public application. */
export async function decideApplication(
  ctx: Ctx & {
    cohortId: string;
    participantId: string;
    decision: "approve" | "decline";
    waitlist: boolean;
    mailer: Mailer;
  },
) {
  await participantFor(ctx);
  return ctx.db.transaction(async (tx) => {
    const cohort = await lockCohort(tx, ctx.cohortId);
    if (!cohort) throw notFound();
    const [row] = await tx
      .select()
      .from(trainingParticipants)
      .where(eq(trainingParticipants.id, ctx.participantId))
      .for("update");
    if (!row) throw notFound();
    if (row.status !== "applied") {
      throw new AppError(409, "trainings.core_not_applied", { field: "participantId", location: "params" });
    }
    let status: "enrolled" | "waitlisted" | "declined" = "declined";
    if (ctx.decision === "approve") {
      // As registering: nobody is enrolled into a cancelled or completed cohort.
      if (cohort.status === "cancelled" || cohort.status === "completed") {
        throw new AppError(422, "trainings.core_cohort_closed", { field: "cohortId", location: "params" });
      }
      const [taken] = await tx
        .select({ n: sql<number>`count(*)::int` })
        .from(trainingParticipants)
        .where(
          and(eq(trainingParticipants.cohortId, cohort.id), eq(trainingParticipants.status, "enrolled")),
        );
      status = (taken?.n ?? 0) < cohort.capacity ? "enrolled" : "waitlisted";
      if (status === "waitlisted" && !ctx.waitlist)
        throw new AppError(409, "trainings.core_full", { field: "waitlist" });
    }
    const [updated] = await tx
      .update(trainingParticipants)
      .set({ status, decidedBy: ctx.actor.userId, decidedAt: new Date(), updatedAt: new Date() })
      .where(eq(trainingParticipants.id, row.id))
      .returning();
    if (!updated) throw notFound();
    await registrationMail(tx, ctx.mailer, row, cohort, status);
    await audit(tx, ctx, {
      action: `training_application.${ctx.decision}`,
      entity: "training_participant",
      entityId: row.id,
      organisationId: cohort.organisationId,
      details: { cohortId: cohort.id, status },
    });
    return presentParticipant(updated, true);
  });
}
