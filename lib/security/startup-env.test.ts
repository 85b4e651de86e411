// A production server without its secrets refuses to start (instrumentation.ts), naming the variable.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

describe('start-up environment check', () => {
  it('exits non-zero naming NEXTAUTH_SECRET when production starts without it', () => {
    const { NEXTAUTH_SECRET: _omitted, ...rest } = process.env; // eslint-disable-line @typescript-eslint/no-unused-vars
    const result = spawnSync('npx', ['tsx', '-e', "import('./instrumentation.ts').then((m) => m.register())"], {
      env: { ...rest, NODE_ENV: 'production', NEXT_RUNTIME: 'nodejs' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(result.status).not.toBe(0);
    expect(result.status).not.toBeNull();
    expect(result.stderr).toMatch(/Refusing to start[\s\S]*NEXTAUTH_SECRET: required in production/);
  });
});
