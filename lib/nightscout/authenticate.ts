// Who may use /ns/<siteId>/, resolved as cgm-remote-monitor's lib/authorization does: (a) the site's API
// secret (`api-secret` header, else `?secret=`: admin, every permission); (b) a JWT it issued
// (`Authorization: Bearer <jwt>`, or `?token=<jwt>`); (c) an access token (`?token=<token>`, or the token
// or its SHA-1 where the secret goes, as xDrip+, Loop and Trio send what is typed there). A token or JWT
// holds its role's permissions, checked Shiro-style (./permissions.ts); a token revoked, or of a revoked
// site, stops at once, its JWTs too. No credential, a wrong one, an unknown site and a revoked one are the
// same 401. Each request carrying a credential that is a guess (a wrong secret, an unknown token, a
// forged JWT) counts against the site and the client's address: past the limit every try is a 429 until
// the window ends, the right credential included, so guessing gains nothing. A credential we know that
// merely stopped (an expired JWT, a revoked token) is no guess and does not count, nor does none at all
// (AndroidAPS's first request carries an empty Bearer), so a phone still holding an old token does not
// lock out the others at the same address.
import type { NextRequest } from 'next/server';
import { z } from 'zod';
import { noteAudit } from '../audit/context';
import { bearerToken } from '../auth/tokens';
import { findActiveNightscoutSite, type ActiveSite } from '../data/nightscout-sites';
import { findTokenByDigest, findTokenById, touchNightscoutToken, type PresentedToken } from '../data/nightscout-tokens';
import { ApiError, unauthorized } from '../http/errors';
import { readJson } from '../http/handler';
import { addressBucket, clientIp } from '../security/client-address';
import { hitRateLimit, peekRateLimit, rateLimited, type RateLimitRule } from '../security/rate-limit';
import { looksLikeJwt, verifyJwt } from './jwt';
import { permissionGroups, permits, type NightscoutPermission } from './permissions';
import { secretMatches } from './secret';
import { tokenLookup } from './tokens';

export type { NightscoutPermission } from './permissions';

export const SECRET_FAILURES: RateLimitRule = { scope: 'nightscout:secret', limit: 10, windowSeconds: 600 };

/** The one refusal of a missing or wrong credential (cgm-remote-monitor answers 401 "Unauthorized" to each). */
export const credentialRefused = () => unauthorized('missing or wrong API secret or access token');

/** A credential that holds for the site: the API secret, or one of its access tokens (itself or through a JWT). */
export type SiteCredential =
  | { kind: 'secret'; site: ActiveSite; groups: string[][] }
  | { kind: 'token'; site: ActiveSite; token: PresentedToken; via: 'token' | 'jwt'; groups: string[][] };

export type Resolution = { credential: SiteCredential } | { credential: null; attempted: boolean };

const ADMIN: string[][] = [['*']];
const NO_SITE = { secretSha1: '0'.repeat(40), secretSha512: '0'.repeat(128) };

/** The rate-limit subject of a site (or of every site: `*`, for the request URL that names none) and the client's address. */
export const failureSubject = (req: NextRequest, siteId: string) => `${siteId}\n${addressBucket(clientIp(req.headers))}`;

/** What a request presents: each part absent when empty (Nightscout also ignores a literal `null` secret). */
function presented(req: NextRequest) {
  const secret = req.headers.get('api-secret') || req.nextUrl.searchParams.get('secret') || null;
  return {
    secret: secret === 'null' ? null : secret,
    token: req.nextUrl.searchParams.get('token') || null,
    bearer: bearerToken(req.headers.get('authorization')),
  };
}

type Found = { token: PresentedToken | null; via: 'token' | 'jwt'; guess: boolean };

/** The token a JWT names (a forged JWT is a guess; an expired one is not, and names nothing). */
async function tokenOfJwt(jwt: string): Promise<Found> {
  const verified = verifyJwt(jwt);
  if (!verified.ok) return { token: null, via: 'jwt', guess: verified.reason === 'forged' };
  return { token: await findTokenById(verified.claims.sub), via: 'jwt', guess: false };
}

