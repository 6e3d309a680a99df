import { and, asc, eq, isNull, type SQL } from "drizzle-orm";
import { cohortRelation, participantScope, teachingCohort } from "#server/modules/trainings/access.ts";
import { programmeWithGoals } from "#server/modules/trainings/cohorts.ts";
import { trainingCertificates, trainingParticipants } from "#server/modules/trainings/tables.ts";
import { attendanceTotals } from "#server/modules/trainings/totals.ts";
import { audit } from "#server/platform/audit.ts";
import type { Ctx } from "#server/platform/context.ts";
import { AppError, notFound } from "#server/platform/errors.ts";
import { translator } from "#server/platform/i18n.ts";
import { enqueueMail, type Mailer } from "#server/platform/mail.ts";
import { organisations, users } from "#server/platform/tables.ts";
import type {
  CertificateOverview,
  CertificateRow,
  IssueResult,
} from "#shared/contracts/trainings-certificates.ts";
import { groupCode } from "#shared/contracts/trainings-certificates.ts";
import type { Locale } from "#shared/domain.ts";
import type { CertificateRevokeReason } from "#shared/trainings.ts";
import { newCertificateCode, verifyUrl } from "./code.ts";
import { freezeContent, meetsRule } from "./content.ts";

const ENTITY = "training_certificate";
/** Cohorts that have not begun or were called off issue nothing. */
const ISSUABLE = new Set(["running", "completed"]);

/** Per participant the caller may see: attendance share, eligibility, current and revoked certificates. */
export async function listCertificates(ctx: Ctx & { cohortId: string }): Promise<CertificateOverview> {
  const { cohort, relation } = await cohortRelation(ctx, ctx.cohortId);
  const programme = await programmeWithGoals(ctx, cohort.programmeId);
  const scope = participantScope(ctx, relation);
  const people = await ctx.db
    .select()
    .from(trainingParticipants)
    .where(and(eq(trainingParticipants.cohortId, cohort.id), scope))
    .orderBy(asc(trainingParticipants.name));
  const ids = people.map((p) => p.id);
  const totals = await attendanceTotals(ctx.db, cohort.id, ids);
  const certificates = await ctx.db
    .select()
    .from(trainingCertificates)
    .where(eq(trainingCertificates.cohortId, cohort.id))
    .orderBy(asc(trainingCertificates.issuedAt));
  const rows: CertificateRow[] = [];
  for (const p of people) {
    const own = certificates.filter((c) => c.participantId === p.id);
    if (p.status !== "enrolled" && own.length === 0) continue;
    const total = totals.get(p.id);
    const percent = total?.percent ?? 0;
    const current = own.find((c) => c.revokedAt === null);
    rows.push({
      participantId: p.id,
      name: p.name,
      organisationName: p.organisationName,
      hasAccount: p.userId !== null,
      percent,
      sessionsAttended: total?.sessionsAttended ?? 0,
      sessionsHeld: total?.sessionsHeld ?? 0,
      hoursAttended: total?.hoursAttended ?? 0,
      eligible: p.status === "enrolled" && meetsRule(total, programme),
      current: current
        ? { id: current.id, code: current.code, issuedAt: current.issuedAt.toISOString() }
        : null,
      revoked: own.flatMap((c) =>
        c.revokedAt && c.revokeReason
          ? [
              {
                id: c.id,
                issuedAt: c.issuedAt.toISOString(),
                revokedAt: c.revokedAt.toISOString(),
                reason: c.revokeReason,
              },
            ]
          : [],
      ),
    });
  }
  await audit(ctx.db, ctx, {
    action: "training_certificate.list",
    entity: ENTITY,
    entityId: cohort.id,
    organisationId: cohort.organisationId,
    details: { cohortId: cohort.id, participants: rows.length },
  });
  return {
    minAttendancePercent: programme.minAttendancePercent,
    canIssue: relation.coordinator,
    canDownloadAll: relation.coordinator || relation.trainer,
    rows,
  };
}

