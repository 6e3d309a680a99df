// Type-level tests: tsc checks the expectations and every `@ts-expect-error` line (an error that
// no longer happens fails the type check). The calls sit in functions that never run.
import { describe, expectTypeOf, it } from "vitest";
import type { App } from "../../src/server/deps.ts";
import { type RouteHandler, route } from "../../src/server/platform/route.ts";
import type { AuditEntry } from "../../src/shared/contracts/audit.ts";
import type { SessionInfo } from "../../src/shared/contracts/auth.ts";
import type { Case, CaseList } from "../../src/shared/contracts/cases.ts";
import {
  type BodyOf,
  type ParamsOf,
  pathOf,
  type ResponseOf,
  routeStub,
} from "../../src/shared/contracts/route.ts";
import { analyticsCsvRoutes } from "../../src/shared/contracts/routes/analytics.ts";
import type { auditRoutes } from "../../src/shared/contracts/routes/audit.ts";
import type { authRoutes } from "../../src/shared/contracts/routes/auth.ts";
import { caseRoutes } from "../../src/shared/contracts/routes/cases.ts";
import type { offerRoutes } from "../../src/shared/contracts/routes/offers.ts";
import { recognitionRoutes } from "../../src/shared/contracts/routes/recognition.ts";

// The client's modules touch the DOM when loaded: their types only, as the calls never run.
declare const callApi: typeof import("../../src/client/api/client.ts").callApi;
declare const useApiQuery: typeof import("../../src/client/api/use-api.ts").useApiQuery;

/** Never rendered: only compiled. */
function useQueries() {
  const list = useApiQuery(caseRoutes.list, { query: { status: "open" } });
  expectTypeOf(list.data).toEqualTypeOf<CaseList | undefined>();
  // @ts-expect-error useApiQuery loads GET routes only
  useApiQuery(caseRoutes.create, { body: {} });
}

/** The recipes of the call-site conversion, compiled (never run). */
async function recipes(caseId: string, c: Case, status: Case["status"] | "") {
  // A GET list with a query: "" and null are filters not set, left out of the URL.
  const path = pathOf(caseRoutes.list, { query: { q: "Muster", status, limit: 20, offset: 0 } });
  // A POST with a body.
  const note = await callApi(caseRoutes.createNote, {
    params: { caseId },
    body: { body: "Text", special: false },
  });
  // A PATCH based on a version: a stale one answers 412 (ApiError, as with api()).
  const updated = await callApi(
    caseRoutes.update,
    { params: { caseId: c.id }, body: { status: "paused" } },
    { ifMatch: c.version },
  );
  // A download link: the URL only.
  const href = pathOf(analyticsCsvRoutes.interfaces, { query: { from: "2026-01-01" } });
  // The search path of a RemoteSelect.
  const occupationPath = (q: string) =>
    q.length >= 2 ? pathOf(recognitionRoutes.occupations, { query: { q } }) : null;
  return [path, note, updated, href, occupationPath];
}

describe("route types", () => {
  it("give the response, params and body types of the contract", () => {
    expectTypeOf<ResponseOf<typeof auditRoutes.get>>().toEqualTypeOf<AuditEntry>();
    expectTypeOf<ResponseOf<typeof caseRoutes.list>>().toEqualTypeOf<CaseList>();
    expectTypeOf<ResponseOf<typeof offerRoutes.delete>>().toEqualTypeOf<undefined>();
    expectTypeOf<ParamsOf<typeof caseRoutes.get>>().toEqualTypeOf<{ caseId: string }>();
    expectTypeOf<BodyOf<typeof caseRoutes.get>>().toEqualTypeOf<undefined>();
    expectTypeOf<BodyOf<typeof caseRoutes.update>>().toHaveProperty("status");
    // A stub carries the descriptor's types.
    const stub = routeStub<typeof authRoutes.session>("GET", "/api/session");
    expectTypeOf<ResponseOf<typeof stub>>().toEqualTypeOf<SessionInfo>();
  });

  it("type the server handler's request and result by the descriptor", () => {
    type Request = Parameters<RouteHandler<typeof caseRoutes.update>>[0];
    expectTypeOf<Request["params"]>().toEqualTypeOf<{ caseId: string }>();
    expectTypeOf<Request["body"]["status"]>().toEqualTypeOf<Case["status"] | undefined>();
  });

  it("refuse a wrong body, params, query, method, path or response type at compile time", () => {
    // Never called: only compiled.
    async function client() {
      const found: Case = await callApi(caseRoutes.get, { params: { caseId: "c" } });
      // @ts-expect-error the response of GET /api/cases/:caseId is a Case, not a case list
      const wrong: CaseList = await callApi(caseRoutes.get, { params: { caseId: "c" } });
      // @ts-expect-error the path parameter is missing
      await callApi(caseRoutes.get, {});
      // @ts-expect-error the path parameter has another name
      await callApi(caseRoutes.get, { params: { id: "c" } });
      const params = { caseId: "c" };
      // @ts-expect-error status is not one of the case statuses
      await callApi(caseRoutes.update, { params, body: { status: "finished" } }, { ifMatch: 3 });
      // @ts-expect-error a body the route does not take
      await callApi(caseRoutes.get, { params: { caseId: "c" }, body: { status: "open" } });
      // @ts-expect-error the query has no such field
      pathOf(caseRoutes.list, { query: { sort: "name" } });
      // @ts-expect-error the stub's path is not the descriptor's
      routeStub<typeof authRoutes.session>("GET", "/api/sessions");
      // @ts-expect-error the stub's method is not the descriptor's
      routeStub<typeof authRoutes.session>("POST", "/api/session");
      return [found, wrong];
    }
    function server(app: App) {
      // @ts-expect-error the handler answers a case list where the route answers a Case
      route(app, caseRoutes.get, async () => ({ items: [], total: 0 }));
      route(app, caseRoutes.get, async (request) => {
        // @ts-expect-error the route has no path parameter called id
        return request.params.id;
      });
    }
    expectTypeOf(client).toBeFunction();
    expectTypeOf(useQueries).toBeFunction();
    expectTypeOf(recipes).toBeFunction();
    expectTypeOf(server).toBeFunction();
  });
});
