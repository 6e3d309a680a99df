import { asc, eq, inArray } from "drizzle-orm";
import type { Tx } from "#server/db/client.ts";
import { cases, clients } from "#server/modules/cases/tables.ts";
import { qualifications, recognitionProcedures } from "#server/modules/recognition/tables.ts";
import type { ReferralDataItem } from "#shared/referrals.ts";

/**
 * The data that travels with a referral: a copy of the chosen items at sending time, so the
 * receiver sees what the client consented to share and nothing of the case beyond it. Special
 * categories (health, religion, ethnic origin, residence status) are never part of any item.
 */
export async function buildSnapshot(
  db: Tx,
  caseId: string,
  items: readonly ReferralDataItem[],
): Promise<Record<string, unknown>> {
  const [row] = await db
    .select({ client: clients, phase: cases.phase, goals: cases.goals })
    .from(cases)
    .innerJoin(clients, eq(clients.id, cases.clientId))
    .where(eq(cases.id, caseId));
  if (!row) return {};
  const client = row.client;
  const wanted = new Set(items);
  const snapshot: Record<string, unknown> = {};
  if (wanted.has("name")) snapshot.name = client.name;
  if (wanted.has("contact")) snapshot.contact = { email: client.email, phone: client.phone };
  if (wanted.has("date_of_birth")) snapshot.date_of_birth = client.dateOfBirth;
  if (wanted.has("languages")) snapshot.languages = client.preferredLanguages;
  if (wanted.has("origin")) {
    snapshot.origin = {
      countryOfOrigin: client.countryOfOrigin,
      entryYear: client.entryYear,
      qualificationCountry: client.qualificationCountry,
    };
  }
  if (wanted.has("qualifications") || wanted.has("recognition")) {
    const quals = await db
      .select()
      .from(qualifications)
      .where(eq(qualifications.clientId, client.id))
      .orderBy(asc(qualifications.createdAt), asc(qualifications.id));
    if (wanted.has("qualifications")) {
      snapshot.qualifications = quals.map((q) => ({
        originalTitle: q.originalTitle,
        germanTitle: q.germanTitle,
        country: q.country,
        institution: q.institution,
        year: q.year,
        dqrLevel: q.dqrLevel,
        anabinStatus: q.anabinStatus,
      }));
    }
    if (wanted.has("recognition")) {
      const procedures =
        quals.length === 0
          ? []
          : await db
              .select()
              .from(recognitionProcedures)
              .where(
                inArray(
                  recognitionProcedures.qualificationId,
                  quals.map((q) => q.id),
                ),
              )
              .orderBy(asc(recognitionProcedures.createdAt), asc(recognitionProcedures.id));
      snapshot.recognition = procedures.map((p) => ({
        referenceOccupation: p.referenceOccupationTitle,
        referenceOccupationCode: p.referenceOccupationCode,
        state: p.state,
        decision: p.decision,
      }));
    }
  }
  if (wanted.has("counselling_summary"))
    snapshot.counselling_summary = { phase: row.phase, goals: row.goals };
  return snapshot;
}
