import type { App, Deps } from "../../deps.ts";

/** Routes of the privacy module (issue 4); filled in by its owner. */
export function registerPrivacyRoutes(_app: App, _deps: Deps) {}
