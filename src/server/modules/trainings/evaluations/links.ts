import { and, eq, inArray, isNull } from "drizzle-orm";
import type { z } from "zod";
import { teachingCohort } from "#server/modules/trainings/access.ts";
import {
  trainingCohorts,
  trainingEvaluationLinks,
  trainingEvaluationResponses,
  trainingParticipants,
  trainingProgrammes,
} from "#server/modules/trainings/tables.ts";
import { audit } from "#server/platform/audit.ts";
import type { Ctx } from "#server/platform/context.ts";
import { AppError } from "#server/platform/errors.ts";
import { translator } from "#server/platform/i18n.ts";
import { enqueueMail, type Mailer } from "#server/platform/mail.ts";
import { users } from "#server/platform/tables.ts";
import { newToken, tokenHash } from "#server/platform/tokens.ts";
import type { EvaluationSendBody } from "#shared/contracts/trainings-evaluations.ts";
import { EVALUATION_LINK_DAYS, EVALUATION_LOCALES, type EvaluationLocale } from "#shared/trainings.ts";

const isEvaluationLocale = (v: unknown): v is EvaluationLocale =>
  typeof v === "string" && (EVALUATION_LOCALES as readonly string[]).includes(v);

/** A day in the recipient's language, as the mail names it. */
function dayIn(locale: EvaluationLocale, at: Date) {
  return new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: "Europe/Berlin" }).format(at);
}

/**
 * Mails a personal link for a phase to every enrolled participant who has not answered it yet, in
 * the participant's language (the account's; the given one for those without an account). An
 * unused earlier link of the same phase is replaced: it stops working at once.
 */
export async function sendEvaluationLinks(
  ctx: Ctx & {
    cohortId: string;
    input: z.infer<typeof EvaluationSendBody>;
    mailer: Pick<Mailer, "delivers">;
    publicUrl: string;
  },
) {
  const { cohort } = await teachingCohort(ctx, ctx.cohortId);
  const { phase } = ctx.input;
  const fallback = ctx.input.locale ?? "de";
  if (cohort.status === "cancelled") throw new AppError(422, "trainings.evaluation_cohort_cancelled");
  const [programme] = await ctx.db
    .select({ title: trainingProgrammes.title })
    .from(trainingProgrammes)
    .where(eq(trainingProgrammes.id, cohort.programmeId));
  return ctx.db.transaction(async (tx) => {
    // Sends of one cohort one after the other: two at once (a double click) would each replace
    // only the links they saw and leave two working links per participant.
    await tx
      .select({ id: trainingCohorts.id })
      .from(trainingCohorts)
      .where(eq(trainingCohorts.id, cohort.id))
      .for("update");
    const enrolled = await tx
      .select({
        id: trainingParticipants.id,
        name: trainingParticipants.name,
        email: trainingParticipants.email,
        locale: users.locale,
      })
      .from(trainingParticipants)
      .leftJoin(users, eq(users.id, trainingParticipants.userId))
      .where(and(eq(trainingParticipants.cohortId, cohort.id), eq(trainingParticipants.status, "enrolled")));
    if (enrolled.length === 0) throw new AppError(422, "trainings.evaluation_no_participants");
    const answered = new Set(
      (
        await tx
          .select({ participantId: trainingEvaluationResponses.participantId })
          .from(trainingEvaluationResponses)
          .where(
            and(
              eq(trainingEvaluationResponses.cohortId, cohort.id),
              eq(trainingEvaluationResponses.phase, phase),
            ),
          )
      ).map((r) => r.participantId),
    );
    const recipients = enrolled.filter((p) => !answered.has(p.id));
    const expiresAt = new Date(Date.now() + EVALUATION_LINK_DAYS * 86_400_000);
    if (recipients.length > 0) {
      await tx.delete(trainingEvaluationLinks).where(
        and(
          inArray(
            trainingEvaluationLinks.participantId,
            recipients.map((p) => p.id),
          ),
          eq(trainingEvaluationLinks.phase, phase),
          isNull(trainingEvaluationLinks.usedAt),
        ),
      );
    }
    for (const person of recipients) {
      const locale = isEvaluationLocale(person.locale) ? person.locale : fallback;
      const token = newToken();
      await tx.insert(trainingEvaluationLinks).values({
        participantId: person.id,
        phase,
        locale,
        tokenHash: tokenHash(token),
        expiresAt,
        createdBy: ctx.actor.userId,
      });
      const t = translator(locale);
      await enqueueMail(tx, ctx.mailer, {
        to: person.email,
        template: "training_evaluation",
        organisationId: cohort.organisationId,
        subject: t(`trainings.evaluations.mail.subject_${phase}`, { cohort: cohort.title }),
        body: t(`trainings.evaluations.mail.body_${phase}`, {
          name: person.name,
          cohort: cohort.title,
          programme: programme?.title ?? "",
          link: `${ctx.publicUrl}/evaluation?token=${token}`,
          until: dayIn(locale, expiresAt),
          days: EVALUATION_LINK_DAYS,
        }),
      });
    }
    await audit(tx, ctx, {
      action: "training_evaluation.send",
      entity: "training_cohort",
      entityId: cohort.id,
      organisationId: cohort.organisationId,
      details: {
        phase,
        participantIds: recipients.map((p) => p.id),
        alreadyAnswered: enrolled.length - recipients.length,
      },
    });
    return {
      phase,
      sent: recipients.length,
      alreadyAnswered: enrolled.length - recipients.length,
      expiresAt: expiresAt.toISOString(),
    };
  });
}
