import type { App, Deps } from "../../deps.ts";

/** Routes of the consents module (issue 4); filled in by its owner. */
export function registerConsentRoutes(_app: App, _deps: Deps) {}
