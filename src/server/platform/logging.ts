import type { FastifyServerOptions } from "fastify";

/**
 * The server log never carries personal data: it outlives an erasure (Art. 17) and is read by
 * operators who may not see any case. Requests are logged by their route pattern, never by
 * values; errors by type, code and stack frames, with quoted values and the parameters of failed
 * queries removed.
 */

const REDACTED = "…";

/** Path prefixes of Lotse itself; anything else in an unmatched path may be typed by anyone. */
const KNOWN_PREFIXES = new Set(["api", "assets", "finder", "fonts"]);

/**
 * The route pattern of a matched request (`/api/cases/:caseId`), else only a known first segment.
 * A query string is shown as "?…": its parameter names can be chosen by anyone too.
 */
function requestPath(request: { url?: string; routeOptions?: { url?: string } }): string {
  const [path = "", query] = (request.url ?? "").split("?");
  const route = request.routeOptions?.url;
  const first = path.split("/").filter(Boolean)[0] ?? "";
  const shown = route ?? (KNOWN_PREFIXES.has(first) ? `/${first}/${REDACTED}` : `/${REDACTED}`);
  return `${shown}${query === undefined ? "" : `?${REDACTED}`}`;
}

/** A request as it may appear in the log. */
export function safeRequest(request: {
  method?: string;
  url?: string;
  id?: string;
  routeOptions?: { url?: string };
}) {
  return { method: request.method, url: requestPath(request) };
}

/** Removes what an error text may quote from the input: quoted strings, key values, e-mail addresses. */
export function scrubMessage(message: string): string {
  return message
    .replace(/"(?:[^"\\]|\\.)*"/g, `"${REDACTED}"`)
    .replace(/'(?:[^'\\]|\\.)*'/g, `'${REDACTED}'`)
    .replace(/\)=\([^)]*\)/g, `)=(${REDACTED})`)
    .replace(/[^\s@]+@[^\s@]+/g, REDACTED)
    .replace(/\bparams: [\s\S]*$/, `params: ${REDACTED}`)
    .slice(0, 500);
}

type ErrorLike = Error & {
  code?: unknown;
  query?: unknown;
  params?: unknown;
  cause?: unknown;
  severity?: unknown;
  table?: unknown;
  column?: unknown;
  constraint?: unknown;
  statusCode?: unknown;
};

/** An error as it may appear in the log; the cause chain is kept, each link made safe. */
export function safeError(err: unknown, depth = 0): Record<string, unknown> {
  if (!(err instanceof Error)) return { type: typeof err };
  const e = err as ErrorLike;
  const out: Record<string, unknown> = { type: e.name || e.constructor?.name || "Error" };
  if (typeof e.code === "string" || typeof e.code === "number") out.code = e.code;
  if (typeof e.statusCode === "number") out.statusCode = e.statusCode;
  // A failed Drizzle query: the SQL text has placeholders, the values are the parameters — drop those.
  if (typeof e.query === "string") out.message = `Failed query: ${e.query.slice(0, 2000)}`;
  else out.message = scrubMessage(e.message ?? "");
  for (const key of ["severity", "table", "column", "constraint"] as const) {
    if (typeof e[key] === "string") out[key] = e[key];
  }
  if (e.stack) {
    out.stack = e.stack
      .split("\n")
      .filter((line) => line.trimStart().startsWith("at "))
      .slice(0, 15)
      .join("\n");
  }
  if (e.cause !== undefined && depth < 3) out.cause = safeError(e.cause, depth + 1);
  return out;
}

/** Logger options for the server: level and the serializers above, optionally to a stream (tests). */
export function loggerOptions(
  level: string,
  stream?: NodeJS.WritableStream,
): NonNullable<FastifyServerOptions["logger"]> {
  return {
    level,
    ...(stream ? { stream } : {}),
    serializers: {
      req: safeRequest,
      res: (reply: { statusCode?: number }) => ({ statusCode: reply.statusCode }),
      err: (err: Error) =>
        ({ message: "", stack: "", ...safeError(err) }) as { type: string; message: string; stack: string },
    },
  };
}
