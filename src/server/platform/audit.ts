import type { Tx } from "#server/db/client.ts";
import type { Actor } from "./session.ts";
import { auditLog } from "./tables.ts";

export type AuditEvent = {
  /** resource.action, e.g. member.update or user.read */
  action: string;
  entity: string;
  entityId?: string | null;
  /** The organisation whose record was read or written. */
  organisationId: string | null;
  purpose?: string;
  /** Field names, ids and counts only: the log never holds personal values. */
  details?: Record<string, unknown>;
};

/**
 * Records one read or write. Called inside the use case's transaction, so a write and its
 * audit entry are committed together or not at all.
 */
export async function audit(
  db: Tx,
  who: { actor?: Pick<Actor, "userId" | "organisationId"> | undefined; requestId: string },
  event: AuditEvent,
): Promise<void> {
  await db.insert(auditLog).values({
    actorUserId: who.actor?.userId ?? null,
    actorOrganisationId: who.actor?.organisationId ?? null,
    organisationId: event.organisationId,
    action: event.action,
    entity: event.entity,
    entityId: event.entityId ?? null,
    requestId: who.requestId,
    purpose: event.purpose ?? null,
    details: event.details ?? null,
  });
}
