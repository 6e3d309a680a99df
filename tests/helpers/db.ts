import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, inject } from "vitest";
import { connect, type Db } from "../../src/server/db/client.ts";

/** A fresh, migrated database for this test file, dropped when the file is done. */
export async function createTestDatabase(): Promise<{ db: Db; pool: pg.Pool; url: string }> {
  const adminUrl = inject("adminUrl");
  const name = `${inject("templateDb")}_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name} template ${inject("templateDb")}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const { pool, db } = connect(url.toString(), 5);
  afterAll(async () => {
    await pool.end();
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  });
  return { db, pool, url: url.toString() };
}
