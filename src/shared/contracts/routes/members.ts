import { z } from "zod";
import { PROTECTED_PROBLEMS, Problem } from "#shared/contracts/common.ts";
import {
  Invitation,
  InvitationCreate,
  InvitationList,
  InvitationParams,
  Member,
  MemberList,
  MemberListQuery,
  MemberParams,
  MemberUpdate,
  OrgParams,
  User,
  UserParams,
} from "#shared/contracts/members.ts";
import { defineRoute } from "#shared/contracts/route.ts";

const tags = ["members"];
const problems = PROTECTED_PROBLEMS;

/** Routes of the members module. */
export const memberRoutes = {
  list: defineRoute({
    method: "GET",
    path: "/api/organisations/:orgId/members",
    access: "member.list",
    tags,
    summary: "Members of an organisation",
    params: OrgParams,
    query: MemberListQuery,
    response: { 200: MemberList, ...problems },
  }),
  get: defineRoute({
    method: "GET",
    path: "/api/organisations/:orgId/members/:membershipId",
    access: "member.read",
    tags,
    summary: "One member",
    params: MemberParams,
    response: { 200: Member, ...problems },
  }),
  update: defineRoute({
    method: "PATCH",
    path: "/api/organisations/:orgId/members/:membershipId",
    access: "member.update",
    tags,
    summary: "Change a member's role or deactivate them",
    params: MemberParams,
    body: MemberUpdate,
    response: { 200: Member, ...problems, 422: Problem },
  }),
  user: defineRoute({
    method: "GET",
    path: "/api/users/:id",
    access: "member.read",
    tags,
    summary: "A user of one's organisation",
    params: UserParams,
    response: { 200: User, ...problems },
  }),
  invitations: defineRoute({
    method: "GET",
    path: "/api/organisations/:orgId/invitations",
    access: "member.invite",
    tags,
    summary: "Open invitations",
    params: OrgParams,
    response: { 200: InvitationList, ...problems },
  }),
  invite: defineRoute({
    method: "POST",
    path: "/api/organisations/:orgId/invitations",
    access: "member.invite",
    tags,
    summary: "Invite a person by e-mail",
    params: OrgParams,
    body: InvitationCreate,
    response: { 201: Invitation, ...problems, 422: Problem },
  }),
  revokeInvitation: defineRoute({
    method: "DELETE",
    path: "/api/organisations/:orgId/invitations/:invitationId",
    access: "member.invite",
    tags,
    summary: "Revoke an open invitation",
    params: InvitationParams,
    response: { 204: z.null(), ...problems },
  }),
};
