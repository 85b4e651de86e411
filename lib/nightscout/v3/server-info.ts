// API v3's answers about the server itself (cgm-remote-monitor lib/api3/specific/*): VERSION (open to
// anyone, no site data), STATUS (the same plus what the caller's credential may do per collection, as
// letters c r u d; AndroidAPS uploads only when every collection reads "crud") and LAST MODIFIED (per
// readable collection, when it last changed, which AndroidAPS compares before asking for its history).
import type { ActiveSite } from '../../data/nightscout-sites';
import { storageVersion } from '../../data/storage-version';
import { permits } from '../permissions';
import { NIGHTSCOUT_VERSION } from '../status';
import { COLLECTIONS, type CollectionName } from './collections';
import { storeOf } from './stores';

export const API3_VERSION = '3.0.3-alpha';

export async function versionInfo(nowMs: number) {
  return { version: NIGHTSCOUT_VERSION, apiVersion: API3_VERSION, srvDate: nowMs, storage: { storage: 'postgresql', version: await storageVersion() } };
}

type Groups = readonly (readonly string[])[];

/** What the credential may do per collection (the API secret: "crud" everywhere); collections it may do nothing with are left out. */
export async function statusInfo(groups: Groups, nowMs: number) {
  const letters = (c: CollectionName) => (['create', 'read', 'update', 'delete'] as const).filter((a) => permits(groups, `api:${c}:${a}`)).map((a) => a[0]).join('');
  const apiPermissions = Object.fromEntries(COLLECTIONS.map((c) => [c, letters(c)]).filter(([, l]) => l !== ''));
  return { ...(await versionInfo(nowMs)), apiPermissions };
}

/**
 * When each collection the credential may read last changed; collections holding nothing are left
 * out, as the original leaves them.
 */
export async function lastModifiedInfo(site: ActiveSite, groups: Groups, nowMs: number) {
  const collections: Partial<Record<CollectionName, number>> = {};
  for (const collection of COLLECTIONS) {
    if (!permits(groups, `api:${collection}:read`)) continue;
    const ms = await storeOf(collection).lastModified(site);
    if (ms !== null) collections[collection] = ms;
  }
  return { srvDate: nowMs, collections };
}
