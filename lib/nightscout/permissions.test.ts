// Unit: Nightscout's roles and Shiro-style matching, as cgm-remote-monitor checks them (storage.js default
// roles, shiro-trie semantics): which role may read, upload entries, treatments, device status; what
// verifyauth's `*:*:read|write|admin` say for each.
import { describe, expect, it } from 'vitest';
import { implies, permissionGroups, permits, ROLE_PERMISSIONS } from './permissions';

describe('Shiro-style matching (shiro-trie)', () => {
  it('matches part by part, `*` matching any part, alternatives with commas', () => {
    expect(implies('api:entries:read', 'api:entries:read')).toBe(true);
    expect(implies('*:*:read', 'api:entries:read')).toBe(true);
    expect(implies('*:*:read', 'api:entries:create')).toBe(false);
    expect(implies('api:entries,treatments:read', 'api:treatments:read')).toBe(true);
    expect(implies('api:entries,treatments:read', 'api:devicestatus:read')).toBe(false);
  });

  it('a shorter grant covers everything below it; a longer one covers a shorter ask only through wildcards', () => {
    expect(implies('*', 'api:entries:create')).toBe(true);
    expect(implies('*', 'authorization:debug:test')).toBe(true);
    expect(implies('api', 'api:entries:create')).toBe(true);
    expect(implies('api:treatments:create', 'api:treatments')).toBe(false);
    expect(implies('api:*', 'api')).toBe(true);
  });

  it('an asked `*` part is matched only by a granted `*` (verifyauth asks `*:*:read`)', () => {
    expect(implies('*:*:read', '*:*:read')).toBe(true);
    expect(implies('api:entries:read', '*:*:read')).toBe(false);
    expect(implies('api:treatments:create', '*:*:read')).toBe(false);
    expect(implies('*', '*:*:admin')).toBe(true);
  });
});

describe('roles (cgm-remote-monitor lib/authorization/storage.js defaultRoles)', () => {
  const can = (role: keyof typeof ROLE_PERMISSIONS, wanted: string) => permits(permissionGroups(role), wanted);

  it('readable reads every collection and the status, and writes nothing', () => {
    for (const wanted of ['api:entries:read', 'api:treatments:read', 'api:devicestatus:read', 'api:profile:read', 'api:status:read']) expect(can('readable', wanted), wanted).toBe(true);
    for (const wanted of ['api:entries:create', 'api:treatments:create', 'api:devicestatus:create', 'authorization:debug:test']) expect(can('readable', wanted), wanted).toBe(false);
  });

  it('careportal creates treatments only (reading them needs readable too, as in Nightscout)', () => {
    expect(can('careportal', 'api:treatments:create')).toBe(true);
    for (const wanted of ['api:treatments:read', 'api:entries:read', 'api:entries:create', 'api:devicestatus:create']) expect(can('careportal', wanted), wanted).toBe(false);
  });

  it('devicestatus-upload creates device status only', () => {
    expect(can('devicestatus-upload', 'api:devicestatus:create')).toBe(true);
    for (const wanted of ['api:devicestatus:read', 'api:entries:create', 'api:treatments:create', 'api:entries:read']) expect(can('devicestatus-upload', wanted), wanted).toBe(false);
  });

  it('admin may do everything', () => {
    for (const wanted of ['api:entries:create', 'api:devicestatus:create', 'api:treatments:delete', 'authorization:debug:test', 'admin:api:subjects:read']) expect(can('admin', wanted), wanted).toBe(true);
  });

  it('every role may read the status, which uploaders check first', () => {
    for (const role of Object.keys(ROLE_PERMISSIONS) as (keyof typeof ROLE_PERMISSIONS)[]) expect(can(role, 'api:status:read'), role).toBe(true);
  });

  it('verifyauth: only readable and admin can read, only admin can write and is admin', () => {
    const answer = (role: keyof typeof ROLE_PERMISSIONS) => ['*:*:read', '*:*:write', '*:*:admin'].map((p) => can(role, p));
    expect(answer('readable')).toEqual([true, false, false]);
    expect(answer('careportal')).toEqual([false, false, false]);
    expect(answer('devicestatus-upload')).toEqual([false, false, false]);
    expect(answer('admin')).toEqual([true, true, true]);
    expect(permits([], '*:*:read')).toBe(false);
  });
});
