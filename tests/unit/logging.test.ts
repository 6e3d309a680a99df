import { DrizzleQueryError } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { safeError, safeRequest, scrubMessage } from "../../src/server/platform/logging.ts";

const NAME = "Amina Kanarienvogel";

describe("the log's view of a request", () => {
  it("names the route pattern, never the path's or the query's values", () => {
    expect(
      safeRequest({
        method: "GET",
        url: `/api/cases/123?q=${encodeURIComponent(NAME)}`,
        routeOptions: { url: "/api/cases/:caseId" },
      }),
    ).toEqual({ method: "GET", url: "/api/cases/:caseId?…" });
    expect(safeRequest({ method: "GET", url: `/${NAME}/x` })).toEqual({ method: "GET", url: "/…" });
    expect(safeRequest({ method: "GET", url: `/api/${NAME}` })).toEqual({ method: "GET", url: "/api/…" });
  });
});

describe("the log's view of an error", () => {
  it("keeps the SQL of a failed query and drops its parameters", () => {
    const cause = Object.assign(new Error(`invalid input syntax for type uuid: "${NAME}"`), {
      code: "22P02",
      severity: "ERROR",
    });
    const err = new DrizzleQueryError("select * from clients where name = $1", [NAME, "a@b.example"], cause);
    const safe = safeError(err);
    expect(JSON.stringify(safe)).not.toContain("Kanarienvogel");
    expect(JSON.stringify(safe)).not.toContain("a@b.example");
    expect(safe).toMatchObject({
      message: "Failed query: select * from clients where name = $1",
      cause: { code: "22P02", severity: "ERROR" },
    });
  });

  it("removes quoted values, key details and e-mail addresses from messages and stacks", () => {
    const err = Object.assign(
      new Error(`duplicate key value violates unique constraint "x": Key (email)=(${NAME}@x.example) exists`),
      { constraint: "clients_email_key", table: "clients" },
    );
    const text = JSON.stringify(safeError(err));
    expect(text).not.toContain("Kanarienvogel");
    expect(text).toContain("clients_email_key");
    expect(scrubMessage(`name 'O\\'Brien ${NAME}' too long`)).not.toContain(NAME);
  });
});
