// Integration: POST /api/v1/admin/shares/:id/revoke — the share is listed as revoked at once.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { prisma } from '@/lib/db/client';
import { createSignedInUser, createUser } from '@/test/factories';
import { api } from '@/test/http';

let admin: Awaited<ReturnType<typeof createSignedInUser>>;
let patient: Awaited<ReturnType<typeof createUser>>;

const revoke = (id: string, cookie = admin.cookie) => api(`/api/v1/admin/shares/${id}/revoke`, { method: 'POST', cookie });
const makeShare = () =>
  prisma.shareToken.create({
    data: {
      patientId: patient.id,
      types: ['WEIGHT'],
      dataFrom: new Date('2026-10-01T00:00:00Z'),
      dataTo: new Date('2026-10-30T00:00:00Z'),
      expiresAt: new Date(Date.now() + 86_400_000),
    },
    select: { id: true },
  });

beforeAll(async () => {
  admin = await createSignedInUser({ role: 'ADMIN' });
  patient = await createUser();
});

describe('POST /api/v1/admin/shares/:id/revoke', () => {
  it('revokes a share: answered and listed as revoked', async () => {
    const share = await makeShare();
    const res = await revoke(share.id);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: share.id, status: 'revoked', revokedAt: expect.any(String), patient: { id: patient.id } });
    expect((await prisma.shareToken.findUniqueOrThrow({ where: { id: share.id } })).revokedAt).not.toBeNull();
    const listed = await api(`/api/v1/admin/shares?status=revoked&patient=${patient.email}`, { cookie: admin.cookie });
    expect(listed.body.shares.map((s: { id: string }) => s.id)).toContain(share.id);
    const active = await api(`/api/v1/admin/shares?status=active&patient=${patient.email}`, { cookie: admin.cookie });
    expect(active.body.shares.map((s: { id: string }) => s.id)).not.toContain(share.id);
  });

  it('is idempotent: a second revoke keeps the first time', async () => {
    const share = await makeShare();
    const first = await revoke(share.id);
    const second = await revoke(share.id);
    expect(second.status).toBe(200);
    expect(second.body.revokedAt).toBe(first.body.revokedAt);
  });

  it('answers 404 for an unknown or non-uuid id', async () => {
    expect((await revoke(randomUUID())).status).toBe(404);
    expect((await revoke('nope')).status).toBe(404);
  });

  it('answers 401 to an anonymous caller and 403 to other roles, revoking nothing', async () => {
    const share = await makeShare();
    expect((await api(`/api/v1/admin/shares/${share.id}/revoke`, { method: 'POST' })).status).toBe(401);
    for (const role of ['PATIENT', 'DOCTOR', 'CAREGIVER'] as const) {
      expect((await revoke(share.id, (await createSignedInUser({ role })).cookie)).status).toBe(403);
    }
    expect((await prisma.shareToken.findUniqueOrThrow({ where: { id: share.id } })).revokedAt).toBeNull();
  });
});
