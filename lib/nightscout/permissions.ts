// Nightscout's roles and permissions (cgm-remote-monitor lib/authorization/storage.js defaultRoles), and
// its Shiro-style matching (the shiro-trie package it uses): a permission is `part:part:part`; a granted
// `*` part matches any part, a granted part may list alternatives (`read,create`), and a granted
// permission shorter than the one asked for covers everything below it (`*` is every permission).
// Pure: no I/O.

/** A permission a route needs, e.g. `api:entries:read` (resource, collection, action). */
export type NightscoutPermission = `${string}:${string}:${string}`;

export const NIGHTSCOUT_ROLES = ['readable', 'careportal', 'devicestatus-upload', 'admin'] as const;
export type NightscoutRole = (typeof NIGHTSCOUT_ROLES)[number];

/** What each role grants, as cgm-remote-monitor's default roles do. */
export const ROLE_PERMISSIONS: Record<NightscoutRole, readonly string[]> = {
  readable: ['*:*:read'],
  careportal: ['api:treatments:create'],
  'devicestatus-upload': ['api:devicestatus:create'],
  admin: ['*'],
};

/**
 * Every credential of a site may read its status (Nightscout's `status-only` role): uploaders check it
 * before they upload, whatever their role, and Nightscout's own default (`readable` for everyone) lets
 * them. Here the default for no credential is nothing (a site's data is private), so the credential's
 * holders get it with their role instead.
 */
export const STATUS_ONLY: readonly string[] = ['api:status:read'];

/** The permission groups a credential of `role` holds: its role's, then status-only (the `permissionGroups` of the JWT answer). */
export const permissionGroups = (role: NightscoutRole): string[][] => [[...ROLE_PERMISSIONS[role]], [...STATUS_ONLY]];

/** Whether one granted permission covers the one asked for (shiro-trie's check for a single permission). */
export function implies(granted: string, wanted: string): boolean {
  const have = granted.split(':');
  const want = wanted.split(':');
  for (let i = 0; i < want.length; i += 1) {
    if (i >= have.length) return true; // a shorter grant covers everything below it
    if (have[i] === '*') continue;
    if (!have[i]!.split(',').includes(want[i]!)) return false;
  }
  // The grant is longer than what is asked: only wildcards may follow (`api:*` covers `api`).
  return have.slice(want.length).every((part) => part === '*');
}

/** Whether any of the groups grants `wanted` (cgm-remote-monitor's checkMultiple). */
export const permits = (groups: readonly (readonly string[])[], wanted: string): boolean => groups.some((group) => group.some((granted) => implies(granted, wanted)));
