import type { App, Deps } from "../../deps.ts";

/** Routes of the recognition module (issue 4); filled in by its owner. */
export function registerRecognitionRoutes(_app: App, _deps: Deps) {}
