// The two answers cgm-remote-monitor gives about credentials themselves: GET /api/v2/authorization/
// request/<accessToken> (lib/authorization/endpoints.js and index.js authorize: a JWT for an access token,
// or a fresh one for a JWT), and GET /api/v1/verifyauth (lib/api/verifyauth.js: what the request's
// credential may do, always 200).
import type { NextRequest } from 'next/server';
import { noteAudit } from '../audit/context';
import { findActiveNightscoutSite, type ActiveSite } from '../data/nightscout-sites';
import { nightscoutTokenName, touchNightscoutToken, type PresentedToken } from '../data/nightscout-tokens';
import { hitRateLimit, peekRateLimit, rateLimited } from '../security/rate-limit';
import { credentialRefused, failureSubject, SECRET_FAILURES, tokenOfText, type Resolution } from './authenticate';
import { signJwt } from './jwt';
import { permissionGroups, permits } from './permissions';

export type AuthorizationAnswer = { token: string; sub: string; permissionGroups: string[][]; iat: number; exp: number };

/**
 * A JWT for the access token (or for the token a still valid JWT names), as `{ token, sub,
 * permissionGroups, iat, exp }` (AndroidAPS's nssdk RemoteAuthResponse reads token, iat and exp). Under
 * /ns/<siteId>/ the token must be that site's; at the root (where AndroidAPS asks: its path is absolute)
 * the token alone names its site. Unknown, revoked, or of a revoked site: 401.
 */
export async function authorizationRequest(req: NextRequest, accessToken: string, siteId: string | null): Promise<AuthorizationAnswer> {
  const subject = failureSubject(req, siteId ?? '*');
  const state = await peekRateLimit(SECRET_FAILURES, subject);
  if (!state.allowed) throw rateLimited(state.retryAfterSeconds);
  const found = await tokenOfText(accessToken);
  const token = found.token && found.token.revokedAt === null && (siteId === null || found.token.siteId === siteId) ? found.token : null;
  const site = token ? await findActiveNightscoutSite(token.siteId) : null;
  if (!token || !site) {
    if (found.guess) await hitRateLimit(SECRET_FAILURES, subject);
    throw credentialRefused();
  }
  noteAudit({ actorDeviceId: site.id, patientId: site.userId, details: { tokenId: token.id } });
  await touchNightscoutToken(token);
  return authorizationFor(site, token);
}

/** The answer for a token in force: a new JWT naming it, its name and its permission groups. */
export async function authorizationFor(site: ActiveSite, token: PresentedToken): Promise<AuthorizationAnswer> {
  const { jwt, claims } = signJwt(token.id);
  return { token: jwt, sub: await nightscoutTokenName(site.userId, token.id), permissionGroups: permissionGroups(token.role), iat: claims.iat, exp: claims.exp };
}

/**
 * verifyauth's `message`: what the credential may do (read, write and admin checked as Nightscout's
 * `*:*:read`, `*:*:write`, `*:*:admin`). Without a credential the default roles apply, which here are none.
 */
export function verifyAuthAnswer(resolution: Resolution) {
  const credential = resolution.credential;
  const groups = credential?.groups ?? [];
  const canRead = permits(groups, '*:*:read');
  return {
    canRead,
    canWrite: permits(groups, '*:*:write'),
    isAdmin: permits(groups, '*:*:admin'),
    message: canRead ? 'OK' : 'UNAUTHORIZED',
    rolefound: credential?.kind === 'token' ? 'FOUND' : 'NOTFOUND',
    permissions: 'attempted' in resolution && !resolution.attempted ? 'DEFAULT' : 'ROLE',
  };
}
