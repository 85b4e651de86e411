// Integration: GET /api/v1/admin/shares — every patient's shares by status, never the code hash.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { hashToken } from '@/lib/auth/tokens';
import { prisma } from '@/lib/db/client';
import { createSignedInUser, createUser } from '@/test/factories';
import { api } from '@/test/http';

const DAY = 86_400_000;
let admin: Awaited<ReturnType<typeof createSignedInUser>>;
let patient: Awaited<ReturnType<typeof createUser>>;
let doctor: Awaited<ReturnType<typeof createUser>>;
const shares: Record<'link' | 'user' | 'email' | 'expired' | 'revoked', string> = { link: '', user: '', email: '', expired: '', revoked: '' };
const code = randomUUID();

const list = (query = '', cookie = admin.cookie) => api(`/api/v1/admin/shares${query}`, { cookie });
const ids = async (query: string) => (await list(query)).body.shares.map((s: { id: string }) => s.id);

function makeShare(over: { recipientUserId?: string; codeHash?: string; expiresAt?: Date; revokedAt?: Date } = {}) {
  return prisma.shareToken.create({
    data: {
      patientId: patient.id,
      types: ['STEPS', 'HEART_RATE'],
      dataFrom: new Date('2026-10-01T00:00:00Z'),
      dataTo: new Date('2026-10-30T00:00:00Z'),
      expiresAt: new Date(Date.now() + 14 * DAY),
      ...over,
    },
    select: { id: true },
  });
}

beforeAll(async () => {
  admin = await createSignedInUser({ role: 'ADMIN' });
  patient = await createUser();
  doctor = await createUser({ role: 'DOCTOR' });
  // Created oldest first: the list is newest first.
  shares.revoked = (await makeShare({ recipientUserId: doctor.id, revokedAt: new Date() })).id;
  shares.expired = (await makeShare({ recipientUserId: doctor.id, expiresAt: new Date(Date.now() - DAY) })).id;
  shares.email = (await makeShare({ recipientUserId: doctor.id })).id;
  shares.user = (await makeShare({ recipientUserId: doctor.id })).id;
  shares.link = (await makeShare({ codeHash: hashToken(code) })).id;
});

describe('GET /api/v1/admin/shares', () => {
  it('lists a share with its patient, recipient, scope, expiry and status, never the code or its hash', async () => {
    const res = await list(`?patient=${patient.email}`);
    expect(res.status).toBe(200);
    expect(res.body.shares.map((s: { id: string }) => s.id)).toEqual([shares.link, shares.user, shares.email, shares.expired, shares.revoked]);
    expect(res.body.shares[0]).toEqual({
      id: shares.link,
      patient: { id: patient.id, email: patient.email },
      recipient: { kind: 'link', email: null },
      types: ['STEPS', 'HEART_RATE'],
      dataFrom: '2026-10-01',
      dataTo: '2026-10-30',
      expiresAt: expect.any(String),
      revokedAt: null,
      lastUsedAt: null,
      createdAt: expect.any(String),
      status: 'active',
    });
    expect(res.body.shares[1].recipient).toEqual({ kind: 'user', email: doctor.email });
    expect(res.body.shares[2].recipient).toEqual({ kind: 'user', email: doctor.email });
    const text = JSON.stringify(res.body);
    expect(text).not.toContain(hashToken(code));
    expect(text).not.toContain(code);
    expect(text).not.toMatch(/codeHash|code_hash/);
  });

  it('filters by status and by the whole patient e-mail (blind index), case-insensitively', async () => {
    const q = `&patient=${encodeURIComponent(` ${patient.email.toUpperCase()} `)}`;
    expect(await ids(`?status=active${q}`)).toEqual([shares.link, shares.user, shares.email]);
    expect(await ids(`?status=expired${q}`)).toEqual([shares.expired]);
    expect(await ids(`?status=revoked${q}`)).toEqual([shares.revoked]);
    expect(await ids(`?patient=nobody-${randomUUID()}`)).toEqual([]);
    expect(await ids(`?patient=${patient.email.slice(8, 30)}`)).toEqual([]); // addresses are encrypted: no partial match
  });

  it('treats LIKE wildcards in the patient filter as plain text', async () => {
    expect(await ids('?patient=%25')).toEqual([]);
    expect(await ids('?patient=_')).toEqual([]);
  });

  it('pages with a keyset cursor without gaps or repeats', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res: { body: { shares: { id: string }[]; nextCursor: string | null } } = await list(`?patient=${patient.email}&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...res.body.shares.map((s) => s.id));
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual([shares.link, shares.user, shares.email, shares.expired, shares.revoked]);
  });

  it.each([
    ['an unknown status', '?status=paused', 'status'],
    ['a foreign cursor', '?cursor=x', 'cursor'],
    ['a bad limit', '?limit=-1', 'limit'],
  ])('answers 422 naming the field for %s', async (_name, query, field) => {
    const res = await list(query);
    expect(res.status).toBe(422);
    expect(res.body.error.details).toContainEqual({ field, reason: expect.any(String) });
  });

  it('answers 401 to an anonymous caller and 403 to other roles', async () => {
    expect((await api('/api/v1/admin/shares')).status).toBe(401);
    for (const role of ['PATIENT', 'DOCTOR', 'CAREGIVER'] as const) {
      expect((await list('', (await createSignedInUser({ role })).cookie)).status).toBe(403);
    }
  });
});
