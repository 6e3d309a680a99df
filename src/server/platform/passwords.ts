import { hash, verify } from "@node-rs/argon2";

// argon2id (the library's default algorithm) at OWASP's baseline: 19 MiB memory, 2 iterations, 1 lane.
const OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/** Hashes a password with argon2id. */
export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

// Verifying against this when no account matches keeps the answer time the same either way.
const DUMMY_HASH = await hashPassword("lotse-no-such-account");

/** Checks a password; a missing hash costs the same time as a wrong password. */
export async function verifyPassword(
  passwordHash: string | null | undefined,
  password: string,
): Promise<boolean> {
  try {
    const ok = await verify(passwordHash ?? DUMMY_HASH, password);
    return ok && Boolean(passwordHash);
  } catch {
    return false;
  }
}
