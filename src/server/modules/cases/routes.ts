import type { App, Deps } from "../../deps.ts";

/** Routes of the cases module (issue 4); filled in by its owner. */
export function registerCaseRoutes(_app: App, _deps: Deps) {}
