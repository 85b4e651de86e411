// GET /share/:code — opens a link share. A valid code becomes a signed grant in an httpOnly cookie and a
// 303 to /shared, so the code leaves the address bar and the history at once. Unknown, expired and
// revoked codes get the same 404 (status and body), so a code's past is not revealed.
import { NextResponse, type NextRequest } from 'next/server';
import { enforceAnonymousRefusalLimit } from '@/lib/audit/anonymous';
import { clientOf, recordAudit } from '@/lib/audit/record';
import { shareOfCode } from '@/lib/audit/subjects';
import { openLinkShare } from '@/lib/data/shares';
import { env } from '@/lib/env';
import { errorResponse } from '@/lib/http/errors';
import { GRANT_COOKIE, GRANT_MAX_AGE_S, GRANT_PATH, LINK_HEADERS, signGrant } from '../grant';

const NOT_FOUND_HTML = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="referrer" content="no-referrer"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Link not available · Pulse</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 32rem; margin: 4rem auto; padding: 0 1rem; color: #0f172a">
<main><h1>This link is not available</h1><p>The link may be mistyped, or it has expired or been withdrawn by the person who shared it.</p></main>
</body></html>`;

export async function GET(req: NextRequest, { params }: { params: Promise<{ code: string }> }) {
  const { code } = await params;
  // Guessing codes from one address ends in a 429 once its refusals are only summarised in the log.
  const limited = await enforceAnonymousRefusalLimit(clientOf(req.headers).ip, 'share.link-opened').then(() => null, (error: unknown) => errorResponse(error));
  if (limited) return limited;
  const share = await openLinkShare(code);
  // Every use of a share code is audited (never the code itself): who opened which patient's share,
  // also an expired or revoked one (the answer is the same 404 as for an unknown code).
  const subject = share ?? (await shareOfCode(code));
  await recordAudit({
    action: 'share.link-opened',
    outcome: share ? 'SUCCESS' : 'DENIED',
    targetType: 'share_tokens',
    targetId: subject?.id ?? null,
    patientId: subject?.patientId ?? null,
    ...clientOf(req.headers),
  });
  if (!share) return new NextResponse(NOT_FOUND_HTML, { status: 404, headers: { ...LINK_HEADERS, 'Content-Type': 'text/html; charset=utf-8' } });
  // A relative Location: the browser resolves it against this URL, whatever host the app is behind.
  const res = new NextResponse(null, { status: 303, headers: { ...LINK_HEADERS, Location: GRANT_PATH } });
  const maxAge = Math.min(GRANT_MAX_AGE_S, Math.floor((Date.parse(share.expiresAt) - Date.now()) / 1000));
  res.cookies.set(GRANT_COOKIE, signGrant(share.id), {
    httpOnly: true, sameSite: 'lax', secure: env().isProduction, path: GRANT_PATH, maxAge,
  });
  return res;
}
