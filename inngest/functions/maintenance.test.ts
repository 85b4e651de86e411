// The maintenance functions through @inngest/test (fresh engine each). Archive and restore of one
// user-month and the partitions function run for real; retention, the integrity check and the
// cold-month archive act on the whole shared test database by time, so their step is replaced here
// (their effects are tested in lib/maintenance) and only the wiring is checked.
import { InngestTestEngine } from '@inngest/test';
import { describe, expect, it } from 'vitest';
import { pool, prisma } from '@/lib/db/client';
import { insertRawSamples } from '@/lib/maintenance/test-factories';
import { createUser } from '@/test/factories';
import { archiveFunction } from './archive';
import { integrityFunction } from './integrity';
import { partitionsFunction } from './partitions';
import { restoreFunction } from './restore';
import { retentionFunction } from './retention';

const mocked = (id: string, value: unknown) => ({ id, handler: () => value });

describe('maintenance functions', () => {
  it('archive then restore one user-month, replaying its aggregation', async () => {
    const user = await createUser();
    await insertRawSamples([{ userId: user.id, type: 'WEIGHT', startAt: '2012-07-02T07:00:00Z', value: 70 }]);
    const archive = await new InngestTestEngine({ function: archiveFunction }).execute({
      events: [{ name: 'pipeline/archive.requested', data: { userId: user.id, month: '2012-07' } }],
    });
    expect(archive.result).toMatchObject({ months: 1, health_samples: 1 });
    expect(await prisma.healthSample.count({ where: { userId: user.id } })).toBe(0);

    const restore = await new InngestTestEngine({ function: restoreFunction }).execute({
      events: [{ name: 'pipeline/restore.requested', data: { userId: user.id, month: '2012-07' } }],
      steps: [mocked('follow-up', { ids: ['x'] })],
    });
    expect(restore.result).toMatchObject({ health_samples: 1 });
    expect(restore.ctx.step.sendEvent).toHaveBeenCalledWith('follow-up', [expect.objectContaining({ name: 'health/samples.synced', data: { userId: user.id } })]);
    expect(await prisma.healthSample.count({ where: { userId: user.id } })).toBe(1);
    expect(await prisma.dirtyRange.count({ where: { userId: user.id } })).toBe(1);
  });

  it('partitions: creates the months ahead and records the run', async () => {
    const { result } = await new InngestTestEngine({ function: partitionsFunction }).execute({ events: [{ name: 'pipeline/partitions.requested', data: {} }] });
    expect(result).toHaveProperty('created');
    const ahead = new Date();
    ahead.setUTCMonth(ahead.getUTCMonth() + 3);
    const name = `health_samples_${ahead.getUTCFullYear()}_${String(ahead.getUTCMonth() + 1).padStart(2, '0')}`;
    expect((await pool().query('SELECT to_regclass($1) IS NOT NULL AS ok', [name])).rows[0].ok).toBe(true);
  });

  it('retention: runs its step on the trigger event and records the run', async () => {
    const t = new InngestTestEngine({ function: retentionFunction });
    const { result } = await t.execute({ events: [{ name: 'pipeline/retention.requested', data: {} }], steps: [mocked('apply-retention', { health_aggregates: 2 })] });
    expect(result).toEqual({ health_aggregates: 2 });
    expect(await prisma.jobRun.count({ where: { functionId: 'retention', mode: 'inngest', status: 'SUCCEEDED' } })).toBeGreaterThan(0);
  });

  it('integrity: after marking ranges it asks the sweep to run at once', async () => {
    const t = new InngestTestEngine({ function: integrityFunction });
    const { result, ctx } = await t.execute({
      events: [{ name: 'pipeline/integrity.requested', data: {} }],
      steps: [mocked('check', { missing: 1, orphaned: 0, dirty_ranges: 1 }), mocked('follow-up', { ids: ['x'] })],
    });
    expect(result).toEqual({ missing: 1, orphaned: 0, dirty_ranges: 1 });
    expect(ctx.step.sendEvent).toHaveBeenCalledWith('follow-up', [expect.objectContaining({ name: 'pipeline/sweep.requested' })]);
  });

  it('archive without a user archives the cold months (the monthly cron path)', async () => {
    const t = new InngestTestEngine({ function: archiveFunction });
    const { result } = await t.execute({ events: [{ name: 'pipeline/archive.requested', data: {} }], steps: [mocked('archive', { months: 0, skipped: 0 })] });
    expect(result).toEqual({ months: 0, skipped: 0 });
  });
});
