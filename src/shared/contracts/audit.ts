import { z } from "zod";
import { Id, PageQuery, page, Timestamp } from "./common.ts";

/**
 * The touched record in words, resolved on the server in the page's one query: a case by its
 * reference (the client's name only for a reader who may see that case), an offer, organisation or
 * person by name. Null parts are unknown or gone (a deleted offer, an erased person).
 */
export const AuditRecord = z.object({
  label: z.string().nullable().describe("The record's name or reference, never an id"),
  organisation: z
    .string()
    .nullable()
    .describe("The other organisation: a referral's or interface's receiver, a consent's recipient"),
  title: z.string().nullable().describe("What it is about: a referral's offer, a procedure's occupation"),
});

export const AuditEntry = z
  .object({
    id: z.string().describe("Sequence number of the entry"),
    at: Timestamp,
    actorUserId: Id.nullable(),
    actorName: z.string().nullable().describe("Name of the acting user, when the reader may see it"),
    actorOrganisationId: Id.nullable(),
    organisationId: Id.nullable().describe("Organisation whose record was touched"),
    action: z.string().describe("resource.action, e.g. member.update"),
    entity: z.string(),
    entityId: z.string().nullable(),
    requestId: z.string().nullable(),
    purpose: z.string().nullable(),
    details: z
      .record(z.string(), z.unknown())
      .nullable()
      .describe("Field names and ids, never personal values"),
    actorOrganisationName: z.string().nullable().describe("The organisation the actor acted for"),
    organisationName: z.string().nullable().describe("The organisation whose record was touched"),
    record: AuditRecord,
    reason: z
      .string()
      .nullable()
      .describe("Why, for an override: the reason recorded with it (e.g. a referral sent without consent)"),
  })
  .meta({ id: "AuditEntry" });
export type AuditEntry = z.infer<typeof AuditEntry>;

export const AuditQuery = PageQuery.extend({
  organisationId: Id.optional().describe("Only the network coordinator may name another organisation"),
  actorUserId: Id.optional(),
  action: z.string().max(100).optional().describe("Exact action or a prefix ending in '.'"),
  kind: z
    .enum(["read", "write"])
    .optional()
    .describe("read: who looked at records (actions ending in .list or .read); write: everything else"),
  entity: z.string().max(50).optional(),
  entityId: z.string().max(100).optional(),
  from: Timestamp.optional(),
  to: Timestamp.optional(),
});
export const AuditList = page(AuditEntry);
export const AuditParams = z.object({ id: z.string().regex(/^[0-9]{1,18}$/) });
