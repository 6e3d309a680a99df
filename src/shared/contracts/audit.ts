import { z } from "zod";
import { Id, PageQuery, page, Timestamp } from "./common.ts";

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
