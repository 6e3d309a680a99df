import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import type { TFunction } from "i18next";
import type { Problem } from "#shared/contracts/common.ts";
import { AppError } from "./errors.ts";
import { requestLocale, translator } from "./i18n.ts";

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
      if (error.field) {
        const message = t(`errors.${error.code}`);
        return send(reply, request, {
          ...base,
          title: t("errors.validation"),
          detail: message,
          errors: [{ field: `body.${error.field}`, code: error.code, message }],
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
