import { randomBytes } from "node:crypto";
import type { Db } from "../../src/server/db/client.ts";
import { memberships, organisations, users } from "../../src/server/db/schema.ts";
import { hashPassword } from "../../src/server/platform/passwords.ts";
import type { Role } from "../../src/shared/domain.ts";

export const DEFAULT_PASSWORD = "correct horse battery";
let cachedHash: Promise<string> | undefined;
const passwordHash = () => {
  cachedHash ??= hashPassword(DEFAULT_PASSWORD);
  return cachedHash;
};
const uniq = () => randomBytes(4).toString("hex");

/** An organisation of its own for each test, so that tests never share or truncate data. */
export async function buildOrganisation(db: Db, overrides: Partial<typeof organisations.$inferInsert> = {}) {
  const [org] = await db
    .insert(organisations)
    .values({
      name: `Testorganisation ${uniq()}`,
      type: "counselling_service",
      districtAgs: "15003",
      ...overrides,
    })
    .returning();
  if (!org) throw new Error("no organisation");
  return org;
}

/** A user with an active membership in the organisation, in the given role. */
export async function buildUser(
  db: Db,
  opts: { organisationId: string; role: Role; email?: string; name?: string },
) {
  const [user] = await db
    .insert(users)
    .values({
      email: opts.email ?? `person-${uniq()}@test.example`,
      name: opts.name ?? `Person ${uniq()}`,
      passwordHash: await passwordHash(),
    })
    .returning();
  if (!user) throw new Error("no user");
  const [membership] = await db
    .insert(memberships)
    .values({ userId: user.id, organisationId: opts.organisationId, role: opts.role })
    .returning();
  if (!membership) throw new Error("no membership");
  return { ...user, membership };
}

/** Adds another membership to an existing user. */
export async function addMembership(db: Db, opts: { userId: string; organisationId: string; role: Role }) {
  const [membership] = await db.insert(memberships).values(opts).returning();
  if (!membership) throw new Error("no membership");
  return membership;
}

/** An organisation with an admin; the usual starting point of a tenancy test. */
export async function buildOrganisationWithAdmin(db: Db) {
  const org = await buildOrganisation(db);
  const admin = await buildUser(db, { organisationId: org.id, role: "org_admin" });
  return { org, admin };
}

/** The coordination office: an organisation of type network_coordination with a network coordinator. */
export async function buildCoordinator(db: Db) {
  const org = await buildOrganisation(db, { type: "network_coordination" });
  const coordinator = await buildUser(db, { organisationId: org.id, role: "network_coordinator" });
  return { org, coordinator };
}
