import { count } from "drizzle-orm";
import { compactVerify, createLocalJWKSet, decodeProtectedHeader } from "jose";
import { afterAll, describe, expect, it } from "vitest";
import { connect } from "../../src/server/db/client.ts";
import { europassCredential } from "../../src/server/modules/competences/europass/export.ts";
import { publicJwks, SIGNING_ALGORITHM, signJws } from "../../src/server/platform/signing.ts";
import { signingKeys } from "../../src/server/platform/tables.ts";
import { COMPETENCE_FIXTURES, FIXTURE_ISSUER, FIXTURE_LABELS } from "../fixtures/competence-profiles.ts";
import { createTestDatabase } from "../helpers/db.ts";

// The installation's signing key on a real PostgreSQL: made once, shared by every instance,
// verified with the published JWKS.

const [fixture] = COMPETENCE_FIXTURES;
if (!fixture) throw new Error("no fixture");
const credential = europassCredential({
  ...fixture,
  labels: FIXTURE_LABELS,
  issuer: FIXTURE_ISSUER,
  issuedAt: "2026-12-06T10:00:00Z",
});

describe("two instances using the signing key for the first time at once", () => {
  it("make exactly one key, and both sign with it", async () => {
    const { url } = await createTestDatabase();
    // Two pools stand for two instances behind the load balancer: separate connections, real races.
    const a = connect(url, 4);
    const b = connect(url, 4);
    afterAll(async () => {
      await a.pool.end();
      await b.pool.end();
    });
    const signatures = await Promise.all(
      Array.from({ length: 8 }, (_, i) => signJws(i % 2 === 0 ? a.db : b.db, { n: i })),
    );
    const [{ keys } = { keys: 0 }] = await a.db.select({ keys: count() }).from(signingKeys);
    expect(keys).toBe(1);
    const kids = new Set(signatures.map((jws) => decodeProtectedHeader(jws).kid));
    expect(kids.size).toBe(1);
    const jwks = await publicJwks(b.db);
    expect(jwks.keys.map((k) => k.kid)).toEqual([...kids]);
    for (const jws of signatures) {
      await expect(compactVerify(jws, createLocalJWKSet(jwks))).resolves.toBeDefined();
    }
  });
});

describe("a signed Europass credential", async () => {
  const { db } = await createTestDatabase();

  it("is a compact JWS with alg, kid and typ that verifies with the published JWKS", async () => {
    const jws = await signJws(db, credential, { typ: "vc+ld+json" });
    expect(jws.split(".")).toHaveLength(3);
    const header = decodeProtectedHeader(jws);
    expect(header).toMatchObject({ alg: SIGNING_ALGORITHM, typ: "vc+ld+json" });
    const jwks = await publicJwks(db);
    expect(header.kid).toBe(jwks.keys[0]?.kid);
    const { payload, protectedHeader } = await compactVerify(jws, createLocalJWKSet(jwks));
    expect(protectedHeader.kid).toBe(header.kid);
    expect(JSON.parse(new TextDecoder().decode(payload))).toEqual(credential);
  });

  it("fails verification when the payload is changed", async () => {
    const jws = await signJws(db, credential);
    const [head, , signature] = jws.split(".");
    const tampered = { ...credential, validFrom: "2030-01-01T00:00:00Z" };
    const forged = `${head}.${Buffer.from(JSON.stringify(tampered)).toString("base64url")}.${signature}`;
    const jwks = await publicJwks(db);
    await expect(compactVerify(forged, createLocalJWKSet(jwks))).rejects.toThrow(
      /signature verification failed/,
    );
  });

  it("publishes only public key material and keeps one active key", async () => {
    const jwks = await publicJwks(db);
    expect(jwks.keys).toHaveLength(1);
    const [key] = jwks.keys;
    expect(key).toMatchObject({ kty: "OKP", crv: "Ed25519", alg: SIGNING_ALGORITHM, use: "sig" });
    expect(key).not.toHaveProperty("d");
    // The same key signs again: nothing new is made on later uses.
    await signJws(db, { again: true });
    const [{ keys } = { keys: 0 }] = await db.select({ keys: count() }).from(signingKeys);
    expect(keys).toBe(1);
  });
});
