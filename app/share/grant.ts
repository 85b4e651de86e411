// The link-share grant a browser carries after exchanging a code: the share id and an expiry, signed
// with HMAC-SHA256 under the auth secret. The code itself is never kept; the share is still re-checked
// in the database on every request, so the grant only says which share to check.
import { createHmac } from 'node:crypto';
import { safeEqual } from '@/lib/auth/tokens';
import { env } from '@/lib/env';

export { GRANT_PATH } from './paths';
export const GRANT_COOKIE = 'share_grant';
export const GRANT_MAX_AGE_S = 12 * 3600;
/** Every response of the link flow: the URL never leaks through Referer and nothing is cached. */
export const LINK_HEADERS = { 'Referrer-Policy': 'no-referrer', 'Cache-Control': 'no-store' } as const;

const sign = (payload: string) => createHmac('sha256', env().authSecret).update(`share-grant:${payload}`).digest('base64url');

export function signGrant(shareId: string, nowMs = Date.now()): string {
  const payload = `${shareId}.${Math.floor(nowMs / 1000) + GRANT_MAX_AGE_S}`;
  return `${payload}.${sign(payload)}`;
}

/** The share id a grant names, or null when it is forged, malformed or past its own expiry. */
export function readGrant(value: string | undefined, nowMs = Date.now()): string | null {
  const [shareId, exp, mac] = (value ?? '').split('.');
  if (!shareId || !exp || !mac || !safeEqual(mac, sign(`${shareId}.${exp}`))) return null;
  return Number(exp) * 1000 > nowMs ? shareId : null;
}
