import { z } from "zod";

export const Id = z.uuid().describe("Identifier of the record");

/** RFC 9457 problem details, with a translated message and the fields that were wrong. */
export const Problem = z
  .object({
    type: z.string().describe("URI naming the kind of problem"),
    title: z.string().describe("Short translated summary"),
    status: z.number().int(),
    detail: z.string().optional().describe("Translated explanation for this occurrence"),
    code: z.string().describe("Stable machine-readable code, e.g. auth.invalid_credentials"),
    instance: z.string().optional().describe("Request id of the failed request"),
    errors: z
      .array(
        z.object({
          field: z.string().describe("Dotted path of the wrong field, e.g. body.email"),
          code: z.string(),
          message: z.string().describe("Translated message"),
        }),
      )
      .optional(),
  })
  .meta({ id: "Problem" });
export type Problem = z.infer<typeof Problem>;

export const PageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50).describe("How many items at most"),
  offset: z.coerce.number().int().min(0).default(0).describe("How many items to skip"),
});

export const Timestamp = z.iso.datetime({ offset: true }).describe("ISO 8601 timestamp");

/** A list response: the page of items and how many match in total. */
export function page<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), total: z.number().int() });
}

/** The problems any route behind a login can answer: bad input, no session, no permission, not found. */
export const PROTECTED_PROBLEMS = { 400: Problem, 401: Problem, 403: Problem, 404: Problem };

/** A file in a response body (PDF, image), described as binary in the OpenAPI document. */
export const BinaryFile = z
  .custom<Uint8Array>((v) => v instanceof Uint8Array)
  .meta({ type: "string", format: "binary" });
