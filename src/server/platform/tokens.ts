import { createHash, randomBytes } from "node:crypto";
import { and, eq, gt, isNull, sql } from "drizzle-orm";
import type { Tx } from "#server/db/client.ts";
import type { MailTokenKind } from "#shared/domain.ts";
import { AppError } from "./errors.ts";
import { mailTokens } from "./tables.ts";

/** A random URL-safe token with 256 bits of entropy. */
export function newToken(): string {
  return randomBytes(32).toString("base64url");
}

/** Tokens are stored only as their SHA-256, so a database dump does not open sessions or links. */
export function tokenHash(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/**
 * Finds an unused, unexpired mail token of a kind, locked for the rest of the transaction. Here,
 * beside the table, so that auth (password resets) and members (invitations) share it without
 * depending on each other.
 */
export async function takeToken(tx: Tx, kind: MailTokenKind, token: string) {
  const [row] = await tx
    .select()
    .from(mailTokens)
    .where(
      and(
        eq(mailTokens.tokenHash, tokenHash(token)),
        eq(mailTokens.kind, kind),
        isNull(mailTokens.usedAt),
        gt(mailTokens.expiresAt, sql`now()`),
      ),
    )
    .for("update");
  if (!row) throw new AppError(400, "auth.invalid_token");
  return row;
}
