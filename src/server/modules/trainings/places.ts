import { and, asc, eq, sql } from "drizzle-orm";
import type { Tx } from "#server/db/client.ts";
import type { Ctx } from "#server/platform/context.ts";
import { translator } from "#server/platform/i18n.ts";
import { enqueueMail, type Mailer } from "#server/platform/mail.ts";
import { users } from "#server/platform/tables.ts";
import type { Locale } from "#shared/domain.ts";
import { trainingCohorts, trainingParticipants } from "./tables.ts";

/** What a registration mail tells the person. */
export type RegistrationMail =
  | "enrolled"
  | "waitlisted"
  | "movedUp"
  | "applied"
  | "declined"
  | "alreadyApplied"
  | "hasAccount";

type Cohort = Pick<
  typeof trainingCohorts.$inferSelect,
  "id" | "title" | "startsOn" | "endsOn" | "organisationId"
>;

/**
 * Sends the `training_registration` mail in the person's language: their account's locale, else
 * the language they applied in (or German, the coordination's language).
 */
export async function registrationMail(
  tx: Tx,
  mailer: Pick<Mailer, "delivers">,
  p: { userId: string | null; name: string; email: string },
  cohort: Cohort,
  kind: RegistrationMail,
  fallbackLocale: Locale = "de",
) {
  let locale = fallbackLocale;
  if (p.userId) {
    const [user] = await tx.select({ locale: users.locale }).from(users).where(eq(users.id, p.userId));
    if (user) locale = user.locale;
  }
  const t = translator(locale);
  const vars = { name: p.name, cohort: cohort.title, startsOn: cohort.startsOn, endsOn: cohort.endsOn };
  await enqueueMail(tx, mailer, {
    to: p.email,
    template: "training_registration",
    organisationId: cohort.organisationId,
    subject: t(`trainings.core.mail.${kind}.subject`, vars),
    body: t(`trainings.core.mail.${kind}.body`, vars),
  });
}

/** Locks the cohort row: registrations, approvals and withdrawals of one cohort happen one at a time. */
export async function lockCohort(tx: Tx, cohortId: string) {
  const [row] = await tx.select().from(trainingCohorts).where(eq(trainingCohorts.id, cohortId)).for("update");
  return row;
}

/** Enrolled places taken in a cohort (call with the cohort row locked). */
export async function enrolledIn(tx: Tx, cohortId: string) {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(trainingParticipants)
    .where(and(eq(trainingParticipants.cohortId, cohortId), eq(trainingParticipants.status, "enrolled")));
  return row?.n ?? 0;
}

/**
 * Moves waitlisted people up, first come first served, while places are free (call with the cohort
 * row locked); each one gets a mail. Returns the ids moved up.
 */
export async function fillFreePlaces(
  ctx: Pick<Ctx, "db"> & { mailer: Pick<Mailer, "delivers"> },
  cohortId: string,
) {
  const tx = ctx.db;
  const [cohort] = await tx.select().from(trainingCohorts).where(eq(trainingCohorts.id, cohortId));
  if (!cohort || cohort.status === "completed" || cohort.status === "cancelled") return [];
  const free = cohort.capacity - (await enrolledIn(tx, cohortId));
  if (free <= 0) return [];
  const next = await tx
    .select()
    .from(trainingParticipants)
    .where(and(eq(trainingParticipants.cohortId, cohortId), eq(trainingParticipants.status, "waitlisted")))
    .orderBy(asc(trainingParticipants.updatedAt), asc(trainingParticipants.createdAt))
    .limit(free);
  for (const p of next) {
    await tx
      .update(trainingParticipants)
      .set({ status: "enrolled", updatedAt: new Date() })
      .where(eq(trainingParticipants.id, p.id));
    await registrationMail(tx, ctx.mailer, p, cohort, "movedUp");
  }
  return next.map((p) => p.id);
}
