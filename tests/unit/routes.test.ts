import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { openApiDocument } from "../../src/server/openapi.ts";
import { declaredRoutes } from "../../src/server/platform/access.ts";
import { describedRoutes } from "../../src/server/platform/route.ts";
import { pathOf, type RouteDescriptor, routeStub } from "../../src/shared/contracts/route.ts";
import { caseRoutes } from "../../src/shared/contracts/routes/cases.ts";
import { offerRoutes } from "../../src/shared/contracts/routes/offers.ts";

const ROUTES_DIR = "src/shared/contracts/routes";

function isDescriptor(value: unknown): value is RouteDescriptor {
  return (
    typeof value === "object" && value !== null && "method" in value && "path" in value && "response" in value
  );
}

/** Every descriptor the route files export, one level into the per-module objects. */
async function allDescriptors(): Promise<RouteDescriptor[]> {
  const found: RouteDescriptor[] = [];
  for (const file of fs.readdirSync(ROUTES_DIR).sort()) {
    const exports: Record<string, unknown> = await import(path.resolve(ROUTES_DIR, file));
    for (const value of Object.values(exports)) {
      if (isDescriptor(value)) found.push(value);
      else if (typeof value === "object" && value !== null)
        found.push(...Object.values(value).filter(isDescriptor));
    }
  }
  return found;
}

const key = (r: { method: string; path?: string; url?: string }) => `${r.method} ${r.path ?? r.url}`;

describe("route descriptors", () => {
  it("register every API route of the server", async () => {
    await openApiDocument();
    const registered = [...new Set(declaredRoutes.filter((r) => r.url.startsWith("/api/")).map(key))];
    expect(registered.length).toBeGreaterThan(100);
    expect(registered.filter((r) => !describedRoutes.has(r))).toEqual([]);
  });

  it("are all registered, each method and path once", async () => {
    const descriptors = await allDescriptors();
    const keys = descriptors.map(key);
    expect(keys.filter((k, i) => keys.indexOf(k) !== i)).toEqual([]);
    await openApiDocument();
    expect(keys.filter((k) => !describedRoutes.has(k))).toEqual([]);
  });

  it("name in params exactly the path parameters of their path", async () => {
    const wrong = (await allDescriptors()).filter((d) => {
      const inPath = [...d.path.matchAll(/:([A-Za-z0-9_]+)/g)].map((m) => m[1]).sort();
      const shape = (d.params as { shape?: Record<string, unknown> } | undefined)?.shape ?? {};
      return JSON.stringify(inPath) !== JSON.stringify(Object.keys(shape).sort());
    });
    expect(wrong.map(key)).toEqual([]);
  });
});

describe("pathOf", () => {
  it("encodes path parameters", () => {
    expect(pathOf(caseRoutes.get, { params: { caseId: "a/b c?d" } })).toBe("/api/cases/a%2Fb%20c%3Fd");
    expect(pathOf(caseRoutes.updateNextStep, { params: { caseId: "c1", itemId: "s1" } })).toBe(
      "/api/cases/c1/next-steps/s1",
    );
  });

  it("appends the set query values only, encoded, and repeats arrays", () => {
    expect(pathOf(caseRoutes.list)).toBe("/api/cases");
    expect(pathOf(caseRoutes.list, { query: {} })).toBe("/api/cases");
    expect(
      pathOf(offerRoutes.list, {
        params: { orgId: "o1" },
        query: { q: "Deutsch & Mathe", status: undefined, limit: 20, offset: 0 },
      }),
    ).toBe("/api/organisations/o1/offers?q=Deutsch+%26+Mathe&limit=20&offset=0");
    expect(
      pathOf({ method: "GET", path: "/api/x" } as const, { query: { q: "", a: null, b: ["1", 2] } } as never),
    ).toBe("/api/x?b=1&b=2");
  });

  it("refuses a missing path parameter", () => {
    expect(() => pathOf(caseRoutes.get, { params: { caseId: "" } })).toThrow(/caseId/);
  });
});

describe("routeStub", () => {
  it("carries method and path only, so the finder and the entry chunk need no zod", () => {
    const stub = routeStub<typeof caseRoutes.get>("GET", "/api/cases/:caseId");
    expect(stub).toEqual({ method: "GET", path: "/api/cases/:caseId" });
    expect(pathOf(stub, { params: { caseId: "x" } })).toBe("/api/cases/x");
  });
});
