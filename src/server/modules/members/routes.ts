import type { FastifyRequest } from "fastify";
import type { App, Deps } from "#server/deps.ts";
import { ctxOf } from "#server/platform/context.ts";
import { route } from "#server/platform/route.ts";
import { memberRoutes } from "#shared/contracts/routes/members.ts";
import { inviteMember, listInvitations, revokeInvitation } from "./invitations.ts";
import { getMember, getUser, listMembers, updateMember } from "./service.ts";

export function registerMemberRoutes(app: App, { db, config, mailer }: Deps) {
  const ctx = (request: FastifyRequest) => ctxOf(db, request);

  route(app, memberRoutes.list, async (request) =>
    listMembers({ ...ctx(request), organisationId: request.params.orgId, query: request.query }),
  );

  route(app, memberRoutes.get, async (request) =>
    getMember({
      ...ctx(request),
      organisationId: request.params.orgId,
      membershipId: request.params.membershipId,
    }),
  );

  route(app, memberRoutes.update, async (request) =>
    updateMember({
      ...ctx(request),
      organisationId: request.params.orgId,
      membershipId: request.params.membershipId,
      change: request.body,
    }),
  );

  route(app, memberRoutes.user, async (request) => getUser({ ...ctx(request), userId: request.params.id }));

  route(app, memberRoutes.invitations, async (request) =>
    listInvitations({ ...ctx(request), organisationId: request.params.orgId }),
  );

  route(app, memberRoutes.invite, async (request, reply) => {
    const invitation = await inviteMember({
      ...ctx(request),
      organisationId: request.params.orgId,
      input: request.body,
      mailer,
      publicUrl: config.publicUrl,
    });
    return reply.code(201).send(invitation);
  });

  route(app, memberRoutes.revokeInvitation, async (request, reply) => {
    await revokeInvitation({
      ...ctx(request),
      organisationId: request.params.orgId,
      invitationId: request.params.invitationId,
    });
    return reply.code(204).send(null);
  });
}
