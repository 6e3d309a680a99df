import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// The web app calls the API only through the route descriptors (src/shared/contracts/routes/):
// `callApi(descriptor, …)`, `useApiQuery(descriptor, …)`, `pathOf(descriptor, …)` for links. A path
// written by hand could drift from the contract, so none may appear outside src/client/api/ — except
// in a `routeStub<typeof descriptor>(method, path)`, whose path the compiler checks against it.

const CLIENT = path.resolve(import.meta.dirname, "../../src/client");

const files = (fs.readdirSync(CLIENT, { recursive: true, withFileTypes: true }) as fs.Dirent[])
  .filter((e) => e.isFile() && /\.(ts|tsx)$/.test(e.name))
  .map((e) => path.join(e.parentPath, e.name))
  .filter((file) => !file.startsWith(path.join(CLIENT, "api") + path.sep));

describe("client API calls", () => {
  it("writes no API path by hand outside src/client/api/, except in route stubs", () => {
    const found: string[] = [];
    for (const file of files) {
      fs.readFileSync(file, "utf8")
        .split("\n")
        .forEach((line, i) => {
          if (/["'`]\/api\//.test(line) && !line.includes("routeStub<"))
            found.push(`${path.relative(CLIENT, file)}:${i + 1}: ${line.trim()}`);
        });
    }
    expect(found).toEqual([]);
  });

  it("uses the untyped request function only inside src/client/api/", () => {
    const found = files.filter((file) =>
      /import\s*\{[^}]*\bapi\b[^}]*\}\s*from\s*"[^"]*api\/client\.ts"/.test(fs.readFileSync(file, "utf8")),
    );
    expect(found.map((f) => path.relative(CLIENT, f))).toEqual([]);
  });
});
