import { and, eq, gt, lt, sql } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import { rateLimitHits } from "../db/schema.ts";
import { AppError } from "./errors.ts";

/** Limits shared by every instance: the counters live in PostgreSQL, not in process memory. */
export const LIMITS = {
  "login.account": { max: 10, windowSeconds: 60 },
  "login.address": { max: 50, windowSeconds: 60 },
  "password_reset.address": { max: 10, windowSeconds: 600 },
} as const;
export type Bucket = keyof typeof LIMITS;

/** Throws 429 when the bucket's key has reached its limit in the current window. */
export async function assertBelowLimit(db: Db, bucket: Bucket, key: string): Promise<void> {
  const { max, windowSeconds } = LIMITS[bucket];
  const [row] = await db
    .select({ n: sql<number>`count(*)::int`, oldest: sql<Date | null>`min(${rateLimitHits.at})` })
    .from(rateLimitHits)
    .where(
      and(
        eq(rateLimitHits.bucket, bucket),
        eq(rateLimitHits.key, key),
        gt(rateLimitHits.at, sql`now() - make_interval(secs => ${windowSeconds})`),
      ),
    );
  if ((row?.n ?? 0) >= max) {
    const oldest = row?.oldest ? new Date(row.oldest).getTime() : Date.now();
    const retryAfter = Math.max(1, Math.ceil((oldest + windowSeconds * 1000 - Date.now()) / 1000));
    throw new AppError(429, "rate_limited", { headers: { "retry-after": String(retryAfter) } });
  }
}

/** Counts one attempt against a bucket. */
export async function recordHit(db: Db, bucket: Bucket, key: string): Promise<void> {
  await db.insert(rateLimitHits).values({ bucket, key });
}

/** Deletes counters older than any window; run by the scheduler. */
export async function pruneRateLimits(db: Db): Promise<void> {
  await db.delete(rateLimitHits).where(lt(rateLimitHits.at, sql`now() - interval '1 day'`));
}
