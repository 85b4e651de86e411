// The grant cookie a share link is exchanged for, the same whichever way in (/share#code or /share/{code}):
// httpOnly, Lax, sent only to /shared, and never holding the code. Answers the Cookie header to send.
import { expect } from 'vitest';
import type { ApiResult } from './http';

export function expectGrantCookie(res: ApiResult, code: string): string {
  const [cookie] = res.headers.getSetCookie();
  expect(cookie).toMatch(/^share_grant=/);
  expect(cookie).toMatch(/HttpOnly/i);
  expect(cookie).toMatch(/SameSite=Lax/i);
  expect(cookie).toMatch(/Path=\/shared/);
  expect(cookie).not.toContain(code);
  return cookie!.split(';')[0]!;
}
