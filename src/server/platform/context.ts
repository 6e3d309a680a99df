import type { FastifyRequest } from "fastify";
import type { Db, Tx } from "#server/db/client.ts";
import { unauthenticated } from "./errors.ts";
import type { Actor } from "./session.ts";

/** What a use case needs to act and to leave a trace: the database, who acts, and the request. */
export type Ctx = { db: Tx; actor: Actor; requestId: string };

/** The use-case context of an authenticated request. */
export function ctxOf(db: Db, request: FastifyRequest): Ctx {
  if (!request.actor) throw unauthenticated();
  return { db, actor: request.actor, requestId: request.id };
}
