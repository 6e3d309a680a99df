import { afterAll, describe, expect, it } from "vitest";
import { buildApp } from "../../src/server/app.ts";
import { loadConfig } from "../../src/server/config.ts";
import { addressKey } from "../../src/server/platform/rate-limit.ts";
import { createTestDatabase } from "../helpers/db.ts";
import { buildOrganisationWithAdmin, DEFAULT_PASSWORD } from "../helpers/factories.ts";

// Two instances on one database, as behind a load balancer, with a tight public limit.
const { db } = await createTestDatabase();
const config = loadConfig({ LOTSE_DEMO_DATA: "false", LOTSE_PUBLIC_RATE_LIMIT: "20" });
const a = await buildApp({ db, config });
const b = await buildApp({ db, config });
afterAll(async () => {
  await a.close();
  await b.close();
});

const guess = (app: typeof a, email: string, password: string, remoteAddress = "203.0.113.7") =>
  app.inject({ method: "POST", url: "/api/auth/login", payload: { email, password }, remoteAddress });

describe("login limits", () => {
  it("answers 429 to parallel wrong passwords beyond the limit, on one instance and across two", async () => {
    for (const apps of [[a], [a, b]]) {
      const { admin } = await buildOrganisationWithAdmin(db);
      const answers = await Promise.all(
        Array.from({ length: 30 }, (_, i) => guess(apps[i % apps.length] ?? a, admin.email, `wrong-${i}`)),
      );
      const codes = answers.map((r) => r.statusCode);
      expect(codes.filter((c) => c === 401).length).toBeLessThanOrEqual(10);
      expect(codes.filter((c) => c === 429).length).toBeGreaterThanOrEqual(20);
      const limited = answers.find((r) => r.statusCode === 429);
      expect(Number(limited?.headers["retry-after"])).toBeGreaterThanOrEqual(1);
      expect(limited?.headers["content-type"]).toContain("application/problem+json");
      // The right password does not get past the limit either.
      expect((await guess(a, admin.email, DEFAULT_PASSWORD)).statusCode).toBe(429);
    }
  });

  it("limits parallel guesses from one address across accounts", async () => {
    const accounts = await Promise.all(Array.from({ length: 8 }, () => buildOrganisationWithAdmin(db)));
    const answers = await Promise.all(
      Array.from({ length: 70 }, (_, i) =>
        guess(i % 2 ? a : b, accounts[i % 8]?.admin.email ?? "", `wrong-${i}`, "198.51.100.9"),
      ),
    );
    const codes = answers.map((r) => r.statusCode);
    expect(codes.filter((c) => c === 401).length).toBeLessThanOrEqual(50);
    expect(codes.filter((c) => c === 429).length).toBeGreaterThanOrEqual(20);
  });

  it("does not count successful logins against the limit", async () => {
    const { admin } = await buildOrganisationWithAdmin(db);
    for (let i = 0; i < 15; i++) {
      expect((await guess(i % 2 ? a : b, admin.email, DEFAULT_PASSWORD, "192.0.2.44")).statusCode).toBe(200);
    }
  });
});

describe("public endpoints", () => {
  it("limit each address, answer 429 with Retry-After in the caller's language, and leave others alone", async () => {
    const codes: number[] = [];
    for (let i = 0; i < 24; i++) {
      const app = i % 2 ? a : b;
      const res = await app.inject({
        method: "GET",
        url: i % 3 ? "/api/finder/offers" : "/api/hsds/services",
        remoteAddress: "203.0.113.50",
        headers: { "accept-language": "en" },
      });
      codes.push(res.statusCode);
      if (res.statusCode === 429) {
        expect(Number(res.headers["retry-after"])).toBeGreaterThanOrEqual(1);
        expect(res.json()).toMatchObject({
          code: "rate_limited",
          title: expect.stringContaining("Too many"),
        });
      }
    }
    expect(codes.filter((c) => c === 200)).toHaveLength(20);
    expect(codes.slice(20)).toEqual([429, 429, 429, 429]);
    const other = await a.inject({ method: "GET", url: "/api/finder/offers", remoteAddress: "203.0.113.51" });
    expect(other.statusCode).toBe(200);
    const health = await a.inject({ method: "GET", url: "/api/health", remoteAddress: "203.0.113.50" });
    expect(health.statusCode).toBe(200);
  });

  it("counts an IPv6 client by its /64 network", () => {
    expect(addressKey("2001:db8:1:2:aaaa::1")).toBe(addressKey("2001:db8:1:2:bbbb::2"));
    expect(addressKey("2001:db8:1:3::1")).not.toBe(addressKey("2001:db8:1:2::1"));
    expect(addressKey("::ffff:192.0.2.1")).toBe("192.0.2.1");
  });
});
