import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

// One import style inside src/: a relative import stays in its folder or goes below it (`./x.ts`);
// whatever lies elsewhere is imported through `#shared/…`, `#server/…` or `#client/…` (package.json
// "imports"), so that moving a file does not change how others name it.
const SRC = fileURLToPath(new URL("../../src/", import.meta.url));

// Static imports and re-exports (also across lines and `import type`), side-effect imports, dynamic
// import(), Vitest's module mocks, require() and CSS @import.
const CLIMBING = [
  /\bfrom\s*(["'])(\.\.\/[^"'\n]*)\1/g,
  /(?:^|[;\n])\s*import\s*(["'])(\.\.\/[^"'\n]*)\1/g,
  /\bimport\s*\(\s*(["'])(\.\.\/[^"'\n]*)\1/g,
  /\bvi\.(?:mock|doMock|unmock|importActual|importMock)\s*\(\s*(["'])(\.\.\/[^"'\n]*)\1/g,
  /\brequire\s*\(\s*(["'])(\.\.\/[^"'\n]*)\1/g,
  /@import\s+(?:url\(\s*)?(["'])(\.\.\/[^"'\n]*)\1/g,
];

const files = (fs.readdirSync(SRC, { recursive: true, withFileTypes: true }) as fs.Dirent[])
  .filter((entry) => entry.isFile() && /\.(ts|tsx|mts|mjs|js|jsx|css)$/.test(entry.name))
  .map((entry) => path.join(entry.parentPath, entry.name));

/** Every import in a text that climbs out of its folder, as `line: specifier`. */
function climbing(text: string): string[] {
  return CLIMBING.flatMap((pattern) =>
    [...text.matchAll(pattern)].map((m) => `${text.slice(0, m.index).split("\n").length}: ${m[2]}`),
  );
}

describe("import style", () => {
  it("finds every kind of import that climbs out with ../", () => {
    const sample = [
      'import { a } from "../a.ts";',
      'import type {\n  B,\n} from "../../b.ts";',
      'export { c } from "../c.ts";',
      'import "../d.css";',
      'const e = await import("../e.ts");',
      'vi.mock("../f.ts");',
      '@import "../g.css";',
      'import { ok } from "./ok.ts";',
      'import { fine } from "./below/fine.ts";',
      'import { alias } from "#shared/domain.ts";',
    ].join("\n");
    expect(climbing(sample).map((hit) => hit.split(": ")[1])).toEqual(
      expect.arrayContaining([
        "../a.ts",
        "../../b.ts",
        "../c.ts",
        "../d.css",
        "../e.ts",
        "../f.ts",
        "../g.css",
      ]),
    );
    expect(climbing(sample)).toHaveLength(7);
  });

  it("lets no file under src/ import with ../ (use #shared/, #server/ or #client/)", () => {
    const offenders = files.flatMap((file) =>
      climbing(fs.readFileSync(file, "utf8")).map((hit) => `${path.relative(SRC, file)}:${hit}`),
    );
    expect(offenders).toEqual([]);
  });
});
