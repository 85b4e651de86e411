// The security headers (pure): CSP directives, HSTS in production only, share links without referrer.
import { describe, expect, it } from 'vitest';
import { securityHeaders } from './headers';

const headers = (production: boolean, path = '/dashboard') => securityHeaders({ nonce: 'abc', production, path });

describe('securityHeaders', () => {
  it('sends a strict CSP; eval only outside production', () => {
    const csp = headers(true)['Content-Security-Policy']!;
    expect(csp).toContain("script-src 'self' 'nonce-abc' 'strict-dynamic'");
    expect(csp).not.toContain('unsafe-eval');
    expect(headers(false)['Content-Security-Policy']).toContain("'unsafe-eval'");
  });

  it('sends Strict-Transport-Security in production only', () => {
    expect(headers(true)['Strict-Transport-Security']).toMatch(/^max-age=\d{8,}; includeSubDomains$/);
    expect(headers(false)).not.toHaveProperty('Strict-Transport-Security');
  });

  it('never lets a share link leave as a referrer; API answers are no-store', () => {
    expect(headers(true, '/share/tok_123')['Referrer-Policy']).toBe('no-referrer');
    // The page of /share#code links and its exchange: no referrer, nothing cached.
    for (const path of ['/share', '/share/exchange', '/shared']) {
      expect(headers(true, path)['Referrer-Policy']).toBe('no-referrer');
      expect(headers(true, path)['Cache-Control']).toBe('no-store');
    }
    expect(headers(true, '/shared-with-me')['Referrer-Policy']).toBe('strict-origin-when-cross-origin');
    expect(headers(true, '/api/v1/share/tok_123')['Referrer-Policy']).toBe('no-referrer');
    expect(headers(true)['Referrer-Policy']).toBe('strict-origin-when-cross-origin');
    expect(headers(true, '/api/v1/users/me')['Cache-Control']).toBe('no-store');
    expect(headers(true, '/ns/4d6f1c36-0c39-4c61-9b8e-1b1e3f0f6a10/api/v1/entries/sgv.json')['Cache-Control']).toBe('no-store');
    expect(headers(true)).not.toHaveProperty('Cache-Control');
  });
});
