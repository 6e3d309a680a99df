import { randomBytes } from "node:crypto";
import type { Db } from "../../src/server/db/client.ts";
import { cases, clients } from "../../src/server/db/schema.ts";

const code = (prefix: string) => `${prefix}-${randomBytes(5).toString("hex").toUpperCase()}`;

/** A client of an organisation, written straight to the database (no audit, no API). */
export async function buildClient(
  db: Db,
  opts: { organisationId: string } & Partial<typeof clients.$inferInsert>,
) {
  const [client] = await db
    .insert(clients)
    .values({ name: `Testperson ${randomBytes(3).toString("hex")}`, pseudonym: code("K"), ...opts })
    .returning();
  if (!client) throw new Error("no client");
  return client;
}

/** A case for a client (a new one unless given), optionally assigned to a user. */
export async function buildCase(
  db: Db,
  opts: { organisationId: string; clientId?: string; assigneeUserId?: string | null } & Partial<
    typeof cases.$inferInsert
  >,
) {
  const clientId = opts.clientId ?? (await buildClient(db, { organisationId: opts.organisationId })).id;
  const [record] = await db
    .insert(cases)
    .values({ pseudonym: code("F"), ...opts, clientId })
    .returning();
  if (!record) throw new Error("no case");
  return record;
}
