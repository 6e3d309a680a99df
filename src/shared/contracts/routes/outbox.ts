import { PROTECTED_PROBLEMS } from "#shared/contracts/common.ts";
import { OutboxList, OutboxMail, OutboxParams, OutboxQuery } from "#shared/contracts/outbox.ts";
import { defineRoute } from "#shared/contracts/route.ts";

const tags = ["outbox"];
const problems = PROTECTED_PROBLEMS;

/** The outbox: every mail Lotse sent or holds; the coordination reads it when no SMTP is set up. */
export const outboxRoutes = {
  list: defineRoute({
    method: "GET",
    path: "/api/outbox",
    access: "outbox.read",
    tags,
    summary: "Mails, newest first",
    query: OutboxQuery,
    response: { 200: OutboxList, ...problems },
  }),
  get: defineRoute({
    method: "GET",
    path: "/api/outbox/:id",
    access: "outbox.read",
    tags,
    summary: "One mail",
    params: OutboxParams,
    response: { 200: OutboxMail, ...problems },
  }),
};
