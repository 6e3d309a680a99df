import { PROTECTED_PROBLEMS } from "#shared/contracts/common.ts";
import { Home } from "#shared/contracts/home.ts";
import type { App, Deps } from "../../deps.ts";
import { ctxOf } from "../../platform/context.ts";
import { getHome } from "./service.ts";

/** The start page: one request for the acting role's work of today. */
export function registerHomeRoutes(app: App, { db }: Deps) {
  app.get(
    "/api/home",
    {
      // Every role has a start page; what it counts is decided per role inside the use case.
      config: { access: "authenticated" },
      schema: {
        tags: ["home"],
        summary: "The acting role's work of today: deadlines, inbox, late referrals and interfaces, upkeep",
        response: { 200: Home, ...PROTECTED_PROBLEMS },
      },
    },
    async (request) => getHome(ctxOf(db, request)),
  );
}
