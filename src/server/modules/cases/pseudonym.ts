import { randomBytes } from "node:crypto";
import type { Tx } from "#server/db/client.ts";

/**
 * Pseudonyms stand for a client (`K-…`) or a case (`F-…`) wherever the identity must not appear:
 * audit log, analytics, the erased client's trace. They are random, never derived from the person,
 * and read aloud without confusion: Crockford's base32 drops I, L, O and U.
 */
const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const LENGTH = 8;
/** 32^8 ≈ 10^12 codes: a collision is rare, but the unique index has the last word. */
const ATTEMPTS = 5;

export type PseudonymPrefix = "K" | "F";

/** A fresh random pseudonym such as `F-7Q2MXK9D`. */
export function newPseudonym(prefix: PseudonymPrefix): string {
  // 256 is a multiple of 32, so masking a random byte keeps every symbol equally likely.
  const symbols = [...randomBytes(LENGTH)].map((b) => ALPHABET[b & 31]).join("");
  return `${prefix}-${symbols}`;
}

/** Whether an error is PostgreSQL's unique violation on the named index (Drizzle wraps it in `cause`). */
function isUniqueViolation(error: unknown, constraint: string): boolean {
  for (let e = error as { code?: string; constraint?: string; cause?: unknown } | undefined; e; ) {
    if (e.code === "23505") return e.constraint === constraint;
    e = e.cause as typeof e;
  }
  return false;
}

/**
 * Inserts a record with a new pseudonym and tries again with another one if the pseudonym is
 * taken. Each attempt runs in a savepoint, so a collision does not abort the caller's transaction.
 */
export async function withNewPseudonym<T>(
  tx: Tx,
  prefix: PseudonymPrefix,
  constraint: string,
  insert: (db: Tx, pseudonym: string) => Promise<T>,
  generate: (prefix: PseudonymPrefix) => string = newPseudonym,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await tx.transaction((sp) => insert(sp, generate(prefix)));
    } catch (error) {
      if (attempt >= ATTEMPTS || !isUniqueViolation(error, constraint)) throw error;
    }
  }
}
