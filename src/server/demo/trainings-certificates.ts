import { and, asc, eq } from "drizzle-orm";
import type { Tx } from "#server/db/client.ts";
import { newCertificateCode } from "#server/modules/trainings/certificates/code.ts";
import { freezeContent, meetsRule } from "#server/modules/trainings/certificates/content.ts";
import { programmeWithGoals } from "#server/modules/trainings/cohorts.ts";
import {
  trainingCertificates,
  trainingCohorts,
  trainingParticipants,
} from "#server/modules/trainings/tables.ts";
import { attendanceTotals } from "#server/modules/trainings/totals.ts";
import { organisations } from "#server/platform/tables.ts";

/** The completed demo cohort (made by the core part's demo), whose certificates were issued. */
export const DEMO_CERTIFICATE_COHORT = "Diversity-Beratung in eigener Organisation 2026/1";

/**
 * Certificates for the completed demo cohort: everyone whose seeded attendance meets the
 * programme's rule, issued a week after the cohort ended. Nothing when the cohort is absent, has no
 * recorded attendance, or already has certificates (so seeding twice changes nothing). No mails.
 */
export async function seedDemoTrainingsCertificates(tx: Tx, _idOf?: Map<string, string>): Promise<number> {
  const [cohort] = await tx
    .select()
    .from(trainingCohorts)
    .where(eq(trainingCohorts.title, DEMO_CERTIFICATE_COHORT));
  if (!cohort) return 0;
  const [existing] = await tx
    .select({ id: trainingCertificates.id })
    .from(trainingCertificates)
    .where(eq(trainingCertificates.cohortId, cohort.id))
    .limit(1);
  if (existing) return 0;
  const totals = await attendanceTotals(tx, cohort.id);
  if (![...totals.values()].some((t) => t.sessionsAttended + t.late + t.excused + t.absent > 0)) return 0;

  const programme = await programmeWithGoals({ db: tx }, cohort.programmeId);
  const [issuer] = await tx
    .select({ name: organisations.name })
    .from(organisations)
    .where(eq(organisations.id, cohort.organisationId));
  if (!issuer) return 0;
  const people = await tx
    .select()
    .from(trainingParticipants)
    .where(and(eq(trainingParticipants.cohortId, cohort.id), eq(trainingParticipants.status, "enrolled")))
    .orderBy(asc(trainingParticipants.name));
  const issuedAt = new Date(`${cohort.endsOn}T10:00:00Z`);
  issuedAt.setUTCDate(issuedAt.getUTCDate() + 7);
  const rows = people.flatMap((participant) => {
    const total = totals.get(participant.id);
    if (!total || !meetsRule(total, programme)) return [];
    return [
      {
        cohortId: cohort.id,
        participantId: participant.id,
        code: newCertificateCode(),
        content: freezeContent({ programme, cohort, participant, total, issuerName: issuer.name }),
        issuedAt: issuedAt.getTime() < Date.now() ? issuedAt : new Date(),
        issuedBy: cohort.createdBy,
      },
    ];
  });
  if (rows.length > 0) await tx.insert(trainingCertificates).values(rows);
  return rows.length;
}
