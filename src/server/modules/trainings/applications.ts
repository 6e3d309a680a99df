import { and, asc, eq, gte, inArray, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "#server/db/client.ts";
import { audit } from "#server/platform/audit.ts";
import { notFound } from "#server/platform/errors.ts";
import type { Mailer } from "#server/platform/mail.ts";
import type { ApplicationInput } from "#shared/contracts/trainings.ts";
import { enrolledIn, lockCohort, registrationMail } from "./places.ts";
import { earlierRecord } from "./register.ts";
import { trainingCohorts, trainingParticipants, trainingProgrammes } from "./tables.ts";

/** Open for the public form: registration open, planned or running, not ended. */
const open = () =>
  and(
    eq(trainingCohorts.registrationOpen, true),
    inArray(trainingCohorts.status, ["planned", "running"]),
    gte(trainingCohorts.endsOn, sql`current_date`),
  );

const columns = {
  id: trainingCohorts.id,
  title: trainingCohorts.title,
  programmeTitle: trainingProgrammes.title,
  programmeDescription: trainingProgrammes.description,
  targetGroups: trainingProgrammes.targetGroups,
  startsOn: trainingCohorts.startsOn,
  endsOn: trainingCohorts.endsOn,
  location: trainingCohorts.location,
  online: trainingCohorts.online,
  full: sql<boolean>`(select count(*) from ${trainingParticipants} p where p.cohort_id = ${trainingCohorts.id}
    and p.status = 'enrolled') >= ${trainingCohorts.capacity}`,
};

/** Cohorts open for applications, the next start first; nothing about who takes part. */
export async function openCohorts(db: Db) {
  const items = await db
    .select(columns)
    .from(trainingCohorts)
    .innerJoin(trainingProgrammes, eq(trainingProgrammes.id, trainingCohorts.programmeId))
    .where(open())
    .orderBy(asc(trainingCohorts.startsOn), asc(trainingCohorts.title));
  return { items };
}

export async function openCohort(db: Db, cohortId: string) {
  const [row] = await db
    .select(columns)
    .from(trainingCohorts)
    .innerJoin(trainingProgrammes, eq(trainingProgrammes.id, trainingCohorts.programmeId))
    .where(and(eq(trainingCohorts.id, cohortId), open()));
  if (!row) throw notFound();
  return row;
}

/**
 * A public application without an account: stored as `applied` for the coordination to decide, with
 * a confirmation mail in the applicant's language. Someone who already applied or takes part gets a
 * mail saying so and the answer is the same, so the form discloses nothing about who is in a cohort.
 */
export async function apply(p: {
  db: Db;
  mailer: Mailer;
  requestId: string;
  cohortId: string;
  input: z.output<typeof ApplicationInput>;
}) {
  const { input } = p;
  await p.db.transaction(async (tx) => {
    const cohort = await lockCohort(tx, p.cohortId);
    const [isOpen] = await tx
      .select({ id: trainingCohorts.id })
      .from(trainingCohorts)
      .where(and(eq(trainingCohorts.id, p.cohortId), open()));
    if (!cohort || !isOpen) throw notFound();
    const person = { userId: null, name: input.name, email: input.email };
    const earlier = await earlierRecord(tx, cohort.id, person);
    // The address belongs to an account's record (e.g. one who withdrew): a form without login
    // must not put a stranger's application onto that account; its organisation registers it.
    const repeat = earlier && ["applied", "waitlisted", "enrolled"].includes(earlier.status);
    if (earlier && (repeat || earlier.userId)) {
      const kind = repeat ? "alreadyApplied" : "hasAccount";
      await registrationMail(tx, p.mailer, person, cohort, kind, input.locale);
      await audit(
        tx,
        { requestId: p.requestId },
        {
          action: "training_application.repeat",
          entity: "training_participant",
          entityId: earlier.id,
          organisationId: cohort.organisationId,
          details: { cohortId: cohort.id, account: !repeat },
        },
      );
      return;
    }
    const values = {
      name: input.name,
      email: input.email,
      organisationId: null,
      organisationName: input.organisationName,
      organisationType: input.organisationType,
      role: input.role,
      status: "applied" as const,
      motivation: input.motivation ?? null,
      registeredBy: null,
      decidedBy: null,
      decidedAt: null,
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
    const full = (await enrolledIn(tx, cohort.id)) >= cohort.capacity;
    await registrationMail(tx, p.mailer, person, cohort, "applied", input.locale);
    await audit(
      tx,
      { requestId: p.requestId },
      {
        action: "training_application.create",
        entity: "training_participant",
        entityId: row.id,
        organisationId: cohort.organisationId,
        details: { cohortId: cohort.id, full, locale: input.locale },
      },
    );
  });
  return { received: true as const };
}
