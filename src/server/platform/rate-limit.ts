import { lt, sql } from "drizzle-orm";
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { Db } from "#server/db/client.ts";
import { AppError } from "./errors.ts";
import { rateLimitCounters } from "./tables.ts";

/** Limits shared by every instance: the counters live in PostgreSQL, not in process memory. */
export const LIMITS = {
  "login.account": { max: 10, windowSeconds: 60 },
  "login.address": { max: 50, windowSeconds: 60 },
  "password_reset.address": { max: 10, windowSeconds: 600 },
  /** Public endpoints (finder, HSDS read API): set per start by `LOTSE_PUBLIC_RATE_LIMIT`. */
  "public.address": { max: 300, windowSeconds: 60 },
} as const;
export type Bucket = keyof typeof LIMITS;

/** One counted attempt; a successful login gives it back with `refund`. */
export type Hit = { bucket: Bucket; key: string; windowStart: Date };

/**
 * Counts one attempt and throws 429 when the bucket's key is over its limit — counted before the
 * work it guards, in one statement, so that parallel attempts cannot all pass a check that runs
 * before any of them is recorded. The limit applies to a sliding window, estimated from the
 * current fixed window and the previous one weighted by how much of it still overlaps.
 */
export async function consume(db: Db, bucket: Bucket, key: string, max: number = LIMITS[bucket].max) {
  const { windowSeconds } = LIMITS[bucket];
  const { rows } = await db.execute<{
    hits: number;
    previous: number;
    elapsed: number;
    window_start: Date;
  }>(sql`
    with current as (
      insert into ${rateLimitCounters} as c (bucket, key, window_start, hits)
      values (${bucket}, ${key}, to_timestamp(floor(extract(epoch from now()) / ${windowSeconds}) * ${windowSeconds}), 1)
      on conflict (bucket, key, window_start) do update set hits = c.hits + 1
      returning c.hits, c.window_start
    )
    select current.hits, current.window_start,
      extract(epoch from now() - current.window_start)::float8 as elapsed,
      coalesce((select p.hits from ${rateLimitCounters} p
        where p.bucket = ${bucket} and p.key = ${key}
          and p.window_start = current.window_start - make_interval(secs => ${windowSeconds})), 0) as previous
    from current`);
  const row = rows[0];
  if (!row) throw new Error("rate limit counter returned nothing");
  const overlap = Math.max(0, 1 - row.elapsed / windowSeconds);
  const estimate = row.hits + row.previous * overlap;
  if (estimate > max) {
    throw new AppError(429, "rate_limited", {
      headers: { "retry-after": String(retryAfter(row, max, windowSeconds)) },
    });
  }
  return { bucket, key, windowStart: new Date(row.window_start) } satisfies Hit;
}

/** Seconds until the estimate falls back to the limit: the previous window's weight shrinks with time. */
function retryAfter(row: { hits: number; previous: number; elapsed: number }, max: number, window: number) {
  const untilWindowEnds = window - row.elapsed;
  if (row.hits > max || row.previous === 0) return Math.max(1, Math.ceil(untilWindowEnds));
  const wait = window * (1 - (max - row.hits) / row.previous) - row.elapsed;
  return Math.min(Math.max(1, Math.ceil(wait)), Math.max(1, Math.ceil(untilWindowEnds)));
}

/** Gives a counted attempt back, e.g. after a login succeeded: only failures should use up the limit. */
export async function refund(db: Db, hit: Hit): Promise<void> {
  await db.execute(sql`
    update ${rateLimitCounters} set hits = greatest(hits - 1, 0)
    where bucket = ${hit.bucket} and key = ${hit.key} and window_start = ${hit.windowStart.toISOString()}`);
}

/** Deletes counters older than any window; run by the scheduler. */
export async function pruneRateLimits(db: Db): Promise<void> {
  await db.delete(rateLimitCounters).where(lt(rateLimitCounters.windowStart, sql`now() - interval '1 day'`));
}

/**
 * The address a limit counts against. IPv6 clients get a /64 each, so an address cannot be
 * changed for free inside one network.
 */
export function addressKey(ip: string): string {
  const v4 = ip.replace(/^::ffff:/, "");
  if (!v4.includes(":")) return v4;
  const [head] = v4.split("::");
  const groups = (head ?? "").split(":").filter(Boolean);
  const full = v4.includes("::") ? groups : v4.split(":");
  return `${[...full, "0", "0", "0", "0"].slice(0, 4).join(":")}::/64`;
}

/**
 * Every public API route counts against a per-address limit: generous for a person using the
 * finder, tight for a scraper. `perMinute` 0 turns it off (benchmarks). The health check is exempt,
 * since load balancers poll it.
 */
export function registerPublicRateLimit(app: FastifyInstance, db: Db, perMinute: number) {
  if (perMinute <= 0) return;
  app.addHook("preValidation", async (request: FastifyRequest) => {
    if (request.is404 || request.routeOptions.config?.access !== "public") return;
    if (request.routeOptions.url === "/api/health") return;
    await consume(db, "public.address", addressKey(request.ip), perMinute);
  });
}
