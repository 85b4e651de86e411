// Integration: PATCH /api/v1/admin/devices/:id — revoke (the token stops at once) and re-prioritize
// (history marked dirty, pipeline started) any user's device.
import { randomUUID } from 'node:crypto';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { storeSyncBatch } from '@/lib/data/sync-samples';
import { prisma } from '@/lib/db/client';
import { parseSyncBatch } from '@/lib/ingest/sync-batch';
import { databaseNow } from '@/test/db-clock';
import { createDevice, createSignedInUser, createUser, waitFor } from '@/test/factories';
import { api } from '@/test/http';

type Device = Awaited<ReturnType<typeof createDevice>>;
let admin: Awaited<ReturnType<typeof createSignedInUser>>;
let owner: Awaited<ReturnType<typeof createUser>>;
let device: Device;

const patch = (id: string, json: unknown, cookie = admin.cookie) => api(`/api/v1/admin/devices/${id}`, { method: 'PATCH', json, cookie });
const syncOne = (d: Device, at = '2026-11-20T08:00:00Z') =>
  api(`/api/v1/devices/${d.id}/sync`, { json: { samples: [{ type: 'HEART_RATE', value: 70, unit: 'count/min', startDate: at, endDate: at }] }, token: d.token });
const stored = (id: string) => prisma.device.findUniqueOrThrow({ where: { id }, select: { priority: true, revokedAt: true } });

beforeAll(async () => {
  admin = await createSignedInUser({ role: 'ADMIN' });
});

beforeEach(async () => {
  owner = await createUser();
  device = await createDevice(owner.id, 'phone', 'Phone');
});

describe('PATCH /api/v1/admin/devices/:id', () => {
  it("revokes a user's device: its token's next sync answers 401", async () => {
    expect((await syncOne(device)).status).toBe(200);
    const res = await patch(device.id, { revoked: true });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: device.id, revokedAt: expect.any(String), owner: { id: owner.id, email: owner.email } });
    expect(res.body).not.toHaveProperty('tokenHash');
    const after = await syncOne(device, '2026-11-20T09:00:00Z');
    expect(after.status).toBe(401);
    expect(after.body.error.code).toBe('UNAUTHORIZED');
  });

  it('keeps the first revocation time when revoked twice', async () => {
    const first = (await patch(device.id, { revoked: true })).body.revokedAt;
    const second = await patch(device.id, { revoked: true });
    expect(second.status).toBe(200);
    expect(second.body.revokedAt).toBe(first);
  });

  it("changes the priority, marks the device's history dirty and starts the pipeline for the owner", async () => {
    // Stored without the sync route (which would start the pipeline itself), then nothing left dirty.
    const batch = parseSyncBatch(
      {
        samples: [
          { type: 'HEART_RATE', value: 70, unit: 'count/min', startDate: '2026-11-12T03:00:00Z', endDate: '2026-11-12T03:00:00Z' },
          { type: 'STEPS', value: 500, unit: 'count', startDate: '2026-11-15T10:00:00Z', endDate: '2026-11-15T10:30:00Z' },
        ],
      },
      Date.now(),
    );
    await storeSyncBatch({ device: { id: device.id, userId: owner.id, timeZone: 'UTC' }, samples: batch.samples, idempotency: null, buildResponse: () => ({ status: 200, body: null }) });
    await prisma.dirtyRange.deleteMany({ where: { userId: owner.id } });
    const since = await databaseNow(); // computed_at is the database's clock
    const res = await patch(device.id, { priority: 5 });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: device.id, priority: 5, revokedAt: null });
    expect((await stored(device.id)).priority).toBe(5);
    // After the response the pipeline recomputed both types' days from the ranges the change marked.
    const recomputed = await waitFor(async () => {
      const rows = await prisma.healthAggregate.findMany({
        where: { userId: owner.id, period: 'DAY', computedAt: { gte: since } },
        select: { type: true },
        distinct: ['type'],
      });
      return rows.length === 2 && rows.map((r) => r.type).sort();
    }, 'the recompute after the priority change');
    expect(recomputed).toEqual(['HEART_RATE', 'STEPS']);
  });

  it('changes the priority and revokes in one request', async () => {
    const res = await patch(device.id, { priority: 0, revoked: true });
    expect(res.status).toBe(200);
    expect(await stored(device.id)).toMatchObject({ priority: 0, revokedAt: expect.any(Date) });
  });

  it('answers 404 for an unknown or non-uuid id', async () => {
    expect((await patch(randomUUID(), { revoked: true })).status).toBe(404);
    expect((await patch('42', { revoked: true })).status).toBe(404);
  });

  it.each([
    ['revoked: false (no un-revoke)', { revoked: false }, 'revoked'],
    ['a negative priority', { priority: -1 }, 'priority'],
    ['a fractional priority', { priority: 2.5 }, 'priority'],
    ['a huge priority', { priority: 1e6 }, 'priority'],
    ['an empty body', {}, '(body)'],
    ['a field that cannot be changed', { name: 'x' }, '(body)'],
  ])('answers 422 for %s, changing nothing', async (_name, json, field) => {
    const res = await patch(device.id, json);
    expect(res.status).toBe(422);
    expect(res.body.error.details).toContainEqual({ field, reason: expect.any(String) });
    expect(await stored(device.id)).toEqual({ priority: 80, revokedAt: null });
  });

  it('answers 401 to an anonymous caller and 403 to other roles; the token keeps working', async () => {
    expect((await api(`/api/v1/admin/devices/${device.id}`, { method: 'PATCH', json: { revoked: true } })).status).toBe(401);
    for (const role of ['PATIENT', 'DOCTOR', 'CAREGIVER'] as const) {
      const res = await patch(device.id, { revoked: true }, (await createSignedInUser({ role })).cookie);
      expect(res.status).toBe(403);
    }
    expect(await stored(device.id)).toEqual({ priority: 80, revokedAt: null });
    expect((await syncOne(device)).status).toBe(200);
  });
});
