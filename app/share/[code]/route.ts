// GET /share/:code — the older form of a share link, kept working through the same exchange as
// /share#code (open-link.ts): a valid code becomes a signed grant in an httpOnly cookie and a 303 to
// /shared, so the code leaves the address bar and the history at once. Unknown, expired and revoked
// codes get the same 404 (status and body), so a code's past is not revealed. New links carry the code
// after `#` instead, which browsers never send: this path is the one that reaches access logs (the
// app's own logs and the development server's request log leave it out).
import { NextResponse, type NextRequest } from 'next/server';
import { ApiError } from '@/lib/http/errors';
import { LOCALE_COOKIE, requestLocale, type Locale } from '@/lib/i18n/locales';
import { GRANT_PATH, LINK_HEADERS } from '../grant';
import { linkPage } from '../link-page';
import { logLinkRequest, openLink, setGrant } from '../open-link';

export async function GET(req: NextRequest, { params }: { params: Promise<{ code: string }> }) {
  const started = performance.now();
  // The visitor has no session: their language is the switcher's cookie, else the browser's.
  const locale = requestLocale(req.cookies.get(LOCALE_COOKIE)?.value, req.headers.get('accept-language'));
  const res = await answer((await params).code, req.headers, locale);
  logLinkRequest('/share/[code]', 'GET', res.status, started);
  return res;
}

async function answer(code: string, headers: Headers, locale: Locale): Promise<NextResponse> {
  try {
    const share = await openLink(code, headers);
    if (!share) return linkPage('unavailable', 404, locale);
    // A relative Location: the browser resolves it against this URL, whatever host the app is behind.
    return setGrant(new NextResponse(null, { status: 303, headers: { ...LINK_HEADERS, Location: GRANT_PATH } }), share);
  } catch (error) {
    if (error instanceof ApiError && error.code === 'RATE_LIMITED') return linkPage('limited', 429, locale, error.headers);
    throw error;
  }
}
