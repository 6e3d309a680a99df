import type { App, Deps } from "../../deps.ts";

/** Routes of the referrals module (issue 5); filled in by its owner. */
export function registerReferralRoutes(_app: App, _deps: Deps) {}
