// Outside production, unset secrets are generated once per checkout and kept in .data/ — never a constant
// from the source (which once let anyone reaching a development server mint an admin session).
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEV_SECRETS_FILE, LEGACY_DEV_MASTER_KEY, loadDevSecrets } from './dev-secrets';

// What the source used to sign sessions and share grants with (public: it was in the repository).
const OLD_DEV_SECRET = 'dev-only-secret-do-not-use-in-production-0123456789';
const TSX = path.resolve('node_modules/.bin/tsx');
const tempDir = () => mkdtempSync(path.join(tmpdir(), 'dev-secrets-'));

/** Runs `code` (an async function body) with tsx in `cwd`; `ready` once it printed "ready", then its stdout. */
function runTsx(code: string, opts: { cwd: string; env?: NodeJS.ProcessEnv; stdin?: Promise<string> }): { ready: Promise<void>; output: Promise<string> } {
  const script = `(async () => {${code}})().catch((error) => { console.error(error); process.exit(1); });`;
  const child = spawn(TSX, ['-e', script], { cwd: opts.cwd, env: opts.env ?? process.env, stdio: ['pipe', 'pipe', 'inherit'] });
  let out = '';
  let markReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  child.stdout.on('data', (chunk: Buffer) => {
    out += chunk.toString();
    if (out.includes('ready\n')) markReady();
  });
  if (opts.stdin) void opts.stdin.then((text) => child.stdin.end(text));
  else child.stdin.end();
  const output = new Promise<string>((resolve, reject) =>
    child.on('exit', (status) => {
      markReady();
      if (status === 0) resolve(out.replace('ready\n', ''));
      else reject(new Error(`child exited ${status}: ${out}`));
    }),
  );
  return { ready, output };
}

describe('loadDevSecrets', () => {
  it('creates the file once (mode 0600) with a random secret and key, and reads the same back', () => {
    const file = path.join(tempDir(), '.data', 'dev-secrets.json');
    const first = loadDevSecrets(file);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(first.authSecret.length).toBeGreaterThanOrEqual(32);
    expect(first.authSecret).not.toBe(OLD_DEV_SECRET);
    expect(first.masterKey.id).toMatch(/^dev-[0-9a-f]{16}$/);
    expect(first.masterKey.key).toHaveLength(32);
    expect(first.masterKey.key.equals(LEGACY_DEV_MASTER_KEY.key)).toBe(false);
    expect(first.masterKey.unwrapOnly).toBeUndefined();
    expect(loadDevSecrets(file)).toEqual(first);
    const stored = JSON.parse(readFileSync(file, 'utf8'));
    expect(stored).toEqual({ authSecret: first.authSecret, masterKeyId: first.masterKey.id, masterKey: first.masterKey.key.toString('base64') });
    expect(readdirSync(path.dirname(file))).toEqual(['dev-secrets.json']); // no temporary file left

    const other = loadDevSecrets(path.join(tempDir(), 'dev-secrets.json'));
    expect(other.authSecret).not.toBe(first.authSecret);
    expect(other.masterKey.key.equals(first.masterKey.key)).toBe(false);
  });

  it('gives processes that start at the same moment one and the same secret', async () => {
    const dir = tempDir();
    const modulePath = path.resolve('lib/security/dev-secrets.ts');
    // Each child waits at a barrier (its stdin) so that all of them create the file at once.
    let go: (text: string) => void = () => undefined;
    const barrier = new Promise<string>((resolve) => (go = resolve));
    const code = `
      const { loadDevSecrets } = await import(${JSON.stringify(modulePath)});
      process.stdout.write('ready\\n');
      for await (const _ of process.stdin) {}
      const s = loadDevSecrets(${JSON.stringify(path.join(dir, '.data', 'dev-secrets.json'))});
      process.stdout.write(JSON.stringify({ secret: s.authSecret, id: s.masterKey.id, key: s.masterKey.key.toString('hex') }));`;
    const children = Array.from({ length: 3 }, () => runTsx(code, { cwd: dir, stdin: barrier }));
    await Promise.all(children.map((c) => c.ready));
    go('');
    const results = await Promise.all(children.map((c) => c.output));
    expect(new Set(results).size).toBe(1);
    expect(JSON.parse(results[0]!).secret).toBe(JSON.parse(readFileSync(path.join(dir, '.data', 'dev-secrets.json'), 'utf8')).authSecret);
    expect(readdirSync(path.join(dir, '.data'))).toEqual(['dev-secrets.json']);
  });

  it('refuses a damaged file, naming it, instead of silently replacing the key to existing data', () => {
    const file = path.join(tempDir(), 'dev-secrets.json');
    writeFileSync(file, '{"authSecret": "short"}');
    expect(() => loadDevSecrets(file)).toThrow(new RegExp(`${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} is damaged \\(authSecret, masterKeyId, masterKey\\)`));
    expect(readFileSync(file, 'utf8')).toBe('{"authSecret": "short"}');
  });
});

describe('env() outside production without secrets', () => {
  const envModule = path.resolve('lib/env.ts');
  const code = `
    const { env } = await import(${JSON.stringify(envModule)});
    const e = env();
    process.stdout.write(JSON.stringify({ authSecret: e.authSecret, keys: e.masterKeys.map((k) => ({ id: k.id, key: k.key.toString('base64'), unwrapOnly: k.unwrapOnly ?? false })) }));`;
  const bare = () => {
    const { NEXTAUTH_SECRET: _s, ENCRYPTION_MASTER_KEYS: _k, ENCRYPTION_MASTER_KEY: _k1, ...rest } = process.env; // eslint-disable-line @typescript-eslint/no-unused-vars
    return { ...rest, NODE_ENV: 'development' as const };
  };

  it('signs with a generated secret kept in .data/, the same in every later process', async () => {
    const cwd = tempDir();
    const first = JSON.parse(await runTsx(code, { cwd, env: bare() }).output);
    const stored = JSON.parse(readFileSync(path.join(cwd, DEV_SECRETS_FILE), 'utf8'));
    expect(first.authSecret).not.toBe(OLD_DEV_SECRET);
    expect(first.authSecret.length).toBeGreaterThanOrEqual(32);
    expect(first.authSecret).toBe(stored.authSecret);
    // The generated master key is current (new wraps, the blind index); the old public one only unwraps.
    expect(first.keys).toEqual([
      { id: stored.masterKeyId, key: stored.masterKey, unwrapOnly: false },
      { id: 'dev', key: Buffer.alloc(32, 7).toString('base64'), unwrapOnly: true },
    ]);
    expect(JSON.parse(await runTsx(code, { cwd, env: bare() }).output)).toEqual(first);
  });

  it('leaves configured secrets alone and creates no file', async () => {
    const cwd = tempDir();
    const key = Buffer.alloc(32, 1).toString('base64');
    const given = { ...bare(), NEXTAUTH_SECRET: 'x'.repeat(40), ENCRYPTION_MASTER_KEYS: `mine:${key}` };
    expect(JSON.parse(await runTsx(code, { cwd, env: given }).output)).toEqual({
      authSecret: 'x'.repeat(40),
      keys: [{ id: 'mine', key, unwrapOnly: false }],
    });
    expect(readdirSync(cwd)).toEqual([]);
  });
});
