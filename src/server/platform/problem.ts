import { randomUUID } from "node:crypto";
import { STATUS_CODES } from "node:http";
import type { Socket } from "node:net";
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import type { TFunction } from "i18next";
import type { Problem } from "#shared/contracts/common.ts";
import { AppError } from "./errors.ts";
import { localeFromHeader, requestLocale, translator } from "./i18n.ts";

type FieldError = NonNullable<Problem["errors"]>[number];
type ValidationItem = {
  keyword: string;
  instancePath: string;
  message?: string;
  params: Record<string, unknown>;
};

const CONTEXT: Record<string, string> = {
  querystring: "query",
  body: "body",
  params: "params",
  headers: "headers",
};

/** Turns one zod issue into a translated message; the code stays stable for clients. */
function issueMessage(t: TFunction, item: ValidationItem): { code: string; message: string } {
  const p = item.params;
  switch (item.keyword) {
    case "invalid_type":
      return p.input === undefined
        ? { code: "required", message: t("validation.required") }
        : { code: "invalid_type", message: t("validation.invalid_type") };
    case "too_small":
    case "too_big": {
      const kind = p.origin === "string" ? "string" : "number";
      const code = `${item.keyword}_${kind}`;
      return { code, message: t(`validation.${code}`, { minimum: p.minimum, maximum: p.maximum }) };
    }
    case "invalid_format": {
      const format = String(p.format);
      const code = ["email", "url", "uuid"].includes(format) ? `invalid_${format}` : "invalid_format";
      return { code, message: t(`validation.${code}`) };
    }
    case "invalid_value":
    case "unrecognized_keys":
      return { code: item.keyword, message: t(`validation.${item.keyword}`) };
    default: {
      const key = `validation.${item.message}`;
      const message = t(key);
      return message === key
        ? { code: "invalid_format", message: t("validation.invalid_format") }
        : { code: item.message ?? "invalid", message };
    }
  }
}

function send(
  reply: FastifyReply,
  request: FastifyRequest,
  problem: Problem,
  headers: Record<string, string> = {},
) {
  return reply
    .code(problem.status)
    .headers(headers)
    .type("application/problem+json")
    .send({ ...problem, instance: request.id });
}

/** One error format for the whole API: RFC 9457 problem details with translated text. */
export function registerProblemHandler(app: FastifyInstance) {
  const tFor = (request: FastifyRequest) => translator(requestLocale(request));

  app.setErrorHandler((error: FastifyError, request, reply) => {
    const t = tFor(request);
    if (hasZodFastifySchemaValidationErrors(error)) {
      const context = CONTEXT[error.validationContext ?? "body"] ?? "body";
      const errors: FieldError[] = (error.validation as unknown as ValidationItem[]).map((item) => {
        const path = item.instancePath.replace(/^\//, "").replaceAll("/", ".");
        return { field: path ? `${context}.${path}` : context, ...issueMessage(t, item) };
      });
      return send(reply, request, {
        type: "about:blank#validation",
        title: t("errors.validation"),
        status: 400,
        code: "validation",
        errors,
      });
    }
    if (error instanceof AppError) {
      const base = { type: `about:blank#${error.code}`, status: error.status, code: error.code };
      if (error.fieldErrors.length > 0) {
        const errors = error.fieldErrors.map((e) => ({
          field: `${error.location}.${e.field}`,
          code: e.code,
          message: t(`errors.${e.code}`),
        }));
        return send(reply, request, { ...base, title: t(`errors.${error.code}`), errors }, error.headers);
      }
      if (error.field !== undefined) {
        const message = t(`errors.${error.code}`);
        const field = error.field ? `${error.location}.${error.field}` : error.location;
        return send(reply, request, {
          ...base,
          title: t("errors.validation"),
          detail: message,
          errors: [{ field, code: error.code, message }],
        });
      }
      return send(reply, request, { ...base, title: t(`errors.${error.code}`) }, error.headers);
    }
    const status = error.statusCode ?? 500;
    const code =
      status === 415
        ? "unsupported_media_type"
        : status === 413
          ? "payload_too_large"
          : status === 404
            ? "not_found"
            : status >= 500
              ? "internal"
              : "validation";
    if (status >= 500) request.log.error({ err: error }, "request failed");
    return send(reply, request, { type: `about:blank#${code}`, title: t(`errors.${code}`), status, code });
  });
}

/**
 * Errors the router meets before a route is found — a path parameter over the length limit (414),
 * a path that is not valid percent-encoding (400) — answer in the same format as everything else.
 */
export function frameworkProblem(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const t = translator(requestLocale(request));
  const status = error.code === "FST_ERR_MAX_PARAM_LENGTH" ? 414 : (error.statusCode ?? 400);
  const code = status === 414 ? "uri_too_long" : status >= 500 ? "internal" : "bad_request";
  return send(reply, request, { type: `about:blank#${code}`, title: t(`errors.${code}`), status, code });
}

/** Picks Accept-Language out of the raw bytes of a request that Node could not parse. */
function rawLocale(raw: unknown) {
  const match = (Buffer.isBuffer(raw) ? raw.toString("latin1") : "").match(/\r\naccept-language:([^\r\n]*)/i);
  return localeFromHeader(match?.[1]?.trim()) ?? "de";
}

/**
 * Node refuses some requests before Fastify sees them — headers over the size limit (431: a very
 * long query string, too many cookies), bytes that are not HTTP (400), a request too slow to
 * arrive (408). They get problem details too, written straight to the socket.
 */
export function clientErrorProblem(err: Error & { code?: string; rawPacket?: unknown }, socket: Socket) {
  if (err.code === "ECONNRESET" || socket.destroyed) return;
  const status =
    err.code === "HPE_HEADER_OVERFLOW" ? 431 : err.code === "ERR_HTTP_REQUEST_TIMEOUT" ? 408 : 400;
  const code = status === 431 ? "header_too_large" : status === 408 ? "timeout" : "bad_request";
  const t = translator(rawLocale(err.rawPacket));
  const body = JSON.stringify({
    type: `about:blank#${code}`,
    title: t(`errors.${code}`),
    status,
    code,
    instance: randomUUID(),
  } satisfies Problem);
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/problem+json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy();
}
