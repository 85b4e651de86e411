import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { prisma } from '@/lib/db/client';
import { recordRun } from './run-record';

describe('recordRun', () => {
  it('records a failure as FAILED with the error and the counts reached, and rethrows', async () => {
    const token = randomUUID();
    const failing = recordRun('INTEGRITY', async (counts) => {
      counts.missing = 2;
      throw new Error(`boom ${token}`);
    });
    await expect(failing).rejects.toThrow(token);
    const run = await prisma.retentionRun.findFirstOrThrow({ where: { error: { contains: token } } });
    expect(run).toMatchObject({ kind: 'INTEGRITY', status: 'FAILED', counts: { missing: 2 }, error: `Error: boom ${token}` });
    expect(run.finishedAt).not.toBeNull();
  });

  it('records a success with its counts', async () => {
    const result = await recordRun('PARTITIONS', async (counts) => {
      counts.created = 0;
    });
    const run = await prisma.retentionRun.findUniqueOrThrow({ where: { id: result.runId } });
    expect(run).toMatchObject({ kind: 'PARTITIONS', status: 'SUCCEEDED', counts: { created: 0 }, error: null });
  });
});
