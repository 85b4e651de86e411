// The admin's share functions and the demo share seed, called directly against PostgreSQL.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hashToken } from '@/lib/auth/tokens';
import { prisma } from '@/lib/db/client';
import { byEmail, emailColumns } from '@/lib/data/user-email';
import { seedAdminDemo } from '@/prisma/seed-admin-demo';
import { createUser, setDisplayName } from '@/test/factories';
import { countSharesForAdmin, listSharesForAdmin, revokeShareByAdmin } from './admin-shares';
import { createShare } from './shares';

describe('seedAdminDemo', () => {
  it("creates one active link share of patient2's steps and heart rate, storing only the code's SHA-256", async () => {
    const id = randomUUID();
    const patient = (await prisma.user.findUnique({ where: byEmail('patient2@demo.test'), select: { id: true } })) ??
      (await prisma.user.create({
        data: { id, ...(await emailColumns(id, 'patient2@demo.test')), passwordHash: 'x', role: 'PATIENT', profile: { create: { displayName: '', timeZone: 'America/New_York' } } },
        select: { id: true },
      }));
    await setDisplayName(patient.id, 'Sam Rivera'); // names are stored encrypted; other tests list every user
    const now = new Date('2026-11-21T03:00:00Z'); // still the 20th in New York
    const seeded = await seedAdminDemo(now);
    expect(seeded).not.toBeNull();
    expect(Buffer.from(seeded!.code, 'base64url')).toHaveLength(32);
    const row = await prisma.shareToken.findUniqueOrThrow({ where: { id: seeded!.shareId } });
    expect(row).toMatchObject({ patientId: patient.id, codeHash: hashToken(seeded!.code), types: ['STEPS', 'HEART_RATE'], recipientUserId: null, revokedAt: null });
    expect(row.dataFrom.toISOString().slice(0, 10)).toBe('2026-10-22');
    expect(row.dataTo.toISOString().slice(0, 10)).toBe('2026-11-20');
    expect(row.expiresAt.toISOString()).toBe('2026-12-05T03:00:00.000Z');
    expect(await seedAdminDemo(now)).toBeNull(); // safe to run twice
    expect(await prisma.shareToken.count({ where: { patientId: patient.id } })).toBe(1);
  });
});

describe('revokeShareByAdmin and countSharesForAdmin', () => {
  it('moves a share from active to revoked in the counts', async () => {
    const patient = await createUser();
    const share = await prisma.shareToken.create({
      data: { patientId: patient.id, types: ['WEIGHT'], dataFrom: new Date('2026-01-01'), dataTo: new Date('2026-01-31'), expiresAt: new Date(Date.now() + 86_400_000) },
    });
    expect((await listSharesForAdmin({ patient: patient.email })).shares[0]?.status).toBe('active');
    const before = await countSharesForAdmin();
    const revoked = await revokeShareByAdmin(share.id);
    expect(revoked.status).toBe('revoked');
    const after = await countSharesForAdmin();
    expect(after.revoked).toBeGreaterThanOrEqual(before.revoked + 1);
  });

  it('shows a share with an address no account holds as a person share with that address, not as a link', async () => {
    const patient = await createUser();
    const doctor = await createUser({ role: 'DOCTOR' });
    const input = { types: ['STEPS' as const], from: '2026-01-01', to: '2026-01-31', expiresAt: new Date(Date.now() + 86_400_000).toISOString() };
    const nobody = `nobody-${randomUUID()}@test.example`;
    await createShare(patient.id, { ...input, recipientEmail: nobody });
    await createShare(patient.id, { ...input, recipientEmail: doctor.email });
    await createShare(patient.id, input);
    const { shares } = await listSharesForAdmin({ patient: patient.email });
    const expected = [{ kind: 'link', email: null }, { kind: 'user', email: doctor.email }, { kind: 'user', email: nobody }];
    expect(shares.map((s) => s.recipient)).toHaveLength(3);
    expect(shares.map((s) => s.recipient)).toEqual(expect.arrayContaining(expected));
  });

  it('answers not found for an unknown share', async () => {
    await expect(revokeShareByAdmin(randomUUID())).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('returns an empty page for a cursor that matches no share', async () => {
    expect(await listSharesForAdmin({ cursor: randomUUID() })).toEqual({ shares: [], nextCursor: null });
  });
});
