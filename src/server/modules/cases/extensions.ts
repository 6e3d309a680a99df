import type { SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { Tx } from "#server/db/client.ts";
import type { Ctx } from "#server/platform/context.ts";
import type { Deadline } from "#shared/contracts/cases.ts";

/** Whose deadlines the start page lists: the actor's own cases, or the organisation's. */
export type DeadlineScope = "mine" | "organisation";

/**
 * What other modules add to the case views. Recognition and consents build on cases (they use its
 * policy and write its timeline), so cases reaches their data only through these functions, which
 * app.ts gives once with contributeToCases — the dependency stays one-way.
 */
export type CaseContributions = {
  /** Further dates for the deadline list (recognition: decision periods, §16d permits). */
  deadlines: ((ctx: Ctx, scope: DeadlineScope) => Promise<Omit<Deadline, "overdue">[]>)[];
  /** Whether a recognition procedure is one of the client's in the organisation (a next step may close it). */
  isClientProcedure: (
    db: Tx,
    p: { procedureId: string; clientId: string; organisationId: string },
  ) => Promise<boolean>;
  /** SQL: the client whose id is in `clientId` has an active consent to document special categories. */
  documentationConsent: (clientId: AnyPgColumn) => SQL<boolean>;
};

let given: CaseContributions | undefined;

/** Gives cases what the other modules contribute; app.ts calls it once when it is loaded. */
export function contributeToCases(contributions: CaseContributions): void {
  given = contributions;
}

/** The contributions; fails loudly when app.ts did not give them, rather than show less. */
export function contributions(): CaseContributions {
  if (!given) throw new Error("cases: contributeToCases() was not called (src/server/app.ts)");
  return given;
}
