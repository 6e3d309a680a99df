import { z } from "zod";
import { CERTIFICATE_REVOKE_REASONS, EVALUATION_LOCALES } from "#shared/trainings.ts";
import { Id, Timestamp } from "./common.ts";
import { Day, GoalText } from "./trainings.ts";

// Certificates of attendance (issue 15, part 4): issued by the coordination office for a whole
// cohort at once, frozen when issued, verifiable by a code on the public verification page.

/**
 * The verification code's alphabet: 32 symbols without the look-alikes 0/O and 1/I, so a code
 * read off paper is typed right. 20 symbols carry 100 random bits, printed in four groups of five.
 */
export const CODE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
export const CODE_LENGTH = 20;
export const CODE_GROUP = 5;

/** A typed code as stored: capitals, without spaces, dashes or dots. */
export function normaliseCode(typed: string): string {
  return typed.toUpperCase().replace(/[\s\-_.]/g, "");
}

/** Whether a normalised code can be one at all (right length, only the alphabet's symbols). */
export function isWellFormedCode(code: string): boolean {
  return code.length === CODE_LENGTH && [...code].every((c) => CODE_ALPHABET.includes(c));
}

/** The code in groups for print and screen: ABCDE-FGHJK-LMNPQ-RSTUV. */
export function groupCode(code: string): string {
  return (code.match(new RegExp(`.{1,${CODE_GROUP}}`, "g")) ?? []).join("-");
}

export const CertificateParams = z.object({ certificateId: Id });
export const VerifyParams = z.object({
  code: z
    .string()
    .max(64)
    .describe("The verification code as printed (groups, dashes and case do not matter)"),
});
export const CertificatePdfQuery = z.object({
  lang: z.enum(EVALUATION_LOCALES).default("de").describe("Language of the certificate: de, en or ar"),
});

export const CertificateRevoke = z
  .object({ reason: z.enum(CERTIFICATE_REVOKE_REASONS) })
  .meta({ id: "TrainingCertificateRevoke" });

/** One participant's certificate state in a cohort. */
export const CertificateRow = z
  .object({
    participantId: Id,
    name: z.string(),
    organisationName: z.string(),
    hasAccount: z.boolean(),
    percent: z.number().describe("Attended share of the sessions that count, 0–100"),
    sessionsAttended: z.number().int(),
    sessionsHeld: z.number().int(),
    hoursAttended: z.number(),
    eligible: z.boolean().describe("At or above the programme's minimum attendance"),
    current: z
      .object({ id: Id, code: z.string(), issuedAt: Timestamp })
      .nullable()
      .describe("The certificate in force, if any"),
    revoked: z.array(
      z.object({
        id: Id,
        issuedAt: Timestamp,
        revokedAt: Timestamp,
        reason: z.enum(CERTIFICATE_REVOKE_REASONS),
      }),
    ),
  })
  .meta({ id: "TrainingCertificateRow" });
export type CertificateRow = z.infer<typeof CertificateRow>;

export const CertificateOverview = z
  .object({
    minAttendancePercent: z.number().int(),
    canIssue: z.boolean().describe("The caller may issue and revoke (the coordination office)"),
    canDownloadAll: z.boolean().describe("The caller may download the cohort's combined PDF"),
    rows: z.array(CertificateRow),
  })
  .meta({ id: "TrainingCertificateOverview" });
export type CertificateOverview = z.infer<typeof CertificateOverview>;

export const IssueResult = z
  .object({
    issued: z.array(z.object({ participantId: Id, certificateId: Id })),
    skipped: z
      .array(z.object({ participantId: Id, certificateId: Id }))
      .describe("Already holding a current one"),
    below: z
      .array(z.object({ participantId: Id, name: z.string(), percent: z.number() }))
      .describe("Enrolled but below the minimum attendance"),
  })
  .meta({ id: "TrainingCertificateIssueResult" });
export type IssueResult = z.infer<typeof IssueResult>;

export const RevokedCertificate = z
  .object({ id: Id, revokedAt: Timestamp, reason: z.enum(CERTIFICATE_REVOKE_REASONS) })
  .meta({ id: "TrainingCertificateRevoked" });

/** What the public verification page learns: for an unknown or forged code nothing but "invalid". */
export const Verification = z
  .discriminatedUnion("status", [
    z.object({
      status: z.literal("valid"),
      code: z.string(),
      participantName: z.string(),
      organisationName: z.string().nullable(),
      programmeTitle: z.string(),
      cohortTitle: z.string(),
      startsOn: Day,
      endsOn: Day,
      goals: z.array(GoalText),
      hoursAttended: z.number(),
      hoursHeld: z.number(),
      sessionsAttended: z.number().int(),
      sessionsHeld: z.number().int(),
      issuerName: z.string(),
      issuedAt: Timestamp,
    }),
    z.object({ status: z.literal("revoked"), code: z.string(), revokedAt: Timestamp }),
    z.object({ status: z.literal("invalid") }),
  ])
  .meta({ id: "TrainingCertificateVerification" });
export type Verification = z.infer<typeof Verification>;
