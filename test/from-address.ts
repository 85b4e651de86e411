// Requests to the test server from a loopback address of the test's own (127.x.y.z: all of 127/8 is
// this host), so the socket address the server sees is known and a test's rate limits and audit rows by
// address are its own, apart from every other test's 127.0.0.1.
import { randomInt } from 'node:crypto';
import { request } from 'node:http';
import { baseUrl, type ApiResult } from './http';

/** A loopback address other than 127.0.0.1. */
export const randomLoopback = () => `127.${randomInt(1, 255)}.${randomInt(0, 256)}.${randomInt(1, 255)}`;

type Init = { method?: string; headers?: Record<string, string>; body?: string };

export function fetchFrom(localAddress: string, path: string, init: Init = {}): Promise<ApiResult & { text: string }> {
  const url = new URL(path, baseUrl());
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: url.port,
        path: url.pathname + url.search,
        method: init.method ?? 'GET',
        localAddress,
        // A body's length is sent, as fetch does (a chunked DELETE body is refused before any route sees it).
        headers: { host: url.host, ...(init.body === undefined ? {} : { 'content-length': String(Buffer.byteLength(init.body)) }), ...init.headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          const headers = new Headers();
          for (const [name, value] of Object.entries(res.headers)) for (const v of [value ?? []].flat()) headers.append(name, v);
          let body: unknown = text;
          try {
            body = text ? JSON.parse(text) : null;
          } catch {
            // not JSON; keep the text
          }
          resolve({ status: res.statusCode ?? 0, headers, body, text });
        });
      },
    );
    req.on('error', reject);
    req.end(init.body);
  });
}

/** One credentials sign-in attempt from `localAddress`, as the login form makes it. */
export async function signInFrom(localAddress: string, email: string, password: string, headers: Record<string, string> = {}) {
  const csrf = await fetchFrom(localAddress, '/api/auth/csrf', { headers });
  const cookie = csrf.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const res = await fetchFrom(localAddress, '/api/auth/callback/credentials', {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie, ...headers },
    body: new URLSearchParams({ csrfToken: (csrf.body as { csrfToken: string }).csrfToken, email, password, json: 'true' }).toString(),
  });
  return { ...res, signedIn: res.headers.getSetCookie().some((c) => c.startsWith('next-auth.session-token=')) };
}
