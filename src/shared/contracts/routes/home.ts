import { PROTECTED_PROBLEMS } from "#shared/contracts/common.ts";
import { Home } from "#shared/contracts/home.ts";
import { defineRoute } from "#shared/contracts/route.ts";

/** The start page: one request for the acting role's work of today. */
export const homeRoutes = {
  get: defineRoute({
    method: "GET",
    path: "/api/home",
    // Every role has a start page; what it counts is decided per role inside the use case.
    access: "authenticated",
    tags: ["home"],
    summary: "The acting role's work of today: deadlines, inbox, late referrals and interfaces, upkeep",
    response: { 200: Home, ...PROTECTED_PROBLEMS },
  }),
};
