// Integration: PATCH/DELETE /api/v1/devices/:id against the real server and PostgreSQL.
import { randomUUID } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import { hashPassword } from '@/lib/auth/password';
import { prisma } from '@/lib/db/client';
import { emailColumns } from '@/lib/data/user-email';
import { createDevice, createSignedInUser, PASSWORD, syncSamples, withPipelinePaused } from '@/test/factories';
import { api, signIn } from '@/test/http';
import { decryptDeviceName } from '@/lib/data/device-fields';

// The stored row with its name decrypted (names are encrypted with the owner's key).
async function storedDevice(id: string) {
  const d = await prisma.device.findUniqueOrThrow({ where: { id } });
  return { ...d, name: await decryptDeviceName(d.userId, d.id, d.name) };
}

type Patient = Awaited<ReturnType<typeof createSignedInUser>>;
type Device = Awaited<ReturnType<typeof createDevice>>;
let patient: Patient;
let device: Device;

const patch = (id: string, json: unknown, cookie = patient.cookie) => api(`/api/v1/devices/${id}`, { method: 'PATCH', json, cookie });
const remove = (id: string, cookie = patient.cookie) => api(`/api/v1/devices/${id}`, { method: 'DELETE', cookie });
const syncOne = (d: Device, at = '2026-11-20T08:00:00Z') =>
  api(`/api/v1/devices/${d.id}/sync`, { json: { samples: [{ type: 'HEART_RATE', value: 70, unit: 'count/min', startDate: at, endDate: at }] }, token: d.token });
const dirtyRows = async (userId: string) =>
  (await prisma.dirtyRange.findMany({ where: { userId }, orderBy: { id: 'asc' } }))
    .map((d) => ({ type: d.type, from: d.dayFrom.toISOString().slice(0, 10), to: d.dayTo.toISOString().slice(0, 10) }))
    .sort((a, b) => a.type.localeCompare(b.type));

beforeEach(async () => {
  patient = await createSignedInUser({ timeZone: 'America/New_York' });
  device = await createDevice(patient.id, 'phone', 'Phone');
});

describe('DELETE /api/v1/devices/:id', () => {
  it("revokes the device: 204, then its token's sync answers 401", async () => {
    expect((await syncOne(device)).status).toBe(200);
    const res = await remove(device.id);
    expect(res.status).toBe(204);
    expect((await prisma.device.findUniqueOrThrow({ where: { id: device.id } })).revokedAt).not.toBeNull();
    const after = await syncOne(device, '2026-11-20T09:00:00Z');
    expect(after.status).toBe(401);
    expect(after.body.error.code).toBe('UNAUTHORIZED');
    expect(await prisma.healthSample.count({ where: { deviceId: device.id } })).toBe(1);
  });

  it('leaves the other devices of the patient working', async () => {
    const other = await createDevice(patient.id, 'watch');
    await remove(device.id);
    expect((await syncOne(other)).status).toBe(200);
  });

  it('keeps the samples the device sent (revoking is not deleting health data)', async () => {
    await syncSamples(device, [{ type: 'STEPS', value: 5, unit: 'count', startDate: '2026-11-20T08:00:00Z', endDate: '2026-11-20T08:01:00Z' }]);
    await remove(device.id);
    expect(await prisma.healthSample.count({ where: { deviceId: device.id } })).toBe(1);
  });

  it("answers 404 for another patient's device and leaves it working", async () => {
    const other = await createSignedInUser();
    const theirs = await createDevice(other.id);
    const res = await remove(theirs.id);
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ error: { code: 'NOT_FOUND', message: expect.any(String) } });
    expect((await prisma.device.findUniqueOrThrow({ where: { id: theirs.id } })).revokedAt).toBeNull();
    expect((await syncOne(theirs)).status).toBe(200);
  });

  it('answers 404 for an unknown id and for a non-uuid id, with the same body as for a foreign device', async () => {
    const theirs = await createDevice((await createSignedInUser()).id);
    const foreign = await remove(theirs.id);
    const unknown = await remove(randomUUID());
    const garbage = await remove('not-a-uuid');
    expect([unknown.status, garbage.status]).toEqual([404, 404]);
    expect(unknown.body).toEqual(foreign.body);
    expect(garbage.body).toEqual(foreign.body);
  });

  it('answers 401 to an anonymous caller', async () => {
    const res = await api(`/api/v1/devices/${device.id}`, { method: 'DELETE' });
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('UNAUTHORIZED');
    expect((await prisma.device.findUniqueOrThrow({ where: { id: device.id } })).revokedAt).toBeNull();
  });

  it.each(['DOCTOR', 'CAREGIVER', 'ADMIN'] as const)('answers 403 to a %s', async (role) => {
    const other = await createSignedInUser({ role });
    const res = await remove(device.id, other.cookie);
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('FORBIDDEN');
    expect((await prisma.device.findUniqueOrThrow({ where: { id: device.id } })).revokedAt).toBeNull();
  });
});

