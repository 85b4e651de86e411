// Unit: the client's address the server in front of Next.js computes (server/client-address.mjs) and
// the one header the app reads it from.
import type { IncomingHttpHeaders } from 'node:http';
import { describe, expect, it } from 'vitest';
import { clientAddress, parseTrustedProxies, setClientAddress } from '@/server/client-address.mjs';
import { addressBucket, clientIp } from './client-address';

const NONE = parseTrustedProxies('');
const PROXIES = parseTrustedProxies(' 10.0.0.0/8, 192.0.2.10 ,fd00::/8');

describe('clientAddress', () => {
  it('is the socket address when no proxy is trusted, whatever X-Forwarded-For says', () => {
    expect(clientAddress('198.51.100.20', '203.0.113.7, 10.0.0.1', NONE)).toBe('198.51.100.20');
    expect(clientAddress('::ffff:127.0.0.1', '203.0.113.7', NONE)).toBe('127.0.0.1');
    expect(clientAddress('::1', undefined, NONE)).toBe('::1');
    expect(clientAddress(undefined, '203.0.113.7', NONE)).toBeNull();
  });

  it('is the socket address when the peer is not a trusted proxy', () => {
    expect(clientAddress('198.51.100.20', '203.0.113.7', PROXIES)).toBe('198.51.100.20');
  });

  it('walks X-Forwarded-For from the right past trusted proxies, to the right-most untrusted entry', () => {
    // The client claimed 198.51.100.9; 203.0.113.7 reached our first proxy, which reached the second.
    expect(clientAddress('10.0.0.5', '198.51.100.9, 203.0.113.7, 10.1.2.3', PROXIES)).toBe('203.0.113.7');
    expect(clientAddress('::ffff:10.0.0.5', '203.0.113.7', PROXIES)).toBe('203.0.113.7');
    expect(clientAddress('fd00::1', '2001:db8::7, 192.0.2.10', PROXIES)).toBe('2001:db8::7');
    expect(clientAddress('10.0.0.5', '203.0.113.7:51234', PROXIES)).toBe('203.0.113.7');
    expect(clientAddress('10.0.0.5', '[2001:db8::7]:443', PROXIES)).toBe('2001:db8::7');
  });

  it('stops at a trusted proxy when there is no entry, or its entry is no address', () => {
    expect(clientAddress('10.0.0.5', undefined, PROXIES)).toBe('10.0.0.5');
    expect(clientAddress('10.0.0.5', '10.0.0.6, 10.0.0.7', PROXIES)).toBe('10.0.0.6');
    expect(clientAddress('10.0.0.5', '203.0.113.7, unknown', PROXIES)).toBe('10.0.0.5');
  });
});

describe('parseTrustedProxies', () => {
  it.each(['10.0.0.0/33', 'not-an-ip', '10.0.0.1/8/1', '10.0.0.1/x', 'fd00::/129'])('refuses %s, naming TRUSTED_PROXIES', (entry) => {
    expect(() => parseTrustedProxies(`10.0.0.1, ${entry}`)).toThrow(new RegExp(`^TRUSTED_PROXIES: "${entry.replace(/[./]/g, '\\$&')}"`));
  });
});

describe('setClientAddress', () => {
  it("replaces the client's copies of our header and X-Forwarded-For / X-Real-IP with the computed address", () => {
    const headers: IncomingHttpHeaders = {
      'x-pulse-client-ip': '198.51.100.1',
      'x-forwarded-for': '198.51.100.2',
      'x-real-ip': '198.51.100.3',
      'x-forwarded-host': 'evil.example',
      'x-forwarded-proto': 'https',
      host: 'app.example',
    };
    setClientAddress(headers, '::ffff:203.0.113.50', NONE);
    expect(headers).toEqual({ 'x-pulse-client-ip': '203.0.113.50', 'x-forwarded-for': '203.0.113.50', 'x-real-ip': '203.0.113.50', host: 'app.example' });
  });

  it("keeps a trusted proxy's forwarded host and scheme", () => {
    const headers: IncomingHttpHeaders = { 'x-forwarded-for': '203.0.113.7', 'x-forwarded-host': 'app.example', 'x-forwarded-proto': 'https' };
    setClientAddress(headers, '10.0.0.5', PROXIES);
    expect(headers).toEqual({ 'x-pulse-client-ip': '203.0.113.7', 'x-forwarded-for': '203.0.113.7', 'x-real-ip': '203.0.113.7', 'x-forwarded-host': 'app.example', 'x-forwarded-proto': 'https' });
  });
});

describe('clientIp', () => {
  it("reads only the server's header, never X-Forwarded-For or X-Real-IP", () => {
    expect(clientIp(new Headers({ 'x-pulse-client-ip': '203.0.113.50', 'x-forwarded-for': '198.51.100.2' }))).toBe('203.0.113.50');
    expect(clientIp(new Headers({ 'x-forwarded-for': '198.51.100.2', 'x-real-ip': '198.51.100.3' }))).toBeNull();
  });
});

describe('addressBucket', () => {
  it('counts an IPv4 address as itself and an IPv6 address by its /64', () => {
    expect(addressBucket('203.0.113.7')).toBe('203.0.113.7');
    expect(addressBucket('2001:db8:0a:1:ffff:1:2:3')).toBe('2001:db8:a:1::/64');
    expect(addressBucket('2001:0DB8:000a:0001::9')).toBe('2001:db8:a:1::/64');
    expect(addressBucket('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(addressBucket('2001:db8::5:6:7:8:9')).toBe('2001:db8:0:5::/64');
    expect(addressBucket('64:ff9b::1:203.0.113.7')).toBe('64:ff9b:0:0::/64');
    expect(addressBucket('::1')).toBe('0:0:0:0::/64');
    expect(addressBucket('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
    expect(addressBucket(null)).toBe('unknown');
  });
});
