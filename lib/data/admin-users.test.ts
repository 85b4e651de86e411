// The admin's user functions, called directly against PostgreSQL.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { prisma } from '@/lib/db/client';
import { byEmail } from './user-email';
import { ApiError } from '@/lib/http/errors';
import { createUser } from '@/test/factories';
import { countUsersForAdmin, createUserByAdmin, listUsersForAdmin, updateUserByAdmin } from './admin-users';

const input = (email = `u-${randomUUID()}@test.example`) => ({ email, name: 'Direct', role: 'PATIENT' as const, timeZone: 'UTC', password: 'twelve chars ok' });
const version = async (id: string) => (await prisma.user.findUniqueOrThrow({ where: { id }, select: { sessionVersion: true } })).sessionVersion;

describe('createUserByAdmin', () => {
  it('lets exactly one of two simultaneous creations of the same e-mail win; the other is a conflict', async () => {
    const email = `race-${randomUUID()}@test.example`;
    const results = await Promise.allSettled([createUserByAdmin(input(email)), createUserByAdmin(input(email))]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(rejected.reason).toBeInstanceOf(ApiError);
    expect((rejected.reason as ApiError).code).toBe('CONFLICT');
    expect(await prisma.user.count({ where: byEmail(email) })).toBe(1);
  });
});

describe('updateUserByAdmin', () => {
  it('refuses self-demotion and self-disable before touching the database', async () => {
    const admin = await createUser({ role: 'ADMIN' });
    await expect(updateUserByAdmin({ actorId: admin.id, userId: admin.id, change: { role: 'DOCTOR' } })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(updateUserByAdmin({ actorId: admin.id, userId: admin.id, change: { disabled: true } })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(await version(admin.id)).toBe(1);
  });

  it('bumps the session version once per role change or disable, never for re-enabling or no change', async () => {
    const actor = await createUser({ role: 'ADMIN' });
    const user = await createUser({ role: 'DOCTOR' });
    const change = (c: { role?: 'PATIENT' | 'DOCTOR'; disabled?: boolean }) => updateUserByAdmin({ actorId: actor.id, userId: user.id, change: c });
    await change({ role: 'PATIENT', disabled: true }); // both at once: one bump
    expect(await version(user.id)).toBe(2);
    await change({ disabled: true }); // already disabled
    expect(await version(user.id)).toBe(2);
    const enabled = await change({ disabled: false });
    expect(enabled.disabledAt).toBeNull();
    expect(await version(user.id)).toBe(2);
    await change({ role: 'DOCTOR' });
    expect(await version(user.id)).toBe(3);
  });

  it('answers not found for an unknown user', async () => {
    await expect(updateUserByAdmin({ actorId: randomUUID(), userId: randomUUID(), change: { disabled: true } })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('listUsersForAdmin and countUsersForAdmin', () => {
  it('finds a user by display name and counts them by role and status', async () => {
    const before = await countUsersForAdmin();
    const name = `Name ${randomUUID()}`;
    const created = await createUserByAdmin({ ...input(), name, role: 'CAREGIVER' });
    await prisma.user.update({ where: { id: created.id }, data: { disabledAt: new Date() } });
    expect((await listUsersForAdmin({ q: name.toLowerCase() })).users.map((u) => u.id)).toEqual([created.id]);
    const after = await countUsersForAdmin();
    expect(after.byRole.CAREGIVER).toBeGreaterThanOrEqual(before.byRole.CAREGIVER + 1);
    expect(after.disabled).toBeGreaterThanOrEqual(before.disabled + 1);
    expect(after.total).toBe(Object.values(after.byRole).reduce((a, b) => a + b, 0));
  });

  it('returns an empty page for a cursor that matches no user', async () => {
    expect(await listUsersForAdmin({ cursor: randomUUID() })).toEqual({ users: [], nextCursor: null });
  });
});
