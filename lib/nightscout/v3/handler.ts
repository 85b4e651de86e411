// Plumbing of the API v3 routes: every answer (refusals included) in the v3 envelope, the audit row of
// the site like the v1 routes, and the context of one collection's operation: the site authenticated
// for the operation's first permission, further permissions demanded as the operation needs them
// (a CREATE that turns out to be a deduplication needs `update` too, as in the original).
import type { NextRequest } from 'next/server';
import type { ActiveSite } from '../../data/nightscout-sites';
import { route } from '../../http/handler';
import { authenticateSite, type NightscoutPermission } from '../authenticate';
import { collectionOf, listPermission, permission, type Action, type CollectionName } from './collections';
import { v3ErrorResponse } from './envelope';
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
  const primary: NightscoutPermission = first === 'list' ? listPermission(collection) : permission(collection, first);
  const site = await authenticateSite(req, params.siteId, primary);
  return {
    site,
    collection,
    store: storeOf(collection),
    demand: async (wanted) => {
      if (wanted !== primary) await authenticateSite(req, params.siteId, wanted);
    },
    nowMs: Date.now(),
    basePath: `/ns/${params.siteId}/api/v3/${collection}`,
    onWritten: (written) => {
      if (written.samplesChanged) onSamplesChanged?.(site);
    },
  };
}