describe('PATCH /api/v1/devices/:id', () => {
  it('renames a device without marking anything dirty', async () => {
    await syncOne(device);
    await prisma.dirtyRange.deleteMany({ where: { userId: patient.id } });
    const res = await patch(device.id, { name: '  Work phone ' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: device.id, name: 'Work phone', type: 'phone', priority: 80 });
    expect(res.body).not.toHaveProperty('tokenHash');
    expect((await storedDevice(device.id)).name).toBe('Work phone');
    expect(await dirtyRows(patient.id)).toEqual([]);
  });

  it("changes the priority and marks the device's whole sample history dirty, per type, in local days", async () => {
    // New York is UTC-5 in November: 03:00Z on the 12th is still the 11th there.
    await syncSamples(device, [
      { type: 'HEART_RATE', value: 70, unit: 'count/min', startDate: '2026-11-12T03:00:00Z', endDate: '2026-11-12T03:00:00Z' },
      { type: 'HEART_RATE', value: 72, unit: 'count/min', startDate: '2026-11-18T12:00:00Z', endDate: '2026-11-18T12:00:00Z' },
      { type: 'STEPS', value: 500, unit: 'count', startDate: '2026-11-15T10:00:00Z', endDate: '2026-11-15T10:30:00Z' },
    ]);
    const otherDevice = await createDevice(patient.id, 'watch');
    await syncSamples(otherDevice, [
      { type: 'WEIGHT', value: 70, unit: 'kg', startDate: '2026-11-01T08:00:00Z', endDate: '2026-11-01T08:00:00Z' },
    ]);
    await withPipelinePaused(patient.id, async () => {
      await prisma.dirtyRange.deleteMany({ where: { userId: patient.id } });
      const res = await patch(device.id, { priority: 120 });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ id: device.id, priority: 120, name: 'Phone' });
      expect((await prisma.device.findUniqueOrThrow({ where: { id: device.id } })).priority).toBe(120);
      expect(await dirtyRows(patient.id)).toEqual([
        { type: 'HEART_RATE', from: '2026-11-11', to: '2026-11-18' },
        { type: 'STEPS', from: '2026-11-15', to: '2026-11-15' },
      ]);
    });
  });

  it('marks nothing dirty when the priority does not change or the device has no samples', async () => {
    await syncOne(device);
    await prisma.dirtyRange.deleteMany({ where: { userId: patient.id } });
    expect((await patch(device.id, { priority: 80 })).status).toBe(200);
    expect(await dirtyRows(patient.id)).toEqual([]);
    const empty = await createDevice(patient.id, 'scale');
    expect((await patch(empty.id, { priority: 5 })).status).toBe(200);
    expect(await dirtyRows(patient.id)).toEqual([]);
  });

  it('marks history dirty for a patient without a profile row too (UTC days)', async () => {
    const id = randomUUID();
    const email = `noprofile-${id}@test.example`;
    const user = await prisma.user.create({ data: { id, ...(await emailColumns(id, email)), passwordHash: await hashPassword(PASSWORD), role: 'PATIENT' } });
    const cookie = await signIn(email, PASSWORD);
    expect(cookie).not.toBeNull();
    const own = await createDevice(user.id, 'watch');
    await syncSamples(own, [{ type: 'HEART_RATE', value: 70, unit: 'count/min', startDate: '2026-11-12T03:00:00Z', endDate: '2026-11-12T03:00:00Z' }]);
    await withPipelinePaused(user.id, async () => {
      await prisma.dirtyRange.deleteMany({ where: { userId: user.id } });
      const res = await patch(own.id, { priority: 1 }, cookie!);
      expect(res.status).toBe(200);
      expect(await dirtyRows(user.id)).toEqual([{ type: 'HEART_RATE', from: '2026-11-12', to: '2026-11-12' }]);
    });
  });

  it('changes name and priority together', async () => {
    const res = await patch(device.id, { name: 'Old phone', priority: 0 });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ name: 'Old phone', priority: 0 });
  });

  it("answers 404 for another patient's device and changes nothing", async () => {
    const other = await createSignedInUser();
    const theirs = await createDevice(other.id);
    await syncOne(theirs);
    await prisma.dirtyRange.deleteMany({ where: { userId: other.id } });
    const res = await patch(theirs.id, { priority: 1, name: 'mine now' });
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('NOT_FOUND');
    expect(await storedDevice(theirs.id)).toMatchObject({ priority: 100, name: 'Test device' });
    expect(await dirtyRows(other.id)).toEqual([]);
  });

  it('answers 404 for an unknown or non-uuid id', async () => {
    expect((await patch(randomUUID(), { priority: 1 })).status).toBe(404);
    expect((await patch('123', { priority: 1 })).status).toBe(404);
  });

  it.each([
    ['a string priority', { priority: 'high' }, 'priority'],
    ['a fractional priority', { priority: 1.5 }, 'priority'],
    ['a negative priority', { priority: -1 }, 'priority'],
    ['a huge priority', { priority: 1e9 }, 'priority'],
    ['a null priority', { priority: null }, 'priority'],
    ['an empty name', { name: '' }, 'name'],
    ['a numeric name', { name: 5 }, 'name'],
    ['a 101-character name', { name: 'x'.repeat(101) }, 'name'],
    ['a name with a NUL character', { name: 'a\u0000b' }, 'name'],
    ['a name with a lone surrogate', { name: '\ud800' }, 'name'],
  ])('answers 422 naming the field for %s, and changes nothing', async (_name, json, field) => {
    const res = await patch(device.id, json);
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('VALIDATION_ERROR');
    expect(res.body.error.details).toContainEqual({ field, reason: expect.any(String) });
    expect(await storedDevice(device.id)).toMatchObject({ name: 'Phone', priority: 80 });
  });

  it('answers 422 for an empty body and for fields that cannot be changed', async () => {
    const empty = await patch(device.id, {});
    expect(empty.status).toBe(422);
    expect(empty.body.error.details.length).toBeGreaterThan(0);
    const type = await patch(device.id, { type: 'watch' });
    expect(type.status).toBe(422);
    const owner = await patch(device.id, { name: 'x', userId: randomUUID() });
    expect(owner.status).toBe(422);
    expect(await storedDevice(device.id)).toMatchObject({ type: 'phone', userId: patient.id, name: 'Phone' });
  });

  it('answers 400 for malformed JSON', async () => {
    const res = await api(`/api/v1/devices/${device.id}`, { method: 'PATCH', body: '{', cookie: patient.cookie, headers: { 'content-type': 'application/json' } });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('BAD_REQUEST');
  });

  it('answers 401 to an anonymous caller and 403 to other roles', async () => {
    const anonymous = await api(`/api/v1/devices/${device.id}`, { method: 'PATCH', json: { priority: 1 } });
    expect(anonymous.status).toBe(401);
    for (const role of ['DOCTOR', 'CAREGIVER', 'ADMIN'] as const) {
      const other = await createSignedInUser({ role });
      const res = await patch(device.id, { priority: 1 }, other.cookie);
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('FORBIDDEN');
    }
    expect((await prisma.device.findUniqueOrThrow({ where: { id: device.id } })).priority).toBe(80);
  });
});
