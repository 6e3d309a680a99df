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
import { defineRoute } from "#shared/contracts/route.ts";

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

/** Routes of the referrals module. */
export const referralRoutes = {
  preview: defineRoute({
    method: "GET",
    path: "/api/cases/:caseId/referral-preview",
    access: "referral.send",
    tags,
    summary: "What a referral of the case to an offer may carry under the consent, and its due dates",
    params: CaseParams,
    query: PreviewQuery,
    response: { 200: ReferralPreview, ...problems, 422: Problem },
  }),
  send: defineRoute({
    method: "POST",
    path: "/api/cases/:caseId/referrals",
    access: "referral.send",
    tags,
    summary:
      "Send a referral of the case to an offer (201; a repeat with the same Idempotency-Key: 200). " +
      "An empty selection or personal data in the note that the selection does not cover is refused " +
      "(422) unless listed in `acknowledged`; data outside the consent only staff counsellors may acknowledge (403)",
    params: CaseParams,
    headers: IdempotencyKey,
    body: ReferralCreate,
    response: { 200: Referral, 201: Referral, ...problems, 409: Problem, 422: Problem },
  }),
  caseReferrals: defineRoute({
    method: "GET",
    path: "/api/cases/:caseId/referrals",
    access: "referral.read",
    tags,
    summary: "The referrals of a case with state and outcome, newest first",
    params: CaseParams,
    response: { 200: ReferralList, ...problems },
  }),
  inbox: defineRoute({
    method: "GET",
    path: "/api/referrals/inbox",
    access: "referral.respond",
    tags,
    summary: "Referrals addressed to the caller's organisation, by bucket",
    query: InboxQuery,
    response: { 200: ReferralList, ...problems },
  }),
  inboxCounts: defineRoute({
    method: "GET",
    path: "/api/referrals/inbox/counts",
    access: "referral.respond",
    tags,
    summary: "How many referrals each inbox bucket holds",
    response: { 200: InboxCounts, ...problems },
  }),
  outgoing: defineRoute({
    method: "GET",
    path: "/api/referrals/outgoing",
    access: "referral.send",
    tags,
    summary:
      "Referrals the caller's organisation sent from cases the caller may see, with state and due date",
    query: OutgoingQuery,
    response: { 200: OutgoingList, ...problems },
  }),
  outgoingCounts: defineRoute({
    method: "GET",
    path: "/api/referrals/outgoing/counts",
    access: "referral.send",
    tags,
    summary: "How many outgoing referrals are open and how many of them overdue",
    query: OutgoingCountsQuery,
    response: { 200: OutgoingCounts, ...problems },
  }),
  get: defineRoute({
    method: "GET",
    path: "/api/referrals/:referralId",
    access: "referral.read",
    tags,
    summary: "One referral from the caller's side; the receiver sees the shared data",
    params: ReferralParams,
    response: { 200: Referral, ...problems },
  }),
  transition: defineRoute({
    method: "POST",
    path: "/api/referrals/:referralId/transitions",
    access: "referral.read",
    tags,
    summary: "Move the referral on (accept, start, complete, decline, withdraw)",
    params: ReferralParams,
    body: ReferralTransition,
    response: { 200: Referral, ...problems, 409: Problem, 422: Problem },
  }),
  events: defineRoute({
    method: "GET",
    path: "/api/referrals/:referralId/events",
    access: "referral.read",
    tags,
    summary: "The history of the referral's states",
    params: ReferralParams,
    response: { 200: ReferralEventList, ...problems },
  }),
  messages: defineRoute({
    method: "GET",
    path: "/api/referrals/:referralId/messages",
    access: "referral.read",
    tags,
    summary: "The message thread between sender and receiver",
    params: ReferralParams,
    response: { 200: MessageList, ...problems },
  }),
  postMessage: defineRoute({
    method: "POST",
    path: "/api/referrals/:referralId/messages",
    access: "referral.read",
    tags,
    summary: "Write to the other side of the referral",
    params: ReferralParams,
    body: MessageCreate,
    response: { 201: Message, ...problems, 409: Problem },
  }),
};
