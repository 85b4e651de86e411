// Every route the source tree serves (test/route-inventory), called anonymously with every method it
// exports, answers with the security headers: from proxy.ts, or from route() where the proxy does not
// run (import uploads stream past it). API answers are never stored.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { baseUrl } from '@/test/http';
import { fillTemplate, listRoutes } from './route-inventory';

const PARAMS: Record<string, string> = { nextauth: 'session', action: 'acknowledge', code: 'not-a-code' };

function pathOf(template: string): string {
  const names = [...template.matchAll(/\[(?:\.\.\.)?(\w+)\]/g)].map((m) => m[1]!);
  return fillTemplate(template, Object.fromEntries(names.map((n) => [n, PARAMS[n] ?? randomUUID()])));
}

describe('security headers', () => {
  it.each(listRoutes().map((r) => [r.key, r] as const))('%s carries them', async (_key, route) => {
    const path = pathOf(route.template);
    const res = await fetch(baseUrl() + path, { method: route.method, redirect: 'manual', headers: { 'content-type': 'application/json' }, body: ['GET', 'HEAD'].includes(route.method) ? undefined : '{}' });
    await res.arrayBuffer();
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('referrer-policy')).toMatch(/^(no-referrer|strict-origin-when-cross-origin)$/);
    expect(res.headers.get('permissions-policy')).toContain('camera=()');
    if (path.startsWith('/api/') && path !== '/api/openapi.json') expect(res.headers.get('cache-control')).toBe('no-store');
  });
});
