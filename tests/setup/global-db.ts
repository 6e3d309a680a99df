import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { connect } from "../../src/server/db/client.ts";
import { type EmbeddedPostgres, startEmbeddedPostgres } from "../../src/server/db/embedded.ts";
import { runMigrations } from "../../src/server/db/migrate.ts";

declare module "vitest" {
  export interface ProvidedContext {
    /** Maintenance connection on the test server, allowed to create databases. */
    adminUrl: string;
    /** A migrated database that each test file copies. */
    templateDb: string;
  }
}

/**
 * Starts one PostgreSQL for the whole run — the embedded server, or the one in DATABASE_URL —
 * and migrates a template database that every test file clones (CREATE DATABASE … TEMPLATE).
 */
export default async function setup(project: TestProject) {
  let embedded: EmbeddedPostgres | undefined;
  let dir: string | undefined;
  let adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), "lotse-test-"));
    await fs.chmod(dir, 0o755);
    embedded = await startEmbeddedPostgres({ dataDir: dir, log: { info() {}, warn: console.warn } });
    adminUrl = embedded.adminUrl;
  }
  const templateDb = `lotse_tmpl_${process.pid}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${templateDb}`);
  await admin.query(`create database ${templateDb}`);
  const url = new URL(adminUrl);
  url.pathname = `/${templateDb}`;
  const { pool } = connect(url.toString(), 1);
  await runMigrations(pool);
  await pool.end();
  project.provide("adminUrl", adminUrl);
  project.provide("templateDb", templateDb);

  return async () => {
    const leftovers = await admin.query<{ datname: string }>(
      "select datname from pg_database where datname = $1 or starts_with(datname, $2)",
      [templateDb, `${templateDb}_`],
    );
    for (const { datname } of leftovers.rows)
      await admin.query(`drop database if exists ${datname} with (force)`);
    await admin.end();
    await embedded?.stop();
    if (dir) await fs.rm(dir, { recursive: true, force: true });
  };
}
