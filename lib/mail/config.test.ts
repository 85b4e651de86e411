// The mail settings of lib/env.ts: SMTP when configured; production refuses to start without it except
// in demo mode (development outbox); and the outbox page exists only in development and demo mode.
import { spawnSync } from 'node:child_process';
import { afterEach, describe, expect, it, vi } from 'vitest';

const KEYS = `test:${Buffer.alloc(32, 7).toString('base64')}`;
const PRODUCTION = { NODE_ENV: 'production' as const, NEXTAUTH_SECRET: 'x'.repeat(32), ENCRYPTION_MASTER_KEYS: KEYS, NEXTAUTH_URL: 'https://pulse.example.org' };
const SMTP = { SMTP_URL: 'smtps://user:secret@mail.example.org:465', MAIL_FROM: 'Pulse <no-reply@example.org>' };
const UNSET = { SMTP_URL: undefined, MAIL_FROM: undefined, APP_URL: undefined, SEED_DEMO: undefined, MAIL_OUTBOX_DIR: undefined };

async function load(vars: Record<string, string | undefined>) {
  vi.resetModules();
  for (const [k, v] of Object.entries({ ...UNSET, ...vars })) vi.stubEnv(k, v);
  const [{ env }, { outboxPageAvailable }] = await Promise.all([import('@/lib/env'), import('./outbox')]);
  return { env, outboxPageAvailable };
}

afterEach(() => vi.unstubAllEnvs());

describe('mail settings', () => {
  it('production with SMTP: sends through it, links to NEXTAUTH_URL (or APP_URL), and has no outbox page', async () => {
    const { env, outboxPageAvailable } = await load({ ...PRODUCTION, ...SMTP });
    expect(env().mail).toEqual({ transport: { kind: 'smtp', url: SMTP.SMTP_URL, from: SMTP.MAIL_FROM }, appUrl: 'https://pulse.example.org' });
    expect(outboxPageAvailable()).toBe(false);
    expect((await load({ ...PRODUCTION, ...SMTP, APP_URL: 'https://app.example.org/' })).env().mail.appUrl).toBe('https://app.example.org');
  });

  it('production without SMTP refuses to start, naming the variable', async () => {
    const { env } = await load(PRODUCTION);
    expect(() => env()).toThrow(/SMTP_URL: required in production/);
    // The server itself (instrumentation.ts) exits.
    const { SMTP_URL: _url, MAIL_FROM: _from, SEED_DEMO: _demo, ...rest } = process.env; // eslint-disable-line @typescript-eslint/no-unused-vars
    const server = spawnSync('npx', ['tsx', '-e', "import('./instrumentation.ts').then((m) => m.register())"], {
      env: { ...rest, ...PRODUCTION, NEXT_RUNTIME: 'nodejs' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(server.status).toBe(1);
    expect(server.stderr).toMatch(/Refusing to start[\s\S]*SMTP_URL: required in production/);
  });

  it('production in demo mode (SEED_DEMO=true) keeps the development outbox and its page', async () => {
    const { env, outboxPageAvailable } = await load({ ...PRODUCTION, SEED_DEMO: 'true' });
    expect(env().mail.transport).toEqual({ kind: 'outbox', dir: '.data/outbox', from: 'Pulse <no-reply@pulse.localhost>' });
    expect(outboxPageAvailable()).toBe(true);
  });

  it('development without SMTP: the development outbox and its page', async () => {
    const { env, outboxPageAvailable } = await load({ NODE_ENV: 'development', MAIL_OUTBOX_DIR: '/tmp/pulse-outbox' });
    expect(env().mail.transport).toMatchObject({ kind: 'outbox', dir: '/tmp/pulse-outbox' });
    expect(outboxPageAvailable()).toBe(true);
  });

  it('one of SMTP_URL and MAIL_FROM without the other, or a bad value, is an error naming it', async () => {
    await expect(load({ NODE_ENV: 'development', SMTP_URL: SMTP.SMTP_URL }).then((m) => m.env())).rejects.toThrow(/MAIL_FROM: required with SMTP_URL/);
    await expect(load({ NODE_ENV: 'development', MAIL_FROM: SMTP.MAIL_FROM }).then((m) => m.env())).rejects.toThrow(/SMTP_URL: required with MAIL_FROM/);
    await expect(load({ NODE_ENV: 'development', ...SMTP, SMTP_URL: 'http://mail.example.org' }).then((m) => m.env())).rejects.toThrow(/SMTP_URL: must be an smtp/);
    await expect(load({ NODE_ENV: 'development', ...SMTP, MAIL_FROM: 'nobody' }).then((m) => m.env())).rejects.toThrow(/MAIL_FROM: must be an address/);
    const { env } = await load({ ...PRODUCTION, ...SMTP, NEXTAUTH_URL: undefined });
    expect(() => env()).toThrow(/APP_URL: required in production/);
  });
});
