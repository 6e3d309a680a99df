import { z } from "zod";
import { defineRoute } from "#shared/contracts/route.ts";

/** Routes of the platform itself: liveness and the API's own description. */
export const platformRoutes = {
  health: defineRoute({
    method: "GET",
    path: "/api/health",
    access: "public",
    tags: ["platform"],
    summary: "Liveness with a database round trip",
    response: { 200: z.object({ status: z.literal("ok") }) },
  }),
  openapi: defineRoute({
    method: "GET",
    path: "/api/openapi.json",
    access: "public",
    tags: [],
    summary: "This OpenAPI document",
    // The document does not describe itself.
    hide: true,
    response: {},
  }),
};
