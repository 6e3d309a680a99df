import { eq } from "drizzle-orm";
import type { Db } from "#server/db/client.ts";
import { trainingCertificates, trainingParticipants } from "#server/modules/trainings/tables.ts";
import { audit } from "#server/platform/audit.ts";
import {
  isWellFormedCode,
  normaliseCode,
  type Verification,
} from "#shared/contracts/trainings-certificates.ts";

/**
 * The public verification: a valid code shows what was issued to whom (the frozen content), a
 * revoked one says so with the date, and an unknown, malformed or altered one is "invalid" and
 * nothing else — the same answer whatever the reason, so codes cannot be probed.
 */
export async function verifyCertificate(db: Db, requestId: string, typed: string): Promise<Verification> {
  const code = normaliseCode(typed);
  if (!isWellFormedCode(code)) return { status: "invalid" };
  const [row] = await db
    .select({ c: trainingCertificates, organisationId: trainingParticipants.organisationId })
    .from(trainingCertificates)
    .innerJoin(trainingParticipants, eq(trainingParticipants.id, trainingCertificates.participantId))
    .where(eq(trainingCertificates.code, code));
  if (!row) return { status: "invalid" };
  const { c } = row;
  await audit(
    db,
    { requestId },
    {
      action: "training_certificate.verify",
      entity: "training_certificate",
      entityId: c.id,
      organisationId: row.organisationId,
      details: { cohortId: c.cohortId, revoked: c.revokedAt !== null },
    },
  );
  if (c.revokedAt) return { status: "revoked", code, revokedAt: c.revokedAt.toISOString() };
  return { status: "valid", code, ...c.content, issuedAt: c.issuedAt.toISOString() };
}
