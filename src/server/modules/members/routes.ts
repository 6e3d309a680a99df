import type { FastifyRequest } from "fastify";
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
import type { App, Deps } from "../../deps.ts";
import { ctxOf } from "../../platform/context.ts";
import { inviteMember, listInvitations, revokeInvitation } from "./invitations.ts";
import { getMember, getUser, listMembers, updateMember } from "./service.ts";

const tags = ["members"];
const problems = PROTECTED_PROBLEMS;

export function registerMemberRoutes(app: App, { db, config, mailer }: Deps) {
  const ctx = (request: FastifyRequest) => ctxOf(db, request);

  app.get(
    "/api/organisations/:orgId/members",
    {
      config: { access: "member.list" },
      schema: {
        tags,
        summary: "Members of an organisation",
        params: OrgParams,
        querystring: MemberListQuery,
        response: { 200: MemberList, ...problems },
      },
    },
    async (request) =>
      listMembers({ ...ctx(request), organisationId: request.params.orgId, query: request.query }),
  );

  app.get(
    "/api/organisations/:orgId/members/:membershipId",
    {
      config: { access: "member.read" },
      schema: { tags, summary: "One member", params: MemberParams, response: { 200: Member, ...problems } },
    },
    async (request) =>
      getMember({
        ...ctx(request),
        organisationId: request.params.orgId,
        membershipId: request.params.membershipId,
      }),
  );

  app.patch(
    "/api/organisations/:orgId/members/:membershipId",
    {
      config: { access: "member.update" },
      schema: {
        tags,
        summary: "Change a member's role or deactivate them",
        params: MemberParams,
        body: MemberUpdate,
        response: { 200: Member, ...problems, 422: Problem },
      },
    },
    async (request) =>
      updateMember({
        ...ctx(request),
        organisationId: request.params.orgId,
        membershipId: request.params.membershipId,
        change: request.body,
      }),
  );

  app.get(
    "/api/users/:id",
    {
      config: { access: "member.read" },
      schema: {
        tags,
        summary: "A user of one's organisation",
        params: UserParams,
        response: { 200: User, ...problems },
      },
    },
    async (request) => getUser({ ...ctx(request), userId: request.params.id }),
  );

  app.get(
    "/api/organisations/:orgId/invitations",
    {
      config: { access: "member.invite" },
      schema: {
        tags,
        summary: "Open invitations",
        params: OrgParams,
        response: { 200: InvitationList, ...problems },
      },
    },
    async (request) => listInvitations({ ...ctx(request), organisationId: request.params.orgId }),
  );

  app.post(
    "/api/organisations/:orgId/invitations",
    {
      config: { access: "member.invite" },
      schema: {
        tags,
        summary: "Invite a person by e-mail",
        params: OrgParams,
        body: InvitationCreate,
        response: { 201: Invitation, ...problems, 422: Problem },
      },
    },
    async (request, reply) => {
      const invitation = await inviteMember({
        ...ctx(request),
        organisationId: request.params.orgId,
        input: request.body,
        mailer,
        publicUrl: config.publicUrl,
      });
      return reply.code(201).send(invitation);
    },
  );

  app.delete(
    "/api/organisations/:orgId/invitations/:invitationId",
    {
      config: { access: "member.invite" },
      schema: {
        tags,
        summary: "Revoke an open invitation",
        params: InvitationParams,
        response: { 204: z.null(), ...problems },
      },
    },
    async (request, reply) => {
      await revokeInvitation({
        ...ctx(request),
        organisationId: request.params.orgId,
        invitationId: request.params.invitationId,
      });
      return reply.code(204).send(null);
    },
  );
}
