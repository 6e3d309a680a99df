import { createHash, randomBytes } from "node:crypto";

/** A random URL-safe token with 256 bits of entropy. */
export function newToken(): string {
  return randomBytes(32).toString("base64url");
}

/** Tokens are stored only as their SHA-256, so a database dump does not open sessions or links. */
export function tokenHash(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}
