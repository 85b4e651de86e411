// Runs before every route: refuses cross-site mutations made with the session cookie, rate-limits
// sign-in attempts and tries of the second step (next-auth v4 cannot answer 429 from `authorize`), and sets the security headers,
// with a Content-Security-Policy carrying a fresh nonce. Nightscout paths asked at the host root (Loop,
// Trio) and `.json` aliases are rewritten to the /ns/ routes that serve them.
import { NextResponse, type NextRequest } from 'next/server';
import { accountKeyOfEmail, countSecondFactorTry } from '@/lib/auth/two-factor-limit';
import { PAGE_PATH_HEADER } from '@/lib/auth/page-path';
import { env } from '@/lib/env';
import { ApiError, errorResponse } from '@/lib/http/errors';
import { createNonce, securityHeaders } from '@/lib/security/headers';
import { isCrossSiteMutation } from '@/lib/security/cross-origin';
import { nightscoutJsonAlias } from '@/lib/nightscout/paths';
import { nightscoutRootPath } from '@/lib/nightscout/root-paths';
import { clientIp, enforceSignInRateLimit } from '@/lib/security/sign-in-limit';

const SIGN_IN_PATH = '/api/auth/callback/credentials';

/** The sign-in form's e-mail, and whether it carries a second step (a code or a recovery code). */
async function signInForm(request: NextRequest): Promise<{ email: string; secondStep: boolean }> {
  try {
    const form = await request.clone().formData();
    const text = (name: string) => {
      const value = form.get(name);
      return typeof value === 'string' ? value : '';
    };
    return { email: text('email'), secondStep: !!(text('code').trim() || text('recoveryCode').trim()) };
  } catch {
    return { email: '', secondStep: false }; // not a form: next-auth refuses it anyway; it still counts against the address
  }
}

async function refuseSignIn(request: NextRequest): Promise<Response | null> {
  try {
    const { email, secondStep } = await signInForm(request);
    await enforceSignInRateLimit(clientIp(request.headers), email);
    // Every try of a second step counts, whatever the password (so the delay says nothing about it).
    if (secondStep && email.trim()) await countSecondFactorTry(accountKeyOfEmail(email));
    return null;
  } catch (error) {
    const response = errorResponse(error);
    if (!(error instanceof ApiError)) return response;
    // next-auth's client reads `url` (and its `error` parameter) from every sign-in answer.
    const body = { ...(await response.json()), url: new URL('/login?error=RateLimited', request.nextUrl.origin).toString() };
    return NextResponse.json(body, { status: response.status, headers: response.headers });
  }
}

export async function proxy(request: NextRequest): Promise<Response> {
  const cookieNames = request.cookies.getAll().map((cookie) => cookie.name);
  if (isCrossSiteMutation({ method: request.method, headers: request.headers, cookieNames })) {
    return errorResponse(new ApiError('FORBIDDEN', 'cross-site request refused'));
  }
  if (request.method === 'POST' && request.nextUrl.pathname === SIGN_IN_PATH) {
    const refused = await refuseSignIn(request);
    if (refused) return refused;
  }

  // Next.js reads the nonce from the request's CSP header and puts it on the scripts it renders.
  const security = securityHeaders({ nonce: createNonce(), production: env().isProduction, path: request.nextUrl.pathname });
  const headers = new Headers(request.headers);
  headers.set('content-security-policy', security['Content-Security-Policy']!);
  headers.set(PAGE_PATH_HEADER, request.nextUrl.pathname); // set here only: a client's own value is replaced
  const response = nightscoutRewrite(request, headers) ?? NextResponse.next({ request: { headers } });
  for (const [name, value] of Object.entries(security)) response.headers.set(name, value);
  return response;
}

/**
 * Nightscout clients ask for v1 paths with or without `.json`: both are served by the one route. Loop and
 * Trio ask at the host root whatever their URL's path: /ns/root/ finds the site from the credential.
 */
function nightscoutRewrite(request: NextRequest, headers: Headers): NextResponse | null {
  const asked = request.nextUrl.pathname;
  const path = nightscoutRootPath(asked) ?? asked;
  const target = nightscoutJsonAlias(path) ?? path;
  if (target === asked) return null;
  const url = request.nextUrl.clone();
  url.pathname = target;
  return NextResponse.rewrite(url, { request: { headers } });
}

export const config = {
  // Everything but build assets (immutable files: no nonce, no cookie checks needed); import uploads,
  // which stream gigabytes the proxy would buffer (app/api/v1/imports/route.ts refuses cross-site
  // requests and sets its headers itself); and the three health-data reads (summary, aggregates, raw
  // samples, own or a patient's) and device syncs, the API's busiest routes. The reads are GET-only (no
  // mutation to refuse, no Nightscout path to rewrite); a sync is authorized by the device's bearer
  // token alone, never the cookie, so a cross-site request gains nothing, and past the proxy its body
  // is read once, under the route's own caps, instead of being buffered for the proxy too. route() puts
  // the same security headers on all of them; running the proxy cost a read about as much CPU as its
  // own work (bench:profile).
  matcher: ['/((?!_next/static|_next/image|favicon.ico|api/v1/imports$|api/v1/(?:users/me|patients/[^/]+)/(?:summary|aggregates|samples)$|api/v1/devices/[^/]+/sync$).*)'],
};
