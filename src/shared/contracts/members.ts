import { z } from "zod";
import { ACCOUNT_STATUSES, ROLES } from "#shared/domain.ts";
import { Email } from "./auth.ts";
import { Id, PageQuery, page, Timestamp } from "./common.ts";

/** A person's membership in one organisation, as its admins see it. */
export const Member = z
  .object({
    membershipId: Id,
    userId: Id,
    organisationId: Id,
    name: z.string(),
    email: z.string(),
    role: z.enum(ROLES),
    status: z
      .enum(["active", "deactivated"])
      .describe("A deactivated member cannot act for this organisation"),
    lastLoginAt: Timestamp.nullable(),
    createdAt: Timestamp,
    abilities: z.object({ update: z.boolean() }),
  })
  .meta({ id: "Member" });
export type Member = z.infer<typeof Member>;

export const MemberListQuery = PageQuery.extend({
  q: z.string().trim().max(100).optional().describe("Part of name or e-mail"),
  role: z.enum(ROLES).optional(),
  status: z.enum(ACCOUNT_STATUSES).optional(),
});
export const MemberList = page(Member);
export const OrgParams = z.object({ orgId: Id });
export const MemberParams = z.object({ orgId: Id, membershipId: Id });
export const MemberUpdate = z
  .object({
    role: z.enum(ROLES).optional(),
    status: z.enum(ACCOUNT_STATUSES).optional(),
  })
  .refine((v) => v.role !== undefined || v.status !== undefined, { message: "nothing_to_change" });

/** A user as seen by someone allowed to see them; used for lookups by id. */
export const User = z
  .object({ id: Id, name: z.string(), email: z.string(), status: z.enum(ACCOUNT_STATUSES) })
  .meta({ id: "User" });
export const UserParams = z.object({ id: Id });

export const InvitationCreate = z.object({
  email: Email,
  role: z.enum(ROLES),
});
export const Invitation = z
  .object({
    id: Id,
    email: z.string(),
    role: z.enum(ROLES),
    createdAt: Timestamp,
    expiresAt: Timestamp,
    usedAt: Timestamp.nullable(),
  })
  .meta({ id: "Invitation" });
export const InvitationList = z.object({ items: z.array(Invitation) });
export const InvitationParams = z.object({ orgId: Id, invitationId: Id });
