import type { FastifyInstance } from "fastify";
import { AppError } from "./errors.ts";

/** How deep a request body may nest before it is refused instead of walked. */
const MAX_DEPTH = 64;

/** The path of the first string (or object key) holding a NUL character, or null. */
export function findNul(value: unknown, path: string[] = [], depth = 0): string[] | null {
  if (typeof value === "string") return value.includes("\u0000") ? path : null;
  if (value === null || typeof value !== "object" || depth > MAX_DEPTH) return null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findNul(value[i], [...path, String(i)], depth + 1);
      if (found) return found;
    }
    return null;
  }
  if (Buffer.isBuffer(value)) return null;
  for (const [key, item] of Object.entries(value)) {
    if (key.includes("\u0000")) return [...path, key.replaceAll("\u0000", "\\0")];
    const found = findNul(item, [...path, key], depth + 1);
    if (found) return found;
  }
  return null;
}

/**
 * Refuses a NUL character in any text a request brings — path parameters, query, JSON body — for
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
      const path = findNul(value);
      if (path) throw new AppError(400, "nul_character", { field: path.join("."), location });
    }
  });
}
