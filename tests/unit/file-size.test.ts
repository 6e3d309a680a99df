import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

// Files stay small so that a newcomer can read one in a sitting; past 400 lines a file is split along
// the domain (CONVENTIONS.md). Generated and reference data live outside src/ (db/, reference/).
const MAX_LINES = 400;
const SRC = fileURLToPath(new URL("../../src/", import.meta.url));

function lineCount(file: string): number {
  const text = fs.readFileSync(file, "utf8");
  return text === "" ? 0 : text.replace(/\n$/, "").split("\n").length;
}

const files = (fs.readdirSync(SRC, { recursive: true, withFileTypes: true }) as fs.Dirent[])
  .filter((entry) => entry.isFile())
  .map((entry) => path.relative(SRC, path.join(entry.parentPath, entry.name)).split(path.sep).join("/"))
  .sort();

describe("file size", () => {
  it(`keeps every file under src/ at or below ${MAX_LINES} lines`, () => {
    const long = files
      .map((file) => ({ file, lines: lineCount(path.join(SRC, file)) }))
      .filter(({ lines }) => lines > MAX_LINES);
    expect(long).toEqual([]);
  });
});
