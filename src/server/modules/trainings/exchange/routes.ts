import type { FastifyError, FastifyRequest } from "fastify";
import type { App, Deps } from "#server/deps.ts";
import { ctxOf } from "#server/platform/context.ts";
import { attachment } from "#server/platform/download.ts";
import { AppError } from "#server/platform/errors.ts";
import { route } from "#server/platform/route.ts";
import { trainingExchangeRoutes as routes } from "#shared/contracts/routes/trainings-exchange.ts";
import {
  EXCHANGE_MATERIAL_MAX_BYTES,
  EXCHANGE_MATERIAL_TYPES,
} from "#shared/contracts/trainings-exchange.ts";
import { createLink, deleteMaterial, downloadMaterial, listMaterials, uploadFile } from "./materials.ts";
import { exchangeMember } from "./member.ts";
import { createPost, deletePost, listThread, updatePost } from "./posts.ts";

/** Routes of a cohort's exchange space: the thread and the shared materials. */
export function registerTrainingExchangeRoutes(app: App, { db }: Deps) {
  const ctx = (request: FastifyRequest) => ctxOf(db, request);

  route(app, routes.thread, async (request) =>
    listThread({ ...ctx(request), cohortId: request.params.cohortId, ...request.query }),
  );
  route(app, routes.createPost, async (request, reply) =>
    reply
      .code(201)
      .send(await createPost({ ...ctx(request), cohortId: request.params.cohortId, input: request.body })),
  );
  route(app, routes.updatePost, async (request) =>
    updatePost({ ...ctx(request), ...request.params, body: request.body.body }),
  );
  route(app, routes.deletePost, async (request, reply) => {
    await deletePost({ ...ctx(request), ...request.params });
    return reply.code(204).send(null);
  });

  route(app, routes.materials, async (request) =>
    listMaterials({ ...ctx(request), cohortId: request.params.cohortId, ...request.query }),
  );
  route(app, routes.createLink, async (request, reply) =>
    reply
      .code(201)
      .send(await createLink({ ...ctx(request), cohortId: request.params.cohortId, input: request.body })),
  );
  route(app, routes.download, async (request, reply) => {
    const file = await downloadMaterial({ ...ctx(request), ...request.params });
    const type = file.mediaType === "text/plain" ? "text/plain; charset=utf-8" : file.mediaType;
    return reply.type(type).header("content-disposition", attachment(file.fileName)).send(file.content);
  });
  route(app, routes.deleteMaterial, async (request, reply) => {
    await deleteMaterial({ ...ctx(request), ...request.params });
    return reply.code(204).send(null);
  });

  // The upload takes the file as a raw body (as the consents' scanned sheet does: no base64 in JSON,
  // which would grow it by a third and hold it twice in memory), so it gets its own content-type
  // parsers — the accepted types only — inside a plugin, leaving the rest of the API untouched.
  app.register(async (upload: App) => {
    upload.removeAllContentTypeParsers();
    upload.addContentTypeParser(
      [...EXCHANGE_MATERIAL_TYPES],
      { parseAs: "buffer", bodyLimit: EXCHANGE_MATERIAL_MAX_BYTES },
      (_request, body, done) => done(null, body),
    );
    // Fastify's own 415 and 413 would say "send JSON" and "too large"; these say what the upload takes.
    upload.setErrorHandler((error: FastifyError) => {
      if (error.code === "FST_ERR_CTP_INVALID_MEDIA_TYPE" || error.code === "FST_ERR_CTP_EMPTY_TYPE") {
        throw new AppError(415, "trainings.exchange_file_type");
      }
      if (error.code === "FST_ERR_CTP_BODY_TOO_LARGE") {
        throw new AppError(413, "trainings.exchange_file_too_large");
      }
      throw error;
    });

    route(
      upload,
      routes.uploadFile,
      {
        // Who is not a member of the space learns so before ten megabytes are read, not after.
        preParsing: async (request) => {
          const params = request.params as { cohortId?: string };
          if (!params.cohortId || !/^[0-9a-f-]{36}$/i.test(params.cohortId)) return;
          await exchangeMember(ctx(request), params.cohortId);
        },
      },
      async (request, reply) =>
        reply.code(201).send(
          await uploadFile({
            ...ctx(request),
            cohortId: request.params.cohortId,
            title: request.query.title,
            mediaType: (request.headers["content-type"] ?? "").split(";")[0]?.trim().toLowerCase() ?? "",
            content: Buffer.from(request.body.buffer, request.body.byteOffset, request.body.byteLength),
            fileNameHeader: request.headers["x-file-name"],
          }),
        ),
    );
  });
}
