import type { App, Deps } from "../../deps.ts";

/** Routes of the analytics module (issue 6); filled in by its owner. */
export function registerAnalyticsRoutes(_app: App, _deps: Deps) {}
