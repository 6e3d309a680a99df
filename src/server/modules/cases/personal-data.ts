import type { Holding } from "#server/platform/personal-data.ts";
import { caseContacts, caseEvents, caseNextSteps, caseNotes, cases, clients } from "./tables.ts";

/** The root of every client's personal data: the client row (erasing it cascades down the tree). */
export const CLIENT_ROOT = clients;

/** The client's cases and what hangs on them: contacts, notes, next steps and the timeline. */
export const CASE_HOLDINGS: readonly Holding[] = [
  { key: "cases", table: cases, parent: "client", via: cases.clientId, id: cases.id, order: cases.openedAt },
  {
    key: "caseContacts",
    table: caseContacts,
    parent: "cases",
    via: caseContacts.caseId,
    id: caseContacts.id,
    order: caseContacts.date,
  },
  {
    key: "caseNotes",
    table: caseNotes,
    parent: "cases",
    via: caseNotes.caseId,
    id: caseNotes.id,
    order: caseNotes.createdAt,
  },
  {
    key: "caseNextSteps",
    table: caseNextSteps,
    parent: "cases",
    via: caseNextSteps.caseId,
    id: caseNextSteps.id,
    order: caseNextSteps.createdAt,
  },
  {
    key: "caseEvents",
    table: caseEvents,
    parent: "cases",
    via: caseEvents.caseId,
    id: caseEvents.id,
    order: caseEvents.id,
  },
];
