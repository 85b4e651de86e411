// What a browser's push subscription must be before the server keeps it, and again before it sends to
// it: the server POSTs to the endpoint, so only a known push service's HTTPS address is accepted (never
// an internal host: SSRF), and the keys must be what RFC 8291 encrypts to (a P-256 point, a 16-byte
// secret). Pure; the hosts beyond the known ones come from PUSH_ENDPOINT_HOSTS.
import { ECDH } from 'node:crypto';

/** The push services of the browsers people use: Chrome/Edge-on-Android (FCM), Firefox, Edge/Windows, Safari. */
const KNOWN_HOSTS: readonly RegExp[] = [
  /^fcm\.googleapis\.com$/,
  /^updates\.push\.services\.mozilla\.com$/,
  /^([a-z0-9-]+\.)+push\.services\.mozilla\.com$/,
  /^([a-z0-9-]+\.)+notify\.windows\.com$/,
  /^web\.push\.apple\.com$/,
];

/** Why an endpoint may not be used (null: it may), given the extra allowed "host[:port]" entries. */
export function endpointProblem(endpoint: string, extraHosts: readonly string[]): string | null {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    return 'must be a URL';
  }
  if (url.protocol !== 'https:') return 'must be an https: URL';
  if (url.username || url.password) return 'must not carry a user name or password';
  // URL.host omits the default port (443), so "host" allows only that port and "host:port" only that one.
  const extras = extraHosts.map((h) => h.replace(/:443$/, ''));
  if (extras.includes(url.host)) return null;
  if (url.port === '' && KNOWN_HOSTS.some((known) => known.test(url.hostname))) return null;
  return 'must be the address of a known push service (Google FCM, Mozilla, Microsoft, Apple)';
}

const BASE64URL = /^[A-Za-z0-9_-]+={0,2}$/;

/** Why a subscription's p256dh key is unusable (null: it is an uncompressed point on P-256). */
export function p256dhProblem(key: string): string | null {
  const bytes = Buffer.from(key, 'base64url');
  if (!BASE64URL.test(key) || bytes.length !== 65 || bytes[0] !== 4) return 'must be base64url of an uncompressed P-256 public key (65 bytes)';
  try {
    ECDH.convertKey(bytes, 'prime256v1'); // throws for a point not on the curve
  } catch {
    return 'is not a point on the P-256 curve';
  }
  return null;
}

/** Why a subscription's auth secret is unusable (null: 16 bytes). */
export function authProblem(secret: string): string | null {
  return BASE64URL.test(secret) && Buffer.from(secret, 'base64url').length === 16 ? null : 'must be base64url of 16 bytes';
}
