import type { FastifyReply, FastifyRequest } from "fastify";
import { AppError } from "./errors.ts";

/**
 * Optimistic concurrency for records that several people edit (cases, clients, procedures): a read
 * answers the record's version as a strong ETag, an update must send it back in If-Match. An update
 * based on a stale version is refused with 412 instead of silently overwriting the other edit.
 */

/** The version an update is based on, from If-Match; without one the update is refused (428). */
export function expectedVersion(request: FastifyRequest): number {
  const header = request.headers["if-match"];
  const match = typeof header === "string" ? /^(W\/)?"(\d+)"$/.exec(header.trim()) : null;
  if (!match) throw new AppError(428, "precondition_required");
  const version = Number(match[2]);
  // RFC 9110 compares If-Match strongly: a weak tag never matches. Neither does a number beyond the
  // integer column, which must not reach SQL (it would fail there as a 500).
  if (match[1] || !Number.isSafeInteger(version) || version > 2_147_483_647) throw staleVersion();
  return version;
}

/** Sets the ETag of a versioned record on the response. */
export function sendVersioned<T extends { version: number }>(reply: FastifyReply, record: T): T {
  reply.header("etag", `"${record.version}"`);
  return record;
}

/** The error for an update whose If-Match names a version that is no longer current. */
export const staleVersion = () => new AppError(412, "precondition_failed");
