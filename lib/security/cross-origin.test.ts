// The cross-site mutation rule (pure).
import { describe, expect, it } from 'vitest';
import { isCrossSiteMutation } from './cross-origin';

const session = ['next-auth.session-token'];
const check = (method: string, headers: Record<string, string>, cookieNames = session) =>
  isCrossSiteMutation({ method, headers: new Headers({ host: 'app.example', ...headers }), cookieNames });

describe('isCrossSiteMutation', () => {
  it('refuses a cookie-authenticated mutation from another origin', () => {
    expect(check('POST', { origin: 'https://evil.example' })).toBe(true);
    expect(check('DELETE', { origin: 'null' })).toBe(true);
    expect(check('PATCH', { 'sec-fetch-site': 'cross-site' })).toBe(true);
    expect(check('PUT', { 'sec-fetch-site': 'same-site', origin: 'https://app.example' })).toBe(true);
    expect(check('POST', { origin: 'https://evil.example' }, ['__Secure-next-auth.session-token.0'])).toBe(true);
  });

  it('allows same-origin mutations, reads, and requests without the session cookie', () => {
    expect(check('POST', { origin: 'https://app.example', 'sec-fetch-site': 'same-origin' })).toBe(false);
    expect(check('POST', { origin: 'https://app.example', 'x-forwarded-host': 'app.example', host: 'internal:3000' })).toBe(false);
    expect(check('GET', { origin: 'https://evil.example' })).toBe(false);
    expect(check('POST', { origin: 'https://evil.example' }, [])).toBe(false);
    expect(check('POST', {})).toBe(false);
  });
});
