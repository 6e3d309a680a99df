import type { FastifyRequest } from "fastify";
import type { App, Deps } from "#server/deps.ts";
import { ctxOf } from "#server/platform/context.ts";
import { route } from "#server/platform/route.ts";
import { referralRoutes } from "#shared/contracts/routes/referrals.ts";
import { listReferralEvents } from "./events.ts";
import { listMessages, postMessage } from "./messages.ts";
import { countOutgoing, listOutgoing } from "./outgoing.ts";
import { getReferral, inboxCounts, listCaseReferrals, listInbox } from "./read.ts";
import { referralPreview, sendReferral } from "./service.ts";
import { transitionReferral } from "./transitions.ts";
// Registers the consent-withdrawal listener: loading the routes loads it, so every app has it.
import "./withdrawal.ts";

export function registerReferralRoutes(app: App, { db }: Deps) {
  const ctx = (request: FastifyRequest) => ctxOf(db, request);

  route(app, referralRoutes.preview, async (request) =>
    referralPreview({ ...ctx(request), caseId: request.params.caseId, offerId: request.query.offerId }),
  );

  route(app, referralRoutes.send, async (request, reply) => {
    const { referral, created } = await sendReferral({
      ...ctx(request),
      caseId: request.params.caseId,
      input: request.body,
      idempotencyKey: request.headers["idempotency-key"] ?? null,
    });
    return reply.code(created ? 201 : 200).send(referral);
  });

  route(app, referralRoutes.caseReferrals, async (request) =>
    listCaseReferrals({ ...ctx(request), caseId: request.params.caseId }),
  );

  route(app, referralRoutes.inbox, async (request) => listInbox({ ...ctx(request), ...request.query }));

  route(app, referralRoutes.inboxCounts, async (request) => inboxCounts(ctx(request)));

  route(app, referralRoutes.outgoing, async (request) => listOutgoing({ ...ctx(request), ...request.query }));

  route(app, referralRoutes.outgoingCounts, async (request) => {
    const { db: tx, actor } = ctx(request);
    return countOutgoing(tx, actor, request.query);
  });

  route(app, referralRoutes.get, async (request) =>
    getReferral({ ...ctx(request), referralId: request.params.referralId }),
  );

  route(app, referralRoutes.transition, async (request) =>
    transitionReferral({ ...ctx(request), referralId: request.params.referralId, input: request.body }),
  );

  route(app, referralRoutes.events, async (request) =>
    listReferralEvents({ ...ctx(request), referralId: request.params.referralId }),
  );

  route(app, referralRoutes.messages, async (request) =>
    listMessages({ ...ctx(request), referralId: request.params.referralId }),
  );

  route(app, referralRoutes.postMessage, async (request, reply) =>
    reply.code(201).send(
      await postMessage({
        ...ctx(request),
        referralId: request.params.referralId,
        body: request.body.body,
      }),
    ),
  );
}
