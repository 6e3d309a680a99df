import type { FastifyInstance } from "fastify";
import type { Db } from "#server/db/client.ts";
import { can, PERMISSIONS, type RouteAccess } from "#shared/permissions.ts";
import { AppError, unauthenticated } from "./errors.ts";
import { type Actor, loadActor, SESSION_COOKIE } from "./session.ts";

declare module "fastify" {
  interface FastifyRequest {
    actor?: Actor;
  }
  interface FastifyContextConfig {
    /** Who may call the route: a permission of the registry, "authenticated" or "public". */
    access?: RouteAccess;
  }
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** Every API route, with the access it declares; the test suite checks it against the registry. */
export const declaredRoutes: { method: string; url: string; access: RouteAccess | undefined }[] = [];

/** The one place that authenticates, checks CSRF and enforces the permission registry. */
export function registerAccess(app: FastifyInstance, db: Db, publicUrl: string) {
  // Behind a proxy that rewrites Host, the browser's Origin is still the public address.
  const publicHost = new URL(publicUrl).host;
  app.decorateRequest("actor", undefined);

  app.addHook("onRoute", (route) => {
    if (!route.url.startsWith("/api/")) return;
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      if (method === "HEAD") continue;
      declaredRoutes.push({ method, url: route.url, access: route.config?.access });
    }
  });

  // Pages and assets are the same for everyone: only API requests cost a session lookup.
  app.addHook("onRequest", async (request) => {
    if (!request.url.startsWith("/api/")) return;
    const token = request.cookies[SESSION_COOKIE];
    if (token) request.actor = await loadActor(db, token);
  });

  // Before validation: a caller without the right to act learns nothing from validation messages.
  app.addHook("preValidation", async (request) => {
    // A path without a route goes on to the not-found handler, which answers 404 without acting.
    if (!request.url.startsWith("/api/") || request.is404) return;
    const access = request.routeOptions.config?.access;
    // A route that forgot to declare its access is closed, not open.
    if (!access) throw new AppError(500, "internal");
    if (!SAFE_METHODS.has(request.method))
      checkCsrf(request.headers, request.actor, [request.host, publicHost]);
    if (access === "public") return;
    if (!request.actor) throw unauthenticated();
    if (access === "authenticated") return;
    if (!(access in PERMISSIONS) || !can(request.actor.role, access)) throw new AppError(403, "forbidden");
  });
}

/**
 * Cookie-authenticated writes must echo the session's CSRF token (synchronizer token pattern).
 * Writes without a session (login, reset) must at least come from our own origin.
 */
function checkCsrf(
  headers: Record<string, string | string[] | undefined>,
  actor: Actor | undefined,
  ownHosts: string[],
) {
  const origin = headers.origin;
  if (typeof origin === "string" && origin !== "null") {
    let originHost: string;
    try {
      originHost = new URL(origin).host;
    } catch {
      throw new AppError(403, "csrf");
    }
    if (!ownHosts.includes(originHost)) throw new AppError(403, "csrf");
  }
  if (actor && headers["x-csrf-token"] !== actor.csrfToken) throw new AppError(403, "csrf");
}
