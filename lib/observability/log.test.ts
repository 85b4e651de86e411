// Unit: what a log line can carry of a URL — a share link's code (in an older /share/{code} path, or
// after `#` in a whole link) and credentials in a query string are cut out of every text of a line, the
// message included, whatever the key; and the development server's request log leaves those paths out.
import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import { ignoreLoggingIncomingRequests } from 'next/dist/server/dev/log-requests';
import { describe, expect, it } from 'vitest';
import nextConfig from '@/next.config';
import { createLogger, redactUrlSecrets } from './log';

const code = randomBytes(32).toString('base64url');

function captured() {
  const lines: string[] = [];
  const logger = createLogger(new Writable({ write: (chunk, _encoding, done) => (lines.push(String(chunk)), done()) }));
  logger.level = 'info';
  return { logger, text: () => lines.join('') };
}

describe('log lines', () => {
  it('never carry a share link’s code, in any field or the message', () => {
    const { logger, text } = captured();
    logger.info({ method: 'GET', url: `/share/${code}?utm=x`, request: { href: `https://pulse.example/share/${code}`, links: [`https://pulse.example/share#${code}`] } }, `GET /share/${code} 303`);
    logger.child({ requestId: 'r1' }).warn(`opened https://pulse.example/share#${code}`);
    expect(text()).not.toContain(code);
    expect(text()).toContain('/share/[redacted]');
    expect(text()).toContain('/share#[redacted]');
    expect(text().trim().split('\n')).toHaveLength(2);
  });

  it('never carry a credential from a query string, and keep what is no secret', () => {
    const { logger, text } = captured();
    logger.info({ path: `/api/x?token=${code}&page=2`, other: `/y?a=1&access_token=${code}` }, `GET /z?secret=${code}`);
    expect(text()).not.toContain(code);
    expect(text()).toContain('page=2');
    expect(redactUrlSecrets('/api/x?token=abc&page=2')).toBe('/api/x?token=[redacted]&page=2');
  });

  it('never carry a Nightscout client\'s api-secret header (a hash as good as the secret)', () => {
    const { logger, text } = captured();
    logger.info({ headers: { 'api-secret': code }, req: { headers: { 'api-secret': code } } }, 'nightscout');
    expect(text()).not.toContain(code);
  });

  it('still redact by key, as before', () => {
    const { logger, text } = captured();
    logger.info({ email: 'someone@test.example', request: { token: code }, headers: { cookie: `share_grant=${code}` } }, 'keys');
    expect(text()).not.toContain(code);
    expect(text()).not.toContain('someone@test.example');
  });

  it('never carry a Nightscout access token from the path of /api/v2/authorization/request/{token} (issue 16)', () => {
    const { logger, text } = captured();
    const token = `mumsphone-${randomBytes(16).toString('hex')}`;
    logger.info({ url: `/api/v2/authorization/request/${token}`, href: `https://pulse.example/ns/6f1d/api/v2/authorization/request/${token}?x=1` }, `GET /api/v2/authorization/request/${token} 200`);
    expect(text()).not.toContain(token);
    expect(text()).toContain('/authorization/request/[redacted]');
    expect(text()).toContain('?x=1');
  });

  it('keep route templates and paths that hold no code', () => {
    for (const path of ['/ns/[siteId]/api/v2/authorization/request/[accessToken]', '/api/v2/authorization/request/[accessToken]', '/share', '/share/exchange', '/share/[code]', '/shared', '/shared-with-me/1f0e', '/api/v1/shares/2b1c?share=3', '/api/v1/doctor/patients?q=smith']) {
      expect(redactUrlSecrets(path)).toBe(path);
    }
  });
});

describe('the development server’s request log (next.config.ts)', () => {
  const ignored = (url: string) => ignoreLoggingIncomingRequests({ url } as never, nextConfig.logging || undefined);

  it('leaves out every path whose code a log line would have to hide, and nothing else', () => {
    for (const url of [`/share/${code}`, `/share/${code}?x=1`, '/share/short', '/share/exchange', '/share', '/shared', '/api/v1/shares', '/login']) {
      expect(ignored(url), url).toBe(redactUrlSecrets(url) !== url);
    }
    expect(ignored(`/share/${code}`)).toBe(true);
    expect(ignored('/share/exchange')).toBe(false);
  });

  it('leaves out Nightscout requests carrying their secret or token in the query string (issue 16)', () => {
    const site = '/ns/6f1d2c3b-0000-4000-8000-000000000000/api/v1';
    for (const url of [`${site}/entries.json?secret=${code}`, `${site}/entries/sgv.json?count=1&token=${code}`, `${site}/status.json`, `${site}/entries?count=5`]) {
      expect(ignored(url), url).toBe(redactUrlSecrets(url) !== url);
    }
  });

  it('leaves out the JWT requests, whose path carries the access token, at the root and under a site (issue 16)', () => {
    const token = `mumsphone-${randomBytes(16).toString('hex')}`;
    const urls = [`/api/v2/authorization/request/${token}`, `/ns/6f1d2c3b-0000-4000-8000-000000000000/api/v2/authorization/request/${token}`, '/api/v2/properties', '/ns/6f1d/api/v1/verifyauth'];
    for (const url of urls) expect(ignored(url), url).toBe(redactUrlSecrets(url) !== url);
    expect(ignored(urls[0]!)).toBe(true);
  });
});
