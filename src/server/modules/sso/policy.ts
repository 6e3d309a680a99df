import { and, eq } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { memberships, organisations, ssoProviders } from "../../db/schema.ts";
import { AppError } from "../../platform/errors.ts";

/**
 * Refuses a password login when SSO is required for the person. A person with memberships in
 * several organisations keeps the password as long as one of them does not require SSO, so that
 * nobody is locked out by one organisation's choice. The network coordination always keeps the
 * password: it configures the providers and must be able to repair a broken one.
 * Call only after the password was found right, so that the answer reveals no address.
 */
export async function assertPasswordLoginAllowed(db: Db, userId: string): Promise<void> {
  const rows = await db
    .select({ role: memberships.role, required: ssoProviders.required })
    .from(memberships)
    .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
    .leftJoin(ssoProviders, eq(ssoProviders.organisationId, memberships.organisationId))
    .where(
      and(
        eq(memberships.userId, userId),
        eq(memberships.status, "active"),
        eq(organisations.status, "active"),
      ),
    );
  if (rows.length === 0 || rows.some((r) => r.role === "network_coordinator")) return;
  if (rows.every((r) => r.required === true)) throw new AppError(403, "sso.required");
}
