import { asc, eq, sql } from "drizzle-orm";
import type { Db } from "../../src/server/db/client.ts";
import { outbox } from "../../src/server/db/schema.ts";

/** Every mail in the outbox to one address, oldest first. */
export async function mailsTo(db: Db, address: string) {
  return db
    .select()
    .from(outbox)
    .where(eq(sql`lower(${outbox.toAddress})`, address.toLowerCase()))
    .orderBy(asc(outbox.createdAt));
}

/** The token of the first link to `path` (e.g. "/invitation") in a mail body; fails when there is none. */
export function tokenFromLink(body: string, path: string): string {
  const match = new RegExp(`http://lotse\\.test${path}\\?token=([A-Za-z0-9_-]+)`).exec(body);
  if (!match?.[1]) throw new Error(`no ${path} link in mail:\n${body}`);
  return match[1];
}
