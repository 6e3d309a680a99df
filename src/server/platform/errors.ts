/** One finding of a refused request: the field (in the error's location) and the code of its message. */
export type FieldProblem = { field: string; code: string };

/** An expected failure with a stable code; the error handler turns it into translated problem details. */
export class AppError extends Error {
  readonly status: number;
  readonly code: string;
  readonly field: string | undefined;
  /** Where the field is: the JSON body unless said otherwise. */
  readonly location: "body" | "query" | "params";
  readonly headers: Record<string, string>;
  /** Several findings on named fields (each translated under its own code), beside the main code. */
  readonly fieldErrors: FieldProblem[];

  constructor(
    status: number,
    code: string,
    opts: {
      field?: string;
      location?: "body" | "query" | "params";
      headers?: Record<string, string>;
      fieldErrors?: FieldProblem[];
    } = {},
  ) {
    super(code);
    this.name = "AppError";
    this.status = status;
    this.code = code;
    this.field = opts.field;
    this.location = opts.location ?? "body";
    this.headers = opts.headers ?? {};
    this.fieldErrors = opts.fieldErrors ?? [];
  }
}

/** Records of another organisation answer 404 too, so that an id cannot be probed. */
export const notFound = () => new AppError(404, "not_found");
export const forbidden = () => new AppError(403, "forbidden");
export const unauthenticated = () => new AppError(401, "unauthenticated");
/** A business rule failed on one field; answers 422 with the field named. */
export const invalidField = (field: string, code: string) => new AppError(422, code, { field });
