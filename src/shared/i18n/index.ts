import type { Locale } from "#shared/domain.ts";
import * as catalogues from "./catalogues.ts";

// Each module keeps its words in <locale>/<module>.json (see catalogues.ts); a module's file holds
// its own namespaces and its problem codes under `errors` and `mail`, so the files nest into one tree.
type Intersection<U> = (U extends unknown ? (part: U) => void : never) extends (part: infer I) => void
  ? I
  : never;
type Merged<T extends readonly object[]> = Intersection<T[number]>;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function mergeInto(target: Record<string, unknown>, source: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(source)) {
    const existing = target[key];
    if (isObject(existing) && isObject(value)) mergeInto(existing, value);
    else target[key] = isObject(value) ? structuredClone(value) : value;
  }
}

/** One catalogue from a locale's module files. */
function merge<T extends readonly object[]>(parts: T): Merged<T> {
  const tree: Record<string, unknown> = {};
  for (const part of parts) mergeInto(tree, part as Record<string, unknown>);
  return tree as Merged<T>;
}

/** The catalogues of every shipped locale; German is the source language. */
export const resources = {
  de: merge(catalogues.de),
  en: merge(catalogues.en),
  ar: merge(catalogues.ar),
} as const satisfies Record<Locale, unknown>;

/** Every dotted key of a nested catalogue, for the completeness check. */
export function flattenKeys(obj: unknown, prefix = ""): string[] {
  if (typeof obj !== "object" || obj === null) return [prefix];
  return Object.entries(obj).flatMap(([k, v]) => flattenKeys(v, prefix ? `${prefix}.${k}` : k));
}
