// The client's address, computed once per request by the server in front of Next.js (server/index.mjs)
// and handed to the app in one header it can trust: the socket's peer, unless that peer is a proxy
// listed in TRUSTED_PROXIES, in which case X-Forwarded-For is walked from the right past the trusted
// proxies. Anything a client writes into the forwarding headers is never taken on its own word.
// Plain JavaScript with no dependencies, so the standalone deployment runs it as it is.
import { BlockList, isIP, isIPv4 } from 'node:net';

/** The request header the app reads the client's address from (lib/security/client-address.ts). */
export const CLIENT_ADDRESS_HEADER = 'x-pulse-client-ip';

const IPV4_WITH_PORT = /^(\d{1,3}(?:\.\d{1,3}){3}):\d+$/;
const BRACKETED_IPV6 = /^\[([^\]]+)\](?::\d+)?$/;

/** An address as one canonical text ("::ffff:1.2.3.4" and "1.2.3.4:5678" become "1.2.3.4"), or null. */
function normalize(value) {
  let address = value.trim();
  address = BRACKETED_IPV6.exec(address)?.[1] ?? IPV4_WITH_PORT.exec(address)?.[1] ?? address;
  address = address.toLowerCase();
  if (address.startsWith('::ffff:') && isIPv4(address.slice(7))) address = address.slice(7);
  return isIP(address) ? address : null;
}

const family = (address) => (isIPv4(address) ? 'ipv4' : 'ipv6');

/** TRUSTED_PROXIES ("10.0.0.5, 10.1.0.0/16, fd00::/8"): throws, naming the variable, on a bad entry. */
export function parseTrustedProxies(list = '') {
  const trusted = new BlockList();
  for (const entry of list.split(',').map((e) => e.trim()).filter(Boolean)) {
    const [text = '', prefix, extra] = entry.split('/');
    const address = normalize(text);
    const bits = prefix === undefined ? null : /^\d{1,3}$/.test(prefix) ? Number(prefix) : NaN;
    if (!address || extra !== undefined || Number.isNaN(bits) || (bits ?? 0) > (isIPv4(address) ? 32 : 128)) {
      throw new Error(`TRUSTED_PROXIES: "${entry}" is not an IP address or CIDR range (comma-separated, e.g. 10.0.0.5,10.1.0.0/16)`);
    }
    if (bits === null) trusted.addAddress(address, family(address));
    else trusted.addSubnet(address, bits, family(address));
  }
  return trusted;
}

const isTrusted = (address, trusted) => trusted.check(address, family(address));

/**
 * The client's address: the socket's peer; while that is a trusted proxy, the X-Forwarded-For entry it
 * added (the right-most left), and so on. An entry a trusted proxy wrote that is no address stops the
 * walk at that proxy. Null only without a socket address.
 */
export function clientAddress(socketAddress, forwardedFor, trusted) {
  let address = socketAddress ? normalize(socketAddress) : null;
  const hops = (forwardedFor ?? '').split(',').map((hop) => hop.trim()).filter(Boolean);
  while (address && hops.length > 0 && isTrusted(address, trusted)) {
    const hop = normalize(hops.pop());
    if (!hop) break;
    address = hop;
  }
  return address;
}

/**
 * Rewrites a Node.js request's headers: our header and X-Forwarded-For / X-Real-IP carry the computed
 * address and nothing a client sent; the other X-Forwarded-* headers are kept only from a trusted proxy
 * (Next.js then fills them from the Host header and the socket).
 */
export function setClientAddress(headers, socketAddress, trusted) {
  const forwarded = headers['x-forwarded-for'];
  const address = clientAddress(socketAddress, Array.isArray(forwarded) ? forwarded.join(',') : forwarded, trusted);
  const peer = socketAddress ? normalize(socketAddress) : null;
  const drop = [CLIENT_ADDRESS_HEADER, 'x-forwarded-for', 'x-real-ip'];
  if (!peer || !isTrusted(peer, trusted)) drop.push('x-forwarded-host', 'x-forwarded-proto', 'x-forwarded-port');
  for (const name of drop) delete headers[name];
  if (address) headers[CLIENT_ADDRESS_HEADER] = headers['x-forwarded-for'] = headers['x-real-ip'] = address;
}
