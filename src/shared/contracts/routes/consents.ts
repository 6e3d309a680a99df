import { z } from "zod";
import { CONSENT_DOCUMENT_TYPES } from "#shared/cases.ts";
import { ClientParams } from "#shared/contracts/clients.ts";
import { BinaryFile, PROTECTED_PROBLEMS, Problem } from "#shared/contracts/common.ts";
import {
  Consent,
  ConsentCreate,
  ConsentList,
  ConsentParams,
  ConsentSheetQuery,
} from "#shared/contracts/consents.ts";
import { defineRoute } from "#shared/contracts/route.ts";

const tags = ["consents"];
const problems = PROTECTED_PROBLEMS;

const FileName = z
  .looseObject({
    "x-file-name": z
      .string()
      .max(1000)
      .optional()
      .describe("The file's name, URI-encoded (encodeURIComponent)"),
  })
  .describe("Headers");

/** Routes of the consents module. */
export const consentRoutes = {
  list: defineRoute({
    method: "GET",
    path: "/api/clients/:clientId/consents",
    access: "consent.read",
    tags,
    summary: "The consent register of a client: active consents first, then withdrawn ones",
    params: ClientParams,
    response: { 200: ConsentList, ...problems },
  }),
  give: defineRoute({
    method: "POST",
    path: "/api/clients/:clientId/consents",
    access: "consent.manage",
    tags,
    summary: "Record a consent the person gave for one purpose",
    params: ClientParams,
    body: ConsentCreate,
    response: { 201: Consent, ...problems, 409: Problem, 422: Problem },
  }),
  withdraw: defineRoute({
    method: "POST",
    path: "/api/consents/:consentId/withdraw",
    access: "consent.manage",
    tags,
    summary: "Withdraw a consent; it takes effect at once",
    params: ConsentParams,
    response: { 200: Consent, ...problems, 409: Problem },
  }),
  document: defineRoute({
    method: "GET",
    path: "/api/consents/:consentId/document",
    access: "consent.read",
    tags,
    summary: "The scanned signed consent sheet, as uploaded",
    params: ConsentParams,
    produces: [...CONSENT_DOCUMENT_TYPES],
    response: { 200: BinaryFile.describe("The file (PDF, PNG or JPEG)"), ...problems },
  }),
  sheet: defineRoute({
    method: "GET",
    path: "/api/clients/:clientId/consent-sheet",
    access: "consent.read",
    tags,
    summary: "Printable information and consent sheet (PDF): German plus the person's language",
    params: ClientParams,
    query: ConsentSheetQuery,
    produces: ["application/pdf"],
    response: { 200: BinaryFile.describe("PDF document"), ...problems },
  }),
  uploadDocument: defineRoute({
    method: "PUT",
    path: "/api/consents/:consentId/document",
    access: "consent.manage",
    tags,
    summary: "Upload the scanned signed consent sheet (raw PDF, PNG or JPEG body); replaces an earlier one",
    params: ConsentParams,
    headers: FileName,
    consumes: [...CONSENT_DOCUMENT_TYPES],
    body: BinaryFile.describe("The scanned sheet as a raw body, at most 10 MB"),
    response: { 200: Consent, ...problems, 413: Problem, 415: Problem },
  }),
};
