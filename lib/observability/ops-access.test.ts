// Who may read /metrics and /health/deep: the bearer token when configured; without one, nobody in
// production and anyone in development.
import { afterEach, describe, expect, it, vi } from 'vitest';

const TOKEN = 'a-metrics-token-of-some-length';

async function allowedWith(vars: Record<string, string | undefined>, authorization?: string) {
  vi.resetModules();
  for (const [k, v] of Object.entries(vars)) vi.stubEnv(k, v);
  const { opsAllowed } = await import('./ops-access');
  return opsAllowed(new Request('http://x/metrics', { headers: authorization ? { authorization } : {} }));
}

afterEach(() => vi.unstubAllEnvs());

describe('opsAllowed', () => {
  const production = { NODE_ENV: 'production', NEXTAUTH_SECRET: 'x'.repeat(32), ENCRYPTION_MASTER_KEYS: `test:${Buffer.alloc(32, 7).toString('base64')}`,
    SMTP_URL: 'smtp://mail.test.example:587', MAIL_FROM: 'Pulse <no-reply@test.example>', APP_URL: 'https://pulse.test.example' };
  it('production without a token configured: closed', async () => {
    expect(await allowedWith({ ...production, METRICS_TOKEN: undefined })).toBe(false);
  });
  it('with a token: only the right bearer', async () => {
    expect(await allowedWith({ ...production, METRICS_TOKEN: TOKEN }, `Bearer ${TOKEN}`)).toBe(true);
    expect(await allowedWith({ ...production, METRICS_TOKEN: TOKEN }, `Bearer ${TOKEN}x`)).toBe(false);
    expect(await allowedWith({ ...production, METRICS_TOKEN: TOKEN })).toBe(false);
  });
  it('development without a token: open', async () => {
    expect(await allowedWith({ NODE_ENV: 'development', METRICS_TOKEN: undefined })).toBe(true);
  });
});
