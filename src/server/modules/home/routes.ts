import type { App, Deps } from "#server/deps.ts";
import { ctxOf } from "#server/platform/context.ts";
import { route } from "#server/platform/route.ts";
import { homeRoutes } from "#shared/contracts/routes/home.ts";
import { getHome } from "./service.ts";

/** The start page: one request for the acting role's work of today. */
export function registerHomeRoutes(app: App, { db }: Deps) {
  route(app, homeRoutes.get, async (request) => getHome(ctxOf(db, request)));
}
