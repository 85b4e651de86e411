// The session token's encoding, as next-auth v4's own `encode`/`decode` (next-auth/jwt) write and read
// it — a JWE (dir, A256GCM) keyed by HKDF of the secret — with one difference: the derived key is kept
// per secret instead of being derived again for every token, twice a request (read, then renewed):
// HKDF was the largest part of the session check (bench:profile). Tokens are interchangeable with
// next-auth's (the tests make theirs with next-auth/jwt's encode).
import { hkdfSync, randomUUID } from 'node:crypto';
import { EncryptJWT, jwtDecrypt, type JWTPayload } from 'jose';
import type { JWT, JWTDecodeParams, JWTEncodeParams } from 'next-auth/jwt';

const DEFAULT_MAX_AGE = 30 * 24 * 60 * 60;
const keys = new Map<string, Uint8Array>();

function derivedKey(secret: string | Buffer, salt: string): Uint8Array {
  const id = `${salt}\u0000${secret.toString()}`;
  let key = keys.get(id);
  if (!key) {
    key = new Uint8Array(hkdfSync('sha256', secret, salt, `NextAuth.js Generated Encryption Key${salt ? ` (${salt})` : ''}`, 32));
    if (keys.size >= 8) keys.clear(); // a secret or two per process; never a growing set
    keys.set(id, key);
  }
  return key;
}

export async function encodeSessionToken({ token, secret, maxAge = DEFAULT_MAX_AGE, salt = '' }: JWTEncodeParams): Promise<string> {
  return new EncryptJWT((token ?? {}) as JWTPayload)
    .setProtectedHeader({ alg: 'dir', enc: 'A256GCM' })
    .setIssuedAt()
    .setExpirationTime(((Date.now() / 1000) | 0) + maxAge)
    .setJti(randomUUID())
    .encrypt(derivedKey(secret, salt));
}

export async function decodeSessionToken({ token, secret, salt = '' }: JWTDecodeParams): Promise<JWT | null> {
  if (!token) return null;
  const { payload } = await jwtDecrypt(token, derivedKey(secret, salt), { clockTolerance: 15 });
  return payload as unknown as JWT;
}
