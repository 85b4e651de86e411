// Who may use /ns/<siteId>/: a client holding the site's API secret, sent as cgm-remote-monitor reads it
// (the `api-secret` header, else `?secret=`). A wrong or missing secret, an unknown site and a revoked
// one are the same 401, and each counts against the site and the client's address: past the limit
// every try is a 429 until the window ends, the right secret included, so guessing gains nothing.
import type { NextRequest } from 'next/server';
import { z } from 'zod';
import { noteAudit } from '../audit/context';
import { findActiveNightscoutSite, type ActiveSite } from '../data/nightscout-sites';
import { unauthorized } from '../http/errors';
import { readJson } from '../http/handler';
import { addressBucket, clientIp } from '../security/client-address';
import { hitRateLimit, peekRateLimit, rateLimited, type RateLimitRule } from '../security/rate-limit';
import { secretMatches } from './secret';

export const SECRET_FAILURES: RateLimitRule = { scope: 'nightscout:secret', limit: 10, windowSeconds: 600 };

/**
 * A Nightscout permission in its Shiro-style form, e.g. `api:<collection>:<action>` (cgm-remote-monitor's
 * lib/authorization): what a route needs of its caller. The API secret grants every one (admin).
 */
export type NightscoutPermission = `${string}:${string}:${string}`;

export async function authenticateSite(req: NextRequest, siteId: string, permission: NightscoutPermission): Promise<ActiveSite> {
  void permission; // the API secret is admin: every permission
  const subject = `${siteId}\n${addressBucket(clientIp(req.headers))}`;
  const state = await peekRateLimit(SECRET_FAILURES, subject);
  if (!state.allowed) throw rateLimited(state.retryAfterSeconds);
  const given = req.headers.get('api-secret') ?? req.nextUrl.searchParams.get('secret');
  const site = z.uuid().safeParse(siteId).success ? await findActiveNightscoutSite(siteId) : null;
  // Compared even when the site is unknown, so the answer takes the same work either way.
  const matches = secretMatches(given ?? '', site ?? { secretSha1: '0'.repeat(40), secretSha512: '0'.repeat(128) });
  if (!site || !given || !matches) {
    await hitRateLimit(SECRET_FAILURES, subject);
    throw unauthorized('missing or wrong API secret');
  }
  noteAudit({ actorDeviceId: site.id, patientId: site.userId });
  return site;
}

export const MAX_BODY_BYTES = 8 * 1024 * 1024;

/** An upload's JSON, plain or gzip (AndroidAPS and xDrip+ can send it), under `text/plain` too. */
export const readNightscoutJson = async (req: NextRequest) =>
  (await readJson(req, MAX_BODY_BYTES, { gzipInflatedMax: MAX_BODY_BYTES, textPlain: true })).json;
