// Route descriptors: one object per API route states its method, path, access, input and output
// schemas. The server registers the route from it (src/server/platform/route.ts), the OpenAPI
// document is generated from it, and the client calls through it (src/client/api/call.ts), so a
// path, a method or a response type cannot drift from the contract.
//
// This file has no runtime dependency (zod is imported for types only): the finder and the staff
// app's entry chunk use `pathOf` and `routeStub` without loading zod or the contracts.
import type { z } from "zod";
import type { RouteAccess } from "#shared/permissions.ts";

export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/** One API route as the contract states it. */
export type RouteDescriptor = {
  readonly method: HttpMethod;
  /** Fastify path syntax: `:name` is a path parameter, named in `params`. */
  readonly path: string;
  /** Who may call it: a permission of the registry, "authenticated" or "public". */
  readonly access: RouteAccess;
  readonly tags: readonly string[];
  readonly summary: string;
  readonly params?: z.ZodType;
  readonly query?: z.ZodType;
  readonly headers?: z.ZodType;
  readonly body?: z.ZodType;
  /** Every status the route answers with its body schema; the 2xx ones are the results. */
  readonly response: { readonly [status: number]: z.ZodType };
  /** Media types of a response that is not JSON (a CSV, a PDF). */
  readonly produces?: readonly string[];
  /** Media types of a request body that is not JSON (an upload). */
  readonly consumes?: readonly string[];
  /** OpenAPI security override: `[]` for routes that never look at a session. */
  readonly security?: readonly [];
  /** Left out of the OpenAPI document. */
  readonly hide?: boolean;
};

/** Declares a route; the literal method, path and schemas stay in the type. */
export function defineRoute<const D extends RouteDescriptor>(descriptor: D): D {
  return descriptor;
}

declare const descriptorType: unique symbol;

/**
 * Method and path of a route without its schemas, for code that must not load zod (the finder,
 * the staff app's entry chunk); it carries the descriptor's types.
 */
export type RouteStub<D extends RouteDescriptor> = {
  readonly method: D["method"];
  readonly path: D["path"];
  readonly [descriptorType]?: D;
};

/**
 * A stub of the descriptor `D` (imported with `import type`): method and path must be the
 * descriptor's, so they cannot drift either.
 */
export function routeStub<D extends RouteDescriptor>(method: D["method"], path: D["path"]): RouteStub<D> {
  return { method, path };
}

/** What the client needs of a route at run time: a descriptor or a stub. */
export type RouteRef = { readonly method: HttpMethod; readonly path: string };

/** The descriptor behind a descriptor or a stub. */
export type DescriptorOf<R> = R extends RouteDescriptor
  ? R
  : R extends { readonly [descriptorType]?: infer D }
    ? D
    : never;

type InputAt<R, K extends "params" | "query" | "headers" | "body"> =
  DescriptorOf<R> extends { readonly [P in K]: infer S extends z.ZodType } ? z.input<S> : undefined;
type OutputAt<R, K extends "params" | "query" | "headers" | "body"> =
  DescriptorOf<R> extends { readonly [P in K]: infer S extends z.ZodType } ? z.output<S> : undefined;

/** The path parameters a caller sends. */
export type ParamsOf<R> = InputAt<R, "params">;
/** The query a caller sends (before defaults and coercion). */
export type QueryOf<R> = InputAt<R, "query">;
/** The body a caller sends (before defaults). */
export type BodyOf<R> = InputAt<R, "body">;
/** The path parameters as the server's handler sees them, after validation. */
export type ParsedParamsOf<R> = OutputAt<R, "params">;
/** The query as the server's handler sees it, with defaults and coercion applied. */
export type ParsedQueryOf<R> = OutputAt<R, "query">;
/** The body as the server's handler sees it, with defaults applied. */
export type ParsedBodyOf<R> = OutputAt<R, "body">;

type Success = 200 | 201 | 202 | 203 | 204 | 205 | 206;
/** Statuses without a body: the client resolves them to undefined. */
type Empty = 202 | 204 | 205;
type ResponsesOf<R> = DescriptorOf<R> extends { readonly response: infer X } ? X : never;

/** The successful statuses a route answers. */
export type SuccessStatusOf<R> = Extract<keyof ResponsesOf<R>, Success>;

/** The parsed JSON of a successful answer (undefined for 202 and 204). */
export type ResponseOf<R> = {
  [S in SuccessStatusOf<R>]: S extends Empty
    ? undefined
    : ResponsesOf<R>[S] extends z.ZodType
      ? z.output<ResponsesOf<R>[S]>
      : never;
}[SuccessStatusOf<R>];

/** A query value as it can go into a URL; empty ones are left out. */
type QueryValue = string | number | boolean | null | undefined | readonly (string | number | boolean)[];

type ParamsPart<R> = [ParamsOf<R>] extends [undefined] ? { params?: undefined } : { params: ParamsOf<R> };
/** A query as a caller sends it: "" and null stand for a filter not set and are left out of the URL. */
export type QueryInput<Q> = { [K in keyof Q]: Q[K] | "" | null };
type QueryPart<R> = [QueryOf<R>] extends [undefined]
  ? { query?: undefined }
  : Partial<QueryOf<R>> extends QueryOf<R>
    ? { query?: QueryInput<QueryOf<R>> }
    : { query: QueryInput<QueryOf<R>> };
type BodyPart<R> = [BodyOf<R>] extends [undefined] ? { body?: undefined } : { body: BodyOf<R> };

/** What a call of the route sends: path parameters, query and body, each only where it has them. */
export type RouteInput<R> = ParamsPart<R> & QueryPart<R> & BodyPart<R>;

/** The URL part of a route's input. */
export type PathInput<R> = ParamsPart<R> & QueryPart<R>;

/** Arguments after the route: the input may be left out when nothing in it is required. */
export type InputArgs<Input, Rest extends unknown[] = []> =
  Record<never, never> extends Input ? [input?: Input, ...rest: Rest] : [input: Input, ...rest: Rest];

/**
 * The URL of a route: path parameters encoded into the path, the set query values appended
 * (undefined, null and "" are left out, as the old `query()` helper did; arrays repeat the key).
 */
export function pathOf<R extends RouteRef>(route: R, ...[input]: InputArgs<PathInput<R>>): string {
  return urlOf(route, input);
}

/** `pathOf` without the types, for code that has checked the input already (callApi, useApiQuery). */
export function urlOf(route: RouteRef, input?: { params?: unknown; query?: unknown }): string {
  const params = (input?.params ?? {}) as Record<string, unknown>;
  const path = route.path.replace(/:([A-Za-z0-9_]+)/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined || value === null || value === "") {
      throw new Error(`${route.method} ${route.path}: path parameter ${name} missing`);
    }
    return encodeURIComponent(String(value));
  });
  return path + queryString((input?.query ?? {}) as Record<string, QueryValue>);
}

function queryString(query: Record<string, QueryValue>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    for (const item of Array.isArray(value) ? value : [value]) {
      if (item !== undefined && item !== null && item !== "") search.append(key, String(item));
    }
  }
  const s = search.toString();
  return s ? `?${s}` : "";
}
