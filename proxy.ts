// Runs before every route: refuses cross-site mutations made with the session cookie, rate-limits
// sign-in attempts (next-auth v4 cannot answer 429 from `authorize`), and sets the security headers,
// with a Content-Security-Policy carrying a fresh nonce.
import { NextResponse, type NextRequest } from 'next/server';
import { env } from '@/lib/env';
import { ApiError, errorResponse } from '@/lib/http/errors';
import { createNonce, securityHeaders } from '@/lib/security/headers';
import { isCrossSiteMutation } from '@/lib/security/cross-origin';
import { clientIp, enforceSignInRateLimit } from '@/lib/security/sign-in-limit';

const SIGN_IN_PATH = '/api/auth/callback/credentials';

async function signInEmail(request: NextRequest): Promise<string> {
  try {
    const form = await request.clone().formData();
    const email = form.get('email');
    return typeof email === 'string' ? email : '';
  } catch {
    return ''; // not a form: next-auth refuses it anyway; it still counts against the address
  }
}

async function refuseSignIn(request: NextRequest): Promise<Response | null> {
  try {
    await enforceSignInRateLimit(clientIp(request.headers), await signInEmail(request));
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
  const response = NextResponse.next({ request: { headers } });
  for (const [name, value] of Object.entries(security)) response.headers.set(name, value);
  return response;
}

export const config = {
  // Everything but build assets (immutable files: no nonce, no cookie checks needed) and import uploads,
  // which stream gigabytes the proxy would buffer (app/api/v1/imports/route.ts refuses cross-site
  // requests and sets its headers itself).
  matcher: ['/((?!_next/static|_next/image|favicon.ico|api/v1/imports$).*)'],
};
