// Plumbing of the API v3 routes: every answer (refusals included) in the v3 envelope, the audit row of
// the site like the v1 routes, and the credential of a request (lib/nightscout/authenticate.ts: the API
// secret, an access token, or a Bearer JWT as AndroidAPS sends it). As in cgm-remote-monitor's
// lib/api3/security.js, no or a wrong credential is 401 (AndroidAPS then fetches a new JWT) and one that
// lacks a permission is 403 "Missing permission <permission>". An operation's further permissions are
// checked as it needs them (a CREATE that turns out to be a deduplication needs `update` too).
import type { NextRequest } from 'next/server';
import type { ActiveSite } from '../../data/nightscout-sites';
import { ApiError } from '../../http/errors';
import { route } from '../../http/handler';
import { authenticateSiteCredential, type NightscoutPermission, type SiteCredential } from '../authenticate';
import { permits } from '../permissions';
import { collectionOf, listPermission, permission, type Action, type CollectionName } from './collections';
import { MESSAGES, V3Refusal, v3ErrorResponse } from './envelope';
import type { V3Context } from './operations';
import { storeOf } from './stores';

export type SiteParams = { siteId: string };
export type CollectionParams = SiteParams & { collection: string };

/** A v3 route handler: the site's audit subject, and every error answered in the v3 envelope. */
export function v3Route<P extends SiteParams>(fn: (req: NextRequest, params: P) => Promise<Response>) {
  return route<P>({ kind: 'device', param: 'siteId' as Extract<keyof P, string> }, async (req, params) => {
    try {
      return await fn(req, params);
    } catch (error) {
      return v3ErrorResponse(error);
    }
  });
}

/** The request's credential for the site when it grants `wanted` (every credential may read the status). */
export async function v3Credential(req: NextRequest, siteId: string, wanted: NightscoutPermission): Promise<SiteCredential> {
  try {
    return await authenticateSiteCredential(req, siteId, wanted, { lacking: 'FORBIDDEN' });
  } catch (error) {
    if (error instanceof ApiError && error.code === 'FORBIDDEN') throw new V3Refusal(403, MESSAGES.missingPermission(wanted));
    throw error;
  }
}

/**
 * The context of an operation on `params.collection`, authenticated for `first` (an action, or 'list'
 * for SEARCH and HISTORY). `onSamplesChanged` is called when a write changed the patient's samples.
 */
export async function collectionContext(
  req: NextRequest,
  params: CollectionParams,
  first: Action | 'list',
  onSamplesChanged?: (site: ActiveSite) => void,
): Promise<V3Context> {
  const collection: CollectionName = collectionOf(params.collection);
  const credential = await v3Credential(req, params.siteId, first === 'list' ? listPermission(collection) : permission(collection, first));
  const site = credential.site;
  return {
    site,
    collection,
    store: storeOf(collection),
    demand: async (wanted) => {
      if (!permits(credential.groups, wanted)) throw new V3Refusal(403, MESSAGES.missingPermission(wanted));
    },
    nowMs: Date.now(),
    basePath: `/ns/${params.siteId}/api/v3/${collection}`,
    onWritten: (written) => {
      if (written.samplesChanged) onSamplesChanged?.(site);
    },
  };
}
