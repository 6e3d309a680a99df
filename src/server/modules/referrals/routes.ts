import type { FastifyRequest } from "fastify";
import { z } from "zod";
import { CaseParams } from "#shared/contracts/cases.ts";
import { PROTECTED_PROBLEMS, Problem } from "#shared/contracts/common.ts";
import {
  InboxCounts,
  InboxQuery,
  Message,
  MessageCreate,
  MessageList,
  OutgoingCounts,
  OutgoingCountsQuery,
  OutgoingList,
  OutgoingQuery,
  PreviewQuery,
  Referral,
  ReferralCreate,
  ReferralEventList,
  ReferralList,
  ReferralParams,
  ReferralPreview,
  ReferralTransition,
} from "#shared/contracts/referrals.ts";
import type { App, Deps } from "../../deps.ts";
import { ctxOf } from "../../platform/context.ts";
import { listReferralEvents } from "./events.ts";
import { listMessages, postMessage } from "./messages.ts";
import { countOutgoing, listOutgoing } from "./outgoing.ts";
import { getReferral, inboxCounts, listCaseReferrals, listInbox } from "./read.ts";
import { referralPreview, sendReferral } from "./service.ts";
import { transitionReferral } from "./transitions.ts";
// Registers the consent-withdrawal listener: loading the routes loads it, so every app has it.
import "./withdrawal.ts";

const tags = ["referrals"];
const problems = PROTECTED_PROBLEMS;
const IdempotencyKey = z
  .looseObject({
    "idempotency-key": z
      .string()
      .min(1)
      .max(200)
      .optional()
      .describe(
        "Makes a repeat harmless: the same key from the same organisation answers the first referral",
      ),
  })
  .describe("Headers");

export function registerReferralRoutes(app: App, { db }: Deps) {
  const ctx = (request: FastifyRequest) => ctxOf(db, request);

  app.get(
    "/api/cases/:caseId/referral-preview",
    {
      config: { access: "referral.send" },
      schema: {
        tags,
        summary: "What a referral of the case to an offer may carry under the consent, and its due dates",
        params: CaseParams,
        querystring: PreviewQuery,
        response: { 200: ReferralPreview, ...problems, 422: Problem },
      },
    },
    async (request) =>
      referralPreview({ ...ctx(request), caseId: request.params.caseId, offerId: request.query.offerId }),
  );

  app.post(
    "/api/cases/:caseId/referrals",
    {
      config: { access: "referral.send" },
      schema: {
        tags,
        summary:
          "Send a referral of the case to an offer (201; a repeat with the same Idempotency-Key: 200). " +
          "An empty selection or personal data in the note that the selection does not cover is refused " +
          "(422) unless listed in `acknowledged`; data outside the consent only staff counsellors may acknowledge (403)",
        params: CaseParams,
        headers: IdempotencyKey,
        body: ReferralCreate,
        response: { 200: Referral, 201: Referral, ...problems, 409: Problem, 422: Problem },
      },
    },
    async (request, reply) => {
      const { referral, created } = await sendReferral({
        ...ctx(request),
        caseId: request.params.caseId,
        input: request.body,
        idempotencyKey: request.headers["idempotency-key"] ?? null,
      });
      return reply.code(created ? 201 : 200).send(referral);
    },
  );

  app.get(
    "/api/cases/:caseId/referrals",
    {
      config: { access: "referral.read" },
      schema: {
        tags,
        summary: "The referrals of a case with state and outcome, newest first",
        params: CaseParams,
        response: { 200: ReferralList, ...problems },
      },
    },
    async (request) => listCaseReferrals({ ...ctx(request), caseId: request.params.caseId }),
  );

  app.get(
    "/api/referrals/inbox",
    {
      config: { access: "referral.respond" },
      schema: {
        tags,
        summary: "Referrals addressed to the caller's organisation, by bucket",
        querystring: InboxQuery,
        response: { 200: ReferralList, ...problems },
      },
    },
    async (request) => listInbox({ ...ctx(request), ...request.query }),
  );

  app.get(
    "/api/referrals/inbox/counts",
    {
      config: { access: "referral.respond" },
      schema: {
        tags,
        summary: "How many referrals each inbox bucket holds",
        response: { 200: InboxCounts, ...problems },
      },
    },
    async (request) => inboxCounts(ctx(request)),
  );

  app.get(
    "/api/referrals/outgoing",
    {
      config: { access: "referral.send" },
      schema: {
        tags,
        summary:
          "Referrals the caller's organisation sent from cases the caller may see, with state and due date",
        querystring: OutgoingQuery,
        response: { 200: OutgoingList, ...problems },
      },
    },
    async (request) => listOutgoing({ ...ctx(request), ...request.query }),
  );

  app.get(
    "/api/referrals/outgoing/counts",
    {
      config: { access: "referral.send" },
      schema: {
        tags,
        summary: "How many outgoing referrals are open and how many of them overdue",
        querystring: OutgoingCountsQuery,
        response: { 200: OutgoingCounts, ...problems },
      },
    },
    async (request) => {
      const { db: tx, actor } = ctx(request);
      return countOutgoing(tx, actor, request.query);
    },
  );

  app.get(
    "/api/referrals/:referralId",
    {
      config: { access: "referral.read" },
      schema: {
        tags,
        summary: "One referral from the caller's side; the receiver sees the shared data",
        params: ReferralParams,
        response: { 200: Referral, ...problems },
      },
    },
    async (request) => getReferral({ ...ctx(request), referralId: request.params.referralId }),
  );

  app.post(
    "/api/referrals/:referralId/transitions",
    {
      config: { access: "referral.read" },
      schema: {
        tags,
        summary: "Move the referral on (accept, start, complete, decline, withdraw)",
        params: ReferralParams,
        body: ReferralTransition,
        response: { 200: Referral, ...problems, 409: Problem, 422: Problem },
      },
    },
    async (request) =>
      transitionReferral({ ...ctx(request), referralId: request.params.referralId, input: request.body }),
  );

  app.get(
    "/api/referrals/:referralId/events",
    {
      config: { access: "referral.read" },
      schema: {
        tags,
        summary: "The history of the referral's states",
        params: ReferralParams,
        response: { 200: ReferralEventList, ...problems },
      },
    },
    async (request) => listReferralEvents({ ...ctx(request), referralId: request.params.referralId }),
  );

  app.get(
    "/api/referrals/:referralId/messages",
    {
      config: { access: "referral.read" },
      schema: {
        tags,
        summary: "The message thread between sender and receiver",
        params: ReferralParams,
        response: { 200: MessageList, ...problems },
      },
    },
    async (request) => listMessages({ ...ctx(request), referralId: request.params.referralId }),
  );

  app.post(
    "/api/referrals/:referralId/messages",
    {
      config: { access: "referral.read" },
      schema: {
        tags,
        summary: "Write to the other side of the referral",
        params: ReferralParams,
        body: MessageCreate,
        response: { 201: Message, ...problems, 409: Problem },
      },
    },
    async (request, reply) =>
      reply.code(201).send(
        await postMessage({
          ...ctx(request),
          referralId: request.params.referralId,
          body: request.body.body,
        }),
      ),
  );
}
