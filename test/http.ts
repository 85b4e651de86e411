// HTTP helpers for integration tests against the real Next.js test server.
import { fetchFrom } from './from-address';

export const baseUrl = () => {
  const url = process.env.TEST_BASE_URL;
  if (!url) throw new Error('TEST_BASE_URL is not set (test/global-setup.ts starts the server)');
  return url;
};

export type ApiResult<T = any> = { status: number; body: T; headers: Headers }; // eslint-disable-line @typescript-eslint/no-explicit-any

export async function api<T = any>( // eslint-disable-line @typescript-eslint/no-explicit-any
  path: string,
  /** `from`: a loopback address of the caller's own (test/from-address.ts), so its rate limits and audit throttling are apart from other tests'. */
  init: { method?: string; json?: unknown; body?: string; cookie?: string; token?: string; headers?: Record<string, string>; from?: string } = {},
): Promise<ApiResult<T>> {
  const headers: Record<string, string> = { ...init.headers };
  if (init.cookie) headers.cookie = init.cookie;
  if (init.token) headers.authorization = `Bearer ${init.token}`;
  let body = init.body;
  if (init.json !== undefined) {
    body = JSON.stringify(init.json);
    headers['content-type'] ??= 'application/json';
  }
  if (init.from) return fetchFrom(init.from, path, { method: init.method ?? (body ? 'POST' : 'GET'), headers, body });
  const res = await fetch(baseUrl() + path, { method: init.method ?? (body ? 'POST' : 'GET'), headers, body, redirect: 'manual' });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    // not JSON; keep the text
  }
  return { status: res.status, body: parsed as T, headers: res.headers };
}

function cookiesOf(res: Response): string[] {
  return res.headers.getSetCookie().map((c) => c.split(';')[0]!);
}

/** Signs in through next-auth's credentials endpoint; returns the Cookie header, or null if refused. */
export async function signIn(email: string, password: string, secondStep: { code?: string; recoveryCode?: string } = {}): Promise<string | null> {
  return (await signInAttempt(email, password, secondStep)).cookie;
}

/**
 * One sign-in try, with the whole answer: the Cookie header (null if refused), the status, and the
 * `error` next-auth puts in the answer's URL (CredentialsSignin, TwoFactorRequired, RateLimited…).
 */
export async function signInAttempt(
  email: string,
  password: string,
  secondStep: { code?: string; recoveryCode?: string } = {},
): Promise<{ cookie: string | null; status: number; error: string | null; retryAfter: string | null }> {
  const csrfRes = await fetch(`${baseUrl()}/api/auth/csrf`);
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const jar = cookiesOf(csrfRes);
  const res = await fetch(`${baseUrl()}/api/auth/callback/credentials`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: jar.join('; ') },
    body: new URLSearchParams({ csrfToken, email, password, ...secondStep, json: 'true' }),
    redirect: 'manual',
  });
  const cookies = [...jar, ...cookiesOf(res)];
  const session = cookies.find((c) => c.startsWith('next-auth.session-token='));
  const body = (await res.json().catch(() => null)) as { url?: string } | null;
  const error = body?.url ? new URL(body.url).searchParams.get('error') : null;
  return { cookie: session ? cookies.join('; ') : null, status: res.status, error, retryAfter: res.headers.get('retry-after') };
}
