// The client's address, the one every rate limit and audit row uses. The server in front of Next.js
// (server/index.mjs) computes it from the socket and TRUSTED_PROXIES and sets it in one header,
// replacing any copy a client sent; X-Forwarded-For and X-Real-IP are never read here.
import { CLIENT_ADDRESS_HEADER } from '../../server/client-address.mjs';

export type HeaderSource = { get(name: string): string | null };

/** Null only when the app runs without its server (then nothing a client sent is trusted either). */
export function clientIp(headers: HeaderSource): string | null {
  return headers.get(CLIENT_ADDRESS_HEADER)?.trim() || null;
}