type IssueCtx = Ctx & { cohortId: string; mailer: Pick<Mailer, "delivers">; publicUrl: string };

/**
 * Issues certificates for the whole cohort: every enrolled participant at or above the programme's
 * minimum attendance who holds no current one gets one, its content frozen, and a mail. Those who
 * hold one are reported as skipped, those below with their share. One transaction.
 */
export async function issueCertificates(ctx: IssueCtx): Promise<IssueResult> {
  const { cohort, relation } = await teachingCohort(ctx, ctx.cohortId);
  if (!relation.coordinator) throw new AppError(403, "forbidden");
  // A cohort still marked planned whose first day has passed has begun all the same.
  const begun = cohort.startsOn <= new Date().toLocaleDateString("sv-SE", { timeZone: "Europe/Berlin" });
  if (!ISSUABLE.has(cohort.status) && !(cohort.status === "planned" && begun)) {
    throw new AppError(422, "trainings.certificates_not_issuable");
  }
  const programme = await programmeWithGoals(ctx, cohort.programmeId);
  const [issuer] = await ctx.db
    .select({ name: organisations.name })
    .from(organisations)
    .where(eq(organisations.id, cohort.organisationId));
  if (!issuer) throw new Error(`organisation ${cohort.organisationId} missing`);

  return ctx.db.transaction(async (tx) => {
    // Lock the cohort's participants so that two coordinators issuing at once cannot both issue.
    const people = await tx
      .select({ p: trainingParticipants, locale: users.locale })
      .from(trainingParticipants)
      .leftJoin(users, eq(users.id, trainingParticipants.userId))
      .where(and(eq(trainingParticipants.cohortId, cohort.id), eq(trainingParticipants.status, "enrolled")))
      .orderBy(asc(trainingParticipants.name))
      .for("update", { of: trainingParticipants });
    const totals = await attendanceTotals(tx, cohort.id);
    const held = await tx
      .select({ id: trainingCertificates.id, participantId: trainingCertificates.participantId })
      .from(trainingCertificates)
      .where(and(eq(trainingCertificates.cohortId, cohort.id), isNull(trainingCertificates.revokedAt)));
    const current = new Map(held.map((c) => [c.participantId, c.id]));
    const result: IssueResult = { issued: [], skipped: [], below: [] };

    for (const { p, locale } of people) {
      const total = totals.get(p.id);
      const percent = total?.percent ?? 0;
      const holding = current.get(p.id);
      if (holding) {
        result.skipped.push({ participantId: p.id, certificateId: holding });
        continue;
      }
      if (!total || !meetsRule(total, programme)) {
        result.below.push({ participantId: p.id, name: p.name, percent });
        continue;
      }
      const content = freezeContent({ programme, cohort, participant: p, total, issuerName: issuer.name });
      const code = newCertificateCode();
      const [row] = await tx
        .insert(trainingCertificates)
        .values({ cohortId: cohort.id, participantId: p.id, code, content, issuedBy: ctx.actor.userId })
        .returning({ id: trainingCertificates.id });
      if (!row) throw new Error("insert returned nothing");
      result.issued.push({ participantId: p.id, certificateId: row.id });

      const t = translator((locale as Locale | null) ?? "de");
      await enqueueMail(tx, ctx.mailer, {
        to: p.email,
        template: "training_certificate",
        organisationId: cohort.organisationId,
        subject: t("trainings.certificates.mail.subject", { programme: programme.title }),
        body: t(p.userId ? "trainings.certificates.mail.bodyAccount" : "trainings.certificates.mail.body", {
          name: p.name,
          programme: programme.title,
          cohort: cohort.title,
          issuer: issuer.name,
          code: groupCode(code),
          verify: verifyUrl(ctx.publicUrl, code),
          link: `${ctx.publicUrl}/trainings/cohorts/${cohort.id}?tab=certificates`,
        }),
      });
      await audit(tx, ctx, {
        action: "training_certificate.issue",
        entity: ENTITY,
        entityId: row.id,
        organisationId: p.organisationId,
        details: { cohortId: cohort.id, participantId: p.id },
      });
    }
    await audit(tx, ctx, {
      action: "training_certificate.issue_cohort",
      entity: ENTITY,
      entityId: cohort.id,
      organisationId: cohort.organisationId,
      details: {
        cohortId: cohort.id,
        issued: result.issued.length,
        skipped: result.skipped.length,
        below: result.below.length,
      },
    });
    return result;
  });
}

