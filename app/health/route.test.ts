// GET /health over HTTP against the test server: liveness with the version and commit fixed into the
// build by next.config.ts, and nothing else.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { api } from '@/test/http';

/** The commit next.config.ts captured when the test server started (it inherits this environment). */
function expectedCommit(): string {
  const fromEnv = [process.env.GIT_COMMIT, process.env.SOURCE_COMMIT].map((v) => v?.trim()).find((v) => v && /^[0-9a-f]{7,64}$/i.test(v));
  if (fromEnv) return fromEnv;
  try {
    return execFileSync('git', ['rev-parse', 'HEAD'], { stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim();
  } catch {
    return 'unknown';
  }
}

describe('GET /health', () => {
  it('answers ok with the package version and the commit built, publicly, and nothing else', async () => {
    const res = await api('/health');
    expect(res.status).toBe(200);
    const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
    expect(res.body).toEqual({ status: 'ok', version, commit: expectedCommit() });
    expect(res.body.commit).toMatch(/^([0-9a-f]{7,64}|unknown)$/i);
  });
});
