// The client's address, the one every rate limit and audit row uses. The server in front of Next.js
// (server/index.mjs) computes it from the socket and TRUSTED_PROXIES and sets it in one header,
// replacing any copy a client sent; X-Forwarded-For and X-Real-IP are never read here.
import { CLIENT_ADDRESS_HEADER } from '../../server/client-address.mjs';

export type HeaderSource = { get(name: string): string | null };

/** Null only when the app runs without its server (then nothing a client sent is trusted either). */
export function clientIp(headers: HeaderSource): string | null {
  return headers.get(CLIENT_ADDRESS_HEADER)?.trim() || null;
}

/**
 * What a per-address limit counts: an IPv4 address, or the /64 of an IPv6 one (a single host is
 * usually given a whole /64, so its addresses are one client's).
 */
export function addressBucket(ip: string | null): string {
  if (!ip) return 'unknown';
  if (!ip.includes(':')) return ip;
  const [head = '', tail] = ip.split('%')[0]!.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  // "::" stands for the zero groups the others leave of 8 (an embedded IPv4 address fills two).
  const zeros = 8 - left.length - right.reduce((n, group) => n + (group.includes('.') ? 2 : 1), 0);
  const groups = [...left, ...Array<string>(Math.max(0, zeros)).fill('0'), ...right];
  return `${groups.slice(0, 4).map((group) => parseInt(group, 16).toString(16)).join(':')}::/64`;
}
