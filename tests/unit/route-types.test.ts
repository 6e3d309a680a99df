import { describe, expectTypeOf, it } from "vitest";
import type { RouteHandler } from "../../src/server/platform/route.ts";
import type { AuditEntry } from "../../src/shared/contracts/audit.ts";
import { pathOf, type ResponseOf, type RouteInput } from "../../src/shared/contracts/route.ts";
import { auditRoutes } from "../../src/shared/contracts/routes/audit.ts";

describe("route types", () => {
  it("x", () => {
    expectTypeOf<ResponseOf<typeof auditRoutes.get>>().toEqualTypeOf<AuditEntry>();
    type H = Parameters<RouteHandler<typeof auditRoutes.get>>[0]["params"];
    expectTypeOf<H>().toEqualTypeOf<{ id: string }>();
    type I = RouteInput<typeof auditRoutes.list>;
    const x: I = {};
    pathOf(auditRoutes.list);
    // @ts-expect-error params missing
    pathOf(auditRoutes.get);
    pathOf(auditRoutes.get, { params: { id: "x" } });
    void x;
  });
});