/** The token behind what a client sent (the token, or its SHA-1); unknown text is a guess. */
export async function tokenOfText(text: string): Promise<Found> {
  if (looksLikeJwt(text)) return tokenOfJwt(text);
  const lookup = tokenLookup(text);
  const token = lookup ? await findTokenByDigest(lookup) : null;
  return { token, via: 'token', guess: token === null };
}

/** Whether a found token may act on the site: its own, and in force. */
const holds = (found: Found, siteId: string) => found.token !== null && found.token.siteId === siteId && found.token.revokedAt === null;

/**
 * The credential the request holds for the site, or none (and whether it tried one). Throws 429 while
 * the site and address are past the failure limit.
 */
export async function resolveSiteCredential(req: NextRequest, siteId: string): Promise<Resolution> {
  const given = presented(req);
  if (!given.secret && !given.token && !given.bearer) return { credential: null, attempted: false };
  const subject = failureSubject(req, siteId);
  const state = await peekRateLimit(SECRET_FAILURES, subject);
  if (!state.allowed) throw rateLimited(state.retryAfterSeconds);
  const site = z.uuid().safeParse(siteId).success ? await findActiveNightscoutSite(siteId) : null;
  // Compared even when the site is unknown, so the answer takes the same work either way.
  const secretHolds = given.secret !== null && secretMatches(given.secret, site ?? NO_SITE);
  if (site && secretHolds) return { credential: { kind: 'secret', site, groups: ADMIN } };

  // As cgm-remote-monitor: a JWT first (Bearer, or ?token= shaped as one), then an access token in
  // ?token=, then the `api-secret` value read as an access token.
  const tries: Found[] = [];
  if (given.bearer) tries.push(await tokenOfJwt(given.bearer));
  if (given.token) tries.push(await tokenOfText(given.token));
  if (given.secret && !secretHolds) tries.push(await tokenOfText(given.secret));
  const found = site ? tries.find((t) => holds(t, site.id)) : undefined;
  if (site && found?.token) {
    await touchNightscoutToken(found.token);
    return { credential: { kind: 'token', site, token: found.token, via: found.via, groups: permissionGroups(found.token.role) } };
  }
  // An unknown site counts whatever was sent, as before tokens existed.
  if (tries.some((t) => t.guess) || !site) await hitRateLimit(SECRET_FAILURES, subject);
  return { credential: null, attempted: true };
}

/** What a credential that holds but lacks the permission gets: API v1 answers 401, API v3 403 (cgm-remote-monitor lib/api3/security.js). */
export type AuthenticateOptions = { lacking?: 'UNAUTHORIZED' | 'FORBIDDEN' };

/**
 * The request's credential for the site when it grants `permission`; else 401 (a credential that holds
 * but lacks the permission gets its own message, with cgm-remote-monitor's status code).
 */
export async function authenticateSiteCredential(req: NextRequest, siteId: string, permission: NightscoutPermission, options: AuthenticateOptions = {}): Promise<SiteCredential> {
  const { credential } = await resolveSiteCredential(req, siteId);
  if (!credential) throw credentialRefused();
  noteAudit({ actorDeviceId: credential.site.id, patientId: credential.site.userId, details: credential.kind === 'token' ? { tokenId: credential.token.id } : {} });
  if (!permits(credential.groups, permission)) throw new ApiError(options.lacking ?? 'UNAUTHORIZED', `this access token's role does not allow ${permission}`);
  return credential;
}

/** The site, when the request holds a credential for it that grants `permission`; else 401 (or 429). */
export const authenticateSite = async (req: NextRequest, siteId: string, permission: NightscoutPermission, options: AuthenticateOptions = {}): Promise<ActiveSite> =>
  (await authenticateSiteCredential(req, siteId, permission, options)).site;

export const MAX_BODY_BYTES = 8 * 1024 * 1024;

/** An upload's JSON, plain or gzip (AndroidAPS and xDrip+ can send it), under `text/plain` too. */
export const readNightscoutJson = async (req: NextRequest) =>
  (await readJson(req, MAX_BODY_BYTES, { gzipInflatedMax: MAX_BODY_BYTES, textPlain: true })).json;
