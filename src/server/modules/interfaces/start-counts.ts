import { and, count, eq } from "drizzle-orm";
import type { Ctx } from "#server/platform/context.ts";
import { eitherParty } from "#server/platform/tenancy.ts";
import { interfaces } from "./tables.ts";

/** Active interfaces the actor's organisation stands on, on either side. */
export async function countOwnInterfaces(ctx: Ctx): Promise<number> {
  const [row] = await ctx.db
    .select({ n: count() })
    .from(interfaces)
    .where(
      and(
        eq(interfaces.status, "active"),
        eitherParty(ctx.actor, interfaces.fromOrganisationId, interfaces.toOrganisationId),
      ),
    );
  return row?.n ?? 0;
}
