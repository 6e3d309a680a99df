import type pg from "pg";
import type { Config } from "#server/config.ts";
import { connect, type Db } from "./client.ts";
import { type EmbeddedPostgres, startEmbeddedPostgres } from "./embedded.ts";
import { runMigrations } from "./migrate.ts";

type Logger = { info(msg: string): void; warn(msg: string): void };

export type Database = {
  db: Db;
  pool: pg.Pool;
  embedded: EmbeddedPostgres | undefined;
  close(): Promise<void>;
};

/** Connects to DATABASE_URL, or starts the embedded server, and brings the schema up to date. */
export async function openDatabase(config: Config, log: Logger): Promise<Database> {
  const embedded = config.databaseUrl
    ? undefined
    : await startEmbeddedPostgres({ dataDir: config.dataDir, port: config.dbPort, log });
  const url = config.databaseUrl ?? embedded?.url ?? "";
  const { pool, db } = connect(url);
  try {
    await runMigrations(pool);
  } catch (err) {
    await pool.end();
    await embedded?.stop();
    throw err;
  }
  return {
    db,
    pool,
    embedded,
    async close() {
      await pool.end();
      await embedded?.stop();
    },
  };
}
