// Integration: PATCH /api/v1/admin/users/:id — role changes and disabling end the user's sessions.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { prisma } from '@/lib/db/client';
import { createSignedInUser, PASSWORD, signInAs } from '@/test/factories';
import { api, signIn } from '@/test/http';

let admin: Awaited<ReturnType<typeof createSignedInUser>>;

const patch = (id: string, json: unknown, cookie = admin.cookie) => api(`/api/v1/admin/users/${id}`, { method: 'PATCH', json, cookie });
const me = (cookie: string) => api('/api/v1/users/me', { cookie });
const stored = (id: string) => prisma.user.findUniqueOrThrow({ where: { id }, select: { role: true, disabledAt: true, sessionVersion: true } });

beforeAll(async () => {
  admin = await createSignedInUser({ role: 'ADMIN' });
});

describe('PATCH /api/v1/admin/users/:id', () => {
  it("disables a user: their next API call answers 401, and they cannot sign in again", async () => {
    const patient = await createSignedInUser();
    expect((await me(patient.cookie)).status).toBe(200);
    const res = await patch(patient.id, { disabled: true });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: patient.id, disabledAt: expect.any(String) });
    expect(res.body).not.toHaveProperty('passwordHash');
    expect((await stored(patient.id)).sessionVersion).toBe(2);
    const after = await me(patient.cookie);
    expect(after.status).toBe(401);
    expect(after.body.error.code).toBe('UNAUTHORIZED');
    expect(await signIn(patient.email, PASSWORD)).toBeNull();
  });

  it('re-enables a user: they can sign in again, but the sessions ended by the disable stay ended', async () => {
    const patient = await createSignedInUser();
    await patch(patient.id, { disabled: true });
    const res = await patch(patient.id, { disabled: false });
    expect(res.status).toBe(200);
    expect(res.body.disabledAt).toBeNull();
    expect(await stored(patient.id)).toMatchObject({ disabledAt: null, sessionVersion: 2 });
    expect((await me(patient.cookie)).status).toBe(401);
    const cookie = await signIn(patient.email, PASSWORD);
    expect(cookie).not.toBeNull();
    expect((await me(cookie!)).status).toBe(200);
  });

  it('changes a role: the old session ends at once, a new sign-in carries the new role', async () => {
    const doctor = await createSignedInUser({ role: 'DOCTOR' });
    const res = await patch(doctor.id, { role: 'CAREGIVER' });
    expect(res.status).toBe(200);
    expect(res.body.role).toBe('CAREGIVER');
    expect(await stored(doctor.id)).toMatchObject({ role: 'CAREGIVER', sessionVersion: 2 });
    expect((await me(doctor.cookie)).status).toBe(401);
    const cookie = await signInAs(doctor); // still with the second factor a doctor's account had
    expect((await me(cookie!)).body.role).toBe('CAREGIVER');
  });

  it('leaves the session version alone when nothing changes', async () => {
    const patient = await createSignedInUser();
    expect((await patch(patient.id, { role: 'PATIENT', disabled: false })).status).toBe(200);
    expect((await stored(patient.id)).sessionVersion).toBe(1);
    expect((await me(patient.cookie)).status).toBe(200);
  });

  it('refuses to let an admin demote or disable themself (403), changing nothing', async () => {
    for (const change of [{ role: 'PATIENT' }, { disabled: true }, { role: 'ADMIN', disabled: true }]) {
      const res = await patch(admin.id, change);
      expect(res.status).toBe(403);
      expect(res.body.error.message).toMatch(/themself/);
    }
    expect(await stored(admin.id)).toMatchObject({ role: 'ADMIN', disabledAt: null, sessionVersion: 1 });
    expect((await me(admin.cookie)).status).toBe(200);
    // Keeping one's own role is not a demotion.
    expect((await patch(admin.id, { role: 'ADMIN' })).status).toBe(200);
  });

  it('lets an admin demote another admin, whose admin access ends at once', async () => {
    const other = await createSignedInUser({ role: 'ADMIN' });
    expect((await patch(other.id, { role: 'DOCTOR' })).status).toBe(200);
    expect((await api('/api/v1/admin/users', { cookie: other.cookie })).status).toBe(401);
  });

  it('answers 404 for an unknown or non-uuid id', async () => {
    expect((await patch(randomUUID(), { disabled: true })).status).toBe(404);
    expect((await patch('not-a-uuid', { disabled: true })).status).toBe(404);
  });

  it.each([
    ['an empty body', {}, '(body)'],
    ['an unknown role', { role: 'ROOT' }, 'role'],
    ['a string for disabled', { disabled: 'yes' }, 'disabled'],
    ['a field that cannot be changed', { email: 'x@y.z' }, '(body)'],
  ])('answers 422 for %s, changing nothing', async (_name, json, field) => {
    const patient = await createSignedInUser();
    const res = await patch(patient.id, json);
    expect(res.status).toBe(422);
    expect(res.body.error.details).toContainEqual({ field, reason: expect.any(String) });
    expect(await stored(patient.id)).toMatchObject({ role: 'PATIENT', disabledAt: null, sessionVersion: 1 });
  });

  it('answers 401 to an anonymous caller and 403 to other roles, changing nothing', async () => {
    const patient = await createSignedInUser();
    expect((await api(`/api/v1/admin/users/${patient.id}`, { method: 'PATCH', json: { disabled: true } })).status).toBe(401);
    for (const role of ['PATIENT', 'DOCTOR', 'CAREGIVER'] as const) {
      const other = await createSignedInUser({ role });
      const res = await patch(patient.id, { disabled: true }, other.cookie);
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('FORBIDDEN');
    }
    expect((await stored(patient.id)).disabledAt).toBeNull();
  });
});

describe('DELETE /api/v1/admin/users/:id', () => {
  const del = (id: string, cookie = admin.cookie) => api(`/api/v1/admin/users/${id}`, { method: 'DELETE', cookie });
  const deletion = async (id: string) => (await prisma.user.findUniqueOrThrow({ where: { id }, select: { deletionRequestedAt: true } })).deletionRequestedAt;

  it('disables the user at once and schedules the shredding after the grace period; re-enabling undoes it', async () => {
    const patient = await createSignedInUser();
    const res = await del(patient.id);
    expect(res.status).toBe(202);
    const requested = new Date(res.body.deletionRequestedAt).getTime();
    expect(new Date(res.body.shredAfter).getTime() - requested).toBe(30 * 86_400_000);
    expect(await deletion(patient.id)).not.toBeNull();
    expect((await stored(patient.id)).disabledAt).not.toBeNull();
    expect((await me(patient.cookie)).status).toBe(401);
    // Asking again keeps the first request's time.
    expect(new Date((await del(patient.id)).body.deletionRequestedAt).getTime()).toBe(requested);

    expect((await patch(patient.id, { disabled: false })).status).toBe(200);
    expect(await deletion(patient.id)).toBeNull();
  });

  it('refuses self-deletion (403), other roles (403) and answers 404 for an unknown id', async () => {
    expect((await del(admin.id)).status).toBe(403);
    expect(await deletion(admin.id)).toBeNull();
    const doctor = await createSignedInUser({ role: 'DOCTOR' });
    const patient = await createSignedInUser();
    expect((await del(patient.id, doctor.cookie)).status).toBe(403);
    expect(await deletion(patient.id)).toBeNull();
    expect((await del(randomUUID())).status).toBe(404);
    expect((await del('not-a-uuid')).status).toBe(404);
  });
});
