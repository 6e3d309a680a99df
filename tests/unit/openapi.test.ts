import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { openApiDocument } from "../../src/server/openapi.ts";

describe("OpenAPI document", () => {
  it("matches the committed openapi.json (run `npm run openapi` after changing a contract)", async () => {
    const committed = JSON.parse(fs.readFileSync("openapi.json", "utf8"));
    expect(JSON.parse(JSON.stringify(await openApiDocument()))).toEqual(committed);
  });

  it("is OpenAPI 3.1 and describes every API route with its problem responses", async () => {
    const doc = (await openApiDocument()) as {
      openapi: string;
      paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
    };
    expect(doc.openapi).toMatch(/^3\.1\./);
    expect(doc.paths["/api/auth/login"]?.post?.responses["401"]).toBeDefined();
    expect(Object.keys(doc.paths).length).toBeGreaterThan(10);
  });
});
