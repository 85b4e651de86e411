// Listing maintenance runs, called directly against PostgreSQL.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { prisma } from '@/lib/db/client';
import { listMaintenanceRuns } from './maintenance-runs';

describe('listMaintenanceRuns', () => {
  it('filters by kind and status together', async () => {
    const run = await prisma.retentionRun.create({ data: { kind: 'RESTORE', status: 'FAILED', error: 'Error: missing object', startedAt: new Date(Date.UTC(2098, 0, 1)) } });
    const { runs } = await listMaintenanceRuns({ kind: 'RESTORE', status: 'FAILED', limit: 200 });
    expect(runs.map((r) => r.id)).toContain(run.id);
    expect(runs.every((r) => r.kind === 'RESTORE' && r.status === 'FAILED')).toBe(true);
    expect(runs.find((r) => r.id === run.id)).toMatchObject({ error: 'Error: missing object', counts: {}, finishedAt: null });
  });

  it('returns an empty page for a cursor that matches no run', async () => {
    expect(await listMaintenanceRuns({ cursor: randomUUID() })).toEqual({ runs: [], nextCursor: null });
  });
});
