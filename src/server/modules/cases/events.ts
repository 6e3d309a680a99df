import type { Tx } from "#server/db/client.ts";
import type { CaseEventKind } from "#shared/contracts/cases.ts";
import { caseEvents } from "./tables.ts";

/**
 * Appends one event to a case's timeline, inside the caller's transaction. Every module that
 * changes something a case shows (contacts, consents, recognition …) calls this, so the timeline
 * has every event in order. `details` holds codes and ids only, never personal text.
 */
export async function recordCaseEvent(
  db: Tx,
  event: {
    caseId: string;
    kind: CaseEventKind;
    actorUserId: string | null;
    subjectId?: string | null;
    special?: boolean;
    details?: Record<string, unknown>;
  },
): Promise<void> {
  await db.insert(caseEvents).values({
    caseId: event.caseId,
    kind: event.kind,
    actorUserId: event.actorUserId,
    subjectId: event.subjectId ?? null,
    special: event.special ?? false,
    details: event.details ?? {},
  });
}
