import { and, count, eq, or } from "drizzle-orm";
import type { Ctx } from "../../platform/audit.ts";
import { interfaces } from "./tables.ts";

/** Active interfaces the actor's organisation stands on, on either side. */
export async function countOwnInterfaces(ctx: Ctx): Promise<number> {
  const own = ctx.actor.organisationId;
  const [row] = await ctx.db
    .select({ n: count() })
    .from(interfaces)
    .where(
      and(
        eq(interfaces.status, "active"),
        or(eq(interfaces.fromOrganisationId, own), eq(interfaces.toOrganisationId, own)),
      ),
    );
  return row?.n ?? 0;
}
