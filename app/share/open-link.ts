// Opening a link share, the one exchange behind both ways in: POST /share/exchange (links of the form
// /share#code, whose code never reaches a server log) and GET /share/{code} (older links). Per client
// address, refused attempts are limited (429 past 50 in 10 minutes, lib/audit/anonymous.ts) before
// anything is looked up or audited; a valid code becomes a
// signed grant cookie (the share id, never the code) for /shared. Unknown, expired, revoked and
// malformed codes are one answer, so a code's past is not revealed.
import type { NextResponse } from 'next/server';
import { enforceAnonymousRefusalLimit } from '@/lib/audit/anonymous';
import { clientOf, recordAudit } from '@/lib/audit/record';
import { shareOfCode } from '@/lib/audit/subjects';
import { openLinkShare, type ActiveShare } from '@/lib/data/shares';
import { env } from '@/lib/env';
import { log } from '@/lib/observability/log';
import { metrics } from '@/lib/observability/metrics';
import { clientIp } from '@/lib/security/sign-in-limit';
import { GRANT_COOKIE, GRANT_MAX_AGE_S, GRANT_PATH, signGrant } from './grant';

/**
 * The active share a code opens, or null: every attempt is audited (never the code itself): who opened
 * which patient's share, also an expired or revoked one. Throws the 429 before any of that when limited.
 */
export async function openLink(code: string, headers: Headers): Promise<ActiveShare | null> {
  await enforceAnonymousRefusalLimit(clientIp(headers), 'share.link-opened');
  const share = await openLinkShare(code);
  const subject = share ?? (await shareOfCode(code));
  await recordAudit({
    action: 'share.link-opened',
    outcome: share ? 'SUCCESS' : 'DENIED',
    targetType: 'share_tokens',
    targetId: subject?.id ?? null,
    patientId: subject?.patientId ?? null,
    ...clientOf(headers),
  });
  return share;
}

/** Puts the grant of this share on the answer: httpOnly, sent only to /shared, ending with the share at the latest. */
export function setGrant(res: NextResponse, share: ActiveShare): NextResponse {
  const maxAge = Math.min(GRANT_MAX_AGE_S, Math.floor((Date.parse(share.expiresAt) - Date.now()) / 1000));
  res.cookies.set(GRANT_COOKIE, signGrant(share.id), { httpOnly: true, sameSite: 'lax', secure: env().isProduction, path: GRANT_PATH, maxAge });
  return res;
}

/** The request's log line and latency, under the route's template: never the path, which may hold a code. */
export function logLinkRequest(route: '/share/[code]' | '/share/exchange', method: string, status: number, startedMs: number): void {
  const seconds = (performance.now() - startedMs) / 1000;
  metrics().httpDuration.observe({ route, method, status: String(status) }, seconds);
  log.info({ method, route, status, ms: Math.round(seconds * 1000) }, 'request');
}
