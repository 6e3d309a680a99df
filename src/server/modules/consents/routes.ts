import type { FastifyError, FastifyRequest } from "fastify";
import type { App, Deps } from "#server/deps.ts";
import { ctxOf } from "#server/platform/context.ts";
import { attachment } from "#server/platform/download.ts";
import { AppError, unauthenticated } from "#server/platform/errors.ts";
import { route } from "#server/platform/route.ts";
import { CONSENT_DOCUMENT_MAX_BYTES, CONSENT_DOCUMENT_TYPES } from "#shared/cases.ts";
import { consentRoutes } from "#shared/contracts/routes/consents.ts";
import { can } from "#shared/permissions.ts";
import { getConsentDocument, putConsentDocument } from "./document.ts";
import { giveConsent, listConsents, withdrawConsent } from "./service.ts";
import { consentSheet } from "./sheet.ts";

export function registerConsentRoutes(app: App, { db }: Deps) {
  const ctx = (request: FastifyRequest) => ctxOf(db, request);

  route(app, consentRoutes.list, async (request) =>
    listConsents({ ...ctx(request), clientId: request.params.clientId }),
  );

  route(app, consentRoutes.give, async (request, reply) =>
    reply
      .code(201)
      .send(await giveConsent({ ...ctx(request), clientId: request.params.clientId, input: request.body })),
  );

  route(app, consentRoutes.withdraw, async (request) =>
    withdrawConsent({ ...ctx(request), consentId: request.params.consentId }),
  );

  route(app, consentRoutes.document, async (request, reply) => {
    const document = await getConsentDocument({ ...ctx(request), consentId: request.params.consentId });
    return reply
      .type(document.mediaType)
      .header("content-disposition", attachment(document.fileName))
      .send(document.content);
  });

  route(app, consentRoutes.sheet, async (request, reply) => {
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
  });

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

    route(
      upload,
      consentRoutes.uploadDocument,
      {
        // Who may not upload learns so before ten megabytes are read, not after.
        preParsing: async (request) => {
          if (!request.actor) throw unauthenticated();
          if (!can(request.actor.role, "consent.manage")) throw new AppError(403, "forbidden");
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
