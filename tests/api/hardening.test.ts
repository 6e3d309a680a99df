import net from "node:net";
import { PassThrough } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../src/server/app.ts";
import { loadConfig } from "../../src/server/config.ts";
import { declaredRoutes } from "../../src/server/platform/access.ts";
import { loggerOptions } from "../../src/server/platform/logging.ts";
import type { Agent } from "../helpers/app.ts";
import { buildCase, buildClient } from "../helpers/case-factories.ts";
import { createTestDatabase } from "../helpers/db.ts";
import { buildCoordinator, buildOrganisation, buildUser, DEFAULT_PASSWORD } from "../helpers/factories.ts";

// Every API route, called by people of several roles with odd input that carries planted names: no
// answer is a 5xx, every error is problem+json, a NUL byte is refused naming its field, and the
// server log (at trace level, as an operator might run it) holds none of the planted values.
const PLANTED = {
  name: "Zyxwani Kanarienvogel",
  email: "zyxwani.kanarienvogel@canary.example",
  phone: "+49 151 99887766",
};
const plantedValues = Object.values(PLANTED);

const log: string[] = [];
const stream = new PassThrough();
stream.on("data", (chunk: Buffer) => log.push(chunk.toString("utf8")));

const { db } = await createTestDatabase();
const app = await buildApp({
  db,
  config: loadConfig({
    LOTSE_DEMO_DATA: "false",
    PUBLIC_URL: "http://lotse.test",
    LOTSE_PUBLIC_RATE_LIMIT: "0",
  }),
  logger: loggerOptions("trace", stream),
});
await app.ready();
afterAll(() => app.close());

async function loginAs(email: string): Promise<Agent> {
  const res = await app.inject({
    method: "POST",
    url: "/api/auth/login",
    payload: { email, password: DEFAULT_PASSWORD },
  });
  if (res.statusCode !== 200) throw new Error(`login failed: ${res.statusCode}`);
  const cookie = `lotse_session=${res.cookies.find((c) => c.name === "lotse_session")?.value}`;
  const agent: Agent = {
    csrfToken: res.json().csrfToken,
    cookie,
    session: res.json(),
    request: (method, url, opts = {}) =>
      app.inject({
        method,
        url,
        headers: {
          cookie,
          ...(method === "GET" ? {} : { "x-csrf-token": agent.csrfToken }),
          ...opts.headers,
        },
        ...(opts.body === undefined ? {} : { payload: opts.body as object }),
      }),
  };
  return agent;
}

/** A body in which every field a route might read carries the same odd value. */
function oddBody(value: string) {
  const fields = [
    "name",
    "q",
    "email",
    "phone",
    "note",
    "text",
    "body",
    "title",
    "description",
    "reason",
    "consentOverrideReason",
    "password",
    "token",
    "search",
    "comment",
    "message",
    "topic",
    "city",
  ];
  return Object.fromEntries(fields.map((f) => [f, value]));
}

const routes = () => {
  const seen = new Set<string>();
  return declaredRoutes.filter((r) => {
    const key = `${r.method} ${r.url}`;
    // Logging out would end the session the sweep goes on with.
    if (seen.has(key) || !r.url.startsWith("/api/") || r.url === "/api/auth/logout") return false;
    seen.add(key);
    return true;
  });
};

const withParams = (url: string, value: string) => url.replace(/:[A-Za-z]+/g, encodeURIComponent(value));

function expectProblem(
  res: { statusCode: number; headers: Record<string, unknown>; body: string },
  what: string,
) {
  expect(res.statusCode, `${what}: ${res.body.slice(0, 300)}`).toBeLessThan(500);
  if (res.statusCode >= 400) {
    expect(String(res.headers["content-type"]), what).toContain("application/problem+json");
    const problem = JSON.parse(res.body);
    expect(problem.title, what).toEqual(expect.any(String));
    expect(problem.code, what).toEqual(expect.any(String));
  }
}

let agents: Agent[] = [];
/** Ids of real records by path parameter name, so that the sweep also reaches past "not found". */
let realIds: Record<string, string> = {};
const withRealParams = (url: string) =>
  url.replace(/:([A-Za-z]+)/g, (_, name: string) => realIds[name] ?? realIds.id ?? "x");

