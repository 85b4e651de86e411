// Reading the audit log, called directly against PostgreSQL.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { prisma } from '@/lib/db/client';
import { listAuditLog } from './audit-log';

describe('listAuditLog', () => {
  it('finds entries by device actor id and reads LIKE wildcards in filters as plain text', async () => {
    const prefix = `t${randomUUID().slice(0, 8)}`;
    const deviceId = randomUUID();
    await prisma.auditLog.create({ data: { action: `${prefix}.sync`, actorDeviceId: deviceId, outcome: 'SUCCESS' } });
    await prisma.auditLog.create({ data: { action: `${prefix}_x`, outcome: 'SUCCESS' } });
    const byDevice = await listAuditLog({ actor: deviceId });
    expect(byDevice.entries.map((e) => e.action)).toEqual([`${prefix}.sync`]);
    expect(byDevice.entries[0]!.actor).toEqual({ userId: null, email: null, deviceId });
    // "_" and "%" would match any character in LIKE; here they only match themselves.
    expect((await listAuditLog({ action: `${prefix}_` })).entries.map((e) => e.action)).toEqual([`${prefix}_x`]);
    expect((await listAuditLog({ action: `${prefix}%` })).entries).toEqual([]);
  });

  it('returns entries strictly older than the cursor', async () => {
    const prefix = `t${randomUUID().slice(0, 8)}`;
    const a = await prisma.auditLog.create({ data: { action: `${prefix}.a`, outcome: 'SUCCESS' } });
    const b = await prisma.auditLog.create({ data: { action: `${prefix}.b`, outcome: 'FAILURE' } });
    const page = await listAuditLog({ action: prefix, cursor: b.id.toString() });
    expect(page.entries.map((e) => e.id)).toEqual([a.id.toString()]);
  });
});
