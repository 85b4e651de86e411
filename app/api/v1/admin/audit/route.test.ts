// Integration: GET /api/v1/admin/audit — filters and keyset pages over the audit log.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { prisma } from '@/lib/db/client';
import type { AuditOutcome } from '@/lib/generated/prisma/enums';
import { createSignedInUser, createUser } from '@/test/factories';
import { api } from '@/test/http';

let admin: Awaited<ReturnType<typeof createSignedInUser>>;
let actor: Awaited<ReturnType<typeof createUser>>;
let patient: Awaited<ReturnType<typeof createUser>>;
// Every row of this file has actions under its own prefix, so other tests' rows never interfere.
const prefix = `test${randomUUID().slice(0, 8)}.`;
const ids: Record<string, string> = {};

const list = (query = '', cookie = admin.cookie) => api(`/api/v1/admin/audit${query}`, { cookie });
const actions = async (query: string) => (await list(`?action=${prefix}${query}`)).body.entries.map((e: { action: string }) => e.action);

async function entry(name: string, over: { actorUserId?: string; outcome?: AuditOutcome; occurredAt?: string; patientId?: string } = {}) {
  const row = await prisma.auditLog.create({
    data: {
      action: `${prefix}${name}`,
      actorUserId: over.actorUserId ?? null,
      outcome: over.outcome ?? 'SUCCESS',
      occurredAt: over.occurredAt ? new Date(over.occurredAt) : undefined,
      patientId: over.patientId ?? null,
      targetType: 'device',
      targetId: 'd-1',
      ip: '203.0.113.9',
      details: { note: 'x' },
      hash: 'secret-chain-hash',
    },
    select: { id: true },
  });
  ids[name] = row.id.toString();
}

beforeAll(async () => {
  admin = await createSignedInUser({ role: 'ADMIN' });
  actor = await createUser({ role: 'DOCTOR' });
  patient = await createUser();
  await entry('share.create', { actorUserId: actor.id, occurredAt: '2026-03-01T10:00:00Z', patientId: patient.id });
  await entry('share.revoke', { actorUserId: actor.id, occurredAt: '2026-03-02T23:59:00Z', outcome: 'DENIED' });
  await entry('device.revoke', { actorUserId: admin.id, occurredAt: '2026-03-03T00:00:00Z' });
  await entry('sign-in', { occurredAt: '2026-03-04T08:00:00Z', outcome: 'FAILURE' });
});

describe('GET /api/v1/admin/audit', () => {
  it('lists entries newest first with actor and patient e-mails, without the hash chain', async () => {
    const res = await list(`?action=${prefix}`);
    expect(res.status).toBe(200);
    expect(res.body.entries.map((e: { id: string }) => e.id)).toEqual([ids['sign-in'], ids['device.revoke'], ids['share.revoke'], ids['share.create']]);
    expect(res.body.entries[3]).toEqual({
      id: ids['share.create'],
      occurredAt: '2026-03-01T10:00:00.000Z',
      actor: { userId: actor.id, email: actor.email, deviceId: null },
      action: `${prefix}share.create`,
      target: { type: 'device', id: 'd-1' },
      patient: { id: patient.id, email: patient.email },
      ip: '203.0.113.9',
      userAgent: null,
      outcome: 'SUCCESS',
      details: { note: 'x' },
    });
    expect(JSON.stringify(res.body)).not.toContain('secret-chain-hash');
    expect(res.body.nextCursor).toBeNull();
  });

  it('filters by action prefix, actor e-mail or id, outcome, and days (inclusive)', async () => {
    expect(await actions('share.')).toEqual([`${prefix}share.revoke`, `${prefix}share.create`]);
    expect((await list(`?action=${prefix}&actor=${actor.email.toUpperCase()}`)).body.entries).toHaveLength(2);
    expect((await list(`?action=${prefix}&actor=${admin.id}`)).body.entries.map((e: { id: string }) => e.id)).toEqual([ids['device.revoke']]);
    expect(await actions('&outcome=DENIED')).toEqual([`${prefix}share.revoke`]);
    expect(await actions('&from=2026-03-02&to=2026-03-03')).toEqual([`${prefix}device.revoke`, `${prefix}share.revoke`]);
    expect(await actions('&from=2026-03-03T00:00:01Z')).toEqual([`${prefix}sign-in`]);
    expect(await actions('&to=2026-03-01')).toEqual([`${prefix}share.create`]);
  });

  it('answers an empty page when nothing matches', async () => {
    const res = await list(`?action=nothing-${randomUUID()}`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ entries: [], nextCursor: null });
  });

  it('pages with a keyset cursor without gaps or repeats', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res: { body: { entries: { id: string }[]; nextCursor: string | null } } = await list(`?action=${prefix}&limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...res.body.entries.map((e) => e.id));
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual([ids['sign-in'], ids['device.revoke'], ids['share.revoke'], ids['share.create']]);
  });

  it.each([
    ['an unknown outcome', '?outcome=MAYBE', 'outcome'],
    ['an impossible day', '?from=2026-02-30', 'from'],
    ['an instant without offset', '?to=2026-03-01T10:00:00', 'to'],
    ['"from" after "to"', '?from=2026-03-05&to=2026-03-01', 'from'],
    ['a non-numeric cursor', '?cursor=abc', 'cursor'],
    ['a cursor past bigint', '?cursor=9999999999999999999', 'cursor'],
    ['a bad limit', '?limit=201', 'limit'],
    ['a day in year 0000', '?from=0000-01-01', 'from'],
    ['an instant in year 9999', `?to=${encodeURIComponent('9999-01-01T00:00:00Z')}`, 'to'],
    ['an actor with a NUL character', '?actor=a%00b', 'actor'],
    ['an action with a NUL character', '?action=a%00b', 'action'],
  ])('answers 422 naming the field for %s', async (_name, query, field) => {
    const res = await list(query);
    expect(res.status).toBe(422);
    expect(res.body.error.details).toContainEqual({ field, reason: expect.any(String) });
  });

  it('answers 401 to an anonymous caller and 403 to other roles', async () => {
    expect((await api('/api/v1/admin/audit')).status).toBe(401);
    for (const role of ['PATIENT', 'DOCTOR', 'CAREGIVER'] as const) {
      expect((await list('', (await createSignedInUser({ role })).cookie)).status).toBe(403);
    }
  });
});