beforeAll(async () => {
  const { coordinator } = await buildCoordinator(db);
  const org = await buildOrganisation(db);
  const counsellor = await buildUser(db, { organisationId: org.id, role: "counsellor" });
  const volunteer = await buildUser(db, { organisationId: org.id, role: "volunteer" });
  const admin = await buildUser(db, { organisationId: org.id, role: "org_admin" });
  const client = await buildClient(db, {
    organisationId: org.id,
    name: PLANTED.name,
    email: PLANTED.email,
    phone: PLANTED.phone,
  });
  const kase = await buildCase(db, {
    organisationId: org.id,
    clientId: client.id,
    assigneeUserId: volunteer.id,
  });
  realIds = { caseId: kase.id, clientId: client.id, orgId: org.id, id: org.id };
  agents = await Promise.all([coordinator, counsellor, volunteer, admin].map((u) => loginAs(u.email)));
});

describe("every route with odd input", () => {
  it("answers no 5xx and only problem+json errors, for every role and without a session", async () => {
    const anonymous = async (method: string, url: string, body?: unknown) =>
      app.inject({
        method: method as "GET",
        url,
        ...(body === undefined ? {} : { payload: body as object }),
      });
    const odd = [PLANTED.name, PLANTED.email, "x".repeat(5000), "‏مرحبا‎ 'quote\" \\ ; drop table", "-1", "0"];
    for (const route of routes()) {
      for (const value of odd) {
        const real = `${withRealParams(route.url)}?q=${encodeURIComponent(value)}&name=${encodeURIComponent(value)}`;
        const realBody = route.method === "GET" || route.method === "DELETE" ? undefined : oddBody(value);
        for (const agent of agents) {
          expectProblem(
            await agent.request(route.method as "GET", real, { body: realBody }),
            `${route.method} ${real.slice(0, 80)}`,
          );
        }
        const url = `${withParams(route.url, value)}?q=${encodeURIComponent(value)}&search=${encodeURIComponent(value)}&name=${encodeURIComponent(value)}&limit=${encodeURIComponent(value)}`;
        const body = route.method === "GET" || route.method === "DELETE" ? undefined : oddBody(value);
        const callers = [
          ...agents.map((a) => (m: string, u: string, b?: unknown) => a.request(m as "GET", u, { body: b })),
          anonymous,
        ];
        for (const call of callers) {
          expectProblem(
            await call(route.method, url, body),
            `${route.method} ${route.url} (${value.slice(0, 20)})`,
          );
        }
      }
    }
    // Planted in paths that match no route and in the names of query parameters.
    for (const path of ["/api", "", "/assets", "/finder"]) {
      const res = await app.inject({
        method: "GET",
        url: `${path}/${encodeURIComponent(PLANTED.name)}?${encodeURIComponent(PLANTED.email)}=1`,
      });
      expect(res.statusCode).toBeLessThan(500);
    }
  }, 240_000);

  it("refuses a NUL byte in query, path or body with a translated 400 naming the field", async () => {
    const [coordinator, counsellor] = agents as [Agent, Agent];
    for (const route of routes()) {
      for (const agent of [coordinator, counsellor]) {
        const inQuery = await agent.request(route.method as "GET", `${withParams(route.url, "x")}?q=a%00b`);
        expectProblem(inQuery, `${route.method} ${route.url} query`);
        if (inQuery.statusCode === 400 && inQuery.json().code === "nul_character") {
          expect(inQuery.json().errors).toEqual([
            expect.objectContaining({ field: "query.q", code: "nul_character" }),
          ]);
        }
        const inPath = await agent.request(route.method as "GET", withParams(route.url, "a\u0000b"));
        expectProblem(inPath, `${route.method} ${route.url} path`);
        if (route.method !== "GET" && route.method !== "DELETE") {
          const inBody = await agent.request(route.method as "POST", withParams(route.url, "x"), {
            body: { name: "ok", note: "a\u0000b" },
          });
          expectProblem(inBody, `${route.method} ${route.url} body`);
        }
      }
    }
    const finder = await app.inject({
      method: "GET",
      url: "/api/finder/offers?q=%00",
      headers: { "accept-language": "en" },
    });
    expect(finder.statusCode).toBe(400);
    expect(finder.json()).toMatchObject({
      code: "nul_character",
      errors: [{ field: "query.q", code: "nul_character", message: expect.stringContaining("NUL") }],
    });
    const hsds = await app.inject({ method: "GET", url: "/api/hsds/services?search=%00" });
    expect(hsds.statusCode).toBe(400);
    expect(hsds.json().errors[0].field).toBe("query.search");
    expect(hsds.json().errors[0].message).toContain("Steuerzeichen");
    const note = await counsellor.request("POST", "/api/clients/duplicate-check", {
      body: { name: "Ana\u0000" },
    });
    expect(note.statusCode).toBe(400);
    expect(note.json().errors[0]).toMatchObject({ field: "body.name", code: "nul_character" });
    // Half a surrogate pair is no text either: jsonb refuses it, UTF-8 would replace it silently.
    const half = await counsellor.request("POST", "/api/clients/duplicate-check", {
      body: { name: "Ana \ud800" },
    });
    expect(half.statusCode).toBe(400);
    expect(half.json().errors[0]).toMatchObject({ field: "body.name", code: "malformed_text" });
    expect(half.json().errors[0].message).toContain("Unicode");
    const emoji = await counsellor.request("POST", "/api/clients/duplicate-check", {
      body: { name: "Ana 🌻 \ud83c\udf3b" },
    });
    expect(emoji.statusCode).toBe(200);
  }, 240_000);

  it("answers an over-long path parameter with a translated 414 problem", async () => {
    const res = await app.inject({
      method: "GET",
      url: `/api/finder/offers/${"a".repeat(150)}`,
      headers: { "accept-language": "ar" },
    });
    expect(res.statusCode).toBe(414);
    expect(res.headers["content-type"]).toContain("application/problem+json");
    expect(res.json()).toMatchObject({ status: 414, code: "uri_too_long", title: "العنوان طويل جدًا." });
  });

  it("answers requests Node refuses before routing (431, 400) with translated problem+json", async () => {
    await app.listen({ port: 0, host: "127.0.0.1" });
    const { port } = app.server.address() as net.AddressInfo;
    const raw = (text: string) =>
      new Promise<string>((resolve, reject) => {
        const socket = net.connect(port, "127.0.0.1", () => socket.write(text));
        let answer = "";
        socket.on("data", (d) => {
          answer += d.toString("utf8");
        });
        socket.on("close", () => resolve(answer));
        socket.on("error", reject);
      });
    const parse = (answer: string) => {
      const [head = "", body = ""] = answer.split("\r\n\r\n");
      return { status: Number(head.split(" ")[1]), head, problem: JSON.parse(body) };
    };
    const long = parse(
      await raw(
        `GET /api/finder/offers?q=${"a".repeat(20_000)} HTTP/1.1\r\nHost: x\r\nAccept-Language: en\r\n\r\n`,
      ),
    );
    expect(long.status).toBe(431);
    expect(long.head).toContain("application/problem+json");
    expect(long.problem).toMatchObject({
      status: 431,
      code: "header_too_large",
      title: expect.stringContaining("too large"),
    });
    const garbage = parse(await raw("HELLO THERE\r\n\r\n"));
    expect(garbage.status).toBe(400);
    expect(garbage.problem).toMatchObject({
      status: 400,
      code: "bad_request",
      title: expect.stringContaining("Anfrage"),
    });
    const fetched = await fetch(`http://127.0.0.1:${port}/api/finder/offers?q=${"b".repeat(20_000)}`);
    expect(fetched.status).toBe(431);
    expect(fetched.headers.get("content-type")).toContain("application/problem+json");
  });

  it("keeps every planted name, e-mail and phone number out of the server log", () => {
    const text = log.join("");
    expect(text.length).toBeGreaterThan(10_000);
    for (const value of [...plantedValues, "Kanarienvogel", "canary.example", "99887766"]) {
      expect(text.includes(value), `log contains ${value}`).toBe(false);
    }
  });
});
