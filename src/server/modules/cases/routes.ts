import type { FastifyRequest } from "fastify";
import {
  Assignees,
  Case,
  CaseCreate,
  CaseItemParams,
  CaseList,
  CaseListQuery,
  CaseParams,
  CaseUpdate,
  Contact,
  ContactCreate,
  ContactList,
  DeadlineList,
  DeadlineQuery,
  NextStep,
  NextStepCreate,
  NextStepList,
  NextStepUpdate,
  Note,
  NoteCreate,
  NoteList,
  Timeline,
} from "#shared/contracts/cases.ts";
import { PROTECTED_PROBLEMS, Problem } from "#shared/contracts/common.ts";
import type { App, Deps } from "../../deps.ts";
import { ctxOf } from "../../platform/context.ts";
import { expectedVersion, sendVersioned } from "../../platform/versioning.ts";
import { registerClientRoutes } from "./client-routes.ts";
import { listDeadlines } from "./deadlines.ts";
import { createContact, createNote, listContacts, listNotes } from "./documentation.ts";
import { listCases } from "./list.ts";
import { createNextStep, listNextSteps, updateNextStep } from "./next-steps.ts";
import { createCase, getCase, listAssignees, updateCase } from "./service.ts";
import { caseTimeline } from "./timeline.ts";

const tags = ["cases"];
const problems = PROTECTED_PROBLEMS;
const writeProblems = { ...problems, 422: Problem };

/** Routes of the cases module: cases, their documentation and timeline, the deadlines. */
export function registerCaseRoutes(app: App, deps: Deps) {
  const ctx = (request: FastifyRequest) => ctxOf(deps.db, request);
  registerClientRoutes(app, deps);

  app.get(
    "/api/cases",
    {
      config: { access: "case.read" },
      schema: {
        tags,
        summary: "Cases the caller may see, searched and filtered; the most pressing first",
        querystring: CaseListQuery,
        response: { 200: CaseList, ...problems },
      },
    },
    async (request) => listCases({ ...ctx(request), query: request.query }),
  );

  app.post(
    "/api/cases",
    {
      config: { access: "case.create" },
      schema: {
        tags,
        summary: "Open a case for a client of the organisation or for a new client",
        body: CaseCreate,
        response: { 201: Case, ...writeProblems, 409: Problem },
      },
    },
    async (request, reply) =>
      reply.code(201).send(sendVersioned(reply, await createCase({ ...ctx(request), input: request.body }))),
  );

  app.get(
    "/api/cases/assignees",
    {
      config: { access: "case.read" },
      schema: {
        tags,
        summary: "Who a case can be assigned to: active counsellors and volunteers",
        response: { 200: Assignees, ...problems },
      },
    },
    async (request) => listAssignees(ctx(request)),
  );

  app.get(
    "/api/cases/:caseId",
    {
      config: { access: "case.read" },
      schema: {
        tags,
        summary: "One case; the ETag is the version to send back when updating",
        params: CaseParams,
        response: { 200: Case, ...problems },
      },
    },
    async (request, reply) =>
      sendVersioned(reply, await getCase({ ...ctx(request), id: request.params.caseId })),
  );

  app.patch(
    "/api/cases/:caseId",
    {
      config: { access: "case.update" },
      schema: {
        tags,
        summary: "Change status, outcome, phase, goals or assignee (If-Match: the version it is based on)",
        params: CaseParams,
        body: CaseUpdate,
        response: { 200: Case, ...writeProblems, 412: Problem, 428: Problem },
      },
    },
    async (request, reply) =>
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

  app.get(
    "/api/cases/:caseId/contacts",
    {
      config: { access: "case.read" },
      schema: {
        tags,
        summary: "Counselling contacts of a case, the latest first",
        params: CaseParams,
        response: { 200: ContactList, ...problems },
      },
    },
    async (request) => listContacts({ ...ctx(request), caseId: request.params.caseId }),
  );

  app.post(
    "/api/cases/:caseId/contacts",
    {
      config: { access: "case.document" },
      schema: {
        tags,
        summary: "Document a counselling contact",
        params: CaseParams,
        body: ContactCreate,
        response: { 201: Contact, ...writeProblems },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await createContact({ ...ctx(request), caseId: request.params.caseId, input: request.body })),
  );

  app.get(
    "/api/cases/:caseId/notes",
    {
      config: { access: "case.read" },
      schema: {
        tags,
        summary: "Notes of a case, the latest first; special-category notes only for counsellors",
        params: CaseParams,
        response: { 200: NoteList, ...problems },
      },
    },
    async (request) => listNotes({ ...ctx(request), caseId: request.params.caseId }),
  );

  app.post(
    "/api/cases/:caseId/notes",
    {
      config: { access: "case.document" },
      schema: {
        tags,
        summary: "Add a note; special-category notes only by counsellors",
        params: CaseParams,
        body: NoteCreate,
        response: { 201: Note, ...writeProblems },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await createNote({ ...ctx(request), caseId: request.params.caseId, input: request.body })),
  );

  app.get(
    "/api/cases/:caseId/next-steps",
    {
      config: { access: "case.read" },
      schema: {
        tags,
        summary: "Next steps of a case: open ones first, the earliest due first",
        params: CaseParams,
        response: { 200: NextStepList, ...problems },
      },
    },
    async (request) => listNextSteps({ ...ctx(request), caseId: request.params.caseId }),
  );

  app.post(
    "/api/cases/:caseId/next-steps",
    {
      config: { access: "case.document" },
      schema: {
        tags,
        summary: "Agree a next step, optionally leading to an offer of the directory",
        params: CaseParams,
        body: NextStepCreate,
        response: { 201: NextStep, ...writeProblems },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await createNextStep({ ...ctx(request), caseId: request.params.caseId, input: request.body })),
  );

  app.patch(
    "/api/cases/:caseId/next-steps/:itemId",
    {
      config: { access: "case.document" },
      schema: {
        tags,
        summary: "Change a next step, tick it off or reopen it",
        params: CaseItemParams,
        body: NextStepUpdate,
        response: { 200: NextStep, ...writeProblems },
      },
    },
    async (request) =>
      updateNextStep({
        ...ctx(request),
        caseId: request.params.caseId,
        stepId: request.params.itemId,
        change: request.body,
      }),
  );

  app.get(
    "/api/cases/:caseId/timeline",
    {
      config: { access: "case.read" },
      schema: {
        tags,
        summary: "Everything that happened in a case, oldest first",
        params: CaseParams,
        response: { 200: Timeline, ...problems },
      },
    },
    async (request) => caseTimeline({ ...ctx(request), caseId: request.params.caseId }),
  );

  app.get(
    "/api/deadlines",
    {
      config: { access: "case.read" },
      schema: {
        tags,
        summary: "Dates not to miss: next steps, authority decisions, §16d permits — overdue or soon",
        querystring: DeadlineQuery,
        response: { 200: DeadlineList, ...problems },
      },
    },
    async (request) => listDeadlines({ ...ctx(request), scope: request.query.scope }),
  );
}
