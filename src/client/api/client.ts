import { currentLocale, i18n } from "#client/i18n.ts";
import type { Problem } from "#shared/contracts/common.ts";
import {
  type InputArgs,
  type ResponseOf,
  type RouteInput,
  type RouteRef,
  urlOf,
} from "#shared/contracts/route.ts";

/** A failed request: the server's problem details, or a stand-in when the network failed. */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem;

  constructor(status: number, problem: Problem) {
    super(problem.detail ?? problem.title);
    this.name = "ApiError";
    this.status = status;
    this.problem = problem;
  }

  /** Translated messages per form field; `body.email` becomes `email`. */
  fieldErrors(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const e of this.problem.errors ?? []) {
      const field = e.field.replace(/^(body|query|params)\./, "");
      out[field] ??= e.message;
    }
    return out;
  }
}

let csrfToken: string | null = null;
let onUnauthenticated: (() => void) | null = null;

/** The session's CSRF token, sent with every write while logged in. */
export function setCsrfToken(token: string | null) {
  csrfToken = token;
}

/** Called when the server answers 401 to a logged-in request: the session has ended elsewhere. */
export function setUnauthenticatedHandler(handler: (() => void) | null) {
  onUnauthenticated = handler;
}

type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/** Headers of a write that does not send JSON (a file upload): language and CSRF token. */
export function writeHeaders(): Record<string, string> {
  return { "Accept-Language": currentLocale(), ...(csrfToken ? { "X-CSRF-Token": csrfToken } : {}) };
}

export type Extra = {
  /** The version the change is based on; a stale one answers 412 (see platform/versioning.ts). */
  ifMatch?: number;
  /** Made once per intended write: the server answers a repeat with the first result, not a second record. */
  idempotencyKey?: string;
};

/** Calls the Lotse API and returns the parsed JSON body (undefined for 202/204). */
export async function api<T>(
  method: Method,
  path: string,
  body?: unknown,
  signal?: AbortSignal,
  extra: Extra = {},
): Promise<T> {
  const headers: Record<string, string> = {
    Accept: "application/json",
    "Accept-Language": currentLocale(),
  };
  if (method !== "GET") {
    headers["Content-Type"] = "application/json";
    if (csrfToken) headers["X-CSRF-Token"] = csrfToken;
  }
  if (extra.ifMatch !== undefined) headers["If-Match"] = `"${extra.ifMatch}"`;
  if (extra.idempotencyKey !== undefined) headers["Idempotency-Key"] = extra.idempotencyKey;
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers,
      credentials: "same-origin",
      body: method === "GET" ? undefined : JSON.stringify(body ?? {}),
      signal,
    });
  } catch (err) {
    if (signal?.aborted) throw err;
    throw new ApiError(0, {
      type: "about:blank#network",
      title: i18n.t("common.networkError"),
      status: 0,
      code: "network",
    });
  }
  if (res.status === 202 || res.status === 204) return undefined as T;
  const text = await res.text();
  const json: unknown = text ? safeParse(text) : undefined;
  if (res.ok) return json as T;
  if (res.status === 401 && csrfToken && path !== "/api/auth/login") onUnauthenticated?.();
  throw new ApiError(res.status, isProblem(json) ? json : fallbackProblem(res.status));
}

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function isProblem(value: unknown): value is Problem {
  return typeof value === "object" && value !== null && "title" in value && "status" in value;
}

function fallbackProblem(status: number): Problem {
  return { type: "about:blank", title: i18n.t("errors.internal"), status, code: "unknown" };
}

/** How a call is made: abortable, versioned (If-Match) or idempotent. */
export type CallOptions = Extra & { signal?: AbortSignal };

/**
 * Calls a route through its descriptor (or stub): the path, method, input and result types come
 * from the contract. Same behaviour as `api()`: CSRF token, problem details, If-Match → 412.
 *
 *     const c = await callApi(caseRoutes.update, { params: { caseId }, body }, { ifMatch: version });
 */
export function callApi<R extends RouteRef>(
  route: R,
  ...[input, options = {}]: InputArgs<RouteInput<R>, [options?: CallOptions]>
): Promise<ResponseOf<R>> {
  const body = (input as { body?: unknown } | undefined)?.body;
  return api<ResponseOf<R>>(route.method, urlOf(route, input), body, options.signal, options);
}
