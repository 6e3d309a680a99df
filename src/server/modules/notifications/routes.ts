import type { App, Deps } from "../../deps.ts";

/** Routes of the notifications module (issue 5); filled in by its owner. */
export function registerNotificationRoutes(_app: App, _deps: Deps) {}
