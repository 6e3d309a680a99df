import { and, asc, eq, ilike, ne, notExists, or, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Tx } from "#server/db/client.ts";
import { audit } from "#server/platform/audit.ts";
import type { Ctx } from "#server/platform/context.ts";
import { AppError, invalidField, notFound } from "#server/platform/errors.ts";
import type { Mailer } from "#server/platform/mail.ts";
import { memberships, organisations, users } from "#server/platform/tables.ts";
import { actsForNetwork } from "#server/platform/tenancy.ts";
import type { RegistrationInput } from "#shared/contracts/trainings.ts";
import type { OrganisationType } from "#shared/domain.ts";
import { presentParticipant } from "./participants.ts";
import { enrolledIn, lockCohort, registrationMail } from "./places.ts";
import { trainingCohorts, trainingParticipants } from "./tables.ts";

type Input = z.output<typeof RegistrationInput>;
type Cohort = typeof trainingCohorts.$inferSelect;

/** Statuses that hold a person in a cohort; a withdrawn or declined person may be registered again. */
const ACTIVE = ["applied", "waitlisted", "enrolled"] as const;

/**
 * The cohort a registering caller may register into: the coordination every cohort; an admin a
 * cohort open for registration that has not ended (404 otherwise: closed cohorts are not shown to them).
 */
async function registrableCohort(tx: Tx | Ctx["db"], ctx: Ctx, cohortId: string, lock: boolean) {
  const cohort = lock
    ? await lockCohort(tx, cohortId)
    : (await tx.select().from(trainingCohorts).where(eq(trainingCohorts.id, cohortId)))[0];
  if (!cohort) throw notFound();
  if (actsForNetwork(ctx.actor)) {
    if (cohort.status === "cancelled" || cohort.status === "completed") {
      throw new AppError(422, "trainings.core_cohort_closed", { field: "cohortId", location: "params" });
    }
    return cohort;
  }
  // Ended: its last day (in Berlin) has passed, whatever the status still says.
  const today = new Date().toLocaleDateString("sv-SE", { timeZone: "Europe/Berlin" });
  if (
    !cohort.registrationOpen ||
    cohort.status === "cancelled" ||
    cohort.status === "completed" ||
    cohort.endsOn < today
  )
    throw notFound();
  return cohort;
}

