// Integration: GET/POST /api/v1/devices against the real server and PostgreSQL.
import { beforeAll, describe, expect, it } from 'vitest';
import { hashToken } from '@/lib/auth/tokens';
import { prisma } from '@/lib/db/client';
import { createSignedInUser } from '@/test/factories';
import { api } from '@/test/http';

type Patient = Awaited<ReturnType<typeof createSignedInUser>>;
let patient: Patient;

const register = (json: unknown, cookie = patient.cookie) => api('/api/v1/devices', { json, cookie });
const list = (cookie = patient.cookie) => api('/api/v1/devices', { cookie });

beforeAll(async () => {
  patient = await createSignedInUser();
});

describe('POST /api/v1/devices', () => {
  it('registers a device and shows its token once, storing only a hash', async () => {
    const res = await register({ name: 'My watch', type: 'watch' });
    expect(res.status).toBe(201);
    expect(Object.keys(res.body).sort()).toEqual(['id', 'name', 'priority', 'token', 'type']);
    expect(res.body).toMatchObject({ name: 'My watch', type: 'watch', priority: 100 });
    expect(res.body.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(typeof res.body.token).toBe('string');
    expect(res.body.token.length).toBeGreaterThanOrEqual(32);

    const row = await prisma.device.findUniqueOrThrow({ where: { id: res.body.id } });
    expect(row.userId).toBe(patient.id);
    expect(row.tokenHash).not.toBe(res.body.token);
    expect(row.tokenHash).toBe(hashToken(res.body.token));
  });

  it('issues a token that the sync endpoint accepts for that device', async () => {
    const { body: device } = await register({ name: 'Phone', type: 'phone' });
    const at = '2026-11-20T08:00:00Z';
    const sync = await api(`/api/v1/devices/${device.id}/sync`, {
      json: { samples: [{ type: 'STEPS', value: 10, unit: 'count', startDate: at, endDate: at }] },
      token: device.token,
    });
    expect(sync.status).toBe(200);
    expect(sync.body.accepted).toBe(1);
    expect(await prisma.healthSample.count({ where: { deviceId: device.id, userId: patient.id } })).toBe(1);
  });

  it('issues a different token for every device', async () => {
    const a = await register({ name: 'A', type: 'scale' });
    const b = await register({ name: 'A', type: 'scale' });
    expect(a.body.token).not.toBe(b.body.token);
    expect(a.body.id).not.toBe(b.body.id);
  });

  it.each([
    ['watch', 100],
    ['phone', 80],
    ['tablet', 70],
    ['wearable', 50],
    ['scale', 40],
    ['bp_monitor', 40],
    ['glucometer', 40],
    ['cgm', 60],
    ['thermometer', 40],
    ['pulse_oximeter', 40],
    ['manual', 10],
  ])('gives a %s the default priority %i', async (type, priority) => {
    const res = await register({ name: `a ${type}`, type });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ type, priority });
  });

  it.each([
    ['apple_watch', 'watch', 100],
    ['iphone', 'phone', 80],
    ['ipad', 'tablet', 70],
    ['third_party_wearable', 'wearable', 50],
    ['third_party_scale', 'scale', 40],
    ['manual_entry', 'manual', 10],
  ])('accepts the alias %s as %s', async (alias, type, priority) => {
    const res = await register({ name: 'aliased', type: alias });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ type, priority });
    expect((await prisma.device.findUniqueOrThrow({ where: { id: res.body.id } })).type).toBe(type);
  });

  it.each([
    ['no name', { type: 'watch' }, 'name'],
    ['an empty name', { name: '', type: 'watch' }, 'name'],
    ['a blank name', { name: '   ', type: 'watch' }, 'name'],
    ['a numeric name', { name: 42, type: 'watch' }, 'name'],
    ['a 101-character name', { name: 'x'.repeat(101), type: 'watch' }, 'name'],
    // Every other free-text field refused these; device names were stored with them.
    ['a name with a NUL character', { name: 'Watch\u0000', type: 'watch' }, 'name'],
    ['a name with a lone surrogate', { name: 'Watch \ud800', type: 'watch' }, 'name'],
    ['no type', { name: 'Watch' }, 'type'],
    ['an unknown type', { name: 'Watch', type: 'toaster' }, 'type'],
    ['a type in the wrong case', { name: 'Watch', type: 'WATCH' }, 'type'],
    ['a prototype key as type', { name: 'Watch', type: 'constructor' }, 'type'],
  ])('answers 422 naming the field for %s', async (_name, json, field) => {
    const before = await prisma.device.count({ where: { userId: patient.id } });
    const res = await register(json);
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('VALIDATION_ERROR');
    expect(res.body.error.message).toEqual(expect.any(String));
    expect(res.body.error.details.map((d: { field: string }) => d.field)).toContain(field);
    expect(await prisma.device.count({ where: { userId: patient.id } })).toBe(before);
  });

  it('answers 422 for a body that is not an object', async () => {
    const res = await register(['watch']);
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('VALIDATION_ERROR');
  });

  it('answers 400 for malformed JSON and 415 for another content type', async () => {
    const malformed = await api('/api/v1/devices', { body: '{"name":', cookie: patient.cookie, headers: { 'content-type': 'application/json' } });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.code).toBe('BAD_REQUEST');
    const form = await api('/api/v1/devices', { body: 'name=x&type=watch', cookie: patient.cookie, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(form.status).toBe(415);
    expect(form.body.error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('answers 401 to an anonymous caller and registers nothing', async () => {
    const res = await api('/api/v1/devices', { json: { name: 'x', type: 'watch' } });
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ error: { code: 'UNAUTHORIZED', message: expect.any(String) } });
  });

  it.each(['DOCTOR', 'CAREGIVER', 'ADMIN'] as const)('answers 403 to a %s and registers nothing', async (role) => {
    const other = await createSignedInUser({ role });
    const res = await register({ name: 'x', type: 'watch' }, other.cookie);
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('FORBIDDEN');
    expect(await prisma.device.count({ where: { userId: other.id } })).toBe(0);
  });
});

