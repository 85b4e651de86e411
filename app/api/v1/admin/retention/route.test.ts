// Integration: GET /api/v1/admin/retention — maintenance runs by kind and status, newest first.
import { beforeAll, describe, expect, it } from 'vitest';
import { prisma } from '@/lib/db/client';
import { createSignedInUser } from '@/test/factories';
import { api } from '@/test/http';

let admin: Awaited<ReturnType<typeof createSignedInUser>>;
const made: Record<string, string> = {};
type Run = { id: string; kind: string; status: string; counts: Record<string, number>; error: string | null };

const list = (query = '', cookie = admin.cookie) => api<{ runs: Run[]; nextCursor: string | null }>(`/api/v1/admin/retention${query}`, { cookie });

beforeAll(async () => {
  admin = await createSignedInUser({ role: 'ADMIN' });
  // Far in the future, so these are the newest rows whatever other tests record meanwhile.
  const at = (minute: number) => new Date(Date.UTC(2099, 0, 1, 0, minute));
  made.retention = (await prisma.retentionRun.create({ data: { kind: 'RETENTION', status: 'SUCCEEDED', startedAt: at(1), finishedAt: at(2), counts: { health_samples: 12 } } })).id;
  made.archive = (await prisma.retentionRun.create({ data: { kind: 'ARCHIVE', status: 'FAILED', startedAt: at(3), finishedAt: at(4), error: 'Error: store unreachable' } })).id;
  made.integrity = (await prisma.retentionRun.create({ data: { kind: 'INTEGRITY', status: 'RUNNING', startedAt: at(5) } })).id;
});

describe('GET /api/v1/admin/retention', () => {
  it('lists runs newest first with counts and errors', async () => {
    const res = await list('?limit=3');
    expect(res.status).toBe(200);
    expect(res.body.runs.map((r) => r.id)).toEqual([made.integrity, made.archive, made.retention]);
    expect(res.body.runs[1]).toMatchObject({ kind: 'ARCHIVE', status: 'FAILED', error: 'Error: store unreachable', counts: {} });
    expect(res.body.runs[2]).toMatchObject({ kind: 'RETENTION', status: 'SUCCEEDED', counts: { health_samples: 12 }, finishedAt: expect.any(String) });
  });

  it('filters by kind and status', async () => {
    const archive = await list('?kind=ARCHIVE');
    expect(archive.body.runs.every((r) => r.kind === 'ARCHIVE')).toBe(true);
    expect(archive.body.runs[0]?.id).toBe(made.archive);
    const failed = await list('?status=FAILED&kind=ARCHIVE');
    expect(failed.body.runs.every((r) => r.status === 'FAILED' && r.kind === 'ARCHIVE')).toBe(true);
    expect((await list('?kind=RESTORE&status=RUNNING')).body.runs.map((r) => r.id)).not.toContain(made.integrity);
  });

  it('pages with a keyset cursor', async () => {
    const first = await list('?limit=1');
    expect(first.body.runs.map((r) => r.id)).toEqual([made.integrity]);
    const second = await list(`?limit=2&cursor=${first.body.nextCursor}`);
    expect(second.body.runs.map((r) => r.id)).toEqual([made.archive, made.retention]);
  });

  it.each([
    ['an unknown kind', '?kind=VACUUM', 'kind'],
    ['an unknown status', '?status=DONE', 'status'],
    ['a foreign cursor', '?cursor=7', 'cursor'],
  ])('answers 422 naming the field for %s', async (_name, query, field) => {
    const res = await api(`/api/v1/admin/retention${query}`, { cookie: admin.cookie });
    expect(res.status).toBe(422);
    expect(res.body.error.details).toContainEqual({ field, reason: expect.any(String) });
  });

  it('answers 401 to an anonymous caller and 403 to other roles', async () => {
    expect((await api('/api/v1/admin/retention')).status).toBe(401);
    for (const role of ['PATIENT', 'DOCTOR', 'CAREGIVER'] as const) {
      expect((await list('', (await createSignedInUser({ role })).cookie)).status).toBe(403);
    }
  });
});
