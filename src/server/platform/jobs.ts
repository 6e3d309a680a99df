import { and, eq, isNull, lte, or, sql } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import { scheduledJobs } from "../db/schema.ts";

export type Job = { name: string; everySeconds: number; run(): Promise<unknown> };
type Log = { error(obj: unknown, msg: string): void };

/**
 * Runs periodic jobs so that, across all instances on one database, each due run happens once:
 * an instance claims a job's row with a lease before running it.
 */
export function startScheduler(db: Db, jobs: Job[], log: Log, tickMs = 5_000): { stop(): Promise<void> } {
  let running: Promise<void> = Promise.resolve();
  let stopped = false;

  async function claim(job: Job): Promise<boolean> {
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
      .returning({ name: scheduledJobs.name });
    return rows.length === 1;
  }

  async function tick() {
    for (const job of jobs) {
      if (stopped) return;
      try {
        if (!(await claim(job))) continue;
        let error: string | null = null;
        try {
          await job.run();
        } catch (err) {
          error = String((err as Error).message).slice(0, 500);
          log.error({ err, job: job.name }, "scheduled job failed");
        }
        await db
          .update(scheduledJobs)
          .set({
            lockedUntil: null,
            lastRunAt: sql`now()`,
            lastError: error,
            nextRunAt: sql`now() + make_interval(secs => ${job.everySeconds})`,
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
