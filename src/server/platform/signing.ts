import { and, asc, eq, isNull, sql } from "drizzle-orm";
import {
  CompactSign,
  calculateJwkThumbprint,
  exportJWK,
  generateKeyPair,
  importJWK,
  type JSONWebKeySet,
  type JWK,
} from "jose";
import type { Tx } from "#server/db/client.ts";
import { signingKeys } from "./tables.ts";

/**
 * The installation's signing key (decision 016): an Ed25519 key made on first use and kept in
 * PostgreSQL, so that every instance behind the load balancer signs with the same key and the
 * published JWKS verifies what any of them signed. At most one key per algorithm is active (a
 * partial unique index); two instances making the first key at once both insert with ON CONFLICT
 * DO NOTHING and then read the one that won. The private key is read only here, to sign; it is
 * never returned, logged or published.
 */

export const SIGNING_ALGORITHM = "EdDSA";

type ActiveKey = { kid: string; privateJwk: JWK };

async function activeKey(db: Tx): Promise<ActiveKey | undefined> {
  const [row] = await db
    .select({ kid: signingKeys.kid, privateJwk: signingKeys.privateJwk })
    .from(signingKeys)
    .where(and(eq(signingKeys.algorithm, SIGNING_ALGORITHM), isNull(signingKeys.retiredAt)))
    .limit(1);
  return row ? { kid: row.kid, privateJwk: row.privateJwk as JWK } : undefined;
}

/** The active key, made and stored when there is none yet (race-free across instances). */
async function ensureKey(db: Tx): Promise<ActiveKey> {
  const existing = await activeKey(db);
  if (existing) return existing;
  const { publicKey, privateKey } = await generateKeyPair(SIGNING_ALGORITHM, {
    crv: "Ed25519",
    extractable: true,
  });
  const publicJwk = await exportJWK(publicKey);
  const kid = await calculateJwkThumbprint(publicJwk);
  await db
    .insert(signingKeys)
    .values({
      kid,
      algorithm: SIGNING_ALGORITHM,
      publicJwk: { ...publicJwk, kid, alg: SIGNING_ALGORITHM, use: "sig" },
      privateJwk: { ...(await exportJWK(privateKey)), kid, alg: SIGNING_ALGORITHM },
    })
    .onConflictDoNothing();
  const stored = await activeKey(db);
  if (!stored) throw new Error("signing: no active signing key after creating one");
  return stored;
}

/**
 * Signs a JSON payload as a compact JWS (RFC 7515) with the installation's key; the protected
 * header carries `alg`, `kid` and `typ` (default "JOSE"; e.g. "vc+ld+json" for a JSON-LD credential).
 */
export async function signJws(db: Tx, payload: object, options: { typ?: string } = {}): Promise<string> {
  const key = await ensureKey(db);
  const privateKey = await importJWK(key.privateJwk, SIGNING_ALGORITHM);
  return new CompactSign(new TextEncoder().encode(JSON.stringify(payload)))
    .setProtectedHeader({ alg: SIGNING_ALGORITHM, kid: key.kid, typ: options.typ ?? "JOSE" })
    .sign(privateKey);
}

/**
 * The public keys, as a JWK set to publish: the active key first, then retired ones (what they
 * signed stays verifiable). Makes the key when there is none, so the set never starts empty.
 */
export async function publicJwks(db: Tx): Promise<JSONWebKeySet> {
  await ensureKey(db);
  const rows = await db
    .select({ publicJwk: signingKeys.publicJwk })
    .from(signingKeys)
    .orderBy(sql`${signingKeys.retiredAt} is not null`, asc(signingKeys.createdAt));
  return { keys: rows.map((r) => r.publicJwk as JWK) };
}
