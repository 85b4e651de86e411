// The JWTs a Nightscout site hands out for an access token (GET /api/v2/authorization/request/<token>),
// which clients then send as `Authorization: Bearer <jwt>` (AndroidAPS's nssdk does for API v3). HS256
// under a key derived from the server's secret (HKDF of NEXTAUTH_SECRET, used for nothing else), valid
// 8 hours as cgm-remote-monitor's (lib/server/enclave.js signJWT). The JWT names the token's id, never
// the token: the token is looked up on every use, so revoking it (or its site) stops its JWTs at once.
import { createHmac, hkdfSync } from 'node:crypto';
import { safeEqual } from '../auth/tokens';
import { env } from '../env';

export const JWT_LIFETIME_S = 8 * 3600;

const HEADER = Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT' })).toString('base64url');

let cached: { secret: string; key: Buffer } | undefined;

function key(): Buffer {
  const secret = env().authSecret;
  if (cached?.secret !== secret) cached = { secret, key: Buffer.from(hkdfSync('sha256', secret, Buffer.alloc(0), 'nightscout-jwt', 32)) };
  return cached.key;
}

const mac = (signed: string) => createHmac('sha256', key()).update(signed).digest('base64url');

export type JwtClaims = { sub: string; iat: number; exp: number };

/** A JWT naming the access token `tokenId`, issued at `nowMs`. */
export function signJwt(tokenId: string, nowMs = Date.now()): { jwt: string; claims: JwtClaims } {
  const iat = Math.floor(nowMs / 1000);
  const claims: JwtClaims = { sub: tokenId, iat, exp: iat + JWT_LIFETIME_S };
  const signed = `${HEADER}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}`;
  return { jwt: `${signed}.${mac(signed)}`, claims };
}

/** Whether the text has a JWT's shape (three base64url parts), so it is read as one rather than as an access token. */
export const looksLikeJwt = (text: string) => /^[\w-]+\.[\w-]+\.[\w-]+$/.test(text);

/**
 * What a JWT says, once its signature is ours: `expired` for one we issued whose 8 hours are over (the
 * client asks for a new one), `forged` for anything else (a wrong signature, another algorithm, a
 * malformed payload): only a forged one is a guess.
 */
export function verifyJwt(jwt: string, nowMs = Date.now()): { ok: true; claims: JwtClaims } | { ok: false; reason: 'forged' | 'expired' } {
  const [header, payload, signature] = jwt.split('.');
  if (!header || !payload || !signature || jwt.split('.').length !== 3) return { ok: false, reason: 'forged' };
  // Only our own header is accepted: no algorithm is taken from the token.
  if (header !== HEADER || !safeEqual(signature, mac(`${header}.${payload}`))) return { ok: false, reason: 'forged' };
  let claims: unknown;
  try {
    claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return { ok: false, reason: 'forged' };
  }
  const { sub, iat, exp } = (claims ?? {}) as Partial<JwtClaims>;
  if (typeof sub !== 'string' || typeof iat !== 'number' || typeof exp !== 'number') return { ok: false, reason: 'forged' };
  if (exp * 1000 <= nowMs) return { ok: false, reason: 'expired' };
  return { ok: true, claims: { sub, iat, exp } };
}
