import { and, asc, count, desc, eq, sql } from "drizzle-orm";
import type { Tx } from "#server/db/client.ts";
import { users } from "#server/platform/tables.ts";
import { directoryChanges } from "./tables.ts";

/** A directory record as a flat map of field name → text, the form in which its history is kept. */
export type FieldTexts = Record<string, string>;
export type ResourceType = "service" | "location";
export type ChangeAction = "create" | "update" | "delete";

/** How a value reads in the history: lists joined, absent values empty, structures as JSON. */
export function asText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (Array.isArray(value)) {
    return value.every((v) => typeof v !== "object") ? value.join(", ") : JSON.stringify(value);
  }
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

/** The fields whose text differs between two views of a record, in the order of the later one. */
export function changedFields(before: FieldTexts, after: FieldTexts) {
  const names = [...new Set([...Object.keys(after), ...Object.keys(before)])];
  return names
    .map((field) => ({ field, previous: before[field] ?? "", replacement: after[field] ?? "" }))
    .filter((c) => c.previous !== c.replacement);
}

/**
 * Writes one directory_changes row per changed field (HSDS metadata); called in the write's
 * transaction so that a change and its history are committed together.
 */
export async function recordChanges(
  tx: Tx,
  opts: {
    resourceId: string;
    resourceType: ResourceType;
    action: ChangeAction;
    updatedBy: string;
    changes: { field: string; previous: string; replacement: string }[];
  },
) {
  if (opts.changes.length === 0) return;
  await tx.insert(directoryChanges).values(
    opts.changes.map((c) => ({
      resourceId: opts.resourceId,
      resourceType: opts.resourceType,
      actionType: opts.action,
      fieldName: c.field,
      previousValue: c.previous,
      replacementValue: c.replacement,
      updatedBy: opts.updatedBy,
    })),
  );
}

/** The history of one record, newest first, with the names of the users who made the changes. */
export async function readHistory(
  db: Tx,
  opts: { resourceId: string; resourceType: ResourceType; limit: number; offset: number },
) {
  const where = and(
    eq(directoryChanges.resourceId, opts.resourceId),
    eq(directoryChanges.resourceType, opts.resourceType),
  );
  const rows = await db
    .select({
      id: directoryChanges.id,
      at: directoryChanges.actionDate,
      action: directoryChanges.actionType,
      field: directoryChanges.fieldName,
      previous: directoryChanges.previousValue,
      replacement: directoryChanges.replacementValue,
      byUserId: directoryChanges.updatedBy,
      byName: users.name,
    })
    .from(directoryChanges)
    // updated_by is text: an importer or the demo writes its own name there. Comparing as text
    // needs no cast, which PostgreSQL could evaluate before a guard and fail on a name.
    .leftJoin(users, sql`${users.id}::text = ${directoryChanges.updatedBy}`)
    .where(where)
    .orderBy(desc(directoryChanges.actionDate), asc(directoryChanges.fieldName))
    .limit(opts.limit)
    .offset(opts.offset);
  const [total] = await db.select({ n: count() }).from(directoryChanges).where(where);
  return {
    items: rows.map((r) => ({ ...r, at: r.at.toISOString() })),
    total: total?.n ?? 0,
  };
}
