import type { FastifyInstance } from "fastify";
import { AppError } from "./errors.ts";

/** How deep a request body may nest before it is refused instead of walked. */
const MAX_DEPTH = 64;

/**
 * What no stored text may hold: a NUL character (PostgreSQL cannot store it in text) and a lone
 * surrogate half such as `"\ud800"` in JSON (not Unicode: jsonb refuses it, and as UTF-8 it would be
 * silently replaced). No person types either.
 */
function problemOf(text: string): "nul_character" | "malformed_text" | null {
  if (text.includes("\u0000")) return "nul_character";
  return text.isWellFormed() ? null : "malformed_text";
}

type Found = { path: string[]; code: "nul_character" | "malformed_text" };

/** The path and kind of the first string (or object key) that no text column can take, or null. */
export function findUnstorable(value: unknown, path: string[] = [], depth = 0): Found | null {
  if (typeof value === "string") {
    const code = problemOf(value);
    return code ? { path, code } : null;
  }
  if (value === null || typeof value !== "object" || depth > MAX_DEPTH) return null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findUnstorable(value[i], [...path, String(i)], depth + 1);
      if (found) return found;
    }
    return null;
  }
  if (Buffer.isBuffer(value)) return null;
  for (const [key, item] of Object.entries(value)) {
    const code = problemOf(key);
    if (code) return { path: [...path, key.replaceAll("\u0000", "\\0").toWellFormed()], code };
    const found = findUnstorable(item, [...path, key], depth + 1);
    if (found) return found;
  }
  return null;
}

/**
 * Refuses a NUL character or a lone surrogate in any text a request brings — path parameters, query, JSON body — for
 * every route at once, before any contract or query sees it: PostgreSQL cannot store it in text,
 * and no person types it. Runs after the access check, so an outsider learns nothing from it.
 */
export function registerInputGuards(app: FastifyInstance) {
  app.addHook("preValidation", async (request) => {
    if (request.is404) return;
    const parts = [
      ["params", request.params],
      ["query", request.query],
      ["body", request.body],
    ] as const;
    for (const [location, value] of parts) {
      const found = findUnstorable(value);
      if (found) throw new AppError(400, found.code, { field: found.path.join("."), location });
    }
  });
}