describe('GET /api/v1/devices', () => {
  it("lists the caller's devices only, without tokens or token hashes", async () => {
    const me = await createSignedInUser();
    const other = await createSignedInUser();
    const mine = [await register({ name: 'Watch', type: 'watch' }, me.cookie), await register({ name: 'Scale', type: 'scale' }, me.cookie)];
    const theirs = await register({ name: 'Their watch', type: 'watch' }, other.cookie);

    const res = await api('/api/v1/devices', { cookie: me.cookie });
    expect(res.status).toBe(200);
    expect(res.body.devices.map((d: { id: string }) => d.id).sort()).toEqual(mine.map((d) => d.body.id).sort());
    expect(res.body.devices).toContainEqual(expect.objectContaining({ id: mine[0]!.body.id, name: 'Watch', type: 'watch', priority: 100 }));

    const text = JSON.stringify(res.body);
    for (const device of [...mine, theirs]) {
      expect(text).not.toContain(device.body.token);
      expect(text).not.toContain(hashToken(device.body.token));
    }
    for (const device of res.body.devices) {
      expect(device).not.toHaveProperty('token');
      expect(device).not.toHaveProperty('tokenHash');
      expect(device).not.toHaveProperty('userId');
    }
  });

  it('lists nothing for a new patient', async () => {
    const fresh = await createSignedInUser();
    expect((await list(fresh.cookie)).body).toEqual({ devices: [] });
  });

  it('answers 401 to an anonymous caller and to a forged session cookie', async () => {
    expect((await api('/api/v1/devices')).status).toBe(401);
    const forged = await api('/api/v1/devices', { cookie: 'next-auth.session-token=not-a-real-jwt' });
    expect(forged.status).toBe(401);
    expect(forged.body.error.code).toBe('UNAUTHORIZED');
  });

  it.each(['DOCTOR', 'CAREGIVER', 'ADMIN'] as const)('answers 403 to a %s', async (role) => {
    const other = await createSignedInUser({ role });
    const res = await list(other.cookie);
    expect(res.status).toBe(403);
    expect(res.body).toEqual({ error: { code: 'FORBIDDEN', message: expect.any(String) } });
  });

  it('does not take a device token as a session', async () => {
    const { body: device } = await register({ name: 'x', type: 'watch' });
    const res = await api('/api/v1/devices', { token: device.token });
    expect(res.status).toBe(401);
  });
});
