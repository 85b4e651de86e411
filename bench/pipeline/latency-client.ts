// What a signed-in user does over HTTP in the latency measurement: sign in through next-auth's
// credentials endpoint (as test/http.ts does) and read hourly aggregates (the devices sync through the
// sync client: bench/device-clients.ts).

export type AggregateRow = { periodStart: string; count: number; value: number };

function cookiesOf(res: Response): string[] {
  return res.headers.getSetCookie().map((c) => c.split(';')[0]!);
}

/** The Cookie header of a signed-in session; throws if the credentials are refused. */
export async function signIn(baseUrl: string, email: string, password: string): Promise<string> {
  const csrfRes = await fetch(`${baseUrl}/api/auth/csrf`);
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const jar = cookiesOf(csrfRes);
  const res = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: jar.join('; ') },
    body: new URLSearchParams({ csrfToken, email, password, json: 'true' }),
    redirect: 'manual',
  });
  await res.arrayBuffer();
  const cookies = [...jar, ...cookiesOf(res)];
  if (!cookies.some((c) => c.startsWith('next-auth.session-token='))) throw new Error(`sign-in refused for ${email} (${res.status})`);
  return cookies.join('; ');
}

/** The signed-in user's hourly rows of one type on one local day. */
export async function hourlyRows(baseUrl: string, cookie: string, type: string, day: string): Promise<AggregateRow[]> {
  const res = await fetch(`${baseUrl}/api/v1/users/me/aggregates?types=${type}&period=hour&from=${day}&to=${day}`, { headers: { cookie } });
  if (res.status !== 200) throw new Error(`aggregates read failed: ${res.status} ${await res.text()}`);
  const body = (await res.json()) as Record<string, AggregateRow[] | undefined>;
  return body[type] ?? [];
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Polls every `everyMs` (measured from the start of each poll) until `isVisible` holds; returns the
 * milliseconds from `sinceMs` (a performance.now() reading) to the response that showed the data.
 */
export async function waitUntilVisible(args: { sinceMs: number; everyMs: number; timeoutMs: number; isVisible: () => Promise<boolean> }): Promise<number> {
  for (;;) {
    const pollStarted = performance.now();
    if (await args.isVisible()) return performance.now() - args.sinceMs;
    if (performance.now() - args.sinceMs > args.timeoutMs) throw new Error(`data not visible after ${args.timeoutMs} ms`);
    await sleep(Math.max(0, args.everyMs - (performance.now() - pollStarted)));
  }
}
