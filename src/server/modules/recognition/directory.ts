import { and, asc, eq, ilike, sql } from "drizzle-orm";
import type { Tx } from "#server/db/client.ts";
import { containsPattern, escapeLike } from "#server/platform/like.ts";
import { organisations } from "#server/platform/tables.ts";

const LIMIT = 20;

/**
 * Active organisations of the directory by name, for choosing a competent authority or the
 * recipient of a consent. The directory is public knowledge of the network, so every organisation
 * is listed regardless of the reader's own; names that start with the query come first.
 */
export async function searchDirectoryOrganisations(db: Tx, q: string | undefined) {
  const query = q?.trim() ?? "";
  // Without a query there is nothing to start with: by name only ("order by false" is an error).
  const startsWith = query ? [sql`${organisations.name} ilike ${`${escapeLike(query)}%`} desc`] : [];
  const items = await db
    .select({ id: organisations.id, name: organisations.name, type: organisations.type })
    .from(organisations)
    .where(
      and(
        eq(organisations.status, "active"),
        query ? ilike(organisations.name, containsPattern(query)) : undefined,
      ),
    )
    .orderBy(...startsWith, asc(organisations.name), asc(organisations.id))
    .limit(LIMIT);
  return { items };
}
