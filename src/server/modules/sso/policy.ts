import { and, eq } from "drizzle-orm";
import type { Db, Tx } from "../../db/client.ts";
import { memberships, organisations, ssoProviders } from "../../db/schema.ts";
import { AppError } from "../../platform/errors.ts";

/**
 * The organisations in which a person may act after a password login: those that do not require
 * single sign-on. The network coordination always keeps the password: it configures the providers
 * and must be able to repair a broken one. A person with several memberships keeps the password
 * for the others when one organisation requires SSO, so that nobody is locked out by one
 * organisation's choice — but acts for that one only through its provider.
 */
export async function passwordOrganisations(db: Db, userId: string): Promise<Set<string>> {
  const rows = await db
    .select({
      organisationId: memberships.organisationId,
      role: memberships.role,
      required: ssoProviders.required,
    })
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
  return new Set(
    rows.filter((r) => r.required !== true || r.role === "network_coordinator").map((r) => r.organisationId),
  );
}

/** Whether an organisation requires single sign-on of its members. */
export async function requiresSso(db: Tx, organisationId: string): Promise<boolean> {
  const [row] = await db
    .select({ required: ssoProviders.required })
    .from(ssoProviders)
    .where(eq(ssoProviders.organisationId, organisationId));
  return row?.required === true;
}

/**
 * Refuses to act for an organisation that requires single sign-on in a session its provider did
 * not open (switching organisations, accepting an invitation with a password).
 */
export async function assertMayActFor(
  db: Tx,
  p: { organisationId: string; role: string; ssoOrganisationId: string | null },
): Promise<void> {
  if (p.role === "network_coordinator" || p.ssoOrganisationId === p.organisationId) return;
  if (await requiresSso(db, p.organisationId)) throw new AppError(403, "sso.required");
}
