import { and, eq, isNull, lte, or, sql } from "drizzle-orm";
import type { Db, Tx } from "#server/db/client.ts";
import { scheduledJobs } from "./tables.ts";

export type Job = { name: string; everySeconds: number; run(): Promise<unknown> };
type Log = { error(obj: unknown, msg: string): void };

/**
 * Runs periodic jobs so that, across all instances on one database, each due run happens once:
 * an instance claims a job's row with a lease before running it.
 */
export function startScheduler(db: Db, jobs: Job[], log: Log, tickMs = 5_000): { stop(): Promise<void> } {
  let running: Promise<void> = Promise.resolve();
  let stopped = false;

  /**
   * Claims a due job; answers the due time it was claimed for (as PostgreSQL's text, which keeps
   * the microseconds a Date would drop), or null when the job is not due or taken.
   */
  async function claim(job: Job): Promise<string | null> {
    await db.insert(scheduledJobs).values({ name: job.name }).onConflictDoNothing();
    const lease = Math.max(60, job.everySeconds);
    const rows = await db
      .update(scheduledJobs)
      .set({ lockedUntil: sql`now() + make_interval(secs => ${lease})` })
      .where(
        and(
          eq(scheduledJobs.name, job.name),
          lte(scheduledJobs.nextRunAt, sql`now()`),
          or(isNull(scheduledJobs.lockedUntil), lte(scheduledJobs.lockedUntil, sql`now()`)),
        ),
      )
      .returning({ nextRunAt: sql<string>`${scheduledJobs.nextRunAt}::text` });
    return rows[0]?.nextRunAt ?? null;
  }

  async function tick() {
    for (const job of jobs) {
      if (stopped) return;
      try {
        const claimedFor = await claim(job);
        if (!claimedFor) continue;
        let error: string | null = null;
        try {
          await job.run();
        } catch (err) {
          error = String((err as Error).message).slice(0, 500);
          log.error({ err, job: job.name }, "scheduled job failed");
        }
        const regular = sql`now() + make_interval(secs => ${job.everySeconds})`;
        await db
          .update(scheduledJobs)
          .set({
            lockedUntil: null,
            lastRunAt: sql`now()`,
            lastError: error,
            // A runJobSoon() during the run moved next_run_at past the claimed time: keep that request.
            nextRunAt: sql`case when ${scheduledJobs.nextRunAt} > ${claimedFor}::timestamptz
              then least(${scheduledJobs.nextRunAt}, ${regular}) else ${regular} end`,
          })
          .where(eq(scheduledJobs.name, job.name));
      } catch (err) {
        log.error({ err, job: job.name }, "scheduler could not claim a job");
      }
    }
  }

  const timer = setInterval(() => {
    running = running.then(tick);
  }, tickMs);
  timer.unref();
  running = running.then(tick);
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}

/**
 * Makes a registered job due now, e.g. after a change that it should follow up soon; the next tick
 * of any instance runs it. Usable inside the caller's transaction, so the request commits with the
 * change. A request made while the job runs is kept and runs it once more.
 */
export async function runJobSoon(db: Tx, name: string): Promise<void> {
  await db
    .insert(scheduledJobs)
    .values({ name, nextRunAt: sql`clock_timestamp()` })
    .onConflictDoUpdate({ target: scheduledJobs.name, set: { nextRunAt: sql`clock_timestamp()` } });
}
