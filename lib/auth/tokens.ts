// Device tokens: 256 random bits shown once; only a SHA-256 digest is stored (the token's entropy makes
// a slow hash unnecessary, and a fast one keeps every sync cheap).
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

const PREFIX = 'hdt_';

export function generateDeviceToken(): { token: string; hash: string } {
  const token = PREFIX + randomBytes(32).toString('base64url');
  return { token, hash: hashToken(token) };
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** Extracts the bearer token from an Authorization header, or null. */
export function bearerToken(header: string | null): string | null {
  const match = /^Bearer\s+(\S+)$/i.exec(header ?? '');
  return match?.[1] ?? null;
}
