// The nightly sweep, limited to this file's users (era 2011–2012) so parallel tests keep their data.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pool, prisma } from '@/lib/db/client';
import { createUser } from '@/test/factories';
import { archiveColdMonths } from './archive-cold-months';
import { sampleArchiveKey } from './object-key';
import { insertRawSamples, tempStore } from './test-factories';

// ARCHIVE_AFTER_MONTHS defaults to 13: on 2012-06-15, months up to 2011-04 are cold.
const now = new Date('2012-06-15T00:00:00Z');
const monthsLeft = async (userId: string) =>
  (await pool().query(`SELECT DISTINCT to_char(start_at, 'YYYY-MM') AS m FROM health_samples WHERE user_id = $1 ORDER BY 1`, [userId])).rows.map((r) => r.m);

let archive: Awaited<ReturnType<typeof tempStore>>;
beforeAll(async () => (archive = await tempStore()));
afterAll(() => archive.cleanup());

describe('archiveColdMonths', () => {
  it('archives each cold month not yet archived, once', async () => {
    const user = await createUser();
    await insertRawSamples([
      { userId: user.id, type: 'STEPS', startAt: '2011-01-10T10:00:00Z', value: 10 },
      { userId: user.id, type: 'STEPS', startAt: '2011-01-11T10:00:00Z', value: 11 },
      { userId: user.id, type: 'STEPS', startAt: '2011-04-30T23:59:59Z', value: 12 },
      { userId: user.id, type: 'STEPS', startAt: '2011-05-01T00:00:00Z', value: 13 },
    ]);

    const result = await archiveColdMonths({ now, userIds: [user.id], store: archive.store });
    expect(result.counts).toMatchObject({ months: 2, health_samples: 3, skipped: 0 });
    expect(await monthsLeft(user.id)).toEqual(['2011-05']);
    expect(await archive.store.exists(sampleArchiveKey(user.id, '2011-01'))).toBe(true);
    expect(await archive.store.exists(sampleArchiveKey(user.id, '2011-04'))).toBe(true);
    const run = await prisma.retentionRun.findUniqueOrThrow({ where: { id: result.runId } });
    expect(run).toMatchObject({ kind: 'ARCHIVE', status: 'SUCCEEDED', counts: result.counts });

    expect((await archiveColdMonths({ now, userIds: [user.id], store: archive.store })).counts).toMatchObject({ months: 0, health_samples: 0 });
  });

  it('records FAILED with the error and leaves the samples in place when the store fails', async () => {
    const user = await createUser();
    await insertRawSamples([{ userId: user.id, type: 'STEPS', startAt: '2011-02-10T10:00:00Z', value: 10 }]);
    const token = randomUUID();
    const broken = { ...archive.store, put: async () => Promise.reject(new Error(`store unavailable ${token}`)) };

    await expect(archiveColdMonths({ now, userIds: [user.id], store: broken })).rejects.toThrow(token);
    const run = await prisma.retentionRun.findFirstOrThrow({ where: { error: { contains: token } } });
    expect(run).toMatchObject({ kind: 'ARCHIVE', status: 'FAILED', counts: { months: 0, health_samples: 0 } });
    expect(run.finishedAt).not.toBeNull();
    expect(await monthsLeft(user.id)).toEqual(['2011-02']);
    expect(await prisma.archive.count({ where: { userId: user.id } })).toBe(0);
  });
});
