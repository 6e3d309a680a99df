import type { App, Deps } from "../../deps.ts";

/** Routes of the interfaces module (issue 5); filled in by its owner. */
export function registerInterfaceRoutes(_app: App, _deps: Deps) {}