/** Members the caller may register and who are not in the cohort yet (admin: own organisation's). */
export async function registrableMembers(ctx: Ctx & { cohortId: string; q?: string | undefined }) {
  const cohort = await registrableCohort(ctx.db, ctx, ctx.cohortId, false);
  const network = actsForNetwork(ctx.actor);
  const rows = await ctx.db
    .selectDistinctOn([users.name, users.id], {
      userId: users.id,
      name: users.name,
      organisationId: organisations.id,
      organisationName: organisations.name,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
    .where(
      and(
        eq(memberships.status, "active"),
        eq(users.status, "active"),
        network
          ? ne(organisations.type, "network_coordination")
          : eq(organisations.id, ctx.actor.organisationId),
        ctx.q ? or(ilike(users.name, `%${ctx.q}%`), ilike(organisations.name, `%${ctx.q}%`)) : undefined,
        notExists(
          ctx.db
            .select({ one: sql`1` })
            .from(trainingParticipants)
            .where(
              and(
                eq(trainingParticipants.cohortId, cohort.id),
                eq(trainingParticipants.userId, users.id),
                sql`${trainingParticipants.status} in ('applied', 'waitlisted', 'enrolled')`,
              ),
            ),
        ),
      ),
    )
    .orderBy(asc(users.name), asc(users.id))
    .limit(100);
  await audit(ctx.db, ctx, {
    action: "training_participant.registrable",
    entity: "training_cohort",
    entityId: cohort.id,
    organisationId: network ? cohort.organisationId : ctx.actor.organisationId,
    details: { userIds: rows.map((r) => r.userId) },
  });
  return { items: rows };
}

type Person = {
  userId: string | null;
  name: string;
  email: string;
  organisationId: string | null;
  organisationName: string;
  organisationType: OrganisationType;
};

/** Who is registered: a member (own organisation for an admin), or — coordination only — a person without an account. */
async function personOf(tx: Tx, ctx: Ctx, input: Input): Promise<Person> {
  const network = actsForNetwork(ctx.actor);
  if (input.userId) {
    const organisationId = network ? input.organisationId : ctx.actor.organisationId;
    if (!network && input.organisationId && input.organisationId !== ctx.actor.organisationId) {
      throw invalidField("organisationId", "trainings.core_not_own_member");
    }
    const [member] = await tx
      .select({
        userId: users.id,
        name: users.name,
        email: users.email,
        organisationId: organisations.id,
        organisationName: organisations.name,
        organisationType: organisations.type,
      })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
      .where(
        and(
          eq(memberships.userId, input.userId),
          eq(memberships.status, "active"),
          eq(users.status, "active"),
          organisationId ? eq(memberships.organisationId, organisationId) : undefined,
        ),
      )
      .orderBy(sql`${organisations.type} = 'network_coordination'`, asc(organisations.name))
      .limit(1);
    if (!member)
      throw invalidField(
        "userId",
        network ? "trainings.core_member_unknown" : "trainings.core_not_own_member",
      );
    return member;
  }
  if (!network) throw invalidField("userId", "trainings.core_member_required");
  if (!input.name) throw invalidField("name", "trainings.core_name_required");
  if (!input.email) throw invalidField("email", "trainings.core_email_required");
  if (input.organisationId) {
    const [org] = await tx.select().from(organisations).where(eq(organisations.id, input.organisationId));
    if (!org) throw invalidField("organisationId", "trainings.core_organisation_unknown");
    return {
      userId: null,
      name: input.name,
      email: input.email,
      organisationId: org.id,
      organisationName: org.name,
      organisationType: org.type,
    };
  }
  if (!input.organisationName) throw invalidField("organisationName", "trainings.core_organisation_required");
  if (!input.organisationType)
    throw invalidField("organisationType", "trainings.core_organisation_type_required");
  return {
    userId: null,
    name: input.name,
    email: input.email,
    organisationId: null,
    organisationName: input.organisationName,
    organisationType: input.organisationType,
  };
}

/** The person's earlier record in the cohort (same account or same address), locked. */
export async function earlierRecord(tx: Tx, cohortId: string, p: { userId: string | null; email: string }) {
  const [row] = await tx
    .select()
    .from(trainingParticipants)
    .where(
      and(
        eq(trainingParticipants.cohortId, cohortId),
        or(
          p.userId ? eq(trainingParticipants.userId, p.userId) : undefined,
          eq(sql`lower(${trainingParticipants.email})`, p.email.toLowerCase()),
        ),
      ),
    )
    .for("update");
  return row;
}

/**
 * Registers a person. The cohort row is locked first, so two registrations for the last place
 * cannot both get it: the second sees the place taken and goes to the waiting list (or gets 409).
 */
export async function registerParticipant(ctx: Ctx & { cohortId: string; input: Input; mailer: Mailer }) {
  return ctx.db.transaction(async (tx) => {
    const cohort: Cohort = await registrableCohort(tx, ctx, ctx.cohortId, true);
    const person = await personOf(tx, ctx, ctx.input);
    const earlier = await earlierRecord(tx, cohort.id, person);
    if (earlier && (ACTIVE as readonly string[]).includes(earlier.status)) {
      throw new AppError(409, "trainings.core_duplicate", { field: ctx.input.userId ? "userId" : "email" });
    }
    const full = (await enrolledIn(tx, cohort.id)) >= cohort.capacity;
    if (full && !ctx.input.waitlist) throw new AppError(409, "trainings.core_full", { field: "waitlist" });
    const status = full ? ("waitlisted" as const) : ("enrolled" as const);
    const values = {
      ...person,
      role: ctx.input.role,
      status,
      registeredBy: ctx.actor.userId,
      decidedBy: null,
      decidedAt: null,
      motivation: null,
      updatedAt: new Date(),
    };
    const [row] = earlier
      ? await tx
          .update(trainingParticipants)
          .set(values)
          .where(eq(trainingParticipants.id, earlier.id))
          .returning()
      : await tx
          .insert(trainingParticipants)
          .values({ ...values, cohortId: cohort.id })
          .returning();
    if (!row) throw new Error("write returned nothing");
    await registrationMail(tx, ctx.mailer, row, cohort, status);
    await audit(tx, ctx, {
      action: "training_participant.register",
      entity: "training_participant",
      entityId: row.id,
      organisationId: row.organisationId ?? cohort.organisationId,
      details: { cohortId: cohort.id, status, userId: row.userId, again: Boolean(earlier) },
    });
    return presentParticipant(row, true);
  });
}
