import { afterAll, describe, expect, it } from "vitest";
import { buildApp } from "../../src/server/app.ts";
import { loadConfig } from "../../src/server/config.ts";
import { createTestDatabase } from "../helpers/db.ts";
import { buildOrganisationWithAdmin, DEFAULT_PASSWORD } from "../helpers/factories.ts";

// Two instances of Lotse on one database, as behind a load balancer.
const { db } = await createTestDatabase();
const config = loadConfig({ LOTSE_DEMO_DATA: "false" });
const a = await buildApp({ db, config });
const b = await buildApp({ db, config });
afterAll(async () => {
  await a.close();
  await b.close();
});

describe("several instances on one database", () => {
  it("accept a session opened on another instance, and end it everywhere at logout", async () => {
    const { admin } = await buildOrganisationWithAdmin(db);
    const login = await a.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { email: admin.email, password: DEFAULT_PASSWORD },
    });
    const cookie = `lotse_session=${login.cookies[0]?.value}`;
    const onB = await b.inject({ method: "GET", url: "/api/session", headers: { cookie } });
    expect(onB.statusCode).toBe(200);
    const logout = await b.inject({
      method: "POST",
      url: "/api/auth/logout",
      headers: { cookie, "x-csrf-token": login.json().csrfToken },
    });
    expect(logout.statusCode).toBe(204);
    expect((await a.inject({ method: "GET", url: "/api/session", headers: { cookie } })).statusCode).toBe(
      401,
    );
  });

  it("count failed logins together, so alternating instances does not lift the limit", async () => {
    const { admin } = await buildOrganisationWithAdmin(db);
    const codes: number[] = [];
    for (let i = 0; i < 11; i++) {
      const app = i % 2 === 0 ? a : b;
      codes.push(
        (
          await app.inject({
            method: "POST",
            url: "/api/auth/login",
            payload: { email: admin.email, password: "wrong-password" },
          })
        ).statusCode,
      );
    }
    expect(codes.filter((c) => c === 401)).toHaveLength(10);
    expect(codes[10]).toBe(429);
  });
});
