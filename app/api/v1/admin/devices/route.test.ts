// Integration: GET /api/v1/admin/devices — every user's devices, filtered, in keyset pages.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { prisma } from '@/lib/db/client';
import { createDevice, createSignedInUser, createUser } from '@/test/factories';
import { api } from '@/test/http';

let admin: Awaited<ReturnType<typeof createSignedInUser>>;
const list = (query = '', cookie = admin.cookie) => api(`/api/v1/admin/devices${query}`, { cookie });
const ids = async (query: string) => (await list(query)).body.devices.map((d: { id: string }) => d.id);

beforeAll(async () => {
  admin = await createSignedInUser({ role: 'ADMIN' });
});

describe('GET /api/v1/admin/devices', () => {
  it("lists devices across users with the owner's e-mail, never a token or its hash", async () => {
    const owner = await createUser();
    const device = await createDevice(owner.id, 'scale', 'Bathroom scale');
    const res = await list(`?q=${owner.email}`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      devices: [
        {
          id: device.id,
          name: 'Bathroom scale',
          type: 'scale',
          priority: 40,
          lastSyncAt: null,
          createdAt: expect.any(String),
          revokedAt: null,
          owner: { id: owner.id, email: owner.email },
        },
      ],
      nextCursor: null,
    });
    const stored = await prisma.device.findUniqueOrThrow({ where: { id: device.id } });
    expect(JSON.stringify(res.body)).not.toContain(stored.tokenHash);
    expect(JSON.stringify(res.body)).not.toContain(device.token);
  });

  it('filters by owner e-mail or device name, type and status', async () => {
    const marker = randomUUID().slice(0, 8);
    const owner = await createUser();
    const watch = await createDevice(owner.id, 'watch', `Watch ${marker}`);
    const phone = await createDevice(owner.id, 'phone', `Phone ${marker}`);
    await prisma.device.update({ where: { id: phone.id }, data: { revokedAt: new Date() } });
    expect(await ids(`?q=${marker}`)).toEqual([phone.id, watch.id]);
    expect(await ids(`?q=${marker}&type=watch`)).toEqual([watch.id]);
    expect(await ids(`?q=${marker}&status=revoked`)).toEqual([phone.id]);
    expect(await ids(`?q=${marker}&status=active&type=`)).toEqual([watch.id]);
    expect(await ids(`?q=${marker}&type=glucometer`)).toEqual([]);
  });

  it('pages with a keyset cursor without gaps or repeats', async () => {
    const owner = await createUser();
    const made = [];
    for (let i = 0; i < 5; i++) made.push((await createDevice(owner.id, 'manual', `d${i}`)).id);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res: { body: { devices: { id: string }[]; nextCursor: string | null } } = await list(`?q=${owner.email}&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...res.body.devices.map((d) => d.id));
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(made.reverse());
  });

  it.each([
    ['an unknown type', '?type=toaster', 'type'],
    ['an unknown status', '?status=lost', 'status'],
    ['a foreign cursor', '?cursor=abc', 'cursor'],
    ['a bad limit', '?limit=x', 'limit'],
  ])('answers 422 naming the field for %s', async (_name, query, field) => {
    const res = await list(query);
    expect(res.status).toBe(422);
    expect(res.body.error.details).toContainEqual({ field, reason: expect.any(String) });
  });

  it('answers 401 to an anonymous caller and 403 to other roles', async () => {
    expect((await api('/api/v1/admin/devices')).status).toBe(401);
    for (const role of ['PATIENT', 'DOCTOR', 'CAREGIVER'] as const) {
      expect((await list('', (await createSignedInUser({ role })).cookie)).status).toBe(403);
    }
  });
});
