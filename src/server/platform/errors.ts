/** An expected failure with a stable code; the error handler turns it into translated problem details. */
export class AppError extends Error {
  readonly status: number;
  readonly code: string;
  readonly field: string | undefined;
  /** Where the field is: the JSON body unless said otherwise. */
  readonly location: "body" | "query" | "params";
  readonly headers: Record<string, string>;

  constructor(
    status: number,
    code: string,
    opts: { field?: string; location?: "body" | "query" | "params"; headers?: Record<string, string> } = {},
  ) {
    super(code);
    this.name = "AppError";
    this.status = status;
    this.code = code;
    this.field = opts.field;
    this.location = opts.location ?? "body";
    this.headers = opts.headers ?? {};
  }
}

/** Records of another organisation answer 404 too, so that an id cannot be probed. */
export const notFound = () => new AppError(404, "not_found");
export const forbidden = () => new AppError(403, "forbidden");
export const unauthenticated = () => new AppError(401, "unauthenticated");
/** A business rule failed on one field; answers 422 with the field named. */
export const invalidField = (field: string, code: string) => new AppError(422, code, { field });
