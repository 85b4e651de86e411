// Era 1980: no other test writes there, and retention tests only drop partitions before 1960.
import { describe, expect, it } from 'vitest';
import { prisma } from '@/lib/db/client';
import { ensureFuturePartitions } from './ensure-future-partitions';
import { listSamplePartitions } from './sample-partitions';

describe('ensureFuturePartitions', () => {
  it('creates the current month and the months ahead once, and records PARTITIONS runs', async () => {
    const first = await ensureFuturePartitions({ now: new Date('1980-01-31T23:00:00Z'), monthsAhead: 2 });
    expect(first.counts).toEqual({ created: 3 });
    const again = await ensureFuturePartitions({ now: new Date('1980-01-15T00:00:00Z'), monthsAhead: 2 });
    expect(again.counts).toEqual({ created: 0 });

    const parts = (await listSamplePartitions()).filter((p) => p.name.startsWith('health_samples_1980_'));
    expect(parts.map((p) => [p.name, p.from.toISOString(), p.to.toISOString()])).toEqual([
      ['health_samples_1980_01', '1980-01-01T00:00:00.000Z', '1980-02-01T00:00:00.000Z'],
      ['health_samples_1980_02', '1980-02-01T00:00:00.000Z', '1980-03-01T00:00:00.000Z'],
      ['health_samples_1980_03', '1980-03-01T00:00:00.000Z', '1980-04-01T00:00:00.000Z'],
    ]);
    const run = await prisma.retentionRun.findUniqueOrThrow({ where: { id: first.runId } });
    expect(run).toMatchObject({ kind: 'PARTITIONS', status: 'SUCCEEDED', counts: { created: 3 }, error: null });
    expect(run.finishedAt).not.toBeNull();
  });

  it('refuses a nonsensical horizon before touching anything', async () => {
    await expect(ensureFuturePartitions({ now: new Date(), monthsAhead: -1 })).rejects.toThrow(/monthsAhead/);
  });
});
