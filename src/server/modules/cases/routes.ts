import type { FastifyRequest } from "fastify";
import type { App, Deps } from "#server/deps.ts";
import { ctxOf } from "#server/platform/context.ts";
import { route } from "#server/platform/route.ts";
import { expectedVersion, sendVersioned } from "#server/platform/versioning.ts";
import { caseRoutes } from "#shared/contracts/routes/cases.ts";
import { registerClientRoutes } from "./client-routes.ts";
import { listDeadlines } from "./deadlines.ts";
import { createContact, createNote, listContacts, listNotes } from "./documentation.ts";
import { listCases } from "./list.ts";
import { createNextStep, listNextSteps, updateNextStep } from "./next-steps.ts";
import { createCase, getCase, listAssignees, updateCase } from "./service.ts";
import { caseTimeline } from "./timeline.ts";

/** Routes of the cases module: cases, their documentation and timeline, the deadlines. */
export function registerCaseRoutes(app: App, deps: Deps) {
  const ctx = (request: FastifyRequest) => ctxOf(deps.db, request);
  registerClientRoutes(app, deps);

  route(app, caseRoutes.list, async (request) => listCases({ ...ctx(request), query: request.query }));

  route(app, caseRoutes.create, async (request, reply) =>
    reply.code(201).send(sendVersioned(reply, await createCase({ ...ctx(request), input: request.body }))),
  );

  route(app, caseRoutes.assignees, async (request) => listAssignees(ctx(request)));

  route(app, caseRoutes.get, async (request, reply) =>
    sendVersioned(reply, await getCase({ ...ctx(request), id: request.params.caseId })),
  );

  route(app, caseRoutes.update, async (request, reply) =>
    sendVersioned(
      reply,
      await updateCase({
        ...ctx(request),
        id: request.params.caseId,
        expectedVersion: expectedVersion(request),
        change: request.body,
      }),
    ),
  );

  route(app, caseRoutes.contacts, async (request) =>
    listContacts({ ...ctx(request), caseId: request.params.caseId }),
  );

  route(app, caseRoutes.createContact, async (request, reply) =>
    reply
      .code(201)
      .send(await createContact({ ...ctx(request), caseId: request.params.caseId, input: request.body })),
  );

  route(app, caseRoutes.notes, async (request) =>
    listNotes({ ...ctx(request), caseId: request.params.caseId }),
  );

  route(app, caseRoutes.createNote, async (request, reply) =>
    reply
      .code(201)
      .send(await createNote({ ...ctx(request), caseId: request.params.caseId, input: request.body })),
  );

  route(app, caseRoutes.nextSteps, async (request) =>
    listNextSteps({ ...ctx(request), caseId: request.params.caseId }),
  );

  route(app, caseRoutes.createNextStep, async (request, reply) =>
    reply
      .code(201)
      .send(await createNextStep({ ...ctx(request), caseId: request.params.caseId, input: request.body })),
  );

  route(app, caseRoutes.updateNextStep, async (request) =>
    updateNextStep({
      ...ctx(request),
      caseId: request.params.caseId,
      stepId: request.params.itemId,
      change: request.body,
    }),
  );

  route(app, caseRoutes.timeline, async (request) =>
    caseTimeline({ ...ctx(request), caseId: request.params.caseId }),
  );

  route(app, caseRoutes.deadlines, async (request) =>
    listDeadlines({ ...ctx(request), scope: request.query.scope }),
  );
}