/** A certificate the caller reaches (the holder, the cohort's teachers, the own admin); 404 else. */
async function reachableCertificate(ctx: Ctx, certificateId: string, extra?: SQL) {
  const [found] = await ctx.db
    .select({ c: trainingCertificates })
    .from(trainingCertificates)
    .where(and(eq(trainingCertificates.id, certificateId), extra));
  if (!found) throw notFound();
  const { cohort, relation } = await cohortRelation(ctx, found.c.cohortId);
  const [visible] = await ctx.db
    .select({ id: trainingParticipants.id, organisationId: trainingParticipants.organisationId })
    .from(trainingParticipants)
    .where(and(eq(trainingParticipants.id, found.c.participantId), participantScope(ctx, relation)));
  if (!visible) throw notFound();
  return { certificate: found.c, cohort, relation, participant: visible };
}

/** Revokes a current certificate with a reason; the verification page then says so. */
export async function revokeCertificate(
  ctx: Ctx & { certificateId: string; reason: CertificateRevokeReason },
) {
  const { certificate, relation, participant } = await reachableCertificate(ctx, ctx.certificateId);
  if (!relation.coordinator) throw new AppError(403, "forbidden");
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .update(trainingCertificates)
      .set({ revokedAt: new Date(), revokedBy: ctx.actor.userId, revokeReason: ctx.reason })
      .where(and(eq(trainingCertificates.id, certificate.id), isNull(trainingCertificates.revokedAt)))
      .returning();
    if (!row?.revokedAt || !row.revokeReason)
      throw new AppError(409, "trainings.certificate_already_revoked");
    await audit(tx, ctx, {
      action: "training_certificate.revoke",
      entity: ENTITY,
      entityId: row.id,
      organisationId: participant.organisationId,
      details: { cohortId: row.cohortId, participantId: row.participantId, reason: row.revokeReason },
    });
    return { id: row.id, revokedAt: row.revokedAt.toISOString(), reason: row.revokeReason };
  });
}

/** One current certificate for its PDF, audited as a read. */
export async function certificateForPdf(ctx: Ctx & { certificateId: string }) {
  const { certificate, participant } = await reachableCertificate(ctx, ctx.certificateId);
  if (certificate.revokedAt) throw new AppError(409, "trainings.certificate_revoked");
  await audit(ctx.db, ctx, {
    action: "training_certificate.pdf",
    entity: ENTITY,
    entityId: certificate.id,
    organisationId: participant.organisationId,
    details: { cohortId: certificate.cohortId, participantId: certificate.participantId },
  });
  return certificate;
}

/** The cohort's current certificates for the combined PDF (those who run the cohort), audited. */
export async function cohortCertificatesForPdf(ctx: Ctx & { cohortId: string }) {
  const { cohort } = await teachingCohort(ctx, ctx.cohortId);
  const rows = await ctx.db
    .select({ c: trainingCertificates })
    .from(trainingCertificates)
    .innerJoin(trainingParticipants, eq(trainingParticipants.id, trainingCertificates.participantId))
    .where(and(eq(trainingCertificates.cohortId, cohort.id), isNull(trainingCertificates.revokedAt)))
    .orderBy(asc(trainingParticipants.name));
  if (rows.length === 0) throw new AppError(422, "trainings.certificates_none");
  await audit(ctx.db, ctx, {
    action: "training_certificate.pdf_cohort",
    entity: ENTITY,
    entityId: cohort.id,
    organisationId: cohort.organisationId,
    details: { cohortId: cohort.id, certificateIds: rows.map((r) => r.c.id) },
  });
  return { cohort, certificates: rows.map((r) => r.c) };
}
