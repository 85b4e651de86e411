// API v3's answers about the server itself (cgm-remote-monitor lib/api3/specific/*): VERSION (open to
// anyone, no site data), STATUS (the same plus the caller's permissions per collection, as letters
// c r u d; AndroidAPS uploads only when every collection reads "crud") and LAST MODIFIED (per collection,
// when it last changed, which AndroidAPS compares before asking for each collection's history).
import type { ActiveSite } from '../../data/nightscout-sites';
import { storageVersion } from '../../data/storage-version';
import { NIGHTSCOUT_VERSION } from '../status';
import { COLLECTIONS, type CollectionName } from './collections';
import { storeOf } from './stores';

export const API3_VERSION = '3.0.3-alpha';

export async function versionInfo(nowMs: number) {
  return { version: NIGHTSCOUT_VERSION, apiVersion: API3_VERSION, srvDate: nowMs, storage: { storage: 'postgresql', version: await storageVersion() } };
}

/** The API secret (admin) may do everything in every collection. */
export async function statusInfo(nowMs: number) {
  const apiPermissions = Object.fromEntries(COLLECTIONS.map((c) => [c, 'crud']));
  return { ...(await versionInfo(nowMs)), apiPermissions };
}

/** When each collection last changed; collections holding nothing are left out, as the original leaves them. */
export async function lastModifiedInfo(site: ActiveSite, nowMs: number) {
  const collections: Partial<Record<CollectionName, number>> = {};
  for (const collection of COLLECTIONS) {
    const ms = await storeOf(collection).lastModified(site);
    if (ms !== null) collections[collection] = ms;
  }
  return { srvDate: nowMs, collections };
}
