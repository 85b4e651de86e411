// The collections API v3 serves and the permission each operation needs (cgm-remote-monitor
// lib/api3/generic/*: `api:<collection>:<create|read|update|delete>`; searching or reading the history
// of `settings` needs `api:settings:admin`). Any other collection name is the original's 404.
import type { NightscoutPermission } from '../authenticate';
import { MESSAGES, V3Refusal } from './envelope';

export const COLLECTIONS = ['devicestatus', 'entries', 'food', 'profile', 'settings', 'treatments'] as const;
export type CollectionName = (typeof COLLECTIONS)[number];
export type Action = 'create' | 'read' | 'update' | 'delete';

export function collectionOf(name: string): CollectionName {
  if (!(COLLECTIONS as readonly string[]).includes(name)) throw new V3Refusal(404, MESSAGES.badOperation);
  return name as CollectionName;
}

export const permission = (collection: CollectionName, action: Action): NightscoutPermission => `api:${collection}:${action}`;

/** What SEARCH and HISTORY need: read, except for settings (admin). */
export const listPermission = (collection: CollectionName): NightscoutPermission =>
  collection === 'settings' ? 'api:settings:admin' : permission(collection, 'read');
