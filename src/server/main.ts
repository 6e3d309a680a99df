import { buildApp } from "./app.ts";
import { loadConfig } from "./config.ts";
import { EmbeddedPostgresError } from "./db/embedded.ts";
import { openDatabase } from "./db/open.ts";
import { seedDemoHistory } from "./demo/history.ts";
import { seedDemoReferrals } from "./demo/referrals.ts";
import { DEMO_LOGINS, DEMO_PASSWORD, seedDemo } from "./demo/seed.ts";
import { seedDemoWork } from "./demo/work.ts";
import { pruneFinderChanges } from "./modules/finder/engine/store.ts";
import { privacyJobs } from "./modules/privacy/erase.ts";
import { reconcileErasureLedger } from "./modules/privacy/ledger.ts";
import { referralJobs } from "./modules/referrals/reminders.ts";
import { ensureSeedProgrammes } from "./modules/trainings/seed-programmes.ts";
import { backupJobs } from "./platform/backup/schedule.ts";
import { startScheduler } from "./platform/jobs.ts";
import { loggerOptions } from "./platform/logging.ts";
import { createMailer } from "./platform/mail.ts";
import { pruneRateLimits } from "./platform/rate-limit.ts";
import { pruneSessions } from "./platform/session.ts";

const config = loadConfig();
const log = {
  info: (msg: string) => console.log(`[lotse] ${msg}`),
  warn: (msg: string) => console.warn(`[lotse] ${msg}`),
};

async function main() {
  const database = await openDatabase(config, log).catch((err: unknown) => {
    console.error(
      `[lotse] The database could not be started.\n${err instanceof EmbeddedPostgresError ? err.message : String(err)}`,
    );
    process.exit(1);
  });
  // Before anything serves: erasures the database does not know (it was restored from an older
  // backup) are made again, and the ledger file learns what only the database knew.
  try {
    await reconcileErasureLedger(database.db, config.erasureLedger, log);
  } catch (err) {
    console.error(`[lotse] The erasure ledger could not be reconciled: ${(err as Error).message}`);
    await database.close();
    process.exit(1);
  }
  // The seed's two training programmes stand in every installation, demo or not.
  await ensureSeedProgrammes(database.db);
  const seeded = config.demoData ? await seedDemo(database.db) : false;
  const history = config.demoData ? await seedDemoHistory(database.db) : null;
  // After the history: that generator only writes into an empty referral log.
  if (seeded) await seedDemoReferrals(database.db);
  const mailer = createMailer(config.smtpUrl, config.mailFrom);
  const app = await buildApp({ db: database.db, config, mailer, logger: loggerOptions(config.logLevel) });
  // Today's work for every demo role, once the history is in (it only fills an empty referral log)
  // and the app has set up the notifications its use cases send.
  if (seeded) await seedDemoWork(database.db);
  const scheduler = startScheduler(
    database.db,
    [
      { name: "sessions.prune", everySeconds: 3600, run: () => pruneSessions(database.db) },
      { name: "rate_limits.prune", everySeconds: 3600, run: () => pruneRateLimits(database.db) },
      { name: "finder_changes.prune", everySeconds: 3600, run: () => pruneFinderChanges(database.db) },
      ...privacyJobs(database.db),
      ...backupJobs(database.pool, config),
      ...referralJobs(database.db),
      ...(mailer.delivers
        ? [{ name: "mail.deliver", everySeconds: 5, run: () => mailer.deliverPending(database.db) }]
        : []),
    ],
    app.log,
  );

  let shuttingDown = false;
  const shutdown = async (signal: string) => {
    if (shuttingDown) {
      log.warn(`${signal} again: stopping at once.`);
      process.exit(1);
    }
    shuttingDown = true;
    log.info(`${signal} received: finishing requests in flight, then stopping.`);
    try {
      await app.close();
      await scheduler.stop();
      await database.close();
      log.info("Stopped cleanly.");
      process.exit(0);
    } catch (err) {
      console.error(err);
      process.exit(1);
    }
  };
  process.on("SIGINT", () => void shutdown("SIGINT"));
  process.on("SIGTERM", () => void shutdown("SIGTERM"));

  try {
    await app.listen({ port: config.port, host: config.host });
  } catch (err) {
    console.error(`[lotse] Cannot listen on port ${config.port}: ${(err as Error).message}`);
    await scheduler.stop();
    await database.close();
    process.exit(1);
  }
  log.info(`Lotse is running at ${config.publicUrl}`);
  if (config.demoData) {
    if (seeded) log.info("Demo network created (fictional organisations in Sachsen-Anhalt).");
    if (history) {
      log.info(
        `Demo history generated: ${history.referrals} referrals of ${history.cases} synthetic cases since ${history.from}.`,
      );
    }
    log.info(`Demo logins (password for all: ${DEMO_PASSWORD}):`);
    for (const l of DEMO_LOGINS) log.info(`  ${l.role.padEnd(20)} ${l.email}`);
  }
}

await main();
