// The admin's device functions, called directly against PostgreSQL (no pipeline run is started here,
// so the dirty ranges a priority change marks stay visible).
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { storeSyncBatch } from '@/lib/data/sync-samples';
import { prisma } from '@/lib/db/client';
import { parseSyncBatch } from '@/lib/ingest/sync-batch';
import { createDevice, createUser } from '@/test/factories';
import { countDevicesForAdmin, listDevicesForAdmin, updateDeviceByAdmin } from './admin-devices';

async function store(device: { id: string; userId: string; timeZone: string }, samples: unknown[]) {
  const batch = parseSyncBatch({ samples }, Date.now());
  await storeSyncBatch({ device, samples: batch.samples, idempotency: null, buildResponse: () => ({ status: 200, body: null }) });
}

describe('updateDeviceByAdmin', () => {
  it("marks the device's history dirty per type in the owner's local days, and asks for a recompute", async () => {
    const owner = await createUser({ timeZone: 'America/New_York' });
    const device = await createDevice(owner.id, 'phone');
    await store({ id: device.id, userId: owner.id, timeZone: 'America/New_York' }, [
      // 03:00Z on the 12th is still the 11th in New York.
      { type: 'HEART_RATE', value: 70, unit: 'count/min', startDate: '2026-11-12T03:00:00Z', endDate: '2026-11-12T03:00:00Z' },
      { type: 'HEART_RATE', value: 72, unit: 'count/min', startDate: '2026-11-18T12:00:00Z', endDate: '2026-11-18T12:00:00Z' },
    ]);
    await prisma.dirtyRange.deleteMany({ where: { userId: owner.id } });
    const result = await updateDeviceByAdmin(device.id, { priority: 3 });
    expect(result).toMatchObject({ ownerId: owner.id, recompute: true, device: { id: device.id, priority: 3, owner: { id: owner.id, email: owner.email } } });
    const dirty = await prisma.dirtyRange.findMany({ where: { userId: owner.id } });
    expect(dirty.map((d) => [d.type, d.dayFrom.toISOString().slice(0, 10), d.dayTo.toISOString().slice(0, 10)])).toEqual([['HEART_RATE', '2026-11-11', '2026-11-18']]);
  });

  it('revokes without asking for a recompute', async () => {
    const owner = await createUser();
    const device = await createDevice(owner.id);
    const result = await updateDeviceByAdmin(device.id, { revoked: true });
    expect(result.recompute).toBe(false);
    expect(result.device.revokedAt).toBeInstanceOf(Date);
    expect(await prisma.dirtyRange.count({ where: { userId: owner.id } })).toBe(0);
  });

  it('answers not found for an unknown device', async () => {
    await expect(updateDeviceByAdmin(randomUUID(), { revoked: true })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('listDevicesForAdmin and countDevicesForAdmin', () => {
  it('counts active and revoked devices', async () => {
    const before = await countDevicesForAdmin();
    const owner = await createUser();
    const device = await createDevice(owner.id);
    await updateDeviceByAdmin(device.id, { revoked: true });
    const after = await countDevicesForAdmin();
    expect(after.revoked).toBeGreaterThanOrEqual(before.revoked + 1);
  });

  it('never selects the token hash', async () => {
    const owner = await createUser();
    await createDevice(owner.id);
    const { devices } = await listDevicesForAdmin({ q: owner.email });
    expect(Object.keys(devices[0]!).sort()).toEqual(['createdAt', 'id', 'lastSyncAt', 'name', 'owner', 'priority', 'revokedAt', 'type']);
  });
});
