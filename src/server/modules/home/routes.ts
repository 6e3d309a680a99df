import { homeRoutes } from "#shared/contracts/routes/home.ts";
import type { App, Deps } from "../../deps.ts";
import { ctxOf } from "../../platform/context.ts";
import { route } from "../../platform/route.ts";
import { getHome } from "./service.ts";

/** The start page: one request for the acting role's work of today. */
export function registerHomeRoutes(app: App, { db }: Deps) {
  route(app, homeRoutes.get, async (request) => getHome(ctxOf(db, request)));
}
