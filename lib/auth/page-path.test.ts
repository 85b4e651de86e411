// Integration (HTTP): a signed-out visit to a guarded page is sent to sign in and then back to that page
// (its path only); the path comes from the proxy, never from a header the client sends.
import { describe, expect, it } from 'vitest';
import { api, baseUrl } from '@/test/http';

const location = async (path: string, headers: Record<string, string> = {}) => {
  const res = await api(path, { headers });
  expect(res.status).toBe(307);
  return new URL(res.headers.get('location')!, baseUrl());
};

describe('signing in from a guarded page', () => {
  it('comes back to the page: /login?callbackUrl=<its path>, without its query', async () => {
    const to = await location('/care-team?secret=1');
    expect(to.pathname).toBe('/login');
    expect(to.searchParams.get('callbackUrl')).toBe('/care-team');
    expect(to.search).not.toContain('secret');
  });

  it('ignores a path header sent by the client', async () => {
    const to = await location('/care-team', { 'x-pulse-page-path': '//evil.example/' });
    expect(to.searchParams.get('callbackUrl')).toBe('/care-team');
  });
});
