import type {
  ContextConfigDefault,
  FastifyBaseLogger,
  FastifySchema,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
  RouteGenericInterface,
  RouteHandlerMethod,
  RouteShorthandOptions,
} from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type { App } from "#server/deps.ts";
import type { RouteDescriptor } from "#shared/contracts/route.ts";

type At<D, K extends string> = D extends { readonly [P in K]: infer S } ? S : undefined;

/** The Fastify schema a descriptor stands for; it types request and reply as `app.get` would. */
export type SchemaOf<D extends RouteDescriptor> = {
  params: At<D, "params">;
  querystring: At<D, "query">;
  headers: At<D, "headers">;
  body: At<D, "body">;
  response: D["response"];
};

/** A route handler typed by the descriptor: validated params, query, headers and body; checked result. */
export type RouteHandler<D extends RouteDescriptor> = RouteHandlerMethod<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  RouteGenericInterface,
  ContextConfigDefault,
  SchemaOf<D>,
  ZodTypeProvider,
  FastifyBaseLogger
>;

/** What only the server says about a route: body limit, hooks before parsing and the like. */
export type RouteOptions<D extends RouteDescriptor> = Omit<
  RouteShorthandOptions<
    RawServerDefault,
    RawRequestDefaultExpression,
    RawReplyDefaultExpression,
    RouteGenericInterface,
    ContextConfigDefault,
    SchemaOf<D>,
    ZodTypeProvider,
    FastifyBaseLogger
  >,
  "schema" | "config"
>;

/** Every route registered from a descriptor, by `METHOD path`; a test checks no route is left out. */
export const describedRoutes = new Set<string>();

/** The keys of a descriptor that go into the Fastify schema as they are (in the order of today's routes). */
const SCHEMA_KEYS = [
  "tags",
  "summary",
  "security",
  "params",
  "headers",
  "consumes",
  "body",
  "produces",
] as const;

/** The Fastify schema of a descriptor: what validates, serialises and goes into the OpenAPI document. */
function schemaOf(d: RouteDescriptor): FastifySchema & Record<string, unknown> {
  const schema: Record<string, unknown> = {};
  for (const key of SCHEMA_KEYS) if (d[key] !== undefined) schema[key] = d[key];
  if (d.query !== undefined) schema.querystring = d.query;
  schema.response = d.response;
  if (d.hide !== undefined) schema.hide = d.hide;
  return schema;
}

/** Registers a route from its descriptor: method, path, access, schemas; server-only options beside. */
export function route<const D extends RouteDescriptor>(
  app: App,
  descriptor: D,
  handler: RouteHandler<D>,
): void;
export function route<const D extends RouteDescriptor>(
  app: App,
  descriptor: D,
  options: RouteOptions<D>,
  handler: RouteHandler<D>,
): void;
export function route<const D extends RouteDescriptor>(
  app: App,
  descriptor: D,
  optionsOrHandler: RouteOptions<D> | RouteHandler<D>,
  maybeHandler?: RouteHandler<D>,
): void {
  const options = typeof optionsOrHandler === "function" ? {} : optionsOrHandler;
  const handler = typeof optionsOrHandler === "function" ? optionsOrHandler : maybeHandler;
  describedRoutes.add(`${descriptor.method} ${descriptor.path}`);
  app.route({
    ...(options as object),
    method: descriptor.method,
    url: descriptor.path,
    config: { access: descriptor.access },
    schema: schemaOf(descriptor),
    handler: handler as RouteHandlerMethod,
  });
}
