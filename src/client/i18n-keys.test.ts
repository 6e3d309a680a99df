import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { finderResources } from "#shared/i18n/finder/index.ts";
import { flattenKeys, resources } from "#shared/i18n/index.ts";

const here = path.dirname(fileURLToPath(import.meta.url));
const keys = new Set(flattenKeys(resources.de));
// The public offer finder (finder/) has catalogues of its own.
const finderKeys = new Set(flattenKeys(finderResources.de));
const keysFor = (file: string) => (file.startsWith(`finder${path.sep}`) ? finderKeys : keys);

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sources(p);
    return /\.tsx?$/.test(e.name) && !e.name.endsWith(".test.ts") ? [p] : [];
  });
}

// t("a.b") and t(`a.${x}.c`) calls in the web app; a template becomes a pattern over one key segment.
const calls = sources(here).flatMap((file) => {
  const text = fs.readFileSync(file, "utf8");
  return [...text.matchAll(/\bt\(\s*(["`])([a-zA-Z_][\w.${}]*)\1/g)].map((m) => ({
    file: path.relative(here, file),
    key: m[2] ?? "",
  }));
});

describe("the web app's translation keys", () => {
  it("finds the calls it checks", () => {
    expect(calls.length).toBeGreaterThan(100);
  });

  it("uses only keys that the German catalogue has", () => {
    const missing = calls.filter(({ file, key }) => {
      const known = keysFor(file);
      if (!key.includes("${")) return !known.has(key);
      const pattern = new RegExp(`^${key.replace(/\./g, "\\.").replace(/\$\{[^}]+\}/g, "[^.]+")}$`);
      return ![...known].some((k) => pattern.test(k));
    });
    expect(missing).toEqual([]);
  });
});
