import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { LightMyRequestResponse } from "fastify";
import { afterAll } from "vitest";
import { buildApp } from "../../src/server/app.ts";
import { type Config, loadConfig } from "../../src/server/config.ts";
import type { Db } from "../../src/server/db/client.ts";
import type { App } from "../../src/server/deps.ts";
import { loggerOptions } from "../../src/server/platform/logging.ts";
import { createTestDatabase } from "./db.ts";
import { DEFAULT_PASSWORD } from "./factories.ts";

type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
type Options = { body?: unknown; headers?: Record<string, string>; query?: Record<string, string> };

/** A logged-in caller: sends the session cookie and CSRF token like the web client does. */
export type Agent = {
  csrfToken: string;
  cookie: string;
  session: Record<string, unknown> & { active: { organisationId: string; role: string } };
  request(method: Method, url: string, opts?: Options): Promise<LightMyRequestResponse>;
};

/** Boots the real app in-process on a fresh database of its own. */
export async function createTestApp(opts: { clientDir?: string } = {}): Promise<{
  app: App;
  db: Db;
  url: string;
  config: Config;
  loginAs(email: string, password?: string): Promise<Agent>;
}> {
  const { db, url } = await createTestDatabase();
  // Erasures append to a ledger file: each test file keeps its own, outside the project.
  const ledgerDir = fs.mkdtempSync(path.join(os.tmpdir(), "lotse-ledger-"));
  const config = loadConfig({
    LOTSE_DEMO_DATA: "false",
    PUBLIC_URL: "http://lotse.test",
    LOTSE_ERASURE_LEDGER: path.join(ledgerDir, "erasure-ledger.jsonl"),
  });
  // LOTSE_TEST_LOG=FILE writes the server log of every API test to FILE, as an operator would see it
  // (LOTSE_TEST_LOG_LEVEL, default trace), e.g. to search it for the names the tests plant.
  const logFile = process.env.LOTSE_TEST_LOG;
  const logger = logFile
    ? loggerOptions(
        process.env.LOTSE_TEST_LOG_LEVEL ?? "trace",
        fs.createWriteStream(logFile, { flags: "a" }),
      )
    : undefined;
  const app = await buildApp({ db, config, logger, ...opts });
  await app.ready();
  afterAll(async () => {
    await app.close();
    fs.rmSync(ledgerDir, { recursive: true, force: true });
  });

  async function loginAs(email: string, password = DEFAULT_PASSWORD): Promise<Agent> {
    const res = await app.inject({ method: "POST", url: "/api/auth/login", payload: { email, password } });
    if (res.statusCode !== 200) throw new Error(`login as ${email} failed: ${res.statusCode} ${res.body}`);
    const cookie = res.cookies.find((c) => c.name === "lotse_session");
    if (!cookie) throw new Error("no session cookie");
    const agent: Agent = {
      csrfToken: res.json().csrfToken,
      cookie: `lotse_session=${cookie.value}`,
      session: res.json(),
      request: (method, url, opts = {}) =>
        app.inject({
          method,
          url,
          query: opts.query,
          headers: {
            cookie: agent.cookie,
            ...(method === "GET" ? {} : { "x-csrf-token": agent.csrfToken }),
            ...opts.headers,
          },
          ...(opts.body === undefined ? {} : { payload: opts.body as object }),
        }),
    };
    return agent;
  }
  return { app, db, url, config, loginAs };
}
