import { buildApp } from "./app.ts";
import { loadConfig } from "./config.ts";
import { connect } from "./db/client.ts";

/** The OpenAPI 3.1 document as the running server serves it; built without touching a database. */
export async function openApiDocument(): Promise<unknown> {
  // The pool connects lazily: building the app and reading its routes sends no query.
  const { db, pool } = connect("postgres://unused@127.0.0.1:1/unused", 1);
  const app = await buildApp({ db, config: loadConfig({ LOTSE_DEMO_DATA: "false" }) });
  await app.ready();
  const doc = app.swagger();
  await app.close();
  await pool.end();
  return doc;
}
