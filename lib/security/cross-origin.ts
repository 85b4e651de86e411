// Cross-site request forgery guard: a state-changing request that carries the session cookie must come
// from this site. Device requests (a bearer token, no cookie) are not affected.
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const SESSION_COOKIES = ['next-auth.session-token', '__Secure-next-auth.session-token'];

type RequestLike = { method: string; headers: Headers; cookieNames: string[] };

function carriesSession(cookieNames: string[]): boolean {
  // next-auth splits a large session cookie into chunks (name.0, name.1, ...).
  return cookieNames.some((name) => SESSION_COOKIES.some((cookie) => name === cookie || name.startsWith(`${cookie}.`)));
}

/** The host this request was sent to, as the browser saw it (a reverse proxy passes it on). */
function requestHost(headers: Headers): string | null {
  return headers.get('x-forwarded-host')?.split(',')[0]?.trim() || headers.get('host');
}

/** True when a cookie-authenticated mutation comes from another site (refuse it). */
export function isCrossSiteMutation({ method, headers, cookieNames }: RequestLike): boolean {
  if (SAFE_METHODS.has(method.toUpperCase()) || !carriesSession(cookieNames)) return false;
  const fetchSite = headers.get('sec-fetch-site');
  if (fetchSite && fetchSite !== 'same-origin' && fetchSite !== 'none') return true;
  const origin = headers.get('origin');
  if (origin === null) return false; // not a browser's cross-site request: browsers send Origin on those
  try {
    return new URL(origin).host !== requestHost(headers);
  } catch {
    return true; // "null" or garbage
  }
}
