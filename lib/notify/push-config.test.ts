// The Web Push settings of lib/env.ts: a configured VAPID pair is checked (both halves, their shape, that
// they belong together, a contact in production); unset in production, push is off and the app still
// starts; unset elsewhere, this checkout's pair is generated once and kept in .data/ (mode 0600).
import { createECDH } from 'node:crypto';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { generateVapidKeyPair, loadDevVapidKeys } from '../security/dev-secrets';

const KEYS = `test:${Buffer.alloc(32, 7).toString('base64')}`;
const PRODUCTION = { NODE_ENV: 'production' as const, NEXTAUTH_SECRET: 'x'.repeat(32), ENCRYPTION_MASTER_KEYS: KEYS, NEXTAUTH_URL: 'https://pulse.example.org', SEED_DEMO: 'true' };
const UNSET = { VAPID_PUBLIC_KEY: undefined, VAPID_PRIVATE_KEY: undefined, VAPID_SUBJECT: undefined, PUSH_ENDPOINT_HOSTS: undefined };
const PAIR = generateVapidKeyPair();

async function load(vars: Record<string, string | undefined>) {
  vi.resetModules();
  for (const [k, v] of Object.entries({ ...UNSET, ...vars })) vi.stubEnv(k, v);
  const [{ env }, { vapid }] = await Promise.all([import('@/lib/env'), import('./push-config')]);
  return { env, vapid };
}

afterEach(() => vi.unstubAllEnvs());

describe('Web Push settings', () => {
  it('production without VAPID keys: push is off, and the app starts', async () => {
    const { env, vapid } = await load(PRODUCTION);
    expect(env().push).toEqual({ keys: null, subject: 'mailto:no-reply@pulse.localhost', endpointHosts: [] });
    expect(vapid()).toBeNull();
  });

  it('production with a pair and a contact: used as given', async () => {
    const { env, vapid } = await load({ ...PRODUCTION, VAPID_PUBLIC_KEY: PAIR.publicKey, VAPID_PRIVATE_KEY: PAIR.privateKey, VAPID_SUBJECT: 'mailto:ops@example.org' });
    expect(vapid()).toEqual({ ...PAIR, subject: 'mailto:ops@example.org' });
    expect(env().push.keys).toEqual(PAIR);
  });

  it('refuses half a pair, a malformed or foreign key, a bad contact or push host, naming the variable', async () => {
    const cases: [Record<string, string>, RegExp][] = [
      [{ VAPID_PUBLIC_KEY: PAIR.publicKey }, /VAPID_PRIVATE_KEY: required with VAPID_PUBLIC_KEY/],
      [{ VAPID_PRIVATE_KEY: PAIR.privateKey }, /VAPID_PUBLIC_KEY: required with VAPID_PRIVATE_KEY/],
      [{ VAPID_PUBLIC_KEY: PAIR.publicKey.slice(4), VAPID_PRIVATE_KEY: PAIR.privateKey }, /VAPID_PUBLIC_KEY: must be base64url of an uncompressed P-256 public key/],
      [{ VAPID_PUBLIC_KEY: PAIR.publicKey, VAPID_PRIVATE_KEY: 'abc' }, /VAPID_PRIVATE_KEY: must be base64url of a P-256 private key/],
      [{ VAPID_PUBLIC_KEY: PAIR.publicKey, VAPID_PRIVATE_KEY: generateVapidKeyPair().privateKey }, /VAPID_PRIVATE_KEY: does not belong to VAPID_PUBLIC_KEY/],
      [{ VAPID_PUBLIC_KEY: PAIR.publicKey, VAPID_PRIVATE_KEY: PAIR.privateKey }, /VAPID_SUBJECT: required with the VAPID keys in production/],
      [{ VAPID_SUBJECT: 'ops@example.org' }, /VAPID_SUBJECT: must be a mailto: address or an https: URL/],
      [{ VAPID_SUBJECT: 'http://example.org' }, /VAPID_SUBJECT: must be a mailto: address or an https: URL/],
      [{ PUSH_ENDPOINT_HOSTS: 'push.example.org, https://x' }, /PUSH_ENDPOINT_HOSTS: each entry must be host or host:port \(bad: https:\/\/x\)/],
    ];
    for (const [vars, message] of cases) {
      const { env } = await load({ ...PRODUCTION, ...vars });
      expect(() => env(), JSON.stringify(vars)).toThrow(message);
    }
  });

  it('outside production without keys: this checkout’s generated pair, the same every time', async () => {
    const { env, vapid } = await load({ NODE_ENV: 'development', PUSH_ENDPOINT_HOSTS: '127.0.0.1:8443, Push.Example.org' });
    expect(env().push).toEqual({ keys: 'generated', subject: 'mailto:no-reply@pulse.localhost', endpointHosts: ['127.0.0.1:8443', 'push.example.org'] });
    const first = vapid()!;
    expect(first).toEqual({ ...loadDevVapidKeys(), subject: 'mailto:no-reply@pulse.localhost' });
    expect((await load({ NODE_ENV: 'development' })).vapid()).toEqual(first);
  });
});

describe('loadDevVapidKeys', () => {
  it('creates the pair once (mode 0600): a P-256 key pair that belongs together', () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'dev-vapid-')), '.data', 'dev-vapid.json');
    const pair = loadDevVapidKeys(file);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(loadDevVapidKeys(file)).toEqual(pair);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(pair);
    const ecdh = createECDH('prime256v1');
    ecdh.setPrivateKey(Buffer.from(pair.privateKey, 'base64url'));
    expect(ecdh.getPublicKey().toString('base64url')).toBe(pair.publicKey);
  });
});
