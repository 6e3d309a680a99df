import type { FastifyError, FastifyRequest } from "fastify";
import { z } from "zod";
import { CONSENT_DOCUMENT_MAX_BYTES, CONSENT_DOCUMENT_TYPES } from "#shared/cases.ts";
import { ClientParams } from "#shared/contracts/clients.ts";
import { BinaryFile, PROTECTED_PROBLEMS, Problem } from "#shared/contracts/common.ts";
import {
  Consent,
  ConsentCreate,
  ConsentList,
  ConsentParams,
  ConsentSheetQuery,
} from "#shared/contracts/consents.ts";
import { can } from "#shared/permissions.ts";
import type { App, Deps } from "../../deps.ts";
import { ctxOf } from "../../platform/context.ts";
import { attachment } from "../../platform/download.ts";
import { AppError, unauthenticated } from "../../platform/errors.ts";
import { getConsentDocument, putConsentDocument } from "./document.ts";
import { giveConsent, listConsents, withdrawConsent } from "./service.ts";
import { consentSheet } from "./sheet.ts";

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

export function registerConsentRoutes(app: App, { db }: Deps) {
  const ctx = (request: FastifyRequest) => ctxOf(db, request);

  app.get(
    "/api/clients/:clientId/consents",
    {
      config: { access: "consent.read" },
      schema: {
        tags,
        summary: "The consent register of a client: active consents first, then withdrawn ones",
        params: ClientParams,
        response: { 200: ConsentList, ...problems },
      },
    },
    async (request) => listConsents({ ...ctx(request), clientId: request.params.clientId }),
  );

  app.post(
    "/api/clients/:clientId/consents",
    {
      config: { access: "consent.manage" },
      schema: {
        tags,
        summary: "Record a consent the person gave for one purpose",
        params: ClientParams,
        body: ConsentCreate,
        response: { 201: Consent, ...problems, 409: Problem, 422: Problem },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await giveConsent({ ...ctx(request), clientId: request.params.clientId, input: request.body })),
  );

  app.post(
    "/api/consents/:consentId/withdraw",
    {
      config: { access: "consent.manage" },
      schema: {
        tags,
        summary: "Withdraw a consent; it takes effect at once",
        params: ConsentParams,
        response: { 200: Consent, ...problems, 409: Problem },
      },
    },
    async (request) => withdrawConsent({ ...ctx(request), consentId: request.params.consentId }),
  );

  app.get(
    "/api/consents/:consentId/document",
    {
      config: { access: "consent.read" },
      schema: {
        tags,
        summary: "The scanned signed consent sheet, as uploaded",
        params: ConsentParams,
        produces: [...CONSENT_DOCUMENT_TYPES],
        response: { 200: BinaryFile.describe("The file (PDF, PNG or JPEG)"), ...problems },
      },
    },
    async (request, reply) => {
      const document = await getConsentDocument({ ...ctx(request), consentId: request.params.consentId });
      return reply
        .type(document.mediaType)
        .header("content-disposition", attachment(document.fileName))
        .send(document.content);
    },
  );

  app.get(
    "/api/clients/:clientId/consent-sheet",
    {
      config: { access: "consent.read" },
      schema: {
        tags,
        summary: "Printable information and consent sheet (PDF): German plus the person's language",
        params: ClientParams,
        querystring: ConsentSheetQuery,
        produces: ["application/pdf"],
        response: { 200: BinaryFile.describe("PDF document"), ...problems },
      },
    },
    async (request, reply) => {
      const sheet = await consentSheet({
        ...ctx(request),
        clientId: request.params.clientId,
        ...request.query,
      });
      return reply
        .type("application/pdf")
        .header("content-language", sheet.languages.join(", "))
        .header("content-disposition", attachment(sheet.fileName))
        .send(sheet.pdf);
    },
  );

  // The upload takes a raw file body, so it gets its own content-type parsers (and nothing else:
  // JSON or a form is refused with 415), inside a plugin so the rest of the API is untouched.
  app.register(async (upload: App) => {
    upload.removeAllContentTypeParsers();
    upload.addContentTypeParser(
      [...CONSENT_DOCUMENT_TYPES],
      { parseAs: "buffer", bodyLimit: CONSENT_DOCUMENT_MAX_BYTES },
      (_request, body, done) => done(null, body),
    );
    // Fastify's own 415 and 413 would say "send JSON" and "too large"; these say what the upload takes.
    upload.setErrorHandler((error: FastifyError) => {
      if (error.code === "FST_ERR_CTP_INVALID_MEDIA_TYPE" || error.code === "FST_ERR_CTP_EMPTY_TYPE") {
        throw new AppError(415, "consent.document_type");
      }
      if (error.code === "FST_ERR_CTP_BODY_TOO_LARGE") throw new AppError(413, "consent.document_too_large");
      throw error;
    });

    upload.put(
      "/api/consents/:consentId/document",
      {
        config: { access: "consent.manage" },
        // Who may not upload learns so before ten megabytes are read, not after.
        preParsing: async (request) => {
          if (!request.actor) throw unauthenticated();
          if (!can(request.actor.role, "consent.manage")) throw new AppError(403, "forbidden");
        },
        schema: {
          tags,
          summary:
            "Upload the scanned signed consent sheet (raw PDF, PNG or JPEG body); replaces an earlier one",
          params: ConsentParams,
          headers: FileName,
          consumes: [...CONSENT_DOCUMENT_TYPES],
          body: BinaryFile.describe("The scanned sheet as a raw body, at most 10 MB"),
          response: { 200: Consent, ...problems, 413: Problem, 415: Problem },
        },
      },
      async (request) =>
        putConsentDocument({
          ...ctx(request),
          consentId: request.params.consentId,
          mediaType: (request.headers["content-type"] ?? "").split(";")[0]?.trim().toLowerCase() ?? "",
          content: Buffer.from(request.body.buffer, request.body.byteOffset, request.body.byteLength),
          fileNameHeader: request.headers["x-file-name"],
        }),
    );
  });
}
