import { and, eq, inArray } from "drizzle-orm";
import type { Tx } from "#server/db/client.ts";
import { AppError } from "#server/platform/errors.ts";
import { ssoProviders } from "./tables.ts";

/**
 * Of a person's memberships, the first one to act for after a password login: one whose
 * organisation does not require single sign-on. The network coordination always keeps the
 * password: it configures the providers and must be able to repair a broken one. A person with
 * several memberships keeps the password for the others when one organisation requires SSO, so
 * that nobody is locked out by one organisation's choice — but acts for that one only through its
 * provider. Undefined when every membership requires SSO.
 */
export async function firstPasswordMembership<M extends { organisationId: string; role: string }>(
  db: Tx,
  list: M[],
): Promise<M | undefined> {
  if (list.length === 0) return undefined;
  const required = await db
    .select({ organisationId: ssoProviders.organisationId })
    .from(ssoProviders)
    .where(
      and(
        eq(ssoProviders.required, true),
        inArray(
          ssoProviders.organisationId,
          list.map((m) => m.organisationId),
        ),
      ),
    );
  const closed = new Set(required.map((r) => r.organisationId));
  return list.find((m) => m.role === "network_coordinator" || !closed.has(m.organisationId));
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
