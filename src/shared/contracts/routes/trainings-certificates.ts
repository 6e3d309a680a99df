import { BinaryFile, PROTECTED_PROBLEMS, Problem } from "#shared/contracts/common.ts";
import { defineRoute } from "#shared/contracts/route.ts";
import { CohortParams } from "#shared/contracts/trainings.ts";
import {
  CertificateOverview,
  CertificateParams,
  CertificatePdfQuery,
  CertificateRevoke,
  IssueResult,
  RevokedCertificate,
  Verification,
  VerifyParams,
} from "#shared/contracts/trainings-certificates.ts";

const tags = ["trainings"];
const problems = PROTECTED_PROBLEMS;

/** Routes of the trainings' certificates of attendance: issue, revoke, PDFs, public verification. */
export const trainingCertificatesRoutes = {
  list: defineRoute({
    method: "GET",
    path: "/api/training-cohorts/:cohortId/certificates",
    access: "training.read",
    tags,
    summary:
      "Per participant the caller may see: attendance share, eligibility, the current and revoked certificates",
    params: CohortParams,
    response: { 200: CertificateOverview, ...problems },
  }),
  issue: defineRoute({
    method: "POST",
    path: "/api/training-cohorts/:cohortId/certificates",
    access: "training_certificate.issue",
    tags,
    summary:
      "Issue certificates for the whole cohort: every enrolled participant at or above the minimum attendance",
    params: CohortParams,
    response: { 200: IssueResult, ...problems, 422: Problem },
  }),
  cohortPdf: defineRoute({
    method: "GET",
    path: "/api/training-cohorts/:cohortId/certificates/pdf",
    access: "training.teach",
    tags,
    summary: "The cohort's current certificates in one PDF",
    params: CohortParams,
    query: CertificatePdfQuery,
    produces: ["application/pdf"],
    response: { 200: BinaryFile, ...problems, 422: Problem },
  }),
  pdf: defineRoute({
    method: "GET",
    path: "/api/training-certificates/:certificateId/pdf",
    access: "training.read",
    tags,
    summary: "One certificate as PDF (the holder, the cohort's teachers and the coordination office)",
    params: CertificateParams,
    query: CertificatePdfQuery,
    produces: ["application/pdf"],
    response: { 200: BinaryFile, ...problems },
  }),
  revoke: defineRoute({
    method: "POST",
    path: "/api/training-certificates/:certificateId/revoke",
    access: "training_certificate.issue",
    tags,
    summary: "Revoke a certificate with a reason; the verification page then says so",
    params: CertificateParams,
    body: CertificateRevoke,
    response: { 200: RevokedCertificate, ...problems, 409: Problem },
  }),
  verify: defineRoute({
    method: "GET",
    path: "/api/training-certificates/verify/:code",
    access: "public",
    tags,
    summary: "Public verification: what was issued to whom, revoked, or not valid (nothing else)",
    security: [],
    params: VerifyParams,
    response: { 200: Verification, 400: Problem },
  }),
};
