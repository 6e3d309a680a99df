import type { FastifyRequest } from "fastify";
import type { Db } from "../db/client.ts";
import type { Ctx } from "./audit.ts";
import { unauthenticated } from "./errors.ts";

/** The use-case context of an authenticated request. */
export function ctxOf(db: Db, request: FastifyRequest): Ctx {
  if (!request.actor) throw unauthenticated();
  return { db, actor: request.actor, requestId: request.id };
}
