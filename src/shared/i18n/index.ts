import type { Locale } from "../domain.ts";
import ar from "./ar.json" with { type: "json" };
import de from "./de.json" with { type: "json" };
import en from "./en.json" with { type: "json" };

/** The catalogues of every shipped locale; German is the source language. */
export const resources = { de, en, ar } as const satisfies Record<Locale, unknown>;

/** Every dotted key of a nested catalogue, for the completeness check. */
export function flattenKeys(obj: unknown, prefix = ""): string[] {
  if (typeof obj !== "object" || obj === null) return [prefix];
  return Object.entries(obj).flatMap(([k, v]) => flattenKeys(v, prefix ? `${prefix}.${k}` : k));
}
